//! `ClerkMiddleware`: authenticates each request once and stores the result in its
//! extensions.

use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::{Error, HttpMessage, HttpResponse};

use crate::auth::{Authenticator, Gate, Refusal, Requirement};

/// actix-web middleware (for `App::wrap`, `Scope::wrap` or `Resource::wrap`) that
/// authenticates every request with an [`Authenticator`] and stores the [`AuthState`](crate::auth::AuthState) in the
/// request's extensions, where the extractors ([`Auth`](super::Auth),
/// [`Claims`](super::Claims), `AuthState`, `web::ReqData<AuthState>`) and
/// [`Require`](super::Require) read it.
///
/// Signed-out requests still reach the handler, which decides (through `Auth`, for one);
/// [`require_signed_in`](Self::require_signed_in) and [`require`](Self::require) refuse the
/// requests that fail them before any handler runs. Build it once and clone it into the
/// `HttpServer::new` closure: the clones share the authenticator and its key cache.
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

impl<S, B> Transform<S, ServiceRequest> for ClerkMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Transform = ClerkService<S>;
    type InitError = ();
    type Future = Ready<Result<ClerkService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ClerkService {
            service: Rc::new(service),
            gate: self.gate.clone(),
        }))
    }
}

/// The service [`ClerkMiddleware`] puts in front of a route's service.
#[derive(Debug)]
pub struct ClerkService<S> {
    service: Rc<S>,
    gate: Gate,
}

impl<S, B> Service<ServiceRequest> for ClerkService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Error>>>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let service = Rc::clone(&self.service);
        let gate = self.gate.clone();
        Box::pin(async move {
            let state = match gate.admit(request.headers()).await {
                Ok(state) => state,
                Err(denied) => return Ok(refuse(request, Refusal::denied(&denied))),
            };
            request.extensions_mut().insert(state);
            let response = service.call(request).await?;
            Ok(response.map_into_left_body())
        })
    }
}

/// Answers `refusal` without calling the inner service.
pub(crate) fn refuse<B>(
    request: ServiceRequest,
    refusal: Refusal,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    request
        .into_response(HttpResponse::from(refusal))
        .map_into_right_body()
}
