//! The example server's routes, apart from `main` so the tests serve the same app on
//! loopback.

use clerk_backend::auth::{Requirement, SignedIn};
use clerk_backend::poem::{Auth, Claims, ClerkMiddleware, ClerkWebhook, Require};
use clerk_backend::webhooks::{EventData, Webhook};
use poem::http::StatusCode;
use poem::web::Json;
use poem::{get, handler, post, Endpoint, EndpointExt, IntoResponse, Response, Route};
use serde::Deserialize;
use serde_json::json;

/// `GET /me`, `GET /reports` and `GET /tenant` behind `clerk` (the middleware, in page-route
/// mode or not); `POST /webhooks/clerk` outside it, verified with the signing secret when one
/// is configured (503 saying what is missing otherwise).
pub fn app(clerk: ClerkMiddleware, webhook: Option<Webhook>) -> impl Endpoint {
    let signed_in = Route::new()
        .at("/me", get(me))
        .at(
            "/reports",
            get(reports).with(Require::new([Requirement::permission("org:reports:read")])),
        )
        .at("/tenant", get(tenant))
        .with(clerk);
    let webhooks = match webhook {
        Some(webhook) => post(clerk_webhook).data(webhook).boxed(),
        None => post(webhooks_not_configured).boxed(),
    };
    Route::new()
        .at("/webhooks/clerk", webhooks)
        .nest("/", signed_in)
}

/// 200 with who is calling; `Auth` answers 401 with a JSON body for signed-out requests.
#[handler]
fn me(Auth(who): Auth) -> Json<serde_json::Value> {
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

/// Reached only by members whose role grants `org:reports:read` (`Require` answers 401/403).
#[handler]
fn reports(Auth(who): Auth) -> Json<serde_json::Value> {
    let org_id = who.session().and_then(|claims| claims.org_id());
    Json(json!({ "reports": [], "org_id": org_id }))
}

/// A custom claim a JWT template adds (`{"tenant_id": "..."}`).
#[derive(Debug, Deserialize)]
struct Tenant {
    tenant_id: String,
}

/// 200 with the token's `tenant_id`; `Claims` answers 403 `claims-mismatch` without it.
#[handler]
fn tenant(Claims(tenant): Claims<Tenant>) -> Json<serde_json::Value> {
    Json(json!({ "tenant_id": tenant.tenant_id }))
}

/// Runs for every verified delivery and answers 204, even when the payload did not fit the
/// typed model (a 4xx/5xx would only make Svix retry it); `ClerkWebhook` answers 400 for
/// deliveries that fail verification.
#[handler]
fn clerk_webhook(ClerkWebhook(event): ClerkWebhook) -> StatusCode {
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

#[handler]
fn webhooks_not_configured() -> Response {
    let body = json!({
        "error": "webhooks_not_configured",
        "message": "set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's signing secret",
    });
    Json(body)
        .with_status(StatusCode::SERVICE_UNAVAILABLE)
        .into_response()
}
