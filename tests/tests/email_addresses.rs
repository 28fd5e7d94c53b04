//! Email addresses: the exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{
    AttemptCodeVerificationParams, CodeVerificationStrategy, CreateEmailAddressParams,
    ReplaceEmailAddressParams, ReplacementIdentificationStatus, UpdateEmailAddressParams,
    VerificationStatus,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

#[tokio::test]
async fn create_sends_the_required_fields_and_the_flags_set() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email_address.json"));
    let params = CreateEmailAddressParams::new("user_2abc", "ada@example.com")
        .verified(true)
        .primary(true)
        .notify_primary_email_address_changed(false);
    let address = server
        .client()
        .email_addresses()
        .create(params)
        .await
        .expect("create email address");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/email_addresses", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({
            "user_id": "user_2abc",
            "email_address": "ada@example.com",
            "verified": true,
            "primary": true,
            "notify_primary_email_address_changed": false
        })
    );

    assert_eq!(
        address.id.as_deref(),
        Some("idn_2xhFjGq3ZyK5sVbA8nLmP0qRtUe")
    );
    assert_eq!(address.object, "email_address");
    assert_eq!(address.email_address, "ada@example.com");
    assert!(!address.reserved);
    let verification = address.verification.expect("verification");
    assert_eq!(verification.status, VerificationStatus::Verified);
    assert_eq!(verification.strategy, "admin");
    assert_eq!(verification.attempts, None);
    assert_eq!(address.linked_to.len(), 1);
    assert_eq!(address.linked_to[0].kind, "oauth_google");
    assert_eq!(address.matches_sso_connection, Some(false));
    assert_eq!(address.created_at, 1_716_998_400_000);
}

#[tokio::test]
async fn create_sends_only_the_required_fields_by_default() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email_address.json"));
    server
        .client()
        .email_addresses()
        .create(CreateEmailAddressParams::new(
            "user_2abc",
            "ada@example.com",
        ))
        .await
        .expect("create email address");
    assert_eq!(
        server.single().json(),
        json!({"user_id": "user_2abc", "email_address": "ada@example.com"})
    );
}

#[tokio::test]
async fn get_sends_no_body_and_decodes_an_address_without_verification() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email_address_reserved.json"));
    let address = server
        .client()
        .email_addresses()
        .get("idn_2xhFkRs9TuV1wXy3ZaB5cDe7FgH")
        .await
        .expect("get email address");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        (
            "GET",
            "/email_addresses/idn_2xhFkRs9TuV1wXy3ZaB5cDe7FgH",
            None
        )
    );
    assert!(req.body.is_empty());
    assert!(address.reserved);
    assert_eq!(address.verification, None);
    assert!(address.linked_to.is_empty());
    assert_eq!(address.matches_sso_connection, None);
}

#[tokio::test]
async fn update_patches_only_the_fields_set() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email_address.json"));
    server.reply(Reply::fixture(200, "email_address.json"));
    let clerk = server.client();
    clerk
        .email_addresses()
        .update(
            "idn_1",
            UpdateEmailAddressParams::default()
                .primary(true)
                .notify_primary_email_address_changed(true),
        )
        .await
        .expect("update email address");
    clerk
        .email_addresses()
        .update("idn_1", UpdateEmailAddressParams::default().verified(false))
        .await
        .expect("update email address again");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for req in &requests {
        assert_eq!(
            (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
            ("PATCH", "/email_addresses/idn_1", None)
        );
    }
    assert_eq!(
        requests[0].json(),
        json!({"primary": true, "notify_primary_email_address_changed": true})
    );
    assert_eq!(requests[1].json(), json!({"verified": false}));
}

#[tokio::test]
async fn delete_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email_address_deleted.json"));
    let deleted = server
        .client()
        .email_addresses()
        .delete("idn_2xhFjGq3ZyK5sVbA8nLmP0qRtUe")
        .await
        .expect("delete email address");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        (
            "DELETE",
            "/email_addresses/idn_2xhFjGq3ZyK5sVbA8nLmP0qRtUe",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "email_address");
    assert_eq!(
        deleted.id.as_deref(),
        Some("idn_2xhFjGq3ZyK5sVbA8nLmP0qRtUe")
    );
    assert!(deleted.deleted);
}

