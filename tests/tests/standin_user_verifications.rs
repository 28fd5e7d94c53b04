//! The stand-in's code verifications of email addresses and phone numbers, and the
//! replacement of all of a user's addresses or numbers, through this crate's own client.

use std::time::Duration;

use clerk_backend::models::{
    AttemptCodeVerificationParams, CodeVerificationStrategy, CreateEmailAddressParams,
    CreatePhoneNumberParams, CreateUserParams, ReplaceEmailAddressParams, ReplacePhoneNumberParams,
    ReplacementIdentificationStatus, User, VerificationStatus,
};
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_tests::refusal;

/// Clerk's test-mode code, the one code the stand-in accepts (it sends nothing).
const TEST_CODE: &str = "424242";

async fn ada(standin: &StandIn) -> User {
    standin
        .clerk()
        .users()
        .create(
            CreateUserParams::default()
                .email_address(["ada@example.com"])
                .password("correct horse battery"),
        )
        .await
        .expect("user")
}

#[tokio::test]
async fn an_email_code_verifies_an_unverified_address() {
    let standin = StandIn::builder()
        .webhook("http://127.0.0.1:9/hooks", generate_webhook_secret())
        .webhook_retry_delays([Duration::ZERO])
        .start()
        .await
        .expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let address = clerk
        .email_addresses()
        .create(CreateEmailAddressParams::new(
            &user.id,
            "ada+clerk_test@work.example",
        ))
        .await
        .expect("address");
    let id = address.id.clone().expect("id");
    assert_eq!(address.verification, None);

    let pending = clerk
        .email_addresses()
        .prepare_verification(&id)
        .await
        .expect("prepare");
    assert_eq!(pending.status, Some(VerificationStatus::Unverified));
    assert_eq!(pending.strategy, Some(CodeVerificationStrategy::EmailCode));
    assert_eq!(pending.attempts, Some(0));
    assert!(pending.expire_at.is_some());
    let verification_id = pending.id.clone().expect("a verification id");

    // A wrong code shows in the status and the count, not as an error (the spec's rule).
    let wrong = clerk
        .email_addresses()
        .attempt_verification(
            &id,
            AttemptCodeVerificationParams::new(&verification_id, "000000"),
        )
        .await
        .expect("a wrong code is still a 200");
    assert_eq!(wrong.status, Some(VerificationStatus::Unverified));
    assert_eq!(wrong.attempts, Some(1));
    let still = clerk.email_addresses().get(&id).await.expect("address");
    assert_eq!(still.verification, None);

    let right = clerk
        .email_addresses()
        .attempt_verification(
            &id,
            AttemptCodeVerificationParams::new(&verification_id, TEST_CODE),
        )
        .await
        .expect("the test code");
    assert_eq!(right.status, Some(VerificationStatus::Verified));
    assert_eq!(right.attempts, Some(2));
    let verified = clerk.email_addresses().get(&id).await.expect("address");
    let verification = verified.verification.expect("a verification");
    assert_eq!(
        (verification.status, verification.strategy.as_str()),
        (VerificationStatus::Verified, "email_code")
    );

    // Resubmitting an accepted verification: the spec's `verification_already_verified`.
    let (status, code, _) = refusal(
        clerk
            .email_addresses()
            .attempt_verification(
                &id,
                AttemptCodeVerificationParams::new(&verification_id, TEST_CODE),
            )
            .await,
    );
    assert_eq!(
        (status, code.as_str()),
        (400, "verification_already_verified")
    );

    tokio::time::timeout(Duration::from_secs(10), standin.webhooks_settled())
        .await
        .expect("settled");
    let types: Vec<String> = standin
        .webhook_attempts()
        .into_iter()
        .filter(|a| a.attempt == 1)
        .map(|a| a.event_type)
        .collect();
    // Created, address added, address verified; prepare and the wrong code change nothing.
    assert_eq!(types, ["user.created", "user.updated", "user.updated"]);
}

