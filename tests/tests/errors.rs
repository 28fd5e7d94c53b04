//! Error mapping: Clerk's error JSON, other bodies, decode failures with their path.

use clerk_backend::{Error, RetryPolicy};
use clerk_tests::{MockServer, Reply};

#[tokio::test]
async fn clerk_error_json_becomes_a_typed_api_error() {
    let server = MockServer::start().await;
    server.reply(Reply::clerk_error(
        404,
        "resource_not_found",
        "Resource not found",
    ));
    let err = server
        .client()
        .users()
        .get("user_missing")
        .await
        .expect_err("404");

    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some("resource_not_found"));
    assert_eq!(err.trace_id(), Some("trace_0123456789"));
    assert!(!err.is_retryable());
    let api = err.as_api().expect("api error");
    assert_eq!(api.route, "GET /users/{user_id}");
    assert_eq!(
        api.errors[0].long_message.as_deref(),
        Some("Resource not found.")
    );
    assert_eq!(
        err.to_string(),
        "GET /users/{user_id} returned 404 Not Found: Resource not found. (resource_not_found) [trace trace_0123456789]"
    );
    assert_eq!(server.requests().len(), 1, "a 404 is not retried");
}

#[tokio::test]
async fn several_errors_and_their_meta_are_kept() {
    let server = MockServer::start().await;
    server.reply(Reply::json(
        422,
        r#"{"errors":[
            {"code":"form_identifier_exists","message":"taken","long_message":"That email address is taken.","meta":{"param_name":"email_address"}},
            {"code":"form_password_pwned","message":"pwned","long_message":"Password found in a breach."}
        ]}"#,
    ));
    let params =
        clerk_backend::models::CreateUserParams::default().email_address(["a@example.com"]);
    let err = server
        .client()
        .users()
        .create(params)
        .await
        .expect_err("422");
    let api = err.as_api().expect("api error");
    assert_eq!(api.errors.len(), 2);
    assert_eq!(
        api.errors[0].meta,
        Some(serde_json::json!({"param_name": "email_address"}))
    );
    assert_eq!(api.errors[1].code, "form_password_pwned");
    assert!(err
        .to_string()
        .ends_with("(form_identifier_exists) and 1 more"));
}

#[tokio::test]
async fn a_non_json_error_body_is_kept_raw() {
    let server = MockServer::start().await;
    server.reply(Reply::Respond {
        status: 502,
        headers: vec![("content-type".into(), "text/html".into())],
        body: "<html>bad gateway</html>".into(),
    });
    let err = server
        .client()
        .users()
        .get("user_1")
        .retry_policy(RetryPolicy::none())
        .await
        .expect_err("502");
    let api = err.as_api().expect("api error");
    assert!(api.errors.is_empty());
    assert_eq!(api.raw_body.as_deref(), Some("<html>bad gateway</html>"));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn truncated_and_non_json_success_bodies_are_decode_errors() {
    let server = MockServer::start().await;
    let full = clerk_tests::fixture("user.json");
    server.reply(Reply::json(200, &full[..full.len() / 2]));
    server.reply(Reply::Respond {
        status: 200,
        headers: vec![],
        body: "not json at all".into(),
    });
    let clerk = server.client();
    for _ in 0..2 {
        match clerk.users().get("user_1").await {
            Err(Error::Decode(d)) => {
                assert_eq!(d.route, "GET /users/{user_id}");
                assert_eq!(d.status.as_u16(), 200);
                assert!(d.body.as_deref().is_some_and(|b| !b.is_empty()));
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }
    assert_eq!(server.requests().len(), 2, "decode errors are not retried");
}

#[tokio::test]
async fn a_decode_error_names_the_field_path_and_truncates_the_body() {
    let server = MockServer::start().await;
    let mut user: serde_json::Value =
        serde_json::from_str(&clerk_tests::fixture("user.json")).expect("fixture");
    user["email_addresses"][0]["verification"] = serde_json::json!(12);
    user["padding"] = serde_json::json!("x".repeat(10_000));
    server.reply(Reply::json(200, user.to_string()));
    let err = server
        .client()
        .users()
        .get("user_1")
        .await
        .expect_err("bad type");
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(d.path, "email_addresses[0].verification");
    let body = d.body.as_deref().expect("a user body is kept");
    assert!(body.len() <= clerk_backend::DecodeError::BODY_LIMIT + 3);
    assert!(body.ends_with("..."));
    assert!(err.to_string().contains("email_addresses[0].verification"));
}
