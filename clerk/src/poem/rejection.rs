//! The errors the middleware and extractors answer with: poem errors whose response is the
//! core's [`Refusal`] (or the webhook 400), downcastable to the types below.

use ::poem::error::ResponseError;
use ::poem::http::{header, HeaderValue, StatusCode};
use ::poem::{IntoResponse, Response};

use crate::auth::{Denied, Refusal, Requirement, SignedOut};
use crate::webhooks::WebhookError;

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
///   extractor: `500` `{"error": "server_error", "reason": "internal"}`.
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
}

impl AuthRejection {
    /// The rejection for `denied`, as [`crate::auth::authorize`] reports it.
    pub(crate) fn from_denied(denied: Denied) -> Self {
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
            Self::SignedOut(out) => out.reason.code(),
            Self::Unmet(requirement) => requirement.code(),
            Self::ClaimsMismatch => "claims-mismatch",
            Self::MissingMiddleware => "internal",
        }
    }

    /// The core's answer for this rejection.
    pub fn refusal(&self) -> Refusal {
        match self {
            Self::SignedOut(out) => Refusal::signed_out(out),
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
        self.refusal().status
    }

    fn as_response(&self) -> Response {
        self.refusal().into_response()
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
