//! actix-web 4 integration: a middleware that authenticates each request once, extractors
//! that hand the result to handlers, a middleware that holds a scope or resource to
//! requirements, and an extractor for verified webhook deliveries.
//!
//! ```no_run
//! use actix_web::{web, App, HttpResponse, HttpServer};
//! use clerk_backend::actix::{Auth, Claims, ClerkMiddleware, ClerkWebhook, Require};
//! use clerk_backend::auth::{Authenticator, Requirement};
//! use clerk_backend::jwt::Verifier;
//! use clerk_backend::webhooks::Webhook;
//!
//! // 200 with the user id; `Auth` answers 401 with a JSON body when signed out.
//! async fn me(Auth(who): Auth) -> String {
//!     who.user_id().unwrap_or_default().to_owned()
//! }
//!
//! // Only members whose role grants the permission get here; others get 403.
//! async fn reports() -> &'static str {
//!     "the reports"
//! }
//!
//! // Custom claims (from a JWT template) as the app's own type; 403 when they do not fit.
//! #[derive(serde::Deserialize)]
//! struct Tenant {
//!     tenant_id: String,
//! }
//!
//! async fn tenant(Claims(tenant): Claims<Tenant>) -> String {
//!     tenant.tenant_id
//! }
//!
//! // Runs only for deliveries whose Svix signature checks out; 400 otherwise.
//! async fn clerk_events(ClerkWebhook(event): ClerkWebhook) -> HttpResponse {
//!     println!("{} received", event.type_name());
//!     HttpResponse::NoContent().finish()
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let clerk = clerk_backend::Clerk::from_env()?;
//! let clerk_auth = ClerkMiddleware::new(Authenticator::new(Verifier::from_env(clerk)?));
//! let webhook = web::Data::new(Webhook::from_env()?);
//! HttpServer::new(move || {
//!     App::new()
//!         // Outside the authenticated scope: webhooks carry a signature, not a session.
//!         .service(
//!             web::resource("/webhooks/clerk")
//!                 .app_data(webhook.clone())
//!                 .route(web::post().to(clerk_events)),
//!         )
//!         .service(
//!             web::scope("")
//!                 .wrap(clerk_auth.clone())
//!                 .route("/me", web::get().to(me))
//!                 .route("/tenant", web::get().to(tenant))
//!                 .service(
//!                     web::resource("/reports")
//!                         .wrap(Require::new([Requirement::permission("org:reports:read")]))
//!                         .route(web::get().to(reports)),
//!                 ),
//!         )
//! })
//! .bind(("127.0.0.1", 3000))?
//! .run()
//! .await?;
//! # Ok(()) }
//! ```
//!
//! Every refusal is a [`Refusal`](crate::auth::Refusal) of the core (401, 403 or 500 with a
//! JSON reason code), copied into an [`HttpResponse`](actix_web::HttpResponse) (in page-route
//! mode, [`ClerkMiddleware::pages`], browsers get 307 redirects instead); the
//! extractors' errors implement [`ResponseError`](actix_web::ResponseError). actix-web's
//! `HeaderMap`, `HttpRequest` and `ServiceRequest` implement
//! [`RequestHeaders`](crate::RequestHeaders), so
//! [`Authenticator::authenticate`](crate::auth::Authenticator::authenticate) and
//! [`Webhook::verify`](crate::webhooks::Webhook::verify) take them directly. Requires the
//! `actix` feature (which turns on `jwt` and `webhooks`).

mod extract;
mod headers;
mod middleware;
mod rejection;
mod require;
mod webhook;

pub use extract::{Auth, Claims};
pub use middleware::{ClerkMiddleware, ClerkService};
pub use rejection::{AuthRejection, WebhookRejection};
pub use require::{Require, RequireService};
pub use webhook::ClerkWebhook;
