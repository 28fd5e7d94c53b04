//! Sign-up attempts.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.sign_ups().get("sua_1")).await;
    run.ok(clerk.sign_ups().update(
        "sua_1",
        UpdateSignUpParams::default()
            .external_id("legacy-4812")
            .custom_action(true),
    ))
    .await;
}
