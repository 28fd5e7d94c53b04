//! The retired `POST /emails` and `POST /sms_messages` endpoints: the exact request, decoding
//! of the legacy responses, and the error a current API answers with.

#![allow(deprecated)]

use clerk_backend::models::{CreateEmailParams, CreateSmsMessageParams};
use clerk_backend::Error;
use clerk_tests::{MockServer, Reply};

#[tokio::test]
async fn email_create_sends_the_four_fields_and_decodes_the_email() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "email.json"));
    let email = server
        .client()
        .emails()
        .create(CreateEmailParams::new(
            "support",
            "Your weekly summary",
            "<p>Hello Ada, here is what happened this week.</p>",
            "idn_2xhFjGq3ZyK5sVbA8nLmP0qRtUe",
        ))
        .await
        .expect("create email");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/emails", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        serde_json::json!({
            "from_email_name": "support",
            "subject": "Your weekly summary",
            "body": "<p>Hello Ada, here is what happened this week.</p>",
            "email_address_id": "idn_2xhFjGq3ZyK5sVbA8nLmP0qRtUe"
        })
    );

    assert_eq!(email.object, "email");
    assert_eq!(email.id, "ema_2xhFjS8tU0vW2xY4zA6bC8dE0fG");
    assert_eq!(email.to_email_address.as_deref(), Some("ada@example.com"));
    assert_eq!(email.status.as_deref(), Some("queued"));
    assert_eq!(email.slug, None);
    assert_eq!(email.body_plain, None);
    assert_eq!(email.data, None);
    assert_eq!(email.delivered_by_clerk, Some(true));
}

#[tokio::test]
async fn sms_create_sends_the_message_and_decodes_the_sms() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "sms_message.json"));
    let sms = server
        .client()
        .sms_messages()
        .create(CreateSmsMessageParams::new(
            "Your order has shipped.",
            "idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs",
        ))
        .await
        .expect("create sms");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/sms_messages", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        serde_json::json!({
            "message": "Your order has shipped.",
            "phone_number_id": "idn_2xhFjHw7CdE9fGh1JkLmN3oPqRs"
        })
    );

    assert_eq!(sms.object, "sms_message");
    assert_eq!(sms.id, "sms_2xhFjT9uV1wX3yZ5aB7cD9eF1gH");
    assert_eq!(sms.to_phone_number.as_deref(), Some("+14155550123"));
    assert_eq!(sms.message.as_deref(), Some("Your order has shipped."));
    assert_eq!(sms.status.as_deref(), Some("queued"));
    assert_eq!(sms.delivered_by_clerk, Some(true));
}

#[tokio::test]
async fn a_current_api_rejects_the_retired_endpoints_once_without_retrying() {
    let server = MockServer::start().await;
    server.reply(Reply::clerk_error(
        404,
        "resource_not_found",
        "The requested resource was not found",
    ));
    server.reply(Reply::clerk_error(
        410,
        "endpoint_deprecated",
        "This endpoint is no longer available",
    ));
    let clerk = server.client();
    let email = clerk
        .emails()
        .create(CreateEmailParams::new(
            "support",
            "Hi",
            "<p>Hi</p>",
            "idn_1",
        ))
        .await;
    let sms = clerk
        .sms_messages()
        .create(CreateSmsMessageParams::new("Hi", "idn_2"))
        .await;

    match email {
        Err(Error::Api(api)) => {
            assert_eq!(api.status.as_u16(), 404);
            assert_eq!(api.errors[0].code, "resource_not_found");
            assert_eq!(api.clerk_trace_id.as_deref(), Some("trace_0123456789"));
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    match sms {
        Err(Error::Api(api)) => {
            assert_eq!(api.status.as_u16(), 410);
            assert_eq!(api.errors[0].code, "endpoint_deprecated");
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/emails", "/sms_messages"]);
}
