//! `ClerkMiddleware`: authenticates each request once and stores the result in its
//! extensions.

use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::{Error, HttpMessage, HttpResponse};

use super::rejection::append_headers;
use crate::auth::browser::PageRequest;
use crate::auth::{Admission, Authenticator, Gate, Requirement};

/// actix-web middleware (for `App::wrap`, `Scope::wrap` or `Resource::wrap`) that
/// authenticates every request with an [`Authenticator`] and stores the [`AuthState`](crate::auth::AuthState) in the
/// request's extensions, where the extractors ([`Auth`](super::Auth),
/// [`Claims`](super::Claims), `AuthState`, `web::ReqData<AuthState>`) and
/// [`Require`](super::Require) read it.
///
/// Signed-out requests still reach the handler, which decides (through `Auth`, for one);
/// [`require_signed_in`](Self::require_signed_in) and [`require`](Self::require) refuse the
/// requests that fail them before any handler runs. [`pages`](Self::pages) turns on the
/// browser flow for server-rendered pages. Build it once and clone it into the
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

    /// Page-route mode (see [`Gate::pages`]): browser navigations go through Clerk's
    /// handshake and come back with fresh cookies, which are added to the handler's
    /// response; a signed-out browser that a route refuses ([`Require`](super::Require),
    /// [`Auth`](super::Auth), [`Claims`](super::Claims)) is sent to sign in with a 307
    /// instead of a 401. API requests keep their 401 JSON. The authenticator needs
    /// [`Authenticator::pages`], its publishable key and its Backend API client.
    #[must_use]
    pub fn pages(mut self) -> Self {
        self.gate = self.gate.pages();
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
            let uri = request.uri().to_string();
            let page = PageRequest::new(request.method().as_str(), &uri, request.headers());
            let admission = gate.admit_request(&page).await;
            match admission {
                Admission::Proceed {
                    state,
                    headers,
                    sign_in,
                } => {
                    request.extensions_mut().insert(state);
                    if let Some(sign_in) = sign_in {
                        request.extensions_mut().insert(sign_in);
                    }
                    let mut response = service.call(request).await?;
                    append_headers(response.headers_mut(), &headers);
                    Ok(response.map_into_left_body())
                }
                Admission::Refuse(refusal) => Ok(answer(request, refusal.into())),
                Admission::Redirect(redirect) => Ok(answer(request, redirect.into())),
            }
        })
    }
}

/// Answers `response` (a refusal or a redirect) without calling the inner service.
pub(crate) fn answer<B>(
    request: ServiceRequest,
    response: HttpResponse,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    request.into_response(response).map_into_right_body()
}
