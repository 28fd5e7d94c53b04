//! `Require`: refuses requests whose stored auth state fails a scope's or resource's
//! requirements.

use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::{Error, HttpMessage, HttpResponse};

use super::middleware::answer;
use crate::auth::{authorize, AuthState, Refusal, Requirement, SignInRedirect};

/// actix-web middleware for a scope or resource (`Scope::wrap`, `Resource::wrap`) that
/// requires every one of its [`Requirement`]s of the caller: 401 when signed out, 403 naming
/// the first unmet requirement, 500 when no [`ClerkMiddleware`](super::ClerkMiddleware)
/// authenticated the request first. The handler runs only for callers who meet them all.
/// In page-route mode ([`ClerkMiddleware::pages`](super::ClerkMiddleware::pages)) a
/// signed-out browser navigation is sent to sign in (307) instead of the 401.
///
/// actix runs the middleware registered last first, and an app's or outer scope's
/// middleware before an inner scope's or resource's, so wrap `ClerkMiddleware` around
/// (outside) the scope or resource `Require` wraps.
///
/// ```
/// use actix_web::{web, App, HttpResponse};
/// use clerk_backend::actix::{ClerkMiddleware, Require};
/// use clerk_backend::auth::Requirement;
///
/// # fn app(clerk: ClerkMiddleware) {
/// let app = App::new()
///     .service(
///         web::scope("/admin")
///             .wrap(Require::new([Requirement::role("org:admin")]))
///             .route("/members", web::get().to(HttpResponse::Ok)),
///     )
///     // The app's middleware runs before the scope's.
///     .wrap(clerk);
/// # let _ = app; }
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

impl<S, B> Transform<S, ServiceRequest> for Require
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Transform = RequireService<S>;
    type InitError = ();
    type Future = Ready<Result<RequireService<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RequireService {
            service: Rc::new(service),
            requirements: self.requirements.clone(),
        }))
    }
}

/// The service [`Require`] puts in front of a scope's or resource's service.
#[derive(Debug)]
pub struct RequireService<S> {
    service: Rc<S>,
    requirements: Arc<[Requirement]>,
}

impl<S, B> Service<ServiceRequest> for RequireService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Error>>>>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let refused: Option<HttpResponse> = match request.extensions().get::<AuthState>() {
            Some(state) => authorize(state, &self.requirements).err().map(|denied| {
                let sign_in = request.extensions().get::<SignInRedirect>().cloned();
                match sign_in {
                    Some(s) if SignInRedirect::applies(Some(&s), &denied) => s.redirect().into(),
                    _ => Refusal::denied(&denied).into(),
                }
            }),
            None => {
                tracing::error!(
                    path = request.path(),
                    "clerk: a route requires Clerk auth but no ClerkMiddleware wraps it"
                );
                Some(Refusal::internal().into())
            }
        };
        if let Some(response) = refused {
            return Box::pin(ready(Ok(answer(request, response))));
        }
        let response = self.service.call(request);
        Box::pin(async move { Ok(response.await?.map_into_left_body()) })
    }
}
