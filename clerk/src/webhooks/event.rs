//! The event envelope and its typed `data`, one variant per event type.

use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// Always `event`.
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
    /// [`WebhookError::InvalidPayload`] when the bytes are not an event, or the `data` of a
    /// known type does not match its model (unknown types never fail).
    pub fn from_slice(json: &[u8]) -> Result<Self, WebhookError> {
        let raw: RawEvent = crate::decode::decode_json(json)
            .map_err(|failure| payload_error(None, failure.path, failure.message))?;
        raw.into_event()
    }
}

/// The envelope as it is on the wire, `data` not yet typed.
#[derive(Deserialize)]
struct RawEvent {
    #[serde(rename = "type")]
    type_name: String,
    object: String,
    #[serde(default)]
    instance_id: Option<String>,
    #[serde(default)]
    timestamp: Option<i64>,
    #[serde(default)]
    event_attributes: Option<EventAttributes>,
    #[serde(default)]
    data: serde_json::Value,
}

impl RawEvent {
    fn into_event(self) -> Result<Event, WebhookError> {
        Ok(Event {
            data: EventData::from_value(&self.type_name, self.data)?,
            object: self.object,
            instance_id: self.instance_id,
            timestamp: self.timestamp,
            event_attributes: self.event_attributes,
        })
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawEvent::deserialize(deserializer)?
            .into_event()
            .map_err(serde::de::Error::custom)
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
        /// Every type of Clerk's webhook spec has a variant; a type this crate does not know
        /// yet lands in [`EventData::Unknown`] with its raw JSON instead of failing.
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
        }

        /// Every event type [`EventData`] has a variant for, as Clerk spells them.
        pub const KNOWN_EVENT_TYPES: &[&str] = &[ $( $name, )+ ];

        impl EventData {
            /// The event type, e.g. `user.created`.
            pub fn type_name(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $name, )+
                    Self::Unknown { type_name, .. } => type_name,
                }
            }

            /// Types `data` by the event type.
            ///
            /// # Errors
            /// [`WebhookError::InvalidPayload`] when `data` does not match the model of a
            /// known type. Unknown types never fail.
            pub fn from_value(
                type_name: &str,
                data: serde_json::Value,
            ) -> Result<Self, WebhookError> {
                match type_name {
                    $( $name => typed(type_name, &data).map(Self::$variant), )+
                    _ => Ok(Self::Unknown { type_name: type_name.to_owned(), data }),
                }
            }
        }

        /// Serializes the payload alone (the type is not part of it).
        impl Serialize for EventData {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(payload) => payload.serialize(serializer), )+
                    Self::Unknown { data, .. } => data.serialize(serializer),
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
) -> Result<T, WebhookError> {
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
        payload_error(Some(type_name.to_owned()), path, error.to_string())
    })
}

fn payload_error(event_type: Option<String>, path: String, message: String) -> WebhookError {
    WebhookError::InvalidPayload(Box::new(PayloadError {
        event_type,
        path,
        message,
    }))
}
