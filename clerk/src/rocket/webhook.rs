//! `ClerkWebhook`: a verified, decoded webhook delivery as a data guard.

use ::rocket::data::{self, ByteUnit, Data, FromData, ToByteUnit};
use ::rocket::outcome::Outcome;
use ::rocket::sentinel::Sentinel;
use ::rocket::{Ignite, Request, Rocket};

use super::rejection::{remember, WebhookRejection};
use crate::webhooks::{Event, Webhook};

/// The limit read when rocket's configuration has neither a `clerk-webhook` nor a `json`
/// limit: 1 MiB, rocket's own default for JSON.
const DEFAULT_LIMIT: u64 = 1024 * 1024;

/// A webhook delivery whose signature and timestamp checked out, decoded into an
/// [`Event`], as a route's `data` guard. The [`Webhook`] (the signing secret) comes from
/// managed state ([`super::ClerkFairing::webhook`] or `rocket.manage(webhook)`); rocket
/// refuses to launch a route using this guard without it.
///
/// The body is read up to the `clerk-webhook` limit of rocket's configuration (`limits =
/// { clerk-webhook = "2 MiB" }`), else the `json` limit (1 MiB by default).
///
/// Acceptance follows [`Webhook::verify`]: the signature decides, the payload's shape does
/// not. A verified delivery whose `data` does not fit its model still reaches the handler,
/// as [`EventData::Undecoded`](crate::webhooks::EventData::Undecoded), so the handler can
/// answer 2xx and Svix does not retry it. A delivery that fails verification fails the
/// guard with 400 (see [`WebhookRejection`]; the JSON body comes from
/// [`catchers`](super::catchers)).
#[derive(Debug, Clone)]
pub struct ClerkWebhook(pub Event);

fn limit(request: &Request<'_>) -> ByteUnit {
    let limits = request.limits();
    limits
        .get("clerk-webhook")
        .or_else(|| limits.get("json"))
        .unwrap_or_else(|| DEFAULT_LIMIT.bytes())
}

fn reject<'r>(
    request: &Request<'_>,
    rejection: WebhookRejection,
) -> data::Outcome<'r, ClerkWebhook> {
    if matches!(rejection, WebhookRejection::NotConfigured) {
        tracing::error!("clerk: {rejection}");
    }
    let status = remember(request, &rejection.refusal(), None);
    Outcome::Error((status, rejection))
}

#[::rocket::async_trait]
impl<'r> FromData<'r> for ClerkWebhook {
    type Error = WebhookRejection;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let Some(webhook) = request.rocket().state::<Webhook>() else {
            return reject(request, WebhookRejection::NotConfigured);
        };
        let limit = limit(request);
        let body = match data.open(limit).into_bytes().await {
            Ok(body) if body.is_complete() => body.into_inner(),
            Ok(_) => {
                let why = format!("the body is larger than the {limit} limit");
                return reject(request, WebhookRejection::Body(why));
            }
            Err(e) => return reject(request, WebhookRejection::Body(e.to_string())),
        };
        match webhook.verify(request, &body) {
            Ok(event) => Outcome::Success(Self(event)),
            Err(e) => reject(request, WebhookRejection::Invalid(e)),
        }
    }
}

impl Sentinel for ClerkWebhook {
    fn abort(rocket: &Rocket<Ignite>) -> bool {
        let missing = rocket.state::<Webhook>().is_none();
        if missing {
            tracing::error!("clerk: routes take ClerkWebhook but no Webhook is managed");
        }
        missing
    }
}
