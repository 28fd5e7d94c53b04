//! What the extractors answer when they cannot hand a handler what it asked for.

use ::axum::response::{IntoResponse, Response};

use crate::auth::{ClaimsError, Denied, Refusal, SignInRedirect, SignedOut};
use crate::webhooks::WebhookError;

/// Why [`super::Auth`] (or the `AuthState` extractor) refused a request.
///
/// As a response, the body carries a reason code and nothing else: never the token, never
/// an error message (verification details, JWKS fetch failures with their status and trace
/// id, configuration problems). Those are logged with `tracing` where the decision is made
/// (see [`crate::auth::Authenticator`]) or, for [`AuthRejection::MissingLayer`], here.
///
/// - Signed out: `401` with `WWW-Authenticate: Bearer`, `x-clerk-auth-status: signed-out`,
///   `x-clerk-auth-reason: <code>` and the body `{"error": "unauthenticated", "reason":
///   "<code>"}`, the code one of [`SignedOutReason::CODES`](crate::auth::SignedOutReason::CODES)
///   (see [`SignedOutReason::code`](crate::auth::SignedOutReason::code)).
/// - Signed in, but the claims do not fit [`super::Claims`]'s type: `403` with the body
///   `{"error": "forbidden", "reason": "claims-mismatch"}`.
/// - Not authenticated because of a problem on this side (code `internal`: the JWKS could not
///   be loaded, the Backend API could not verify a machine token) and a route without
///   [`super::ClerkLayer`]: `500` with the body `{"error": "server_error", "reason":
///   "internal"}`.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuthRejection {
    /// The request is signed out.
    #[error("signed out: {}", .0.message)]
    SignedOut(SignedOut),
    /// The caller is signed in but its claims do not fit the type [`super::Claims`] reads
    /// them as: 403 `claims-mismatch`.
    #[error(transparent)]
    ClaimsMismatch(ClaimsError),
    /// No [`super::ClerkLayer`] ran for this route: a server bug, answered with 500.
    #[error("the route extracts Clerk auth but no ClerkLayer was applied to it")]
    MissingLayer,
    /// Page-route mode: a signed-out browser navigated here; it is sent to sign in (307).
    #[error("signed out; redirecting to sign in")]
    SignIn(SignInRedirect),
}

impl AuthRejection {
    /// The reason code of the response: the signed-out reason's
    /// [`code`](crate::auth::SignedOutReason::code), or `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::SignedOut(out) => out.reason.code(),
            Self::SignIn(_) => "sign-in",
            Self::ClaimsMismatch(_) => "claims-mismatch",
            Self::MissingLayer => "internal",
        }
    }
}

impl IntoResponse for AuthRejection {
    fn into_response(self) -> Response {
        let refusal = match &self {
            Self::SignIn(to) => return to.redirect().into_http(),
            Self::SignedOut(out) => Refusal::signed_out(out),
            Self::ClaimsMismatch(e) => {
                tracing::debug!("clerk: {e}");
                Refusal::denied(&Denied::ClaimsMismatch)
            }
            Self::MissingLayer => {
                tracing::error!("clerk: {self}");
                Refusal::internal()
            }
        };
        refusal.into_http()
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
        Refusal::invalid_webhook(&self).into_http()
    }
}
