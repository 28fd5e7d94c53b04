//! Phone numbers.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let numbers = clerk.phone_numbers();
    run.ok(numbers.create(
        CreatePhoneNumberParams::new("user_1", "+14155550123")
            .verified(true)
            .primary(false)
            .reserved_for_second_factor(true),
    ))
    .await;
    run.ok(numbers.get("idn_1")).await;
    run.ok(numbers.update(
        "idn_1",
        UpdatePhoneNumberParams::default()
            .verified(true)
            .primary(true)
            .reserved_for_second_factor(false),
    ))
    .await;
    run.ok(numbers.delete("idn_1")).await;
    run.ok(numbers.prepare_verification("idn_1")).await;
    run.ok(numbers.attempt_verification(
        "idn_1",
        AttemptCodeVerificationParams::new("ver_1", "123456"),
    ))
    .await;
    run.ok(numbers.replace_for_user(
        "user_1",
        ReplacePhoneNumberParams::new("+442071838750")
            .identification_status(ReplacementIdentificationStatus::Unverified),
    ))
    .await;
}
