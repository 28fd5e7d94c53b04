//! `ClerkMiddleware` authenticates each request once and stores its [`AuthState`];
//! `Require` holds a route or a `Route` tree to requirements.

use std::sync::Arc;

use ::poem::{Endpoint, Middleware, Request, Result};

use super::rejection::AuthRejection;
use crate::auth::{authorize, AuthState, Authenticator, Gate, Requirement};

/// A poem middleware that authenticates every request with an [`Authenticator`] and stores
/// the [`AuthState`] in the request's extensions, where the extractors
/// ([`Auth`](super::Auth), `Option<Auth>`, [`Claims`](super::Claims), `AuthState`) and
/// [`Require`] read it. Apply it with `.with(..)` to an endpoint or a `Route`.
///
/// By default signed-out requests still reach the endpoint (the extractors decide);
/// [`require_signed_in`](Self::require_signed_in) and [`require`](Self::require) turn away
/// the requests that fail them first, with an [`AuthRejection`].
#[derive(Debug, Clone)]
pub struct ClerkMiddleware {
    gate: Gate,
}

impl ClerkMiddleware {
    /// Authenticates requests with `authenticator`, refusing none.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            gate: Gate::new(authenticator),
        }
    }

    /// Refuses signed-out requests: 401 (500 when authentication failed on this side).
    #[must_use]
    pub fn require_signed_in(mut self) -> Self {
        self.gate = self.gate.require_signed_in();
        self
    }

    /// Also requires `requirement` of every request: 401 when signed out, 403 when unmet.
    #[must_use]
    pub fn require(mut self, requirement: Requirement) -> Self {
        self.gate = self.gate.require(requirement);
        self
    }

    /// Whether pending sessions (`sts: "pending"`) count as signed out here: `true` by
    /// default; see [`Authenticator::treat_pending_as_signed_out`].
    #[must_use]
    pub fn treat_pending_as_signed_out(mut self, signed_out: bool) -> Self {
        self.gate = self.gate.treat_pending_as_signed_out(signed_out);
        self
    }
}

impl<E: Endpoint> Middleware<E> for ClerkMiddleware {
    type Output = ClerkEndpoint<E>;

    fn transform(&self, inner: E) -> ClerkEndpoint<E> {
        ClerkEndpoint {
            inner,
            gate: self.gate.clone(),
        }
    }
}

/// The endpoint [`ClerkMiddleware`] wraps around an endpoint.
#[derive(Debug)]
pub struct ClerkEndpoint<E> {
    inner: E,
    gate: Gate,
}

impl<E: Endpoint> Endpoint for ClerkEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, mut req: Request) -> Result<E::Output> {
        let state = match self.gate.admit(&req).await {
            Ok(state) => state,
            Err(denied) => return Err(AuthRejection::from_denied(denied).into_error()),
        };
        req.extensions_mut().insert(state);
        self.inner.call(req).await
    }
}

/// A poem middleware for a route or a `Route` tree that requires every one of its
/// [`Requirement`]s of the caller [`ClerkMiddleware`] (applied outside it) authenticated:
/// 401 when signed out, 403 naming the first unmet requirement, 500 when no
/// `ClerkMiddleware` ran.
///
/// ```
/// use clerk_backend::auth::Requirement;
/// use clerk_backend::poem::Require;
/// use poem::{get, handler, EndpointExt, Route};
///
/// #[handler]
/// fn reports() -> &'static str {
///     "the reports"
/// }
///
/// // One route; `.with(..)` on a whole `Route` holds every route in it to the requirements.
/// // `ClerkMiddleware` goes outside (after) it.
/// let app = Route::new().at(
///     "/reports",
///     get(reports).with(Require::new([Requirement::permission("org:reports:read")])),
/// );
/// # let _ = app;
/// ```
#[derive(Debug, Clone)]
pub struct Require {
    requirements: Arc<[Requirement]>,
}

impl Require {
    /// Requires every one of `requirements`.
    pub fn new(requirements: impl IntoIterator<Item = Requirement>) -> Self {
        Self {
            requirements: requirements.into_iter().collect(),
        }
    }
}

impl<E: Endpoint> Middleware<E> for Require {
    type Output = RequireEndpoint<E>;

    fn transform(&self, inner: E) -> RequireEndpoint<E> {
        RequireEndpoint {
            inner,
            requirements: self.requirements.clone(),
        }
    }
}

/// The endpoint [`Require`] wraps around an endpoint.
#[derive(Debug)]
pub struct RequireEndpoint<E> {
    inner: E,
    requirements: Arc<[Requirement]>,
}

impl<E: Endpoint> Endpoint for RequireEndpoint<E> {
    type Output = E::Output;

    async fn call(&self, req: Request) -> Result<E::Output> {
        let Some(state) = req.extensions().get::<AuthState>() else {
            return Err(AuthRejection::MissingMiddleware.into_error());
        };
        if let Err(denied) = authorize(state, &self.requirements) {
            return Err(AuthRejection::from_denied(denied).into_error());
        }
        self.inner.call(req).await
    }
}
