//! What can go wrong when verifying or decoding a webhook delivery.

use std::fmt;

/// Why a webhook delivery was rejected or could not be decoded.
///
/// No message ever contains the signing secret (nor any part of it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// [`Webhook::from_env`](super::Webhook::from_env) found no secret in
    /// `CLERK_WEBHOOK_SIGNING_SECRET`.
    #[error(
        "missing webhook signing secret: set the CLERK_WEBHOOK_SIGNING_SECRET environment \
         variable to the signing secret from the Clerk Dashboard"
    )]
    MissingSecret,
    /// The signing secret is not `whsec_` followed by base64 (or decodes to nothing).
    #[error("invalid webhook signing secret: expected `whsec_` followed by base64")]
    InvalidSecret,
    /// Required signature headers are absent or empty. Names the headers of the family the
    /// delivery uses (`svix-*`, or `webhook-*` when it carries no `svix-*` header at all).
    #[error("missing required webhook headers: {}", MissingNames(.0))]
    MissingHeaders(Vec<&'static str>),
    /// A header's value is not visible ASCII text.
    #[error("invalid webhook header {0}: not visible ASCII")]
    InvalidHeader(&'static str),
    /// The timestamp header (`svix-timestamp` or `webhook-timestamp`) is not a non-negative
    /// whole number of seconds.
    #[error("invalid webhook timestamp header: expected unix seconds")]
    InvalidTimestamp,
    /// The delivery was signed more than five minutes before `now`.
    #[error(
        "webhook timestamp too old: signed at {timestamp}, now is {now} \
         (tolerance {tolerance} s)",
        tolerance = super::TOLERANCE_SECS
    )]
    TimestampTooOld {
        /// The signing time from the timestamp header, in unix seconds.
        timestamp: i64,
        /// The time of verification, in unix seconds.
        now: i64,
    },
    /// The delivery claims to be signed more than five minutes after `now`.
    #[error(
        "webhook timestamp too new: signed at {timestamp}, now is {now} \
         (tolerance {tolerance} s)",
        tolerance = super::TOLERANCE_SECS
    )]
    TimestampTooNew {
        /// The signing time from the timestamp header, in unix seconds.
        timestamp: i64,
        /// The time of verification, in unix seconds.
        now: i64,
    },
    /// No `v1` entry of the signature header matches the body: wrong secret, altered body,
    /// id or timestamp, or a forged delivery.
    #[error("no matching webhook signature found")]
    NoMatchingSignature,
    /// The signature is valid, but the body is not an event at all: not JSON, not a JSON
    /// object, or without a string `type`. Clerk never sends such a body, so this points at
    /// something that rewrote it on the way (or at a test signing arbitrary bytes).
    ///
    /// A `data` that does not fit its model is *not* this error: the event is delivered as
    /// [`EventData::Undecoded`](super::EventData::Undecoded).
    #[error("{0}")]
    InvalidPayload(Box<PayloadError>),
}

impl WebhookError {
    /// Whether the delivery failed authentication (as opposed to a configuration problem
    /// or an authentic body that could not be decoded). Answer these with a 4xx status.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(
            self,
            Self::MissingHeaders(_)
                | Self::InvalidHeader(_)
                | Self::InvalidTimestamp
                | Self::TimestampTooOld { .. }
                | Self::TimestampTooNew { .. }
                | Self::NoMatchingSignature
        )
    }
}

/// Where and why a webhook body did not decode: the details of
/// [`WebhookError::InvalidPayload`] and the `error` of
/// [`EventData::Undecoded`](super::EventData::Undecoded).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PayloadError {
    /// The event's `type`, when the envelope could be read.
    pub event_type: Option<String>,
    /// Where in the delivery's JSON decoding failed, e.g. `data.email_addresses[0].id`,
    /// `data` for the payload object itself (a missing field), `.` for the whole body.
    pub path: String,
    /// What serde reported.
    pub message: String,
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid webhook payload")?;
        if let Some(event_type) = &self.event_type {
            write!(f, " for `{event_type}`")?;
        }
        write!(f, " at `{}`: {}", self.path, self.message)
    }
}

/// `a, b, c`.
struct MissingNames<'a>(&'a [&'static str]);

impl fmt::Display for MissingNames<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}
