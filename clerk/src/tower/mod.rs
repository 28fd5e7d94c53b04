//! Clerk authentication for any tower stack: a layer that authenticates each request once
//! and stores the [`AuthState`](crate::auth::AuthState) in its extensions, and a layer that
//! enforces [`Requirement`](crate::auth::Requirement)s on a route or router. Both are generic
//! over request and response bodies, so they serve hyper, tonic and any `http`-based
//! framework; the axum integration is these layers plus extractors.
//!
//! ```no_run
//! use clerk_backend::auth::{Authenticator, Requirement};
//! use clerk_backend::jwt::Verifier;
//! use clerk_backend::tower::{ClerkLayer, RequireLayer};
//! use tower_layer::Layer;
//!
//! # fn run<S>(service: S) -> Result<(), Box<dyn std::error::Error>> {
//! let clerk = clerk_backend::Clerk::from_env()?;
//! let auth = Authenticator::new(Verifier::from_env(clerk)?);
//! // Signed-out requests get 401; signed-in ones without the permission 403.
//! let protected = ClerkLayer::new(auth)
//!     .require_signed_in()
//!     .layer(RequireLayer::new([Requirement::permission("org:reports:read")]).layer(service));
//! # let _ = protected; Ok(()) }
//! ```
//!
//! A refusal is answered as [`Refusal`](crate::auth::Refusal) describes, through a
//! [`Refuse`] that builds the response body: [`JsonRefusal`] for any body that can be made
//! from a `String`; other protocols (gRPC) bring their own.
//!
//! Requires the `tower` feature.

mod layer;
mod refuse;
mod require;

pub use layer::{ClerkLayer, ClerkService};
pub use refuse::{JsonRefusal, Refuse};
pub use require::{RequireLayer, RequireService};
