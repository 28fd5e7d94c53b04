//! `ClerkWebhook`: a verified webhook delivery as a handler argument.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::web::{Bytes, Data};
use actix_web::{FromRequest, HttpRequest};

use super::rejection::WebhookRejection;
use crate::webhooks::{Event, Webhook};

/// A webhook delivery whose Svix signature and timestamp checked out, decoded into an
/// [`Event`]. The body is read as `web::Bytes` (so the route's `PayloadConfig` limit
/// applies) and verified with the [`Webhook`] in the app data, registered as
/// `web::Data<Webhook>` or as a plain `Webhook`.
///
/// Acceptance follows [`Webhook::verify`]: the signature decides, the payload's shape does
/// not. A verified delivery whose `data` does not fit its model reaches the handler as
/// [`EventData::Undecoded`](crate::webhooks::EventData::Undecoded), so the handler can still
/// answer 2xx and Svix does not retry it. Anything else is refused with a 400 (see
/// [`WebhookRejection`]) before the handler runs.
///
/// ```
/// use actix_web::{web, HttpResponse};
/// use clerk_backend::actix::ClerkWebhook;
/// use clerk_backend::webhooks::Webhook;
///
/// async fn clerk_events(ClerkWebhook(event): ClerkWebhook) -> HttpResponse {
///     println!("{} received", event.type_name());
///     HttpResponse::NoContent().finish()
/// }
///
/// # fn routes(webhook: Webhook) -> actix_web::Resource {
/// web::resource("/webhooks/clerk")
///     .app_data(web::Data::new(webhook))
///     .route(web::post().to(clerk_events))
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ClerkWebhook(pub Event);

/// The verifier registered for the route, as `web::Data<Webhook>` or a plain `Webhook`.
fn registered(request: &HttpRequest) -> Option<Webhook> {
    request
        .app_data::<Data<Webhook>>()
        .map(|data| data.get_ref().clone())
        .or_else(|| request.app_data::<Webhook>().cloned())
}

impl FromRequest for ClerkWebhook {
    type Error = WebhookRejection;
    type Future = Pin<Box<dyn Future<Output = Result<Self, WebhookRejection>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let webhook = registered(request);
        let body = Bytes::from_request(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let Some(webhook) = webhook else {
                tracing::error!(
                    path = request.path(),
                    "clerk: {}",
                    WebhookRejection::NotConfigured
                );
                return Err(WebhookRejection::NotConfigured);
            };
            let body = body
                .await
                .map_err(|e| WebhookRejection::Body(e.to_string()))?;
            Ok(Self(webhook.verify(&request, &body)?))
        })
    }
}
