//! The tower layers, set up to answer with gRPC statuses, and usable per service.

use ::tonic::server::NamedService;

use super::refusal::GrpcRefusal;
use crate::auth::{Authenticator, Requirement};
use crate::tower::{ClerkLayer, ClerkService, RequireLayer, RequireService};

/// A [`ClerkLayer`] that authenticates every call with `authenticator` and stores the
/// [`AuthState`](crate::auth::AuthState) in the request's extensions, which a service method
/// sees in its `tonic::Request`'s. Refusals (from [`ClerkLayer::require_signed_in`] or
/// [`ClerkLayer::require`]) are gRPC statuses ([`GrpcRefusal`]).
///
/// Apply it to the whole server (`Server::builder().layer(..)`) or to one service before
/// `add_service`.
pub fn layer(authenticator: Authenticator) -> ClerkLayer<GrpcRefusal> {
    ClerkLayer::new(authenticator).refuse_with(GrpcRefusal)
}

/// A [`RequireLayer`] that lets through only the calls meeting every one of `requirements`,
/// answering the others `UNAUTHENTICATED` (signed out) or `PERMISSION_DENIED` (unmet); wrap a
/// service with it before `add_service`. A [`layer`] must run outside it (server-wide or
/// around it); without one every call is answered `INTERNAL`.
pub fn require(requirements: impl IntoIterator<Item = Requirement>) -> RequireLayer<GrpcRefusal> {
    RequireLayer::new(requirements).refuse_with(GrpcRefusal)
}

/// Keeps the wrapped service's gRPC name, so `Server::add_service` routes to it.
impl<S: NamedService, R> NamedService for ClerkService<S, R> {
    const NAME: &'static str = S::NAME;
}

/// Keeps the wrapped service's gRPC name, so `Server::add_service` routes to it.
impl<S: NamedService, R> NamedService for RequireService<S, R> {
    const NAME: &'static str = S::NAME;
}
