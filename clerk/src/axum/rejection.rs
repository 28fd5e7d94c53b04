//! What the extractors answer when they cannot hand a handler what it asked for.

use ::axum::response::{IntoResponse, Response};
use ::axum::Json;
use http::{header, HeaderValue, StatusCode};
use serde_json::json;

use crate::auth::SignedOut;
use crate::webhooks::WebhookError;

/// Why [`super::Auth`] (or the `AuthState` extractor) refused a request.
///
/// As a response: `401` with `WWW-Authenticate: Bearer`, `x-clerk-auth-status: signed-out`,
/// `x-clerk-auth-reason: <code>` and the body
/// `{"error": "unauthenticated", "reason": "<code>", "message": "<why>"}`; the token itself is
/// never echoed.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuthRejection {
    /// The request is signed out.
    #[error("signed out: {}", .0.message)]
    SignedOut(SignedOut),
    /// No [`super::ClerkLayer`] ran for this route: a server bug, answered with 500.
    #[error("the route extracts Clerk auth but no ClerkLayer was applied to it")]
    MissingLayer,
}

impl IntoResponse for AuthRejection {
    fn into_response(self) -> Response {
        match self {
            Self::SignedOut(out) => {
                let code = out.reason.code();
                let body = json!({
                    "error": "unauthenticated",
                    "reason": code,
                    "message": out.message,
                });
                let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
                let headers = response.headers_mut();
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                headers.insert(
                    "x-clerk-auth-status",
                    HeaderValue::from_static("signed-out"),
                );
                headers.insert("x-clerk-auth-reason", HeaderValue::from_static(code));
                response
            }
            Self::MissingLayer => {
                let body = json!({
                    "error": "server_misconfigured",
                    "message": self.to_string(),
                });
                (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
            }
        }
    }
}

/// Why [`super::ClerkWebhook`] refused a delivery: a `400` with the body
/// `{"error": "invalid_webhook", "message": "<why>"}`.
///
/// Only authentication failures (headers, timestamp, signature), an unreadable body and a
/// body that is not an event at all (not a JSON object with a string `type`) are refused; an
/// authentic event whose `data` does not fit its model is handed to the handler instead.
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
}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        let body = json!({ "error": "invalid_webhook", "message": self.to_string() });
        (StatusCode::BAD_REQUEST, Json(body)).into_response()
    }
}
