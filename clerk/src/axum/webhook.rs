//! `ClerkWebhook`: a verified, decoded webhook delivery as a handler argument.

use ::axum::extract::{FromRef, FromRequest, Request};
use bytes::Bytes;

use super::rejection::WebhookRejection;
use crate::webhooks::{Event, Webhook};

/// A webhook delivery whose signature and timestamp checked out, decoded into an
/// [`Event`]. The [`Webhook`] (the signing secret) comes from the router's state, directly
/// or through `FromRef`.
///
/// Acceptance follows [`Webhook::verify`]: the signature decides, the payload's shape does
/// not. A verified delivery whose `data` does not fit its model still reaches the handler,
/// as [`EventData::Undecoded`](crate::webhooks::EventData::Undecoded), so the handler can
/// answer 2xx and Svix does not retry it. A delivery that fails verification, or whose body
/// is not a JSON object with a string `type`, is answered with a 400 (see
/// [`WebhookRejection`]) and never reaches the handler.
#[derive(Debug, Clone)]
pub struct ClerkWebhook(pub Event);

impl<S> FromRequest<S> for ClerkWebhook
where
    Webhook: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebhookRejection> {
        let webhook = Webhook::from_ref(state);
        let headers = request.headers().clone();
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|e| WebhookRejection::Body(e.body_text()))?;
        Ok(Self(webhook.verify(&headers, &body)?))
    }
}
