//! The event envelope and its typed `data`, one variant per event type.

use clerk_macros::Deserialize;
use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::Serialize;

use super::{
    EmailPayload, OrganizationInvitationAcceptedPayload, PayloadError, PaymentAttemptPayload,
    SessionPayload, SmsPayload, SubscriptionItemPayload, SubscriptionPayload, WebhookError,
};
use crate::models::{
    DeletedObject, Organization, OrganizationDomain, OrganizationInvitation,
    OrganizationMembership, Permission, Role, User, WaitlistEntry,
};

/// One webhook delivery: what happened (`data`, typed by the event type) and when.
///
/// Decode one with [`Webhook::verify`](super::Webhook::verify) (which checks the signature
/// first), or from JSON you already trust with [`Event::from_slice`] or serde.
///
/// Decoding is lenient on purpose: once a delivery is authentic, its shape never makes it
/// fail. Any JSON object with a string `type` is an event; a `data` that does not fit the
/// model of its type becomes [`EventData::Undecoded`], and envelope fields that are absent or
/// of an unexpected type read as `None`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// `event` in every delivery Clerk sends (empty when the body omits it).
    pub object: String,
    /// Id of the Clerk instance the event happened in. The spec requires it; older
    /// deliveries may lack it.
    pub instance_id: Option<String>,
    /// When the event happened, as Clerk sends it (unix milliseconds in deliveries; the
    /// spec's examples use seconds).
    pub timestamp: Option<i64>,
    /// The request that caused the event, when there was one.
    pub event_attributes: Option<EventAttributes>,
    /// The event type and its payload.
    pub data: EventData,
}

impl Event {
    /// The event type, e.g. `user.created` (also for types this crate does not know).
    pub fn type_name(&self) -> &str {
        self.data.type_name()
    }

    /// IP address of the request that caused the event, if recorded.
    pub fn client_ip(&self) -> Option<&str> {
        self.http_request()?.client_ip.as_deref()
    }

    /// User agent of the request that caused the event, if recorded.
    pub fn user_agent(&self) -> Option<&str> {
        self.http_request()?.user_agent.as_deref()
    }

    fn http_request(&self) -> Option<&HttpRequest> {
        self.event_attributes.as_ref()?.http_request.as_ref()
    }

    /// Decodes an event from JSON bytes, without checking any signature.
    ///
    /// # Errors
    /// [`WebhookError::InvalidPayload`] only when the bytes are not JSON, not a JSON object,
    /// or have no string `type`. A `data` that does not fit its model is not an error: it
    /// becomes [`EventData::Undecoded`].
    pub fn from_slice(json: &[u8]) -> Result<Self, WebhookError> {
        let envelope: serde_json::Value = crate::decode::decode_json(json)
            .map_err(|failure| payload_error(None, failure.path, failure.message))?;
        match envelope {
            serde_json::Value::Object(envelope) => Self::from_envelope(envelope),
            other => Err(payload_error(
                None,
                String::from("."),
                format!(
                    "expected a JSON object (an event), found {}",
                    json_kind(&other)
                ),
            )),
        }
    }

    /// Builds the event from the top-level object of a delivery.
    fn from_envelope(
        mut envelope: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, WebhookError> {
        let type_name = match envelope.remove("type") {
            Some(serde_json::Value::String(type_name)) => type_name,
            Some(other) => {
                return Err(payload_error(
                    None,
                    String::from("type"),
                    format!(
                        "expected the event type as a string, found {}",
                        json_kind(&other)
                    ),
                ))
            }
            None => {
                return Err(payload_error(
                    None,
                    String::from("."),
                    String::from("missing field `type`: not a Clerk event"),
                ))
            }
        };
        let data = envelope.remove("data").unwrap_or(serde_json::Value::Null);
        Ok(Self {
            object: lenient::<String>(envelope.remove("object")).unwrap_or_default(),
            instance_id: lenient(envelope.remove("instance_id")),
            timestamp: lenient(envelope.remove("timestamp")),
            event_attributes: lenient(envelope.remove("event_attributes")),
            data: EventData::from_value(&type_name, data),
        })
    }
}

/// An optional envelope field: `None` when absent, `null` or not of the expected shape.
fn lenient<T: DeserializeOwned>(value: Option<serde_json::Value>) -> Option<T> {
    value.and_then(|value| T::deserialize(value).ok())
}

/// `a string`, `an array`... for messages.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

impl<'de> serde::Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let envelope = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        Self::from_envelope(envelope).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("data", &self.data)?;
        if let Some(attributes) = &self.event_attributes {
            map.serialize_entry("event_attributes", attributes)?;
        }
        if let Some(instance_id) = &self.instance_id {
            map.serialize_entry("instance_id", instance_id)?;
        }
        map.serialize_entry("object", &self.object)?;
        if let Some(timestamp) = &self.timestamp {
            map.serialize_entry("timestamp", timestamp)?;
        }
        map.serialize_entry("type", self.type_name())?;
        map.end()
    }
}

/// Context of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventAttributes {
    /// The HTTP request that caused the event, if any.
    #[serde(default)]
    pub http_request: Option<HttpRequest>,
}

