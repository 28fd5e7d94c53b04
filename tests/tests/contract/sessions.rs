//! Sessions.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

#[allow(deprecated)]
pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.sessions().list(
        SessionListParams::default()
            .user_id("user_1")
            .status(SessionStatus::Active)
            .limit(10),
    ))
    .await;
    run.ok(clerk.sessions().get("sess_1")).await;
    run.ok(clerk.sessions().create(CreateSessionParams::new("user_1")))
        .await;
    run.ok(clerk.sessions().refresh(
        "sess_1",
        RefreshSessionParams::new("expired.jwt.token", "refresh-token", "https://example.com"),
    ))
    .await;
    run.ok(clerk.sessions().revoke("sess_1")).await;
    run.ok(clerk.sessions().create_token(
        "sess_1",
        CreateSessionTokenParams::default().expires_in_seconds(60),
    ))
    .await;
    run.ok(clerk.sessions().create_token_from_template(
        "sess_1",
        "supabase",
        CreateSessionTokenParams::default(),
    ))
    .await;
}
