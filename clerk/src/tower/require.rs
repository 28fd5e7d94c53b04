//! `RequireLayer`: refuses requests whose stored auth state fails the route's requirements.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::{Request, Response};
use tower_layer::Layer;
use tower_service::Service;

use super::layer::stored;
use super::refuse::{JsonRefusal, Refuse};
use crate::auth::{authorize, Refusal, Requirement, SignInRedirect};

/// A tower layer for a route or router that requires all of its
/// [`Requirement`]s of the caller a [`ClerkLayer`](super::ClerkLayer) (applied outside it)
/// authenticated: 401 when signed out, 403 naming the first unmet requirement, 500 when no
/// `ClerkLayer` ran.
#[derive(Debug, Clone)]
pub struct RequireLayer<R = JsonRefusal> {
    requirements: Arc<[Requirement]>,
    refuse: R,
}

impl RequireLayer {
    /// Requires every one of `requirements`.
    pub fn new(requirements: impl IntoIterator<Item = Requirement>) -> Self {
        Self {
            requirements: requirements.into_iter().collect(),
            refuse: JsonRefusal,
        }
    }
}

impl<R> RequireLayer<R> {
    /// Answers refusals through `refuse` instead.
    pub fn refuse_with<R2>(self, refuse: R2) -> RequireLayer<R2> {
        RequireLayer {
            requirements: self.requirements,
            refuse,
        }
    }
}

impl<S, R: Clone> Layer<S> for RequireLayer<R> {
    type Service = RequireService<S, R>;

    fn layer(&self, inner: S) -> Self::Service {
        RequireService {
            inner,
            requirements: self.requirements.clone(),
            refuse: self.refuse.clone(),
        }
    }
}

/// The service [`RequireLayer`] wraps around a service.
#[derive(Debug, Clone)]
pub struct RequireService<S, R = JsonRefusal> {
    inner: S,
    requirements: Arc<[Requirement]>,
    refuse: R,
}

impl<S, R, ReqBody, ResBody> Service<Request<ReqBody>> for RequireService<S, R>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: 'static,
    R: Refuse<ResBody>,
    ResBody: Send + 'static,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response<ResBody>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let verdict = match stored(&request) {
            None => {
                tracing::error!(
                    "clerk: RequireLayer found no auth state; apply ClerkLayer outside it"
                );
                Err(Err(Refusal::internal()))
            }
            Some(state) => authorize(state, &self.requirements)
                .map(|_| ())
                .map_err(|denied| {
                    let sign_in = request.extensions().get::<SignInRedirect>();
                    if SignInRedirect::applies(sign_in, &denied) {
                        // Page-route mode: a signed-out browser goes to sign in.
                        sign_in
                            .map(SignInRedirect::redirect)
                            .ok_or(Refusal::denied(&denied))
                    } else {
                        Err(Refusal::denied(&denied))
                    }
                }),
        };
        let response = match verdict {
            Ok(()) => return Box::pin(self.inner.call(request)),
            Err(Ok(redirect)) => self.refuse.redirect(redirect),
            Err(Err(refusal)) => self.refuse.refuse(refusal),
        };
        Box::pin(async move { Ok(response) })
    }
}
