//! API keys that your users create to call your own API.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

/// The spec's path pattern: `ak_` or `api_key_` followed by 32 hex digits.
const KEY: &str = "ak_3beecc9c60adb5f9b850e91a8ee1e992";
const USER: &str = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.api_keys().list(
        ApiKeyListParams::new(USER)
            .kind("api_key")
            .include_invalid(true)
            .query("service")
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.api_keys().create(
        CreateApiKeyParams::new("MY_SERVICE_API_KEY", USER)
            .kind("api_key")
            .description("For the billing service")
            .claims(serde_json::json!({"tier": "gold"}))
            .scopes(["read", "write"])
            .created_by(USER)
            .seconds_until_expiration(3600),
    ))
    .await;
    run.ok(clerk.api_keys().get(KEY)).await;
    run.ok(clerk.api_keys().update(
        KEY,
        UpdateApiKeyParams::default()
            .description("Rotated monthly")
            .scopes(["read"])
            .claims(serde_json::json!({"tier": "silver"}))
            .subject("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
            .seconds_until_expiration(86400),
    ))
    .await;
    run.ok(clerk.api_keys().delete(KEY)).await;
    run.ok(clerk.api_keys().revoke(
        KEY,
        RevokeApiKeyParams::default().revocation_reason("leaked"),
    ))
    .await;
    run.ok(clerk.api_keys().revoke(KEY, RevokeApiKeyParams::default()))
        .await;
    run.ok(clerk
        .api_keys()
        .verify(VerifyApiKeyParams::new("ak_live_contract_secret")))
        .await;
    run.ok(clerk.api_keys().get_secret(KEY)).await;
}
