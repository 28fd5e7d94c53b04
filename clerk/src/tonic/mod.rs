//! tonic (gRPC) integration: the [`crate::tower`] layers answering refusals with gRPC
//! statuses, and helpers that read the result in service methods.
//!
//! [`layer`] authenticates every call once (the bearer token travels in the `authorization`
//! metadata, which is the HTTP/2 `authorization` header) and stores the
//! [`AuthState`](crate::auth::AuthState) in the request's extensions; a service method reads
//! it with [`auth`], [`optional_auth`], [`auth_state`], [`claims`] or [`authorize`], each
//! returning a `tonic::Status` to hand back with `?`. [`require`] enforces
//! [`Requirement`](crate::auth::Requirement)s on a whole service before its methods run.
//!
//! ```no_run
//! use std::convert::Infallible;
//!
//! use clerk_backend::auth::{Authenticator, Requirement};
//! use clerk_backend::jwt::Verifier;
//! use tonic::{Request, Response, Status};
//! use tower_layer::Layer;
//!
//! // A method of a service as tonic-build generates them: `UNAUTHENTICATED` with the reason
//! // code (`token-missing`, `token-expired`...) unless the call carries a valid token.
//! async fn whoami(request: Request<()>) -> Result<Response<String>, Status> {
//!     let who = clerk_backend::tonic::auth(&request)?;
//!     Ok(Response::new(who.user_id().unwrap_or_default().to_owned()))
//! }
//!
//! # type Http<B> = http::Response<B>;
//! # async fn serve<I, R>(identity: I, reports: R) -> Result<(), Box<dyn std::error::Error>>
//! # where
//! #     I: tower_service::Service<http::Request<tonic::body::Body>, Response = Http<tonic::body::Body>, Error = Infallible>
//! #         + tonic::server::NamedService + Clone + Send + Sync + 'static,
//! #     I::Future: Send + 'static,
//! #     R: tower_service::Service<http::Request<tonic::body::Body>, Response = Http<tonic::body::Body>, Error = Infallible>
//! #         + tonic::server::NamedService + Clone + Send + Sync + 'static,
//! #     R::Future: Send + 'static,
//! # {
//! let clerk = clerk_backend::Clerk::from_env()?;
//! let auth = Authenticator::new(Verifier::from_env(clerk)?);
//! tonic::transport::Server::builder()
//!     // Every call is authenticated once; signed-out calls still reach the methods, which
//!     // decide (`auth` answers UNAUTHENTICATED).
//!     .layer(clerk_backend::tonic::layer(auth))
//!     .add_service(identity)
//!     // Only members whose role grants the permission reach this service's methods; other
//!     // callers get PERMISSION_DENIED `permission-missing`.
//!     .add_service(
//!         clerk_backend::tonic::require([Requirement::permission("org:reports:read")])
//!             .layer(reports),
//!     )
//!     .serve("127.0.0.1:50051".parse()?)
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! Refusals are [`crate::auth::Refusal`]s turned into statuses by [`GrpcRefusal`]:
//! `UNAUTHENTICATED` (401), `PERMISSION_DENIED` (403), `INTERNAL` (500), the reason code in
//! the message and in the `x-clerk-auth-reason` metadata, never a token. gRPC has no
//! webhooks: receive Clerk's on an HTTP route (the `webhooks` feature, and the axum
//! integration). Requires the `tonic` feature (which turns on `tower` and `jwt`).

mod headers;
mod layer;
mod refusal;
mod request;

pub use crate::tower::{ClerkLayer, ClerkService, RequireLayer, RequireService};
pub use layer::{layer, require};
pub use refusal::GrpcRefusal;
pub use request::{auth, auth_state, authorize, claims, optional_auth};
