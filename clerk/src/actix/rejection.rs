//! What the extractors and middleware answer when a request may not proceed: the core's
//! [`Refusal`] and page-mode [`Redirect`] copied into an actix [`HttpResponse`], and the
//! extractors' error types, which implement [`ResponseError`] so actix turns them into those
//! responses.

use actix_web::http::header::{self, HeaderName, HeaderValue, CONTENT_TYPE};
use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError};

use crate::auth::{ClaimsError, Denied, Redirect, Refusal, SignInRedirect, SignedOut};
use crate::webhooks::WebhookError;

/// Appends every header of `from` (an `http` 1.x map; repeated `Set-Cookie`s included) to
/// actix's own header map, name and value copied as bytes. A pair actix does not accept is
/// skipped: the core only builds valid ones.
pub(crate) fn append_headers(to: &mut header::HeaderMap, from: &http::HeaderMap) {
    for (name, value) in from {
        let name = HeaderName::from_bytes(name.as_str().as_bytes());
        let value = HeaderValue::from_bytes(value.as_bytes());
        if let (Ok(name), Ok(value)) = (name, value) {
            to.append(name, value);
        }
    }
}

/// The page-mode redirect as actix's response: `307 Temporary Redirect` with each of its
/// headers (`Location`, `Cache-Control`, every `Set-Cookie`) and an empty body.
impl From<Redirect> for HttpResponse {
    fn from(redirect: Redirect) -> Self {
        let mut response = HttpResponse::new(StatusCode::TEMPORARY_REDIRECT);
        append_headers(response.headers_mut(), &redirect.headers);
        response
    }
}

/// The refusal as actix's response: its status, each of its headers,
/// `content-type: application/json` and its JSON body.
impl From<Refusal> for HttpResponse {
    fn from(refusal: Refusal) -> Self {
        let mut response = HttpResponse::build(status(refusal.status.as_u16()));
        response.insert_header((CONTENT_TYPE, "application/json"));
        // Checked, not `from_static`: a bad pair becomes actix's error response, not a panic.
        for pair in refusal.headers {
            response.insert_header(pair);
        }
        response.body(refusal.body)
    }
}

/// actix-web's status type (`http` 0.2's) for a code of `http` 1.x's.
fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Why [`Auth`](super::Auth), [`Claims`](super::Claims) or the `AuthState` extractor
/// refused a request. As a response it is a [`Refusal`]: a body with a reason code only,
/// never the token or the verification details (those go to `tracing`).
///
/// - Signed out: `401` with `WWW-Authenticate: Bearer`, `x-clerk-auth-status: signed-out`,
///   `x-clerk-auth-reason: <code>` and `{"error": "unauthenticated", "reason": "<code>"}`,
///   the code one of [`SignedOutReason::CODES`](crate::auth::SignedOutReason::CODES); `500`
///   when the cause is on this side (code `internal`).
/// - Signed in, but the claims do not fit the type [`Claims`](super::Claims) asks for:
///   `403` with `{"error": "forbidden", "reason": "claims-mismatch"}`.
/// - No [`ClerkMiddleware`](super::ClerkMiddleware) ran for the route: `500` with
///   `{"error": "server_error", "reason": "internal"}`.
/// - In page-route mode ([`ClerkMiddleware::pages`](super::ClerkMiddleware::pages)), a
///   signed-out browser navigation: `307` to the sign-in page instead of the 401.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuthRejection {
    /// The request is signed out.
    #[error("signed out: {}", .0.message)]
    SignedOut(SignedOut),
    /// The caller is signed in but its claims do not fit the requested type.
    #[error(transparent)]
    ClaimsMismatch(ClaimsError),
    /// The route reads Clerk auth but no `ClerkMiddleware` wraps it: a server bug.
    #[error("the route extracts Clerk auth but no ClerkMiddleware wraps it")]
    MissingMiddleware,
    /// Page-route mode: a signed-out browser navigation, answered with a 307 to sign in
    /// rather than the 401 an API caller would get.
    #[error("signed out: {}; sent to sign in", .0.message)]
    SignIn(SignedOut, SignInRedirect),
}

impl AuthRejection {
    /// The reason code of the response: the signed-out reason's
    /// [`code`](crate::auth::SignedOutReason::code), `claims-mismatch` or `internal`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::SignedOut(out) | Self::SignIn(out, _) => out.reason.code(),
            Self::ClaimsMismatch(_) => "claims-mismatch",
            Self::MissingMiddleware => "internal",
        }
    }

    /// The core's answer for this rejection (for [`SignIn`](Self::SignIn), the 401 an API
    /// caller would get instead of the redirect).
    pub fn refusal(&self) -> Refusal {
        match self {
            Self::SignedOut(out) | Self::SignIn(out, _) => Refusal::signed_out(out),
            Self::ClaimsMismatch(_) => Refusal::denied(&Denied::ClaimsMismatch),
            Self::MissingMiddleware => Refusal::internal(),
        }
    }

    /// The rejection of a signed-out `request`: a redirect to sign in when the middleware
    /// stored one for it (page-route mode), else the 401.
    pub(crate) fn signed_out(request: &HttpRequest, out: &SignedOut) -> Self {
        let sign_in = request.extensions().get::<SignInRedirect>().cloned();
        match sign_in {
            Some(redirect)
                if SignInRedirect::applies(Some(&redirect), &Denied::SignedOut(out.clone())) =>
            {
                Self::SignIn(out.clone(), redirect)
            }
            _ => Self::SignedOut(out.clone()),
        }
    }
}

impl ResponseError for AuthRejection {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignIn(..) => StatusCode::TEMPORARY_REDIRECT,
            _ => status(self.refusal().status.as_u16()),
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::SignIn(_, redirect) => redirect.redirect().into(),
            _ => self.refusal().into(),
        }
    }
}

/// Why [`ClerkWebhook`](super::ClerkWebhook) refused a delivery: `400` with
/// `{"error": "invalid_webhook", "message": "<why>"}` when the delivery does not verify or
/// its body cannot be read, `500` with `{"error": "server_error", "reason": "internal"}`
/// when the app registered no [`Webhook`](crate::webhooks::Webhook) for the route.
///
/// A delivery whose signature checks out but whose `data` does not fit its model is not
/// refused: the handler gets it as
/// [`EventData::Undecoded`](crate::webhooks::EventData::Undecoded).
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The headers, timestamp or signature did not check out, or the signed body is not an
    /// event (see [`WebhookError::InvalidPayload`]).
    #[error(transparent)]
    Invalid(#[from] WebhookError),
    /// The body could not be read (too large for the route's `PayloadConfig`, cut off...).
    #[error("the webhook body could not be read: {0}")]
    Body(String),
    /// Neither `web::Data<Webhook>` nor a `Webhook` is in the app data: a server bug.
    #[error("the route extracts a Clerk webhook but no Webhook is in its app data")]
    NotConfigured,
}

impl ResponseError for WebhookRejection {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotConfigured => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::NotConfigured => Refusal::internal().into(),
            _ => Refusal::invalid_webhook(self).into(),
        }
    }
}
