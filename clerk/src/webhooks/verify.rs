//! Svix / Standard Webhooks signature verification: HMAC-SHA256 over
//! `{id}.{timestamp}.{body}`.

use crate::headers::RequestHeaders;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{Event, WebhookError, TOLERANCE_SECS};

type HmacSha256 = Hmac<Sha256>;

/// Standard base64 that encodes with padding and decodes with or without it.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Verifies the deliveries of one Clerk webhook endpoint (Svix-signed).
///
/// Holds the HMAC key decoded from the endpoint's signing secret; `Debug` never shows it.
///
/// # Which headers are read
///
/// Svix names the three headers `svix-id`, `svix-timestamp` and `svix-signature`; the
/// Standard Webhooks specification, which uses the same scheme, names them `webhook-id`,
/// `webhook-timestamp` and `webhook-signature`. Both are accepted, one family per delivery,
/// never mixed: when any `svix-*` header is present the three `svix-*` headers are used (and
/// the missing ones reported), otherwise the three `webhook-*` headers. A delivery with, say,
/// `svix-id` plus `webhook-timestamp` and `webhook-signature` is refused as missing
/// `svix-timestamp` and `svix-signature`.
///
/// # What is accepted
///
/// The signature and the timestamp decide, the payload's shape never does: a delivery that
/// verifies is returned even when its `data` does not fit the typed model (as
/// [`EventData::Undecoded`](super::EventData::Undecoded)). Only a body that is not a JSON
/// object with a string `type` fails after a valid signature
/// ([`WebhookError::InvalidPayload`]).
///
/// ```
/// use clerk_backend::webhooks::{EventData, Webhook, WebhookError};
///
/// fn handle(headers: &http::HeaderMap, body: &[u8]) -> Result<(), WebhookError> {
///     let webhook = Webhook::from_env()?; // CLERK_WEBHOOK_SIGNING_SECRET
///     let event = webhook.verify(headers, body)?;
///     match &event.data {
///         EventData::UserCreated(user) => println!("new user {}", user.id),
///         EventData::UserDeleted(deleted) => println!("user {:?} deleted", deleted.id),
///         other => println!("not handled: {}", other.type_name()),
///     }
///     Ok(())
/// }
/// ```
#[derive(Clone)]
pub struct Webhook {
    /// Keyed with the secret, fed nothing yet; cloned for every check.
    mac: HmacSha256,
}

impl Webhook {
    /// Environment variable [`Webhook::from_env`] reads.
    pub const SECRET_ENV: &'static str = "CLERK_WEBHOOK_SIGNING_SECRET";
    /// Header carrying the message id (Svix's name, read first).
    pub const ID_HEADER: &'static str = "svix-id";
    /// Header carrying the signing time, in unix seconds (Svix's name, read first).
    pub const TIMESTAMP_HEADER: &'static str = "svix-timestamp";
    /// Header carrying the space-separated `v1,<base64>` signatures (Svix's name, read
    /// first).
    pub const SIGNATURE_HEADER: &'static str = "svix-signature";
    /// The Standard Webhooks name of [`Webhook::ID_HEADER`], read when a delivery carries no
    /// `svix-*` header.
    pub const STANDARD_ID_HEADER: &'static str = "webhook-id";
    /// The Standard Webhooks name of [`Webhook::TIMESTAMP_HEADER`], read when a delivery
    /// carries no `svix-*` header.
    pub const STANDARD_TIMESTAMP_HEADER: &'static str = "webhook-timestamp";
    /// The Standard Webhooks name of [`Webhook::SIGNATURE_HEADER`], read when a delivery
    /// carries no `svix-*` header.
    pub const STANDARD_SIGNATURE_HEADER: &'static str = "webhook-signature";
    /// How far the signing time may be from now, either way (five minutes; exactly five
    /// minutes is accepted).
    pub const TOLERANCE: Duration = Duration::from_secs(TOLERANCE_SECS as u64);

    /// A verifier for the signing secret shown in the Clerk Dashboard: `whsec_` followed by
    /// base64 (the prefix is optional).
    ///
    /// # Errors
    /// [`WebhookError::InvalidSecret`] when the rest is not base64 or is empty.
    pub fn new(secret: impl AsRef<str>) -> Result<Self, WebhookError> {
        let secret = secret.as_ref().trim();
        let encoded = secret.strip_prefix("whsec_").unwrap_or(secret);
        let key = BASE64
            .decode(encoded)
            .map_err(|_| WebhookError::InvalidSecret)?;
        if key.is_empty() {
            return Err(WebhookError::InvalidSecret);
        }
        let mac = HmacSha256::new_from_slice(&key).map_err(|_| WebhookError::InvalidSecret)?;
        Ok(Self { mac })
    }

    /// A verifier for the secret in `CLERK_WEBHOOK_SIGNING_SECRET`.
    ///
    /// # Errors
    /// [`WebhookError::MissingSecret`] when the variable is unset or empty,
    /// [`WebhookError::InvalidSecret`] when it is not a signing secret.
    pub fn from_env() -> Result<Self, WebhookError> {
        match std::env::var(Self::SECRET_ENV) {
            Ok(secret) if !secret.trim().is_empty() => Self::new(secret),
            _ => Err(WebhookError::MissingSecret),
        }
    }

    /// Verifies a delivery (its id, timestamp and signature headers, `svix-*` or else
    /// `webhook-*`, against the raw body, at the current time) and decodes the event.
    ///
    /// Pass the body exactly as received: any change, even re-serialized JSON, breaks the
    /// signature. A verified delivery whose `data` does not fit its model is returned as
    /// [`EventData::Undecoded`](super::EventData::Undecoded), never as an error.
    ///
    /// # Errors
    /// Missing or invalid headers, a timestamp more than five minutes off, no matching
    /// signature, or a body that is not a JSON object with a string `type`.
    pub fn verify(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
        body: &[u8],
    ) -> Result<Event, WebhookError> {
        self.verify_at(headers, body, SystemTime::now())
    }

