//! A tiny in-memory stand-in of the two Backend API routes the quickstart reads, so it runs
//! without an account. It checks the bearer key and paginates like the real API.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::oneshot;

/// The key the stand-in accepts.
pub const SECRET_KEY: &str = "sk_test_local_quickstart";

/// A running stand-in; it stops when dropped.
pub struct LocalApi {
    pub url: String,
    _stop: oneshot::Sender<()>,
}

fn user(id: &str, first: &str, last: &str, email: &str, created_at: i64) -> Value {
    json!({
        "id": id, "object": "user", "first_name": first, "last_name": last,
        "has_image": false, "image_url": "https://img.clerk.com/default.png",
        "primary_email_address_id": format!("idn_{id}"),
        "public_metadata": {}, "private_metadata": {}, "unsafe_metadata": {},
        "email_addresses": [{
            "id": format!("idn_{id}"), "object": "email_address", "email_address": email,
            "reserved": false, "linked_to": [], "created_at": created_at, "updated_at": created_at,
            "verification": {"status": "verified", "strategy": "email_code", "attempts": 1, "expire_at": null}
        }],
        "phone_numbers": [], "web3_wallets": [], "passkeys": [], "external_accounts": [],
        "saml_accounts": [], "enterprise_accounts": [],
        "password_enabled": true, "two_factor_enabled": false, "totp_enabled": false,
        "backup_code_enabled": false, "banned": false, "locked": false,
        "delete_self_enabled": true, "create_organization_enabled": true,
        "last_sign_in_at": null, "last_active_at": null, "legal_accepted_at": null,
        "created_at": created_at, "updated_at": created_at
    })
}

fn authorized(headers: &HeaderMap) -> bool {
    headers.get("authorization").and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {SECRET_KEY}"))
}

fn unauthorized() -> Response {
    let body = json!({"errors": [{"code": "authentication_invalid", "message": "Invalid key",
        "long_message": "The secret key is not valid for this instance."}]});
    (StatusCode::UNAUTHORIZED, Json(body)).into_response()
}

async fn list(
    State(users): State<Arc<Vec<Value>>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if !authorized(&headers) {
        return unauthorized();
    }
    let offset = q
        .get("offset")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0usize);
    let limit = q
        .get("limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(10usize);
    let mut sorted: Vec<&Value> = users.iter().collect();
    if q.get("order_by").map(String::as_str) != Some("+created_at") {
        sorted.reverse();
    }
    let page: Vec<&Value> = sorted.into_iter().skip(offset).take(limit).collect();
    Json(json!(page)).into_response()
}

async fn count(State(users): State<Arc<Vec<Value>>>, headers: HeaderMap) -> Response {
    if !authorized(&headers) {
        return unauthorized();
    }
    Json(json!({"object": "total_count", "total_count": users.len()})).into_response()
}

/// Starts the stand-in on an ephemeral loopback port.
pub async fn start() -> std::io::Result<LocalApi> {
    let users = Arc::new(vec![
        user(
            "user_2ada",
            "Ada",
            "Lovelace",
            "ada@example.com",
            1_700_000_000_000,
        ),
        user(
            "user_2alan",
            "Alan",
            "Turing",
            "alan@example.com",
            1_700_000_100_000,
        ),
        user(
            "user_2grace",
            "Grace",
            "Hopper",
            "grace@example.com",
            1_700_000_200_000,
        ),
    ]);
    let app = Router::new()
        .route("/users", get(list))
        .route("/users/count", get(count))
        .with_state(users);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
    });
    Ok(LocalApi { url, _stop: stop })
}
