//! Email addresses.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let addresses = clerk.email_addresses();
    run.ok(addresses.create(
        CreateEmailAddressParams::new("user_1", "ada@example.com")
            .verified(true)
            .primary(false)
            .notify_primary_email_address_changed(false),
    ))
    .await;
    run.ok(addresses.get("idn_1")).await;
    run.ok(addresses.update(
        "idn_1",
        UpdateEmailAddressParams::default()
            .verified(true)
            .primary(true)
            .notify_primary_email_address_changed(true),
    ))
    .await;
    run.ok(addresses.delete("idn_1")).await;
    run.ok(addresses.prepare_verification("idn_1")).await;
    run.ok(addresses.attempt_verification(
        "idn_1",
        AttemptCodeVerificationParams::new("ver_1", "424242"),
    ))
    .await;
    run.ok(addresses.replace_for_user(
        "user_1",
        ReplaceEmailAddressParams::new("grace@example.com")
            .identification_status(ReplacementIdentificationStatus::Reserved)
            .notify_primary_email_address_changed(true),
    ))
    .await;
}