/// The HTTP request that caused an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HttpRequest {
    /// IP address of the client.
    #[serde(default)]
    pub client_ip: Option<String>,
    /// User agent of the client.
    #[serde(default)]
    pub user_agent: Option<String>,
}

/// Declares [`EventData`] (one variant per event type), its type names and its decoding.
macro_rules! event_types {
    ( $( $(#[$doc:meta])* $variant:ident($payload:ty) = $name:literal, )+ ) => {
        /// The payload of an [`Event`], typed by the event type.
        ///
        /// Every type of Clerk's webhook spec has a variant. Nothing here ever fails: a type
        /// this crate does not know yet lands in [`EventData::Unknown`], and a known type whose
        /// `data` does not fit its model lands in [`EventData::Undecoded`], both with the raw
        /// JSON, so an authentic delivery always reaches your handler.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // One value per delivery, matched right away: boxing the big payloads would only
        // make patterns clumsier.
        #[allow(clippy::large_enum_variant)]
        pub enum EventData {
            $( $(#[$doc])* $variant($payload), )+
            /// An event type this version of the crate does not know, kept verbatim.
            Unknown {
                /// The event type, e.g. `user.renamed`.
                type_name: String,
                /// The event's `data`, as received.
                data: serde_json::Value,
            },
            /// A known event type whose `data` does not have the shape this crate expects
            /// (a field Clerk left out, a value of another type...). The delivery is still
            /// authentic: handle it from the raw JSON, log `error`, or ignore it, but answer
            /// 2xx, or Svix retries it and finally disables the endpoint.
            Undecoded {
                /// The event type, e.g. `user.created`.
                type_name: String,
                /// The event's `data`, as received.
                data: serde_json::Value,
                /// Why `data` did not decode: the JSON path (e.g.
                /// `data.email_addresses[0].id`) and serde's message.
                error: PayloadError,
            },
        }

        /// Every event type [`EventData`] has a variant for, as Clerk spells them.
        pub const KNOWN_EVENT_TYPES: &[&str] = &[ $( $name, )+ ];

        impl EventData {
            /// The event type, e.g. `user.created`.
            pub fn type_name(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $name, )+
                    Self::Unknown { type_name, .. } | Self::Undecoded { type_name, .. } => {
                        type_name
                    }
                }
            }

            /// The decode error, when this is [`EventData::Undecoded`].
            pub fn decode_error(&self) -> Option<&PayloadError> {
                match self {
                    Self::Undecoded { error, .. } => Some(error),
                    _ => None,
                }
            }

            /// Types `data` by the event type. Never fails: an unknown type gives
            /// [`EventData::Unknown`], a `data` that does not fit its model
            /// [`EventData::Undecoded`].
            pub fn from_value(type_name: &str, data: serde_json::Value) -> Self {
                let typed = match type_name {
                    $( $name => typed(type_name, &data).map(Self::$variant), )+
                    _ => return Self::Unknown { type_name: type_name.to_owned(), data },
                };
                typed.unwrap_or_else(|error| Self::Undecoded {
                    type_name: type_name.to_owned(),
                    data,
                    error,
                })
            }
        }

        /// Serializes the payload alone (the type is not part of it).
        impl Serialize for EventData {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(payload) => payload.serialize(serializer), )+
                    Self::Unknown { data, .. } | Self::Undecoded { data, .. } => {
                        data.serialize(serializer)
                    }
                }
            }
        }
    };
}

