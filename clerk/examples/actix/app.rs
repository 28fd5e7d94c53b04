//! The example server's routes, apart from `main` so the tests serve the same app on
//! loopback.

use actix_web::{web, HttpResponse};
use clerk_backend::actix::{Auth, Claims, ClerkMiddleware, ClerkWebhook, Require};
use clerk_backend::auth::{Requirement, SignedIn};
use clerk_backend::webhooks::{EventData, Webhook};
use serde::Deserialize;
use serde_json::json;

/// The permission `GET /reports` requires.
pub const REPORTS_PERMISSION: &str = "org:reports:read";

/// Registers the routes: `GET /me`, `GET /reports` and `GET /tenant` behind Clerk auth, and
/// `POST /webhooks/clerk` outside it, verified with `webhook` (503 saying what is missing
/// when there is none). `clerk` and `webhook` are built once and cloned into each worker.
pub fn routes(
    cfg: &mut web::ServiceConfig,
    clerk: ClerkMiddleware,
    webhook: Option<web::Data<Webhook>>,
) {
    let webhooks = match webhook {
        Some(webhook) => web::resource("/webhooks/clerk")
            .app_data(webhook)
            .route(web::post().to(clerk_webhook)),
        None => web::resource("/webhooks/clerk").route(web::post().to(webhooks_not_configured)),
    };
    cfg.service(webhooks).service(
        web::scope("")
            .wrap(clerk)
            .route("/me", web::get().to(me))
            .route("/tenant", web::get().to(tenant))
            .service(
                web::resource("/reports")
                    .wrap(Require::new([Requirement::permission(REPORTS_PERMISSION)]))
                    .route(web::get().to(reports)),
            ),
    );
}

/// 200 with who is calling; `Auth` answers 401 with a JSON body for signed-out requests.
async fn me(Auth(who): Auth) -> HttpResponse {
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
    HttpResponse::Ok().json(body)
}

/// Runs only for members whose organization role grants `org:reports:read`; `Require`
/// answers 401 or 403 for everyone else.
async fn reports(Auth(who): Auth) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "org_id": who.session().and_then(|claims| claims.org_id()),
        "reports": ["revenue", "churn"],
    }))
}

/// The custom claim a JWT template adds to the session token.
#[derive(Debug, Deserialize)]
pub struct Tenant {
    /// The tenant the user works in.
    pub tenant_id: String,
}

/// 200 with the token's tenant; `Claims` answers 403 `claims-mismatch` when the token
/// carries no `tenant_id` (a plain session token), 401 when signed out.
async fn tenant(Claims(tenant): Claims<Tenant>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "tenant_id": tenant.tenant_id }))
}

/// Runs for every verified delivery and answers 204, even when the payload did not fit the
/// typed model (a 4xx/5xx would only make Svix retry it); `ClerkWebhook` answers 400 for
/// deliveries that fail verification.
async fn clerk_webhook(ClerkWebhook(event): ClerkWebhook) -> HttpResponse {
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
    HttpResponse::NoContent().finish()
}

async fn webhooks_not_configured() -> HttpResponse {
    HttpResponse::ServiceUnavailable().json(json!({
        "error": "webhooks_not_configured",
        "message": "set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's signing secret",
    }))
}