    /// [`Webhook::verify`] as if the current time were `now`.
    ///
    /// # Errors
    /// As [`Webhook::verify`].
    pub fn verify_at(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
        body: &[u8],
        now: SystemTime,
    ) -> Result<Event, WebhookError> {
        let [id_name, timestamp_name, signature_name] = header_family(headers);
        let mut missing = Vec::new();
        let id = header(headers, id_name, &mut missing)?;
        let timestamp = header(headers, timestamp_name, &mut missing)?;
        let signature = header(headers, signature_name, &mut missing)?;
        if !missing.is_empty() {
            return Err(WebhookError::MissingHeaders(missing));
        }
        self.verify_parts(id, timestamp, signature, body, now)
    }

    /// [`Webhook::verify_at`] with the three header values given directly.
    ///
    /// # Errors
    /// As [`Webhook::verify`]; an empty value counts as a missing header (named with its
    /// `svix-*` name).
    pub fn verify_parts(
        &self,
        id: &str,
        timestamp: &str,
        signature: &str,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Event, WebhookError> {
        self.verify_signature(id, timestamp, signature, body, now)?;
        Event::from_slice(body)
    }

    /// Checks the signature and the timestamp only, leaving the body undecoded (for
    /// callers that want the raw JSON).
    ///
    /// # Errors
    /// As [`Webhook::verify`], except for the body.
    pub fn verify_signature(
        &self,
        id: &str,
        timestamp: &str,
        signature: &str,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), WebhookError> {
        let (id, timestamp, signature) = (id.trim(), timestamp.trim(), signature.trim());
        let missing: Vec<&'static str> = [
            (Self::ID_HEADER, id),
            (Self::TIMESTAMP_HEADER, timestamp),
            (Self::SIGNATURE_HEADER, signature),
        ]
        .into_iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(name, _)| name)
        .collect();
        if !missing.is_empty() {
            return Err(WebhookError::MissingHeaders(missing));
        }

        let timestamp = parse_timestamp(timestamp)?;
        let now = unix_seconds(now);
        if now.saturating_sub(timestamp) > TOLERANCE_SECS {
            return Err(WebhookError::TimestampTooOld { timestamp, now });
        }
        if timestamp > now.saturating_add(TOLERANCE_SECS) {
            return Err(WebhookError::TimestampTooNew { timestamp, now });
        }

        let mac = self.signed(id, timestamp, body);
        let matched = signature
            .split_ascii_whitespace()
            .filter_map(|entry| entry.split_once(','))
            .filter(|(version, _)| *version == "v1")
            .filter_map(|(_, encoded)| BASE64.decode(encoded).ok())
            // `verify_slice` compares in constant time.
            .any(|candidate| mac.clone().verify_slice(&candidate).is_ok());
        if matched {
            Ok(())
        } else {
            Err(WebhookError::NoMatchingSignature)
        }
    }

    /// The signature header value (`svix-signature` or `webhook-signature`) Svix would send
    /// for this message: `v1,<base64>`. Handy to build test deliveries.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let tag = self.signed(id, timestamp, body).finalize().into_bytes();
        format!("v1,{}", BASE64.encode(tag))
    }

    /// The MAC fed with `{id}.{timestamp}.{body}`.
    fn signed(&self, id: &str, timestamp: i64, body: &[u8]) -> HmacSha256 {
        let mut mac = self.mac.clone();
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("secret", &format_args!("whsec_[redacted]"))
            .finish()
    }
}

/// The names of the headers to read: the `svix-*` family when the delivery carries any of
/// its headers, else the `webhook-*` family when it carries any of those, else `svix-*`
/// (so that a delivery without any reports the names Clerk's deliveries use).
fn header_family(headers: &(impl RequestHeaders + ?Sized)) -> [&'static str; 3] {
    const SVIX: [&str; 3] = [
        Webhook::ID_HEADER,
        Webhook::TIMESTAMP_HEADER,
        Webhook::SIGNATURE_HEADER,
    ];
    const STANDARD: [&str; 3] = [
        Webhook::STANDARD_ID_HEADER,
        Webhook::STANDARD_TIMESTAMP_HEADER,
        Webhook::STANDARD_SIGNATURE_HEADER,
    ];
    let carries = |family: &[&str; 3]| {
        family
            .iter()
            .any(|name| !headers.header_bytes(name).is_empty())
    };
    if !carries(&SVIX) && carries(&STANDARD) {
        STANDARD
    } else {
        SVIX
    }
}

/// The trimmed value of a header, or `""` (and `name` noted as missing) when it is absent
/// or empty.
fn header<'a>(
    headers: &'a (impl RequestHeaders + ?Sized),
    name: &'static str,
    missing: &mut Vec<&'static str>,
) -> Result<&'a str, WebhookError> {
    let value = match headers.header_bytes(name).first() {
        Some(value) => crate::headers::as_text(value)
            .ok_or(WebhookError::InvalidHeader(name))?
            .trim(),
        None => "",
    };
    if value.is_empty() {
        missing.push(name);
    }
    Ok(value)
}

/// Decimal unix seconds, digits only.
fn parse_timestamp(value: &str) -> Result<i64, WebhookError> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(WebhookError::InvalidTimestamp);
    }
    value.parse().map_err(|_| WebhookError::InvalidTimestamp)
}

/// Whole seconds since the epoch; 0 before it, `i64::MAX` past the representable range.
fn unix_seconds(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(_) => 0,
    }
}
