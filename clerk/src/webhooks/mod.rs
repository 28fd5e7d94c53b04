//! Clerk webhooks: Svix signature verification and typed events (feature `webhooks`).
//!
//! Clerk delivers webhooks through Svix. Each delivery carries three headers:
//! `svix-id`, `svix-timestamp` (unix seconds) and `svix-signature` (space-separated
//! `v1,<base64>` entries, the HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the
//! endpoint's signing secret). The Standard Webhooks names of the same headers
//! (`webhook-id`, `webhook-timestamp`, `webhook-signature`) are accepted too, when no
//! `svix-*` header is present. [`Webhook::verify`] checks them against the raw body, rejects
//! deliveries signed more than five minutes away from now, and decodes the body into an
//! [`Event`] whose [`EventData`] has one variant per event type of Clerk's webhook spec.
//!
//! # Acceptance: the signature decides, the payload's shape never does
//!
//! Once the signature and timestamp check out, the delivery is Clerk's, and refusing it
//! would only make Svix retry it and eventually disable the endpoint. So a verified
//! delivery always comes back as an [`Event`]: a type this crate does not know as
//! [`EventData::Unknown`], a known type whose `data` does not fit the model (Clerk left out
//! a field the spec calls required, say) as [`EventData::Undecoded`], carrying the raw
//! JSON and a [`PayloadError`] with the JSON path and the reason. The only body that fails
//! after a valid signature is one that is not an event at all: not a JSON object with a
//! string `type` ([`WebhookError::InvalidPayload`]).
//!
//! ```no_run
//! use clerk_backend::webhooks::{EventData, Webhook};
//!
//! # fn run(headers: http::HeaderMap, body: bytes::Bytes) -> Result<(), clerk_backend::webhooks::WebhookError> {
//! let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
//! let event = webhook.verify(&headers, &body)?;
//! match event.data {
//!     EventData::UserCreated(user) => println!("welcome {}", user.id),
//!     EventData::SessionCreated(session) => println!("sign-in {}", session.session.id),
//!     EventData::Unknown { type_name, .. } => println!("new event type {type_name}"),
//!     EventData::Undecoded { type_name, error, .. } => {
//!         eprintln!("{type_name} kept as raw JSON: {error}");
//!     }
//!     _ => {}
//! }
//! # Ok(()) }
//! ```
//!
//! Events reuse the crate's models ([`crate::models::User`], [`crate::models::Organization`],
//! [`crate::models::DeletedObject`]...) where the webhook sends the same shape, and use
//! the `*Payload` types of this module where it does not (emails, text messages, sessions,
//! accepted invitations, billing).

mod billing;
mod error;
mod event;
mod payloads;
mod verify;

pub use billing::{
    PayeePayload, PayerPayload, PaymentAttemptPayload, PaymentFailedReason, PaymentSourcePayload,
    PlanPayload, SubscriptionItemPayload, SubscriptionPayload, TotalsPayload, UnitPricePayload,
    UnitPriceTierPayload, UnitTotalPayload,
};
pub use error::{PayloadError, WebhookError};
pub use event::{Event, EventAttributes, EventData, HttpRequest, KNOWN_EVENT_TYPES};
pub use payloads::{
    EmailPayload, OrganizationInvitationAcceptedPayload, SessionPayload, SmsPayload,
};
pub use verify::Webhook;

/// How far a delivery's timestamp may be from now, either way, in seconds.
const TOLERANCE_SECS: i64 = 300;
