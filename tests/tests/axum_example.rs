//! The axum example (clerk/examples/axum) served on loopback and called over real HTTP:
//! `GET /me` with valid, missing, expired and forged session tokens, and
//! `POST /webhooks/clerk` with valid and tampered Svix deliveries, Clerk's documented sample
//! deliveries, a verified delivery whose payload does not fit the typed model, and the
//! Standard Webhooks header names.

#[path = "../../clerk/examples/axum/app.rs"]
mod app;
mod jwt_support;

use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use clerk_backend::auth::Authenticator;
use clerk_backend::jwt::Verifier;
use clerk_backend::webhooks::Webhook;
use hmac::{Hmac, Mac};
use jwt_support::TestKey;
use serde_json::{json, Value};
use sha2::Sha256;

const SIGNING_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn unix_now() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    i64::try_from(secs).expect("seconds fit")
}

/// The example's router on 127.0.0.1:<free port>; the server task ends with the test's
/// runtime.
async fn serve(key: &TestKey, webhook: Option<Webhook>) -> String {
    let verifier = Verifier::from_pem(&key.pem()).expect("pem");
    clerk_tests::serve(app::router(Authenticator::new(verifier), webhook)).await
}

fn session_token(key: &TestKey, exp_offset: i64) -> String {
    let now = unix_now();
    key.token(&json!({
        "sub": "user_2axum", "sid": "sess_2axum", "iss": "https://clerk.example.com",
        "iat": now - 5, "nbf": now - 5, "exp": now + exp_offset, "v": 2,
    }))
}

async fn get_me(url: &str, auth: Option<(&str, String)>) -> (u16, http::HeaderMap, Value) {
    let mut request = reqwest::Client::new().get(format!("{url}/me"));
    if let Some((name, value)) = auth {
        request = request.header(name, value);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).expect("a JSON body");
    (status, headers, body)
}

