//! rocket 0.5 integration: a fairing that puts the [`Authenticator`](crate::auth::Authenticator)
//! in managed state, request guards that hand routes the auth state, typed claims and
//! policy checks, a data guard for verified webhook deliveries, and catchers that answer
//! refusals with the same JSON as every other integration.
//!
//! ```no_run
//! use clerk_backend::auth::{Authenticator, Requirement};
//! use clerk_backend::jwt::Verifier;
//! use clerk_backend::rocket::{catchers, Auth, ClerkFairing, ClerkWebhook, Policy, Require};
//! use clerk_backend::webhooks::Webhook;
//! use rocket::http::Status;
//! use rocket::{get, post, routes};
//!
//! // 200 with the user id; a signed-out request gets 401 with a JSON body.
//! #[get("/me")]
//! fn me(auth: Auth) -> String {
//!     auth.user_id().unwrap_or_default().to_owned()
//! }
//!
//! // Only members whose role grants the permission get here; others get 403.
//! struct ReadReports;
//! impl Policy for ReadReports {
//!     fn requirements() -> Vec<Requirement> {
//!         vec![Requirement::permission("org:reports:read")]
//!     }
//! }
//!
//! #[get("/reports")]
//! fn reports(_reader: Require<ReadReports>) -> &'static str {
//!     "the reports"
//! }
//!
//! // Runs only for deliveries whose Svix signature checks out; 400 otherwise.
//! #[post("/webhooks/clerk", data = "<delivery>")]
//! fn clerk_events(delivery: ClerkWebhook) -> Status {
//!     println!("{} received", delivery.0.type_name());
//!     Status::NoContent
//! }
//!
//! # fn app() -> Result<rocket::Rocket<rocket::Build>, Box<dyn std::error::Error>> {
//! let clerk = clerk_backend::Clerk::from_env()?;
//! let auth = Authenticator::new(Verifier::from_env(clerk)?);
//! let app = rocket::build()
//!     .attach(ClerkFairing::new(auth).webhook(Webhook::from_env()?))
//!     .mount("/", routes![me, reports, clerk_events])
//!     // The JSON bodies of 400/401/403/500 refusals come from these.
//!     .register("/", catchers());
//! # Ok(app) }
//! ```
//!
//! How it maps onto rocket:
//! - Authentication is lazy and once per request: the first Clerk guard a route asks for
//!   authenticates the request and caches the [`AuthState`](crate::auth::AuthState) in the
//!   request's local cache; every other guard of that request reads it. Routes without a
//!   Clerk guard (the webhook route) are never authenticated.
//! - Guards: [`Auth`] (401 when signed out), `Option<Auth>` (signed out is `None`),
//!   [`AuthState`](crate::auth::AuthState) (never refuses), [`Claims<T>`] (403
//!   `claims-mismatch`), [`Require<P>`] for a [`Policy`] (401/403), and the data guard
//!   [`ClerkWebhook`] (400). A failing guard fails with the status of its
//!   [`Refusal`](crate::auth::Refusal) and leaves the refusal in the request; [`catchers`]
//!   answers it with its JSON body and headers. `Result<Auth, Refusal>` hands the refusal to
//!   the route instead.
//! - Page-route mode ([`ClerkFairing::pages`]): the first Clerk guard runs the browser flow;
//!   the fairing's response hook answers its redirect (Clerk's handshake) and adds its
//!   cookies to the response, and the 401 of [`catchers`] sends a signed-out browser
//!   navigation to sign in (307) when a guard refused it.
//! - Rocket's sentinels stop launch when a route uses a Clerk guard and no authenticator
//!   (or, for [`ClerkWebhook`], no webhook verifier) is managed.
//!
//! Requires the `rocket` feature (which turns on `jwt` and `webhooks`).

mod admission;
mod fairing;
mod guards;
mod headers;
mod rejection;
mod webhook;

pub use fairing::ClerkFairing;
pub use guards::{Auth, Claims, Policy, Require};
pub use rejection::{catchers, WebhookRejection};
pub use webhook::ClerkWebhook;
