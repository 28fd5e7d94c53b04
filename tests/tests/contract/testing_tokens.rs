//! Tokens that let end-to-end tests bypass bot protection.

use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.testing_tokens().create()).await;
}
