//! Settings still in beta.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.beta_features().update_instance_settings(
        UpdateInstanceAuthSettingsParams::default()
            .restricted_to_allowlist(true)
            .from_email_address("auth")
            .progressive_sign_up(false)
            .test_mode(true),
    ))
    .await;
    #[allow(deprecated)]
    run.ok(clerk
        .beta_features()
        .update_domain(ChangeDomainParams::new("https://www.example.com").is_secondary(false)))
        .await;
    run.ok(clerk
        .beta_features()
        .change_domain(ChangeDomainParams::new("https://www.example.com").is_secondary(true)))
        .await;
}
