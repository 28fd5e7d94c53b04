//! Actor tokens for signing in as another user (impersonation).

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.actor_tokens().create(
        CreateActorTokenParams::new("user_1", "user_admin")
            .actor_claim("reason", "support")
            .expires_in_seconds(600_i64)
            .session_max_duration_in_seconds(900_i64),
    ))
    .await;
    run.ok(clerk.actor_tokens().revoke("act_1")).await;
}
