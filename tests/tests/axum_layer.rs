//! `clerk_backend::axum` pieces beyond the example: `require_signed_in`, `Option<Auth>`, the
//! `AuthState` extractor, and the 500 when a route extracts auth without the layer.

mod jwt_support;

use std::time::{SystemTime, UNIX_EPOCH};

use axum::routing::get;
use axum::Router;
use clerk_backend::auth::{AuthState, Authenticator};
use clerk_backend::axum::{Auth, ClerkLayer};
use clerk_backend::jwt::Verifier;
use clerk_tests::serve;
use jwt_support::TestKey;
use serde_json::json;

fn authenticator(key: &TestKey) -> Authenticator {
    Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem"))
}

fn token(key: &TestKey) -> String {
    let now = i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_secs(),
    )
    .expect("fits");
    key.token(&json!({"sub": "user_2layer", "sid": "sess_1", "iat": now, "exp": now + 60}))
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
    assert!(body.contains("\"reason\":\"no-token\""), "{body}");
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
async fn extracting_auth_without_the_layer_is_a_500_that_says_so() {
    let app = Router::new().route("/me", get(|Auth(_): Auth| async { "unreachable" }));
    let url = serve(app).await;
    let (status, body) = fetch(&format!("{url}/me"), None).await;
    assert_eq!(status, 500);
    assert!(body.contains("ClerkLayer"), "{body}");
}