#[tokio::test]
async fn prepare_verification_posts_without_a_body_and_decodes_the_pending_verification() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "email_address_verification_prepared.json",
    ));
    let verification = server
        .client()
        .email_addresses()
        .prepare_verification("idn_1")
        .await
        .expect("prepare verification");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/email_addresses/idn_1/prepare_verification", None)
    );
    assert!(req.body.is_empty());
    assert_eq!(req.header("content-type"), None);

    assert_eq!(verification.object.as_deref(), Some("verification"));
    assert_eq!(
        verification.id.as_deref(),
        Some("ver_2xhFmNp4QrS6tUv8WxY0zAb2CdE")
    );
    assert_eq!(verification.status, Some(VerificationStatus::Unverified));
    assert_eq!(
        verification.strategy,
        Some(CodeVerificationStrategy::EmailCode)
    );
    assert_eq!(verification.attempts, Some(0));
    assert_eq!(verification.expire_at, Some(1_717_003_200_000));
    assert_eq!(verification.channel, None);
}

#[tokio::test]
async fn attempt_verification_sends_the_verification_id_and_code() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "email_address_verification_attempted.json",
    ));
    let verification = server
        .client()
        .email_addresses()
        .attempt_verification(
            "idn_1",
            AttemptCodeVerificationParams::new("ver_2xhFmNp4QrS6tUv8WxY0zAb2CdE", "424242"),
        )
        .await
        .expect("attempt verification");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/email_addresses/idn_1/attempt_verification", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({"verification_id": "ver_2xhFmNp4QrS6tUv8WxY0zAb2CdE", "code": "424242"})
    );
    assert_eq!(verification.status, Some(VerificationStatus::Verified));
    assert_eq!(verification.attempts, Some(1));
    assert_eq!(verification.channel, None);
}

#[tokio::test]
async fn verification_decodes_unknown_values_and_an_empty_object() {
    let server = MockServer::start().await;
    server.reply(Reply::json(
        200,
        r#"{"status":"locked","strategy":"email_link","attempts":null,"expire_at":null}"#,
    ));
    server.reply(Reply::json(200, "{}"));
    let clerk = server.client();
    let odd = clerk
        .email_addresses()
        .attempt_verification(
            "idn_1",
            AttemptCodeVerificationParams::new("ver_1", "000000"),
        )
        .await
        .expect("unknown values");
    assert_eq!(
        odd.status,
        Some(VerificationStatus::Unknown("locked".into()))
    );
    assert_eq!(
        odd.strategy,
        Some(CodeVerificationStrategy::Unknown("email_link".into()))
    );
    assert_eq!(
        odd.strategy.as_ref().map(|s| s.as_str()),
        Some("email_link")
    );
    assert_eq!(odd.attempts, None);

    let empty = clerk
        .email_addresses()
        .prepare_verification("idn_1")
        .await
        .expect("empty object");
    assert_eq!(empty.id, None);
    assert_eq!(empty.status, None);
}

#[tokio::test]
async fn replace_for_user_puts_the_new_address_under_the_user() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email_address_reserved.json"));
    server.reply(Reply::fixture(200, "email_address.json"));
    let clerk = server.client();
    let replaced = clerk
        .email_addresses()
        .replace_for_user(
            "user_2abc",
            ReplaceEmailAddressParams::new("grace@example.com")
                .identification_status(ReplacementIdentificationStatus::Reserved)
                .notify_primary_email_address_changed(true),
        )
        .await
        .expect("replace email address");
    clerk
        .email_addresses()
        .replace_for_user(
            "user_2abc",
            ReplaceEmailAddressParams::new("ada@example.com"),
        )
        .await
        .expect("replace with defaults");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for req in &requests {
        assert_eq!(
            (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
            ("PUT", "/users/user_2abc/email_address", None)
        );
    }
    assert_eq!(
        requests[0].json(),
        json!({
            "email_address": "grace@example.com",
            "identification_status": "reserved",
            "notify_primary_email_address_changed": true
        })
    );
    assert_eq!(
        requests[1].json(),
        json!({"email_address": "ada@example.com"})
    );
    assert_eq!(replaced.email_address, "grace@example.com");
    assert!(replaced.reserved);
}

#[test]
fn replacement_status_sends_every_spec_value() {
    let values: Vec<String> = [
        ReplacementIdentificationStatus::Verified,
        ReplacementIdentificationStatus::Reserved,
        ReplacementIdentificationStatus::Unverified,
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(values, ["verified", "reserved", "unverified"]);
}
