//! `ClerkWebhook`: a verified, decoded webhook delivery as a handler argument.

use ::poem::{FromRequest, Request, RequestBody, Result};

use super::rejection::WebhookRejection;
use crate::webhooks::{Event, Webhook};

/// The largest body read before verification: 2 MiB, as axum's default body limit.
const MAX_BODY: usize = 2 * 1024 * 1024;

/// A webhook delivery whose signature and timestamp checked out, decoded into an
/// [`Event`]. The [`Webhook`] (the signing secret) is the endpoint's data, attached with
/// `.data(webhook)` the way poem's `Data<&Webhook>` would read it.
///
/// Acceptance follows [`Webhook::verify`]: the signature decides, the payload's shape does
/// not. A verified delivery whose `data` does not fit its model still reaches the handler,
/// as [`EventData::Undecoded`](crate::webhooks::EventData::Undecoded), so the handler can
/// answer 2xx and Svix does not retry it. A delivery that fails verification, or whose body
/// is not a JSON object with a string `type`, gets a 400 (see [`WebhookRejection`]) and never
/// reaches the handler. Bodies over 2 MiB (axum's default limit) are refused with a 400
/// unread.
#[derive(Debug, Clone)]
pub struct ClerkWebhook(pub Event);

impl<'a> FromRequest<'a> for ClerkWebhook {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> Result<Self> {
        let Some(webhook) = req.data::<Webhook>() else {
            let rejection = WebhookRejection::MissingWebhook;
            tracing::error!("clerk: {rejection}");
            return Err(rejection.into());
        };
        let body = body
            .take()
            .map_err(|e| WebhookRejection::Body(e.to_string()))?
            .into_bytes_limit(MAX_BODY)
            .await
            .map_err(|e| WebhookRejection::Body(e.to_string()))?;
        webhook
            .verify(req, &body)
            .map(Self)
            .map_err(|e| WebhookRejection::Invalid(e).into())
    }
}
