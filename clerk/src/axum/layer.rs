//! `ClerkLayer`: authenticates each request once and stores the result in its extensions.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use ::axum::response::{IntoResponse, Response};
use http::Request;
use tower_layer::Layer;
use tower_service::Service;

use super::rejection::AuthRejection;
use crate::auth::{AuthState, Authenticator};

/// A tower layer that authenticates every request with an [`Authenticator`] and stores the
/// [`AuthState`] in the request's extensions, where [`super::Auth`] and the `AuthState`
/// extractor read it.
///
/// By default signed-out requests still reach the handler (which decides, e.g. with
/// `Option<Auth>`); [`ClerkLayer::require_signed_in`] answers them with a 401 instead.
#[derive(Debug, Clone)]
pub struct ClerkLayer {
    auth: Arc<Authenticator>,
    require: bool,
}

impl ClerkLayer {
    /// Authenticates requests with `authenticator`.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            auth: Arc::new(authenticator),
            require: false,
        }
    }

    /// Answers signed-out requests with 401 and a JSON body before they reach a handler (500
    /// when they could not be authenticated because of a problem on this side; see
    /// [`AuthRejection`]).
    #[must_use]
    pub fn require_signed_in(mut self) -> Self {
        self.require = true;
        self
    }

    /// Whether pending sessions (`sts: "pending"`) are signed out for this layer: default
    /// `true`; see [`Authenticator::treat_pending_as_signed_out`].
    #[must_use]
    pub fn treat_pending_as_signed_out(mut self, signed_out: bool) -> Self {
        let auth = Arc::make_mut(&mut self.auth);
        *auth = auth.clone().treat_pending_as_signed_out(signed_out);
        self
    }
}

impl<S> Layer<S> for ClerkLayer {
    type Service = ClerkService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ClerkService {
            inner,
            auth: self.auth.clone(),
            require: self.require,
        }
    }
}

/// The service [`ClerkLayer`] wraps around a route or router.
#[derive(Debug, Clone)]
pub struct ClerkService<S> {
    inner: S,
    auth: Arc<Authenticator>,
    require: bool,
}

impl<S, B> Service<Request<B>> for ClerkService<S>
where
    S: Service<Request<B>, Response = Response> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        // The clone is not ready; the instance `poll_ready` was called on is (tower's rule).
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let auth = self.auth.clone();
        let require = self.require;
        Box::pin(async move {
            let state = auth.authenticate(request.headers()).await;
            if let (true, AuthState::SignedOut(out)) = (require, &state) {
                return Ok(AuthRejection::SignedOut(out.clone()).into_response());
            }
            request.extensions_mut().insert(state);
            inner.call(request).await
        })
    }
}