#[tokio::test]
async fn me_answers_200_with_the_user_id_for_a_valid_session() {
    let key = TestKey::generate("ins_axum");
    let url = serve(&key, None).await;
    let token = session_token(&key, 60);

    let (status, _, body) = get_me(&url, Some(("authorization", format!("Bearer {token}")))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user_id"], "user_2axum");
    assert_eq!(body["session_id"], "sess_2axum");

    // The same token in the session cookie, next to a signed-in `__client_uat` no newer than
    // the token (@clerk/backend's cookie rules, tokens/request.ts).
    let uat = unix_now() - 60;
    let cookie = format!("__session={token}; __client_uat={uat}");
    let (status, _, body) = get_me(&url, Some(("cookie", cookie))).await;
    assert_eq!((status, &body["user_id"]), (200, &json!("user_2axum")));
}

#[tokio::test]
async fn me_answers_401_json_when_signed_out() {
    let key = TestKey::generate("ins_axum");
    let url = serve(&key, None).await;

    let (status, headers, body) = get_me(&url, None).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"], "unauthenticated");
    assert_eq!(
        body,
        json!({"error": "unauthenticated", "reason": "token-missing"})
    );
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert_eq!(headers["x-clerk-auth-status"], "signed-out");

    let expired = session_token(&key, -60);
    let (status, headers, body) =
        get_me(&url, Some(("authorization", format!("Bearer {expired}")))).await;
    assert_eq!(status, 401);
    assert_eq!(body["reason"], "token-expired");
    assert_eq!(headers["x-clerk-auth-reason"], "token-expired");
    assert!(
        !body.to_string().contains(&expired),
        "the 401 body echoes the token"
    );

    // Signed by another key with the same kid: a forgery.
    let forged = session_token(&TestKey::generate("ins_axum"), 60);
    let (status, _, body) = get_me(&url, Some(("authorization", format!("Bearer {forged}")))).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-invalid")));
}

fn svix_signature(id: &str, timestamp: i64, body: &[u8]) -> String {
    let key = BASE64
        .decode(SIGNING_SECRET.trim_start_matches("whsec_"))
        .expect("base64 secret");
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("any key length");
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

async fn deliver(url: &str, body: &[u8], timestamp: i64, signature: &str) -> (u16, String) {
    deliver_with(url, "svix", body, timestamp, signature).await
}

/// Posts `body` with the `{prefix}-id`, `{prefix}-timestamp` and `{prefix}-signature`
/// headers (`svix` or `webhook`). The timestamp is the one that was signed: reading the clock
/// again here would break the signature whenever a second boundary fell in between.
async fn deliver_with(
    url: &str,
    prefix: &str,
    body: &[u8],
    timestamp: i64,
    signature: &str,
) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(format!("{url}/webhooks/clerk"))
        .header(format!("{prefix}-id"), "msg_2axum")
        .header(format!("{prefix}-timestamp"), timestamp.to_string())
        .header(format!("{prefix}-signature"), signature)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

fn user_deleted() -> Vec<u8> {
    json!({
        "type": "user.deleted", "object": "event", "timestamp": 1_700_000_000_000_i64,
        "data": {"object": "user", "id": "user_2axum", "deleted": true},
        "event_attributes": {"http_request": {"client_ip": "127.0.0.1", "user_agent": "test"}},
    })
    .to_string()
    .into_bytes()
}

#[tokio::test]
async fn webhooks_answer_204_when_signed_and_400_when_not() {
    let key = TestKey::generate("ins_axum");
    let url = serve(&key, Some(Webhook::new(SIGNING_SECRET).expect("secret"))).await;
    let body = user_deleted();
    let now = unix_now();
    let good = svix_signature("msg_2axum", now, &body);

    let (status, text) = deliver(&url, &body, now, &good).await;
    assert_eq!(status, 204, "{text}");

    // Several signatures, one of them valid.
    let (status, _) = deliver(&url, &body, now, &format!("v1,AAAA {good}")).await;
    assert_eq!(status, 204);

    // The body changed after signing.
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    let (status, text) = deliver(&url, &tampered, now, &good).await;
    assert_eq!(status, 400);
    let error: Value = serde_json::from_str(&text).expect("JSON error");
    assert_eq!(error["error"], "invalid_webhook");
    assert!(error["message"]
        .as_str()
        .is_some_and(|m| m.contains("signature")));

    // No signature headers at all.
    let response = reqwest::Client::new()
        .post(format!("{url}/webhooks/clerk"))
        .body(body)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);
}

#[tokio::test]
async fn webhooks_answer_204_for_clerk_documented_samples() {
    let key = TestKey::generate("ins_axum");
    let url = serve(&key, Some(Webhook::new(SIGNING_SECRET).expect("secret"))).await;
    // tests/fixtures/webhook_samples: Clerk's docs, Dashboard event catalog and spec
    // examples (sources in its SOURCES.md).
    for type_name in [
        "user.created",
        "user.updated",
        "user.deleted",
        "session.created",
        "organization.created",
        "organizationMembership.created",
        "email.created",
    ] {
        let body = clerk_tests::fixture(&format!("webhook_samples/{type_name}.json")).into_bytes();
        let now = unix_now();
        let signature = svix_signature("msg_2axum", now, &body);
        let (status, text) = deliver(&url, &body, now, &signature).await;
        assert_eq!(status, 204, "{type_name}: {text}");
    }
}

#[tokio::test]
async fn webhooks_answer_204_for_a_verified_payload_that_does_not_fit_the_model() {
    let key = TestKey::generate("ins_axum");
    let url = serve(&key, Some(Webhook::new(SIGNING_SECRET).expect("secret"))).await;
    let body = json!({
        "type": "user.created", "object": "event",
        "data": {"id": "user_1", "object": "user"},
    })
    .to_string()
    .into_bytes();
    let now = unix_now();
    let good = svix_signature("msg_2axum", now, &body);

    let (status, text) = deliver(&url, &body, now, &good).await;
    assert_eq!(status, 204, "{text}");
    // The Standard Webhooks header names carry the same signature.
    let (status, text) = deliver_with(&url, "webhook", &body, now, &good).await;
    assert_eq!(status, 204, "{text}");

    // A bad signature is still refused, whatever the header names.
    for prefix in ["svix", "webhook"] {
        let (status, text) = deliver_with(&url, prefix, &body, now, "v1,AAAA").await;
        assert_eq!(status, 400, "{prefix}: {text}");
        assert!(text.contains("invalid_webhook"), "{text}");
    }
}

#[tokio::test]
async fn webhooks_answer_503_without_a_signing_secret() {
    let key = TestKey::generate("ins_axum");
    let url = serve(&key, None).await;
    let (status, text) = deliver(&url, &user_deleted(), unix_now(), "v1,AAAA").await;
    assert_eq!(status, 503);
    assert!(text.contains("CLERK_WEBHOOK_SIGNING_SECRET"));
}
