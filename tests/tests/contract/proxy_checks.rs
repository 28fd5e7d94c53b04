//! Checks that a proxy in front of the Frontend API is set up.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.proxy_checks().verify(VerifyProxyParams::new(
        "dmn_1",
        "https://example.com/__clerk",
    )))
    .await;
}
