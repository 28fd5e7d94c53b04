//! `clerk_backend::axum` pieces beyond the example: `require_signed_in`, `Option<Auth>`, the
//! `AuthState` extractor, and the 500 when a route extracts auth without the layer.

mod jwt_support;

use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::routing::get;
use axum::Router;
use clerk_backend::auth::{AuthState, Authenticator};
use clerk_backend::axum::{Auth, ClerkLayer};
use clerk_backend::jwt::Verifier;
use clerk_backend::RetryPolicy;
use clerk_tests::{serve, MockServer, Reply};
use jwt_support::TestKey;
use serde_json::json;

fn authenticator(key: &TestKey) -> Authenticator {
    Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem"))
}

fn token(key: &TestKey) -> String {
    token_with(key, "active")
}

fn token_with(key: &TestKey, sts: &str) -> String {
    let now = i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_secs(),
    )
    .expect("fits");
    key.token(
        &json!({"sub": "user_2layer", "sid": "sess_1", "sts": sts, "iat": now, "exp": now + 60}),
    )
}

async fn fetch(url: &str, token: Option<&str>) -> (u16, String) {
    let mut request = reqwest::Client::new().get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

#[tokio::test]
async fn require_signed_in_stops_signed_out_requests_before_the_handler() {
    let key = TestKey::generate("ins_layer");
    // The handler never extracts auth: only the layer can refuse.
    let app = Router::new()
        .route("/open-door", get(|| async { "handler ran" }))
        .layer(ClerkLayer::new(authenticator(&key)).require_signed_in());
    let url = serve(app).await;

    let (status, body) = fetch(&format!("{url}/open-door"), None).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        r#"{"error":"unauthenticated","reason":"token-missing"}"#
    );
    let (status, body) = fetch(&format!("{url}/open-door"), Some(&token(&key))).await;
    assert_eq!((status, body.as_str()), (200, "handler ran"));
}

#[tokio::test]
async fn optional_auth_and_the_auth_state_let_signed_out_requests_through() {
    let key = TestKey::generate("ins_layer");
    let app = Router::new()
        .route(
            "/maybe",
            get(|auth: Option<Auth>| async move {
                auth.and_then(|a| a.user_id().map(str::to_owned))
                    .unwrap_or_else(|| "anonymous".to_owned())
            }),
        )
        .route(
            "/state",
            get(|state: AuthState| async move {
                match state {
                    AuthState::SignedIn(_) => "in".to_owned(),
                    AuthState::SignedOut(out) => out.reason.code().to_owned(),
                }
            }),
        )
        .layer(ClerkLayer::new(authenticator(&key)));
    let url = serve(app).await;

    assert_eq!(
        fetch(&format!("{url}/maybe"), None).await,
        (200, "anonymous".into())
    );
    assert_eq!(
        fetch(&format!("{url}/maybe"), Some(&token(&key))).await,
        (200, "user_2layer".into())
    );
    assert_eq!(
        fetch(&format!("{url}/state"), Some("not-a-jwt")).await,
        (200, "token-invalid".into())
    );
}

#[tokio::test]
async fn extracting_auth_without_the_layer_is_a_500_with_only_the_code() {
    let app = Router::new().route("/me", get(|Auth(_): Auth| async { "unreachable" }));
    let url = serve(app).await;
    let (status, body) = fetch(&format!("{url}/me"), None).await;
    // The configuration problem is logged, not told to the caller.
    assert_eq!(
        (status, body.as_str()),
        (500, r#"{"error":"server_error","reason":"internal"}"#)
    );
}

/// authStatus.ts: `toAuth({ treatPendingAsSignedOut = true })`. A pending session does not
/// pass `require_signed_in()` or the `Auth` extractor unless the layer accepts pending
/// sessions.
#[tokio::test]
async fn treat_pending_as_signed_out_by_default_in_the_layer_and_extractors() {
    let key = TestKey::generate("ins_layer");
    let pending = token_with(&key, "pending");
    let me = || get(|Auth(who): Auth| async move { who.user_id().unwrap_or_default().to_owned() });
    let app = Router::new()
        .route("/required", get(|| async { "handler ran" }))
        .layer(ClerkLayer::new(authenticator(&key)).require_signed_in())
        .route("/me", me())
        .route(
            "/maybe",
            get(|auth: Option<Auth>| async move {
                if auth.is_some() {
                    "someone"
                } else {
                    "anonymous"
                }
            }),
        )
        .layer(ClerkLayer::new(authenticator(&key)));
    let url = serve(app).await;
    let session_pending = r#"{"error":"unauthenticated","reason":"session-pending"}"#;
    for path in ["required", "me"] {
        let (status, body) = fetch(&format!("{url}/{path}"), Some(&pending)).await;
        assert_eq!((status, body.as_str()), (401, session_pending), "/{path}");
    }
    assert_eq!(
        fetch(&format!("{url}/maybe"), Some(&pending)).await,
        (200, "anonymous".into())
    );

    let accepting = Router::new().route("/me", me()).layer(
        ClerkLayer::new(authenticator(&key))
            .require_signed_in()
            .treat_pending_as_signed_out(false),
    );
    let url = serve(accepting).await;
    assert_eq!(
        fetch(&format!("{url}/me"), Some(&pending)).await,
        (200, "user_2layer".into())
    );
}

/// Captures what `tracing` writes on this thread.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The 401/500 bodies carry a reason code only: a JWKS fetch that fails (500 with a Clerk
/// trace id) is `internal`, its status, message and trace id go to `tracing`.
#[tokio::test]
async fn a_failed_jwks_fetch_answers_only_the_code_and_logs_the_details() {
    let logs = Logs::default();
    let sink = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .finish();
    // The test runtime has one thread: the server's tasks log here too.
    let _guard = tracing::subscriber::set_default(subscriber);

    let api = MockServer::start().await;
    api.reply(Reply::clerk_error(
        500,
        "internal_clerk_error",
        "Something broke",
    ));
    let clerk = api
        .builder()
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let key = TestKey::generate("ins_jwks_down");
    let app = Router::new()
        .route("/me", get(|Auth(_): Auth| async { "unreachable" }))
        .layer(ClerkLayer::new(Authenticator::new(Verifier::from_jwks(
            clerk,
        ))));
    let url = serve(app).await;

    let (status, body) = fetch(&format!("{url}/me"), Some(&token(&key))).await;
    assert_eq!(
        (status, body.as_str()),
        (500, r#"{"error":"server_error","reason":"internal"}"#)
    );
    assert_eq!(api.requests().len(), 1);
    let logged = String::from_utf8(logs.0.lock().expect("lock").clone()).expect("utf8");
    assert!(logged.contains("trace_0123456789"), "not logged: {logged}");
    assert!(logged.contains("Something broke"), "not logged: {logged}");
}

/// A malformed token is `token-invalid`, and nothing of it comes back.
#[tokio::test]
async fn a_malformed_token_answers_only_the_code() {
    let key = TestKey::generate("ins_layer");
    let app = Router::new()
        .route("/me", get(|Auth(_): Auth| async { "unreachable" }))
        .layer(ClerkLayer::new(authenticator(&key)));
    let url = serve(app).await;
    for bad in [
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyX0xFQUsifQ",
        "SECRETISH.not-base64!.x",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyX0xFQUsifQ.",
    ] {
        let (status, body) = fetch(&format!("{url}/me"), Some(bad)).await;
        assert_eq!(
            (status, body.as_str()),
            (
                401,
                r#"{"error":"unauthenticated","reason":"token-invalid"}"#
            ),
            "{bad}"
        );
    }
}
