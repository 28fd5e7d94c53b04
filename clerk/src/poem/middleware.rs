//! `ClerkMiddleware` authenticates each request once and stores its [`AuthState`];
//! `Require` holds a route or a `Route` tree to requirements.

use std::sync::Arc;

use ::poem::{Endpoint, IntoResponse, Middleware, Request, Response, Result};

use super::rejection::AuthRejection;
use crate::auth::browser::PageRequest;
use crate::auth::{
    append_headers, authorize, Admission, AuthState, Authenticator, Gate, Requirement,
};

/// A poem middleware that authenticates every request with an [`Authenticator`] and stores
/// the [`AuthState`] in the request's extensions, where the extractors
/// ([`Auth`](super::Auth), `Option<Auth>`, [`Claims`](super::Claims), `AuthState`) and
/// [`Require`] read it. Apply it with `.with(..)` to an endpoint or a `Route`.
///
/// By default signed-out requests still reach the endpoint (the extractors decide);
/// [`require_signed_in`](Self::require_signed_in) and [`require`](Self::require) turn away
/// the requests that fail them first, with an [`AuthRejection`]. [`pages`](Self::pages)
/// turns on the browser flow for server-rendered pages.
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

    /// Page-route mode (see [`Gate::pages`]): browser navigations go through Clerk's
    /// handshake and come back with fresh cookies, which are added to the endpoint's
    /// response; a signed-out browser that a route refuses ([`Require`],
    /// [`Auth`](super::Auth), [`Claims`](super::Claims)) is sent to sign in with a 307
    /// instead of a 401. API requests keep their 401 JSON. The authenticator needs
    /// [`Authenticator::pages`], its publishable key and its Backend API client.
    ///
    /// The endpoint's errors become responses here, so that the cookies reach the browser
    /// with them.
    #[must_use]
    pub fn pages(mut self) -> Self {
        self.gate = self.gate.pages();
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
    type Output = Response;

    async fn call(&self, mut req: Request) -> Result<Response> {
        let uri = req.original_uri().to_string();
        let page = PageRequest::new(req.method().as_str(), &uri, req.headers());
        let admission = self.gate.admit_request(&page).await;
        match admission {
            Admission::Proceed {
                state,
                headers,
                sign_in,
            } => {
                req.extensions_mut().insert(state);
                if let Some(sign_in) = sign_in {
                    req.extensions_mut().insert(sign_in);
                }
                let output = self.inner.call(req).await;
                if headers.is_empty() {
                    return output.map(IntoResponse::into_response);
                }
                let mut response = match output {
                    Ok(output) => output.into_response(),
                    Err(error) => error.into_response(),
                };
                append_headers(response.headers_mut(), headers);
                Ok(response)
            }
            Admission::Refuse(refusal) => Err(AuthRejection::Refused(refusal).into_error()),
            Admission::Redirect(redirect) => Ok(redirect.into_response()),
        }
    }
}

/// A poem middleware for a route or a `Route` tree that requires every one of its
/// [`Requirement`]s of the caller [`ClerkMiddleware`] (applied outside it) authenticated:
/// 401 when signed out, 403 naming the first unmet requirement, 500 when no
/// `ClerkMiddleware` ran. In page-route mode ([`ClerkMiddleware::pages`]) a signed-out
/// browser navigation is sent to sign in (307) instead of the 401.
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
            return Err(AuthRejection::from_denied(&req, denied).into_error());
        }
        self.inner.call(req).await
    }
}
