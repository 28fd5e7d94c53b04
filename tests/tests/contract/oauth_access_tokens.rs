//! Access tokens issued by your OAuth applications.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk
        .oauth_access_tokens()
        .verify(VerifyOAuthAccessTokenParams::new(
            "oat_contract_access_token",
        )))
    .await;
    run.ok(clerk
        .oauth_access_tokens()
        .verify(VerifyOAuthAccessTokenParams::default().secret("oat_contract_access_token")))
        .await;
}
