//! Retired endpoints: declared for users of older API versions, unknown to the current spec.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

#[allow(deprecated)]
pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.retired(
        clerk
            .emails()
            .create(CreateEmailParams::new("hello", "Hi", "<p>Hi</p>", "idn_1")),
    )
    .await;
    run.retired(
        clerk
            .sms_messages()
            .create(CreateSmsMessageParams::new("Hi", "idn_1")),
    )
    .await;
    run.retired(
        clerk
            .sessions()
            .verify("sess_1", VerifySessionParams::new("jwt")),
    )
    .await;
}
