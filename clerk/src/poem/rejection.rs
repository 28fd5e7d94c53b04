//! The errors the middleware and extractors answer with: poem errors whose response is the
//! core's [`Refusal`] (or the webhook 400, or a page-mode [`Redirect`]), downcastable to the
//! types below.

use ::poem::error::ResponseError;
use ::poem::http::{header, HeaderValue, StatusCode};
use ::poem::{IntoResponse, Request, Response};

use crate::auth::{
    append_headers, Denied, Redirect, Refusal, Requirement, SignInRedirect, SignedOut,
};
use crate::webhooks::WebhookError;

/// A page-mode redirect as a poem response: `307 Temporary Redirect`, each of its headers
/// (`Location`, `Cache-Control`, every `Set-Cookie`) and an empty body. poem's header map is
/// `http` 1.x's, so the headers move over as they are.
impl IntoResponse for Redirect {
    fn into_response(self) -> Response {
        let mut response = Response::default();
        response.set_status(StatusCode::TEMPORARY_REDIRECT);
        append_headers(response.headers_mut(), self.headers);
        response
    }
}

/// A [`Refusal`] as a poem response: its status, each of its headers,
/// `content-type: application/json` and its JSON body. Lets a handler or a custom
/// middleware that calls [`authorize`](crate::auth::authorize) itself answer the way the
/// rest of the integration does.
impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut response = Response::from(self.body);
        response.set_status(self.status);
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        for (name, value) in self.headers {
            headers.insert(name, HeaderValue::from_static(value));
        }
        response
    }
}

/// Why the middleware or an extractor turned a request away. It travels as a
/// [`poem::Error`](::poem::Error) (use `err.downcast_ref::<AuthRejection>()` in an error
/// handler to tell it apart) whose response is the matching [`Refusal`]:
///
/// - signed out: `401` with `WWW-Authenticate: Bearer`, `x-clerk-auth-status: signed-out`,
///   `x-clerk-auth-reason: <code>` and `{"error": "unauthenticated", "reason": "<code>"}`
///   (the code is [`SignedOutReason::code`](crate::auth::SignedOutReason::code));
/// - signed in without a route's requirement: `403`
///   `{"error": "forbidden", "reason": "permission-missing", "requirement": "..."}`;
/// - claims that do not fit [`super::Claims`]'s type: `403` `claims-mismatch`;
/// - authentication failing on this side, or no [`super::ClerkMiddleware`] before the
///   extractor: `500` `{"error": "server_error", "reason": "internal"}`;
/// - in page-route mode ([`super::ClerkMiddleware::pages`]), a signed-out browser
///   navigation: `307` to the sign-in page instead of the 401.
///
/// Bodies carry codes only, never a token or an error message; details go to `tracing`.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuthRejection {
    /// The request is signed out.
    #[error("signed out: {}", .0.message)]
    SignedOut(SignedOut),
    /// The caller is signed in but does not meet this requirement of the route.
    #[error("the caller does not meet the requirement: {0}")]
    Unmet(Requirement),
    /// The caller is signed in but its claims do not fit the type [`super::Claims`] reads
    /// them as (serde's message, field names only, is logged at `debug`).
    #[error("the token's claims do not fit the expected type")]
    ClaimsMismatch,
    /// No [`super::ClerkMiddleware`] ran before the extractor or [`super::Require`]: a
    /// server bug.
    #[error("the route reads Clerk auth but no ClerkMiddleware was applied to it")]
    MissingMiddleware,
    /// [`super::ClerkMiddleware`] turned the request away with this answer (its
    /// [`require`](super::ClerkMiddleware::require)ments, or authentication failing on this
    /// side).
    #[error("refused by the Clerk middleware ({})", .0.reason)]
    Refused(Refusal),
    /// Page-route mode: a signed-out browser navigation, answered with a 307 to sign in
    /// rather than the 401 an API caller would get.
    #[error("signed out: {}; sent to sign in", .0.message)]
    SignIn(SignedOut, SignInRedirect),
}

