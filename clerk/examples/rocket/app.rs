//! The example server's routes, apart from `main` so the tests serve the same application on
//! loopback.

use clerk_backend::auth::{Requirement, SignedIn};
use clerk_backend::rocket::{catchers, Auth, Claims, ClerkFairing, ClerkWebhook, Policy, Require};
use clerk_backend::webhooks::{EventData, Webhook};
use rocket::figment::Provider;
use rocket::http::Status;
use rocket::response::content::RawJson;
use rocket::{get, post, routes, Build, Rocket};
use serde_json::json;

/// `GET /me`, `GET /reports` and `GET /tenant` behind Clerk auth (`clerk`, in page-route
/// mode or not); `POST /webhooks/clerk` when a signing secret is configured (503 saying what
/// is missing otherwise). `config` is rocket's configuration (address, port, limits, ...).
pub fn rocket(
    config: impl Provider,
    clerk: ClerkFairing,
    webhook: Option<Webhook>,
) -> Rocket<Build> {
    let (clerk, webhook_routes) = match webhook {
        Some(webhook) => (clerk.webhook(webhook), routes![clerk_webhook]),
        None => (clerk, routes![webhooks_not_configured]),
    };
    rocket::custom(config)
        .attach(clerk)
        .mount("/", routes![me, reports, tenant])
        .mount("/", webhook_routes)
        // The JSON bodies (and headers) of the guards' 400/401/403/500 refusals, and the
        // sign-in redirects of page-route mode.
        .register("/", catchers())
}

/// 200 with who is calling; `Auth` fails with 401 (JSON from the catchers) when signed out.
#[get("/me")]
fn me(auth: Auth) -> RawJson<String> {
    let who = &auth.0;
    let body = match who {
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
    RawJson(body.to_string())
}

/// Members whose organization role grants `org:reports:read`.
pub struct ReadReports;

impl Policy for ReadReports {
    fn requirements() -> Vec<Requirement> {
        vec![Requirement::permission("org:reports:read")]
    }
}

/// 200 for readers of reports; 401 signed out, 403 `permission-missing` for other members.
#[get("/reports")]
fn reports(reader: Require<ReadReports>) -> RawJson<String> {
    RawJson(json!({ "reports": [], "reader": reader.user_id() }).to_string())
}

/// The claims a JWT template adds to the session token.
#[derive(serde::Deserialize)]
pub struct Tenant {
    pub tenant_id: String,
}

/// 200 with the tenant of a token that names one; 403 `claims-mismatch` otherwise.
#[get("/tenant")]
fn tenant(tenant: Claims<Tenant>) -> RawJson<String> {
    RawJson(json!({ "tenant_id": tenant.0.tenant_id }).to_string())
}

/// Runs for every verified delivery and answers 204, even when the payload did not fit the
/// typed model (a 4xx/5xx would only make Svix retry it); `ClerkWebhook` fails with 400 for
/// deliveries that fail verification.
#[post("/webhooks/clerk", data = "<delivery>")]
fn clerk_webhook(delivery: ClerkWebhook) -> Status {
    let event = delivery.0;
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
    Status::NoContent
}

#[post("/webhooks/clerk")]
fn webhooks_not_configured() -> (Status, RawJson<String>) {
    let body = json!({
        "error": "webhooks_not_configured",
        "message": "set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's signing secret",
    });
    (Status::ServiceUnavailable, RawJson(body.to_string()))
}
