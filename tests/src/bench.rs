//! What the benches share: the loopback user server and the hand-written `GET /users/{id}`
//! they compare the SDK with, the session token they verify, and the run-size knobs of the
//! wall-clock benches.

use std::time::Duration;

use clerk_backend::models::User;
use jsonwebtoken::{Algorithm, Validation};
use serde_json::{json, Value};

use crate::SECRET;

/// The subject of [`session_claims`].
pub const SUBJECT: &str = "user_2abcdefghijklmnopqrstuvwxyz";

/// Serves `body` as the JSON answer to any `GET /users/{id}` on the current runtime; the
/// base URL.
pub async fn serve_user(body: String) -> String {
    let app = axum::Router::new().route(
        "/users/{user_id}",
        axum::routing::get(move || {
            let body = body.clone();
            async move { ([("content-type", "application/json")], body) }
        }),
    );
    crate::serve(app).await
}

/// What a careful user would write without the SDK: the SDK's headers, a status check, a
/// decode into the same model.
pub async fn by_hand_get_user(http: &reqwest::Client, url: &str, id: &str) -> User {
    let response = http
        .get(format!("{url}/users/{id}"))
        .bearer_auth(SECRET)
        .header("Clerk-API-Version", "2026-05-12")
        .header("User-Agent", "hand-written/1.0")
        .header("Accept", "application/json")
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .expect("send");
    assert!(response.status().is_success());
    let bytes = response.bytes().await.expect("body");
    serde_json::from_slice(&bytes).expect("decode")
}

/// The claims of a realistic v2 session token (organization, features, plan), valid for an
/// hour from `now` (unix seconds).
pub fn session_claims(now: i64) -> Value {
    json!({
        "sub": SUBJECT,
        "sid": "sess_2abcdefghijklmnopqrstuvwxyz",
        "azp": "https://app.example.com",
        "iss": "https://clerk.example.com",
        "exp": now + 3600,
        "iat": now - 5,
        "nbf": now - 10,
        "jti": "a1b2c3d4e5f6a7b8c9d0",
        "sts": "active",
        "fva": [3, -1],
        "v": 2,
        "o": {"id": "org_2abcdefghijklmnopqrstuvwxyz", "slg": "acme", "rol": "admin", "per": "read,manage", "fpm": "3,1"},
        "fea": "o:invoices,o:reports,u:beta",
        "pla": "o:pro"
    })
}

/// jsonwebtoken set to the checks `jwt::Verifier` makes: RS256, `exp` and `nbf` with 5 s of
/// leeway, `sub` required.
pub fn verifier_checks() -> Validation {
    let mut validation = Validation::new(Algorithm::RS256);
    validation.leeway = 5;
    validation.validate_nbf = true;
    validation.set_required_spec_claims(&["exp", "sub"]);
    validation
}

/// `name` from the environment as a number, or `default`.
pub fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The median of some timings.
///
/// # Panics
/// When `timings` is empty.
pub fn median(mut timings: Vec<Duration>) -> Duration {
    timings.sort();
    timings[timings.len() / 2]
}
