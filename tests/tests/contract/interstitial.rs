//! The interstitial page served by the Frontend API.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.interstitial().get(
        InterstitialParams::default()
            .frontend_api("clerk.example.com")
            .publishable_key("pk_test_Y2xlcmsuZXhhbXBsZS5jb20k")
            .proxy_url("https://example.com/__clerk")
            .domain("example.com")
            .sign_in_url("https://example.com/sign-in")
            .use_domain_for_script(true),
    ))
    .await;
    run.ok(clerk
        .interstitial()
        .get(InterstitialParams::default().frontend_api_legacy("clerk.example.com")))
        .await;
}
