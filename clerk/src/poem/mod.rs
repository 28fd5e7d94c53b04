//! poem integration: a middleware that authenticates every request, a middleware that holds
//! a route to requirements, extractors that hand the result to handlers, and an extractor for
//! verified webhook deliveries.
//!
//! ```no_run
//! use clerk_backend::auth::{Authenticator, Requirement};
//! use clerk_backend::jwt::Verifier;
//! use clerk_backend::poem::{Auth, ClerkMiddleware, ClerkWebhook, Require};
//! use clerk_backend::webhooks::Webhook;
//! use poem::http::StatusCode;
//! use poem::listener::TcpListener;
//! use poem::{get, handler, post, EndpointExt, Route, Server};
//!
//! // 200 with the user id; the extractor answers 401 with a JSON body when signed out.
//! #[handler]
//! fn me(Auth(who): Auth) -> String {
//!     who.user_id().unwrap_or_default().to_owned()
//! }
//!
//! // Only members whose role grants the permission get here; others get 403.
//! #[handler]
//! fn reports() -> &'static str {
//!     "the reports"
//! }
//!
//! // Runs only for deliveries whose Svix signature checks out; 400 otherwise.
//! #[handler]
//! fn clerk_events(ClerkWebhook(event): ClerkWebhook) -> StatusCode {
//!     println!("{} received", event.type_name());
//!     StatusCode::NO_CONTENT
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let clerk = clerk_backend::Clerk::from_env()?;
//! let auth = Authenticator::new(Verifier::from_env(clerk)?);
//! let signed_in = Route::new()
//!     .at("/me", get(me))
//!     .at(
//!         "/reports",
//!         get(reports).with(Require::new([Requirement::permission("org:reports:read")])),
//!     )
//!     .with(ClerkMiddleware::new(auth));
//! let app = Route::new()
//!     .nest("/", signed_in)
//!     // Outside the middleware: webhooks carry a signature, not a session.
//!     .at("/webhooks/clerk", post(clerk_events).data(Webhook::from_env()?));
//! Server::new(TcpListener::bind("127.0.0.1:3000")).run(app).await?;
//! # Ok(()) }
//! ```
//!
//! Refusals are `poem::Error`s: [`AuthRejection`] answers with the core's
//! [`Refusal`](crate::auth::Refusal) (401, 403 or 500 with a JSON reason code),
//! [`WebhookRejection`] with 400 `{"error": "invalid_webhook", "message": ...}`; an error
//! handler can `downcast_ref` them. In page-route mode ([`ClerkMiddleware::pages`]) browsers
//! are redirected (307) through Clerk's handshake or to sign in instead. `Refusal` is a poem
//! `IntoResponse` too, for code that calls [`authorize`](crate::auth::authorize) itself.
//! Requires the `poem` feature (which turns on `jwt` and `webhooks`).

mod extract;
mod headers;
mod middleware;
mod rejection;
mod webhook;

pub use extract::{Auth, Claims};
pub use middleware::{ClerkEndpoint, ClerkMiddleware, Require, RequireEndpoint};
pub use rejection::{AuthRejection, WebhookRejection};
pub use webhook::ClerkWebhook;
