//! axum integration: a layer that authenticates every request, extractors that hand the
//! result to handlers, and an extractor for verified webhook deliveries.
//!
//! ```no_run
//! use axum::routing::{get, post};
//! use axum::Router;
//! use clerk_backend::auth::{Authenticator, Requirement};
//! use clerk_backend::axum::{Auth, ClerkLayer, ClerkWebhook, RequireLayer};
//! use clerk_backend::jwt::Verifier;
//! use clerk_backend::webhooks::Webhook;
//!
//! // 200 with the user id; the extractor answers 401 with a JSON body when signed out.
//! async fn me(Auth(who): Auth) -> String {
//!     who.user_id().unwrap_or_default().to_owned()
//! }
//!
//! // Only members whose role grants the permission get here; others get 403.
//! async fn reports() -> &'static str {
//!     "the reports"
//! }
//!
//! // Runs only for deliveries whose Svix signature checks out; 400 otherwise.
//! async fn clerk_events(ClerkWebhook(event): ClerkWebhook) -> axum::http::StatusCode {
//!     println!("{} received", event.type_name());
//!     axum::http::StatusCode::NO_CONTENT
//! }
//!
//! # fn app() -> Result<Router, Box<dyn std::error::Error>> {
//! let clerk = clerk_backend::Clerk::from_env()?;
//! let auth = Authenticator::new(Verifier::from_env(clerk)?);
//! let app = Router::new()
//!     .route("/reports", get(reports))
//!     .route_layer(RequireLayer::new([Requirement::permission("org:reports:read")]))
//!     .route("/me", get(me))
//!     .layer(ClerkLayer::new(auth))
//!     // Added after the layer: webhooks carry a signature, not a session.
//!     .route("/webhooks/clerk", post(clerk_events))
//!     .with_state(Webhook::from_env()?);
//! # Ok(app) }
//! ```
//!
//! The layers are [`crate::tower`]'s; refusals are [`crate::auth::Refusal`]s (401, 403 or
//! 500 with a JSON reason code). Requires the `axum` feature (which turns on `tower`, `jwt`
//! and `webhooks`).

mod extract;
mod rejection;
mod webhook;

pub use crate::tower::{ClerkLayer, ClerkService, RequireLayer, RequireService};
pub use extract::{Auth, Claims};
pub use rejection::{AuthRejection, WebhookRejection};
pub use webhook::ClerkWebhook;