event_types! {
    /// `email.created`: Clerk built an email (delivered by Clerk or handed to you).
    EmailCreated(EmailPayload) = "email.created",
    /// `organization.created`.
    OrganizationCreated(Organization) = "organization.created",
    /// `organization.updated`.
    OrganizationUpdated(Organization) = "organization.updated",
    /// `organization.deleted`.
    OrganizationDeleted(DeletedObject) = "organization.deleted",
    /// `organizationDomain.created`.
    OrganizationDomainCreated(OrganizationDomain) = "organizationDomain.created",
    /// `organizationDomain.updated`.
    OrganizationDomainUpdated(OrganizationDomain) = "organizationDomain.updated",
    /// `organizationDomain.deleted`.
    OrganizationDomainDeleted(DeletedObject) = "organizationDomain.deleted",
    /// `organizationInvitation.created`.
    OrganizationInvitationCreated(OrganizationInvitation) = "organizationInvitation.created",
    /// `organizationInvitation.accepted`: the invitation plus the id of the user who
    /// accepted it.
    OrganizationInvitationAccepted(OrganizationInvitationAcceptedPayload) =
        "organizationInvitation.accepted",
    /// `organizationInvitation.revoked`.
    OrganizationInvitationRevoked(OrganizationInvitation) = "organizationInvitation.revoked",
    /// `organizationMembership.created`.
    OrganizationMembershipCreated(OrganizationMembership) = "organizationMembership.created",
    /// `organizationMembership.updated`.
    OrganizationMembershipUpdated(OrganizationMembership) = "organizationMembership.updated",
    /// `organizationMembership.deleted`: the whole membership as it was, not a
    /// [`DeletedObject`].
    OrganizationMembershipDeleted(OrganizationMembership) = "organizationMembership.deleted",
    /// `paymentAttempt.created` (billing).
    PaymentAttemptCreated(PaymentAttemptPayload) = "paymentAttempt.created",
    /// `paymentAttempt.updated` (billing).
    PaymentAttemptUpdated(PaymentAttemptPayload) = "paymentAttempt.updated",
    /// `permission.created`.
    PermissionCreated(Permission) = "permission.created",
    /// `permission.updated`.
    PermissionUpdated(Permission) = "permission.updated",
    /// `permission.deleted`.
    PermissionDeleted(DeletedObject) = "permission.deleted",
    /// `role.created`.
    RoleCreated(Role) = "role.created",
    /// `role.updated`.
    RoleUpdated(Role) = "role.updated",
    /// `role.deleted`.
    RoleDeleted(DeletedObject) = "role.deleted",
    /// `session.created`.
    SessionCreated(SessionPayload) = "session.created",
    /// `session.pending`: signed in, with session tasks left to complete.
    SessionPending(SessionPayload) = "session.pending",
    /// `session.ended`: the user signed out.
    SessionEnded(SessionPayload) = "session.ended",
    /// `session.removed`: removed from its client.
    SessionRemoved(SessionPayload) = "session.removed",
    /// `session.revoked`: ended from the backend.
    SessionRevoked(SessionPayload) = "session.revoked",
    /// `sms.created`: Clerk built a text message.
    SmsCreated(SmsPayload) = "sms.created",
    /// `subscription.created` (billing).
    SubscriptionCreated(SubscriptionPayload) = "subscription.created",
    /// `subscription.updated` (billing).
    SubscriptionUpdated(SubscriptionPayload) = "subscription.updated",
    /// `subscription.active` (billing).
    SubscriptionActive(SubscriptionPayload) = "subscription.active",
    /// `subscription.pastDue` (billing).
    SubscriptionPastDue(SubscriptionPayload) = "subscription.pastDue",
    /// `subscriptionItem.abandoned` (billing).
    SubscriptionItemAbandoned(SubscriptionItemPayload) = "subscriptionItem.abandoned",
    /// `subscriptionItem.active` (billing).
    SubscriptionItemActive(SubscriptionItemPayload) = "subscriptionItem.active",
    /// `subscriptionItem.canceled` (billing).
    SubscriptionItemCanceled(SubscriptionItemPayload) = "subscriptionItem.canceled",
    /// `subscriptionItem.created` (billing). Not in the webhook spec, but
    /// `@clerk/backend` lists it.
    SubscriptionItemCreated(SubscriptionItemPayload) = "subscriptionItem.created",
    /// `subscriptionItem.ended` (billing).
    SubscriptionItemEnded(SubscriptionItemPayload) = "subscriptionItem.ended",
    /// `subscriptionItem.freeTrialEnding` (billing).
    SubscriptionItemFreeTrialEnding(SubscriptionItemPayload) =
        "subscriptionItem.freeTrialEnding",
    /// `subscriptionItem.incomplete` (billing).
    SubscriptionItemIncomplete(SubscriptionItemPayload) = "subscriptionItem.incomplete",
    /// `subscriptionItem.pastDue` (billing).
    SubscriptionItemPastDue(SubscriptionItemPayload) = "subscriptionItem.pastDue",
    /// `subscriptionItem.upcoming` (billing).
    SubscriptionItemUpcoming(SubscriptionItemPayload) = "subscriptionItem.upcoming",
    /// `subscriptionItem.updated` (billing).
    SubscriptionItemUpdated(SubscriptionItemPayload) = "subscriptionItem.updated",
    /// `user.created`.
    UserCreated(User) = "user.created",
    /// `user.updated`.
    UserUpdated(User) = "user.updated",
    /// `user.deleted`: only the id (and external id) is left.
    UserDeleted(DeletedObject) = "user.deleted",
    /// `waitlistEntry.created`.
    WaitlistEntryCreated(WaitlistEntry) = "waitlistEntry.created",
    /// `waitlistEntry.updated`.
    WaitlistEntryUpdated(WaitlistEntry) = "waitlistEntry.updated",
}

/// `data` decoded as `T`; on failure, the JSON path of the problem is recovered by decoding
/// the value once more from bytes (only on that path, so success costs one pass).
fn typed<T: DeserializeOwned>(
    type_name: &str,
    data: &serde_json::Value,
) -> Result<T, PayloadError> {
    T::deserialize(data).map_err(|error| {
        let path = serde_json::to_vec(data)
            .ok()
            .and_then(|bytes| crate::decode::decode_json::<T>(&bytes).err())
            .map(|failure| failure.path)
            .unwrap_or_else(|| String::from("."));
        let path = if path == "." {
            String::from("data")
        } else {
            format!("data.{path}")
        };
        PayloadError {
            event_type: Some(type_name.to_owned()),
            path,
            message: error.to_string(),
        }
    })
}

fn payload_error(event_type: Option<String>, path: String, message: String) -> WebhookError {
    WebhookError::InvalidPayload(Box::new(PayloadError {
        event_type,
        path,
        message,
    }))
}
