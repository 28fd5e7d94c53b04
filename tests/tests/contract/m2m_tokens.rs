//! Machine-to-machine tokens issued to machines.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

/// The spec's path pattern: `mt_` followed by 32 hex digits.
const TOKEN: &str = "mt_f7f0ba8c3b4843ce7d85fcdd5e71853e";

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.m2m_tokens().list(
        M2mTokenListParams::new("mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
            .revoked(false)
            .expired(true)
            .limit(20)
            .offset(0),
    ))
    .await;
    run.ok(clerk.m2m_tokens().create(CreateM2mTokenParams::default()))
        .await;
    run.ok(clerk.m2m_tokens().create(
        CreateM2mTokenParams::default()
            .token_format(M2mTokenFormat::Opaque)
            .seconds_until_expiration(3600)
            .claims(serde_json::json!({"job": "nightly"}))
            .min_remaining_ttl_seconds(240_i64),
    ))
    .await;
    run.ok(clerk
        .m2m_tokens()
        .verify(VerifyM2mTokenParams::new("mt_contract_token")))
        .await;
    run.ok(clerk.m2m_tokens().revoke(
        TOKEN,
        RevokeM2mTokenParams::default().revocation_reason("job finished"),
    ))
    .await;
}
