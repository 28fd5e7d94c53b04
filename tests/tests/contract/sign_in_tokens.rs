//! Sign-in tokens: one-time links that sign a user in.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.sign_in_tokens().create(
        CreateSignInTokenParams::new("user_1")
            .org_id("org_1")
            .expires_in_seconds(3600_i64),
    ))
    .await;
    run.ok(clerk.sign_in_tokens().revoke("sit_1")).await;
}
