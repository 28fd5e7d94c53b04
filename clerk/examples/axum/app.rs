//! The example server's routes, apart from `main` so the tests serve the same router on
//! loopback.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use clerk_backend::auth::{Authenticator, Requirement, SignedIn};
use clerk_backend::axum::{Auth, Claims, ClerkLayer, ClerkWebhook, RequireLayer};
use clerk_backend::webhooks::{EventData, Webhook};
use serde_json::json;

/// `GET /me`, `GET /reports` (members whose role grants `org:reports:read`) and
/// `GET /tenant` (tokens carrying a `tenant_id` claim) behind Clerk auth;
/// `POST /webhooks/clerk` when a signing secret is configured (503 saying what is missing
/// otherwise).
pub fn router(authenticator: Authenticator, webhook: Option<Webhook>) -> Router {
    let protected = Router::new()
        .route("/reports", get(reports))
        // Only for the routes above: 401 signed out, 403 `permission-missing`.
        .route_layer(RequireLayer::new([Requirement::permission(
            "org:reports:read",
        )]))
        .route("/me", get(me))
        .route("/tenant", get(tenant))
        .layer(ClerkLayer::new(authenticator));
    let webhooks = match webhook {
        Some(webhook) => Router::new()
            .route("/webhooks/clerk", post(clerk_webhook))
            .with_state(webhook),
        None => Router::new().route("/webhooks/clerk", post(webhooks_not_configured)),
    };
    protected.merge(webhooks)
}

/// 200 with who is calling; `Auth` answers 401 with a JSON body for signed-out requests.
async fn me(Auth(who): Auth) -> Json<serde_json::Value> {
    let body = match &who {
        SignedIn::Session(claims) => json!({
            "user_id": claims.user_id(),
            "session_id": claims.session_id(),
            "org_id": claims.org_id(),
        }),
        SignedIn::Machine(machine) => json!({
            "user_id": who.user_id(),
            "machine": machine.subject,
            "scopes": machine.scopes,
        }),
        // `SignedIn` may grow new kinds of identity.
        _ => json!({ "user_id": who.user_id() }),
    };
    Json(body)
}

/// 200 for callers whose organization role grants `org:reports:read`.
async fn reports(Auth(who): Auth) -> Json<serde_json::Value> {
    Json(json!({ "reports": [], "for": who.user_id() }))
}

/// The claims a JWT template adds, read as the app's own type.
#[derive(serde::Deserialize)]
struct Tenant {
    tenant_id: String,
}

/// 200 with the token's `tenant_id`; 403 `claims-mismatch` when the token has none.
async fn tenant(Claims(tenant): Claims<Tenant>) -> Json<serde_json::Value> {
    Json(json!({ "tenant_id": tenant.tenant_id }))
}

/// Runs for every verified delivery and answers 204, even when the payload did not fit the
/// typed model (a 4xx/5xx would only make Svix retry it); `ClerkWebhook` answers 400 for
/// deliveries that fail verification.
async fn clerk_webhook(ClerkWebhook(event): ClerkWebhook) -> StatusCode {
    match &event.data {
        EventData::UserCreated(user) => println!("webhook: user.created {}", user.id),
        EventData::UserDeleted(deleted) => {
            println!("webhook: user.deleted {:?}", deleted.id);
        }
        // Authentic, but not in the shape this crate expects: the raw JSON is in `data`.
        EventData::Undecoded {
            type_name, error, ..
        } => eprintln!("webhook: {type_name} not decoded ({error})"),
        _ => println!("webhook: {}", event.type_name()),
    }
    StatusCode::NO_CONTENT
}

async fn webhooks_not_configured() -> Response {
    let body = json!({
        "error": "webhooks_not_configured",
        "message": "set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's signing secret",
    });
    (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
}
