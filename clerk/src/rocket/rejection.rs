//! How a refused request gets its answer: guards fail with a status, and the [`catchers`]
//! answer it with the [`Refusal`] the guard left in the request (or, in page-route mode, the
//! redirect to sign in it left there instead).

use std::io::Cursor;
use std::sync::Mutex;

use ::rocket::catcher::{BoxFuture, Catcher};
use ::rocket::http::{ContentType, Header, Status};
use ::rocket::{Request, Response};

use crate::auth::{Redirect, Refusal};
use crate::webhooks::WebhookError;

/// What the last failing Clerk guard of a request chose, for the catchers: its refusal, and
/// in page-route mode the redirect a browser gets instead.
struct LastRefusal(Mutex<Option<(Refusal, Option<Redirect>)>>);

/// Keeps `refusal` (and the `redirect` a browser gets instead, if any) in the request for
/// the catchers and hands back the status to fail with.
pub(crate) fn remember(
    request: &Request<'_>,
    refusal: &Refusal,
    redirect: Option<Redirect>,
) -> Status {
    let cell = request.local_cache(|| LastRefusal(Mutex::new(None)));
    let mut last = cell
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *last = Some((refusal.clone(), redirect));
    status_of(refusal)
}

/// The refusal a Clerk guard left in the request (with its redirect), if it is the one for
/// `status`.
fn recall(request: &Request<'_>, status: Status) -> Option<(Refusal, Option<Redirect>)> {
    let cell = request.local_cache(|| LastRefusal(Mutex::new(None)));
    let last = cell
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    last.as_ref()
        .filter(|(refusal, _)| status_of(refusal) == status)
        .cloned()
}

pub(crate) fn status_of(refusal: &Refusal) -> Status {
    Status::new(refusal.status.as_u16())
}

/// Catchers for 400, 401, 403 and 500 that answer a refusal from a Clerk guard exactly as
/// the other integrations do: its status, its headers (`WWW-Authenticate: Bearer`,
/// `x-clerk-auth-status`, `x-clerk-auth-reason`), `content-type: application/json` and its
/// JSON body (`{"error": "unauthenticated", "reason": "token-missing"}`, `{"error":
/// "forbidden", ...}`, `{"error": "invalid_webhook", "message": ...}`). In page-route mode
/// ([`ClerkFairing::pages`](super::ClerkFairing::pages)) the 401 of a signed-out browser
/// navigation is answered with a `307` to the sign-in page instead.
///
/// Rocket builds error responses in catchers, never in guards, so register these where the
/// guarded routes are mounted (`rocket.register("/", catchers())`); without them a refused
/// request gets rocket's default error page with the right status but none of the JSON.
/// When the error did not come from a Clerk guard (a handler returned `Status::Forbidden`
/// itself, a form failed to parse) they answer as rocket's default catcher would.
pub fn catchers() -> Vec<Catcher> {
    [400, 401, 403, 500]
        .into_iter()
        .map(|code| {
            let mut catcher = Catcher::new(code, answer);
            catcher.name = Some("clerk_backend::rocket".into());
            catcher
        })
        .collect()
}

fn answer<'r>(status: Status, request: &'r Request<'_>) -> BoxFuture<'r> {
    Box::pin(async move {
        match recall(request, status) {
            Some((_, Some(redirect))) => Ok(redirect_response(&redirect)),
            Some((refusal, None)) => Ok(respond(refusal)),
            None => {
                let fallback = Catcher::default();
                fallback.handler.handle(status, request).await
            }
        }
    })
}

fn respond<'r>(refusal: Refusal) -> Response<'r> {
    let mut response = Response::build();
    response
        .status(status_of(&refusal))
        .header(ContentType::JSON);
    for (name, value) in refusal.headers {
        response.raw_header(name, value);
    }
    response
        .sized_body(refusal.body.len(), Cursor::new(refusal.body))
        .finalize()
}

/// Adds every header of `headers` (an `http` 1.x map) to `response`, repeats kept (each
/// `Set-Cookie` its own line): how page-mode cookies reach rocket's responses. Values that
/// are not text are skipped; the core only builds text ones.
pub(crate) fn adjoin_headers(response: &mut Response<'_>, headers: &http::HeaderMap) {
    for (name, value) in headers {
        if let Ok(value) = value.to_str() {
            response.adjoin_header(Header::new(name.as_str().to_owned(), value.to_owned()));
        }
    }
}

/// The page-mode `redirect` as a rocket response: `307 Temporary Redirect`, its headers
/// (`Location`, `Cache-Control`, every `Set-Cookie`) and an empty body.
pub(crate) fn redirect_response<'r>(redirect: &Redirect) -> Response<'r> {
    let mut response = Response::build()
        .status(Status::TemporaryRedirect)
        .finalize();
    adjoin_headers(&mut response, &redirect.headers);
    response
}

/// Why [`super::ClerkWebhook`] refused a delivery. As a response (through [`catchers`]) it
/// is a `400` with the body `{"error": "invalid_webhook", "message": "<why>"}`, except
/// [`WebhookRejection::NotConfigured`], a `500` with only the code `internal`.
///
/// Only authentication failures (headers, timestamp, signature), an unreadable or too large
/// body and a body that is not an event at all (not a JSON object with a string `type`)
/// are refused; an authentic event whose `data` does not fit its model reaches the handler.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The headers, timestamp or signature did not check out, or the signed body is not an
    /// event (see [`WebhookError::InvalidPayload`]).
    #[error(transparent)]
    Invalid(#[from] WebhookError),
    /// The body could not be read, or is larger than the `clerk-webhook` limit.
    #[error("the webhook body could not be read: {0}")]
    Body(String),
    /// No [`Webhook`](crate::webhooks::Webhook) is managed: a server bug, answered with 500.
    #[error("the route takes a ClerkWebhook but no Webhook is managed")]
    NotConfigured,
}

impl WebhookRejection {
    /// The answer the [`catchers`] give: 400 with the reason, or 500 for
    /// [`WebhookRejection::NotConfigured`].
    pub fn refusal(&self) -> Refusal {
        match self {
            Self::NotConfigured => Refusal::internal(),
            _ => Refusal::invalid_webhook(self),
        }
    }
}
