//! Phone numbers: the exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{
    AttemptCodeVerificationParams, CodeVerificationStrategy, CreatePhoneNumberParams,
    ReplacePhoneNumberParams, ReplacementIdentificationStatus, UpdatePhoneNumberParams,
    VerificationStatus,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

#[tokio::test]
async fn create_sends_the_required_fields_and_the_flags_set() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "phone_number.json"));
    let params = CreatePhoneNumberParams::new("user_2abc", "+14155550123")
        .verified(true)
        .primary(false)
        .reserved_for_second_factor(true);
    let number = server
        .client()
        .phone_numbers()
        .create(params)
        .await
        .expect("create phone number");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/phone_numbers", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({
            "user_id": "user_2abc",
            "phone_number": "+14155550123",
            "verified": true,
            "primary": false,
            "reserved_for_second_factor": true
        })
    );

    assert_eq!(
        number.id.as_deref(),
        Some("idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs")
    );
    assert_eq!(number.object, "phone_number");
    assert_eq!(number.phone_number, "+14155550123");
    assert_eq!(number.reserved_for_second_factor, Some(true));
    assert_eq!(number.default_second_factor, Some(true));
    assert!(!number.reserved);
    let verification = number.verification.expect("verification");
    assert_eq!(verification.status, VerificationStatus::Verified);
    assert_eq!(verification.strategy, "phone_code");
    assert_eq!(verification.channel.as_deref(), Some("sms"));
    assert!(number.linked_to.is_empty());
    assert_eq!(number.backup_codes, None);
    assert_eq!(number.updated_at, 1_717_003_000_000);
}

#[tokio::test]
async fn create_sends_only_the_required_fields_by_default() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "phone_number.json"));
    server
        .client()
        .phone_numbers()
        .create(CreatePhoneNumberParams::new("user_2abc", "+14155550123"))
        .await
        .expect("create phone number");
    assert_eq!(
        server.single().json(),
        json!({"user_id": "user_2abc", "phone_number": "+14155550123"})
    );
}

#[tokio::test]
async fn get_sends_no_body_and_decodes_the_number() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "phone_number.json"));
    let number = server
        .client()
        .phone_numbers()
        .get("idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs")
        .await
        .expect("get phone number");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        (
            "GET",
            "/phone_numbers/idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(number.phone_number, "+14155550123");
}

#[tokio::test]
async fn update_patches_only_the_fields_set() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "phone_number.json"));
    server.reply(Reply::fixture(200, "phone_number.json"));
    let clerk = server.client();
    clerk
        .phone_numbers()
        .update(
            "idn_1",
            UpdatePhoneNumberParams::default()
                .verified(true)
                .reserved_for_second_factor(true),
        )
        .await
        .expect("update phone number");
    clerk
        .phone_numbers()
        .update("idn_1", UpdatePhoneNumberParams::default().primary(true))
        .await
        .expect("update phone number again");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for req in &requests {
        assert_eq!(
            (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
            ("PATCH", "/phone_numbers/idn_1", None)
        );
    }
    assert_eq!(
        requests[0].json(),
        json!({"verified": true, "reserved_for_second_factor": true})
    );
    assert_eq!(requests[1].json(), json!({"primary": true}));
}

#[tokio::test]
async fn delete_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "phone_number_deleted.json"));
    let deleted = server
        .client()
        .phone_numbers()
        .delete("idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs")
        .await
        .expect("delete phone number");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        (
            "DELETE",
            "/phone_numbers/idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "phone_number");
    assert_eq!(
        deleted.id.as_deref(),
        Some("idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs")
    );
    assert!(deleted.deleted);
}

#[tokio::test]
async fn prepare_verification_posts_without_a_body_and_decodes_the_channel() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "phone_number_verification_prepared.json",
    ));
    let verification = server
        .client()
        .phone_numbers()
        .prepare_verification("idn_1")
        .await
        .expect("prepare verification");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/phone_numbers/idn_1/prepare_verification", None)
    );
    assert!(req.body.is_empty());
    assert_eq!(req.header("content-type"), None);

    assert_eq!(
        verification.id.as_deref(),
        Some("ver_2xhFnOq5RsT7uVw9XyZ1aBc3DeF")
    );
    assert_eq!(verification.status, Some(VerificationStatus::Unverified));
    assert_eq!(
        verification.strategy,
        Some(CodeVerificationStrategy::PhoneCode)
    );
    assert_eq!(verification.attempts, Some(0));
    assert_eq!(verification.expire_at, Some(1_717_003_800_000));
    assert_eq!(verification.channel.as_deref(), Some("whatsapp"));
}

#[tokio::test]
async fn attempt_verification_sends_the_verification_id_and_code_and_reports_failure_as_status() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "phone_number_verification_attempted.json",
    ));
    let verification = server
        .client()
        .phone_numbers()
        .attempt_verification(
            "idn_1",
            AttemptCodeVerificationParams::new("ver_2xhFnOq5RsT7uVw9XyZ1aBc3DeF", "123456"),
        )
        .await
        .expect("a wrong code is not an error");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/phone_numbers/idn_1/attempt_verification", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({"verification_id": "ver_2xhFnOq5RsT7uVw9XyZ1aBc3DeF", "code": "123456"})
    );
    assert_eq!(verification.status, Some(VerificationStatus::Failed));
    assert_eq!(verification.attempts, Some(3));
    assert_eq!(verification.channel.as_deref(), Some("sms"));
}

#[tokio::test]
async fn replace_for_user_puts_the_new_number_under_the_user() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "phone_number_replaced.json"));
    server.reply(Reply::fixture(200, "phone_number.json"));
    let clerk = server.client();
    let replaced = clerk
        .phone_numbers()
        .replace_for_user(
            "user_2abc",
            ReplacePhoneNumberParams::new("+442071838750")
                .identification_status(ReplacementIdentificationStatus::Reserved),
        )
        .await
        .expect("replace phone number");
    clerk
        .phone_numbers()
        .replace_for_user("user_2abc", ReplacePhoneNumberParams::new("+14155550123"))
        .await
        .expect("replace with defaults");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for req in &requests {
        assert_eq!(
            (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
            ("PUT", "/users/user_2abc/phone_number", None)
        );
    }
    assert_eq!(
        requests[0].json(),
        json!({"phone_number": "+442071838750", "identification_status": "reserved"})
    );
    assert_eq!(requests[1].json(), json!({"phone_number": "+14155550123"}));
    assert_eq!(replaced.phone_number, "+442071838750");
    assert!(replaced.reserved);
    assert_eq!(replaced.reserved_for_second_factor, Some(false));
    assert_eq!(replaced.verification, None);
    assert_eq!(replaced.backup_codes, None);
}
