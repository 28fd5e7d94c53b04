//! `ClerkLayer`: authenticates each request once and stores the result in its extensions.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use http::{Request, Response};
use tower_layer::Layer;
use tower_service::Service;

use super::refuse::{JsonRefusal, Refuse};
use crate::auth::browser::PageRequest;
use crate::auth::{append_headers, Admission, AuthState, Authenticator, Gate, Requirement};

/// A tower layer that authenticates every request with an [`Authenticator`] and stores the
/// [`AuthState`] in the request's extensions, where handlers, extractors and
/// [`RequireLayer`](super::RequireLayer) read it.
///
/// By default signed-out requests still reach the service (which decides);
/// [`require_signed_in`](Self::require_signed_in) and [`require`](Self::require) refuse the
/// requests that fail them before they do, through `R` (JSON by default).
#[derive(Debug, Clone)]
pub struct ClerkLayer<R = JsonRefusal> {
    gate: Gate,
    refuse: R,
}

impl ClerkLayer {
    /// Authenticates requests with `authenticator`, refusing none.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            gate: Gate::new(authenticator),
            refuse: JsonRefusal,
        }
    }
}

impl<R> ClerkLayer<R> {
    /// Refuses signed-out requests (401, or 500 when authentication failed on this side).
    #[must_use]
    pub fn require_signed_in(mut self) -> Self {
        self.gate = self.gate.require_signed_in();
        self
    }

    /// Also requires `requirement` of every request (401 when signed out, 403 when unmet).
    #[must_use]
    pub fn require(mut self, requirement: Requirement) -> Self {
        self.gate = self.gate.require(requirement);
        self
    }

    /// Whether pending sessions (`sts: "pending"`) are signed out for this layer: default
    /// `true`; see [`Authenticator::treat_pending_as_signed_out`].
    #[must_use]
    pub fn treat_pending_as_signed_out(mut self, signed_out: bool) -> Self {
        self.gate = self.gate.treat_pending_as_signed_out(signed_out);
        self
    }

    /// Page-route mode, for apps that render pages for browsers signed in with cookies: the
    /// browser flow (refresh, handshake redirects, development instances, satellites; see
    /// [`Gate::pages`]), and signed-out browser navigations to protected routes are sent to
    /// sign in instead of getting a 401. The authenticator needs its publishable key, its
    /// Backend API client, and [`Authenticator::pages`] for the sign-in URL.
    #[must_use]
    pub fn pages(mut self) -> Self {
        self.gate = self.gate.pages();
        self
    }

    /// Answers refusals through `refuse` instead (a gRPC status, an HTML page...).
    pub fn refuse_with<R2>(self, refuse: R2) -> ClerkLayer<R2> {
        ClerkLayer {
            gate: self.gate,
            refuse,
        }
    }
}

impl<S, R: Clone> Layer<S> for ClerkLayer<R> {
    type Service = ClerkService<S, R>;

    fn layer(&self, inner: S) -> Self::Service {
        ClerkService {
            inner,
            gate: self.gate.clone(),
            refuse: self.refuse.clone(),
        }
    }
}

/// The service [`ClerkLayer`] wraps around a service.
#[derive(Debug, Clone)]
pub struct ClerkService<S, R = JsonRefusal> {
    inner: S,
    gate: Gate,
    refuse: R,
}

impl<S, R, ReqBody, ResBody> Service<Request<ReqBody>> for ClerkService<S, R>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    R: Refuse<ResBody>,
    ReqBody: Send + 'static,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response<ResBody>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<ReqBody>) -> Self::Future {
        // The clone is not ready; the instance `poll_ready` was called on is (tower's rule).
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let gate = self.gate.clone();
        let refuse = self.refuse.clone();
        Box::pin(async move {
            let uri = request.uri().to_string();
            let page = PageRequest::new(request.method().as_str(), &uri, request.headers());
            match gate.admit_request(&page).await {
                Admission::Proceed {
                    state,
                    headers,
                    sign_in,
                } => {
                    request.extensions_mut().insert(state);
                    if let Some(sign_in) = sign_in {
                        request.extensions_mut().insert(sign_in);
                    }
                    let mut response = inner.call(request).await?;
                    append_headers(response.headers_mut(), headers);
                    Ok(response)
                }
                Admission::Refuse(refusal) => Ok(refuse.refuse(refusal)),
                Admission::Redirect(redirect) => Ok(refuse.redirect(redirect)),
            }
        })
    }
}

/// The auth state [`ClerkLayer`] stored on a request, if one ran.
pub(crate) fn stored<B>(request: &Request<B>) -> Option<&AuthState> {
    request.extensions().get::<AuthState>()
}