#[tokio::test]
async fn too_many_wrong_codes_fail_the_verification_and_unknown_ids_are_404() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let phone = clerk
        .phone_numbers()
        .create(CreatePhoneNumberParams::new(&user.id, "+15555550100"))
        .await
        .expect("phone");
    let id = phone.id.clone().expect("id");
    let pending = clerk
        .phone_numbers()
        .prepare_verification(&id)
        .await
        .expect("prepare");
    assert_eq!(pending.strategy, Some(CodeVerificationStrategy::PhoneCode));
    assert_eq!(pending.channel.as_deref(), Some("sms"));
    let verification_id = pending.id.clone().expect("id");
    let mut last = None;
    for _ in 0..3 {
        last = Some(
            clerk
                .phone_numbers()
                .attempt_verification(
                    &id,
                    AttemptCodeVerificationParams::new(&verification_id, "111111"),
                )
                .await
                .expect("attempt"),
        );
    }
    assert_eq!(
        last.and_then(|v| v.status),
        Some(VerificationStatus::Failed)
    );
    // Failed for good: even the right code no longer verifies the number.
    let after = clerk
        .phone_numbers()
        .attempt_verification(
            &id,
            AttemptCodeVerificationParams::new(&verification_id, TEST_CODE),
        )
        .await
        .expect("attempt");
    assert_eq!(after.status, Some(VerificationStatus::Failed));
    let phone = clerk.phone_numbers().get(&id).await.expect("phone");
    assert_eq!(phone.verification, None);

    // A fresh verification works.
    let again = clerk
        .phone_numbers()
        .prepare_verification(&id)
        .await
        .expect("prepare");
    let ok = clerk
        .phone_numbers()
        .attempt_verification(
            &id,
            AttemptCodeVerificationParams::new(again.id.as_deref().expect("id"), TEST_CODE),
        )
        .await
        .expect("attempt");
    assert_eq!(ok.status, Some(VerificationStatus::Verified));
    let phone = clerk.phone_numbers().get(&id).await.expect("phone");
    assert_eq!(
        phone.verification.map(|v| (v.status, v.strategy)),
        Some((VerificationStatus::Verified, "phone_code".to_owned()))
    );

    let missing = |r| {
        let (status, code, _) = refusal(r);
        (status, code)
    };
    assert_eq!(
        missing(clerk.phone_numbers().prepare_verification("idn_none").await),
        (404, "resource_not_found".to_owned())
    );
    // A verification of another identification is not this one's.
    let email_id = user.email_addresses[0].id.clone().expect("id");
    assert_eq!(
        missing(
            clerk
                .email_addresses()
                .attempt_verification(
                    &email_id,
                    AttemptCodeVerificationParams::new(&verification_id, TEST_CODE)
                )
                .await
        ),
        (404, "resource_not_found".to_owned())
    );
}

#[tokio::test]
async fn replacing_the_email_address_leaves_one_primary() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    clerk
        .email_addresses()
        .create(CreateEmailAddressParams::new(&user.id, "ada@work.example"))
        .await
        .expect("second address");

    let new = clerk
        .email_addresses()
        .replace_for_user(&user.id, ReplaceEmailAddressParams::new("ada@new.example"))
        .await
        .expect("replace");
    let verification = new.verification.clone().expect("verified by default");
    assert_eq!(
        (verification.status, verification.strategy.as_str()),
        (VerificationStatus::Verified, "admin")
    );
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.email_addresses, std::slice::from_ref(&new));
    assert_eq!(after.primary_email_address_id, new.id);

    let reserved = clerk
        .email_addresses()
        .replace_for_user(
            &user.id,
            ReplaceEmailAddressParams::new("ada@reserved.example")
                .identification_status(ReplacementIdentificationStatus::Reserved),
        )
        .await
        .expect("reserved");
    assert!(reserved.reserved);
    assert_ne!(
        reserved.verification.map(|v| v.status),
        Some(VerificationStatus::Verified)
    );

    // Another user's verified address is taken; an unverified replacement claims nothing.
    let bob = clerk
        .users()
        .create(CreateUserParams::default().email_address(["bob@example.com"]))
        .await
        .expect("bob");
    assert_eq!(
        refusal(
            clerk
                .email_addresses()
                .replace_for_user(&user.id, ReplaceEmailAddressParams::new("bob@example.com"))
                .await
        ),
        (
            422,
            "form_identifier_exists".to_owned(),
            Some("email_address".to_owned())
        )
    );
    clerk
        .email_addresses()
        .replace_for_user(
            &user.id,
            ReplaceEmailAddressParams::new("bob@example.com")
                .identification_status(ReplacementIdentificationStatus::Unverified),
        )
        .await
        .expect("unverified may be shared");
    assert_eq!(
        refusal(
            clerk
                .email_addresses()
                .replace_for_user(&bob.id, ReplaceEmailAddressParams::new("not an email"))
                .await
        )
        .0,
        422
    );
    let (status, _, _) = refusal(
        clerk
            .email_addresses()
            .replace_for_user(
                "user_missing",
                ReplaceEmailAddressParams::new("x@y.example"),
            )
            .await,
    );
    assert_eq!(status, 404);
}

#[tokio::test]
async fn replacing_a_second_factor_number_turns_mfa_off() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    clerk
        .phone_numbers()
        .create(
            CreatePhoneNumberParams::new(&user.id, "+15555550100")
                .verified(true)
                .reserved_for_second_factor(true),
        )
        .await
        .expect("phone");
    assert!(
        clerk
            .users()
            .get(&user.id)
            .await
            .expect("user")
            .two_factor_enabled
    );

    let new = clerk
        .phone_numbers()
        .replace_for_user(&user.id, ReplacePhoneNumberParams::new("+15555550101"))
        .await
        .expect("replace");
    assert_eq!(new.reserved_for_second_factor, Some(false));
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.phone_numbers, std::slice::from_ref(&new));
    assert_eq!(after.primary_phone_number_id, new.id);
    assert!(!after.two_factor_enabled);
}