impl AuthRejection {
    /// The rejection for `denied`, as [`crate::auth::authorize`] reports it for `req`: a
    /// redirect to sign in when the middleware stored one for it (page-route mode) and the
    /// request is signed out.
    pub(crate) fn from_denied(req: &Request, denied: Denied) -> Self {
        let sign_in = req.extensions().get::<SignInRedirect>();
        if SignInRedirect::applies(sign_in, &denied) {
            if let (Denied::SignedOut(out), Some(sign_in)) = (&denied, sign_in) {
                return Self::SignIn(out.clone(), sign_in.clone());
            }
        }
        match denied {
            Denied::SignedOut(out) => Self::SignedOut(out),
            Denied::Unmet(requirement) => Self::Unmet(requirement),
            Denied::ClaimsMismatch => Self::ClaimsMismatch,
        }
    }

    /// The reason code of the response: the signed-out reason's code, the unmet
    /// requirement's [`code`](Requirement::code), `claims-mismatch` or `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::SignedOut(out) | Self::SignIn(out, _) => out.reason.code(),
            Self::Refused(refusal) => refusal.reason,
            Self::Unmet(requirement) => requirement.code(),
            Self::ClaimsMismatch => "claims-mismatch",
            Self::MissingMiddleware => "internal",
        }
    }

    /// The core's answer for this rejection (for [`SignIn`](Self::SignIn), the 401 an API
    /// caller would get instead of the redirect).
    pub fn refusal(&self) -> Refusal {
        match self {
            Self::SignedOut(out) | Self::SignIn(out, _) => Refusal::signed_out(out),
            Self::Refused(refusal) => refusal.clone(),
            Self::Unmet(requirement) => Refusal::denied(&Denied::Unmet(requirement.clone())),
            Self::ClaimsMismatch => Refusal::denied(&Denied::ClaimsMismatch),
            Self::MissingMiddleware => Refusal::internal(),
        }
    }

    /// Logs what the response leaves out (a missing middleware), and converts.
    pub(crate) fn into_error(self) -> ::poem::Error {
        if let Self::MissingMiddleware = self {
            tracing::error!("clerk: {self}");
        }
        self.into()
    }
}

impl ResponseError for AuthRejection {
    fn status(&self) -> StatusCode {
        match self {
            Self::SignIn(..) => StatusCode::TEMPORARY_REDIRECT,
            _ => self.refusal().status,
        }
    }

    fn as_response(&self) -> Response {
        match self {
            Self::SignIn(_, sign_in) => sign_in.redirect().into_response(),
            _ => self.refusal().into_response(),
        }
    }
}

/// Why [`super::ClerkWebhook`] refused a delivery: `400`
/// `{"error": "invalid_webhook", "message": "<why>"}`, or `500`
/// `{"error": "server_error", "reason": "internal"}` when the endpoint has no [`Webhook`]
/// data to verify with.
///
/// Only authentication failures (headers, timestamp, signature), an unreadable body and a
/// body that is not an event at all are refused; an authentic event whose `data` does not
/// fit its model reaches the handler instead.
///
/// [`Webhook`]: crate::webhooks::Webhook
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The headers, timestamp or signature did not check out, or the signed body is not an
    /// event (see [`WebhookError::InvalidPayload`]).
    #[error(transparent)]
    Invalid(#[from] WebhookError),
    /// The body could not be read.
    #[error("the webhook body could not be read: {0}")]
    Body(String),
    /// No `Webhook` was attached to the endpoint with `.data(webhook)`: a server bug.
    #[error("the route verifies Clerk webhooks but no Webhook was attached with .data(..)")]
    MissingWebhook,
}

impl ResponseError for WebhookRejection {
    fn status(&self) -> StatusCode {
        match self {
            Self::MissingWebhook => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Invalid(_) | Self::Body(_) => StatusCode::BAD_REQUEST,
        }
    }

    fn as_response(&self) -> Response {
        if let Self::MissingWebhook = self {
            return Refusal::internal().into_response();
        }
        Refusal::invalid_webhook(self).into_response()
    }
}
