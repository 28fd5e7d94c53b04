//! Payloads whose webhook shape differs from the Backend API model of the same resource.

use clerk_macros::{Deserialize, Serialize};

use crate::models::{OrganizationInvitation, Session, User};

/// `data` of `email.created`: an email Clerk built, with its rendered body.
///
/// Unlike the retired `POST /emails` model ([`crate::models::Email`]), it carries the
/// reply-to name and follows the webhook spec's required fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmailPayload {
    /// Always `email`.
    pub object: String,
    /// Unique id of the email.
    pub id: String,
    /// Template slug the email was built from, e.g. `verification_code`, if any.
    #[serde(default)]
    pub slug: Option<String>,
    /// Display name of the sender.
    pub from_email_name: String,
    /// Display name of the reply-to address, if any.
    #[serde(default)]
    pub reply_to_email_name: Option<String>,
    /// Recipient address.
    #[serde(default)]
    pub to_email_address: Option<String>,
    /// Id of the recipient's email address, if it belongs to a user.
    #[serde(default)]
    pub email_address_id: Option<String>,
    /// Id of the recipient user, if known.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Subject line.
    #[serde(default)]
    pub subject: Option<String>,
    /// HTML body.
    #[serde(default)]
    pub body: Option<String>,
    /// Plain-text body, if any.
    #[serde(default)]
    pub body_plain: Option<String>,
    /// Delivery status, such as `queued`.
    #[serde(default)]
    pub status: Option<String>,
    /// The template's variables (OTP code, app name...), as raw JSON.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
    /// Whether Clerk delivers the email; when `false`, sending it is up to you.
    pub delivered_by_clerk: bool,
}

/// `data` of `sms.created`: a text message Clerk built.
///
/// Unlike the retired `POST /sms_messages` model ([`crate::models::SmsMessage`]), it
/// carries the template slug and the creation time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SmsPayload {
    /// Always `sms_message`.
    pub object: String,
    /// Unique id of the message.
    pub id: String,
    /// Template slug the message was built from, e.g. `verification_code`, if any.
    #[serde(default)]
    pub slug: Option<String>,
    /// Sender phone number.
    pub from_phone_number: String,
    /// Recipient phone number.
    pub to_phone_number: String,
    /// Id of the recipient's phone number, if it belongs to a user.
    #[serde(default)]
    pub phone_number_id: Option<String>,
    /// Id of the recipient user, if known.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Text of the message.
    pub message: String,
    /// Delivery status, such as `queued`.
    pub status: String,
    /// The template's variables, as raw JSON.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
    /// Whether Clerk delivers the message; when `false`, sending it is up to you.
    pub delivered_by_clerk: bool,
    /// When the message was created (unix milliseconds), as the spec names it.
    #[serde(default)]
    pub created_at_ms: Option<i64>,
    /// When the message was created (unix milliseconds), as the spec's example names it.
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// `data` of the `session.*` events: the session and its user.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct SessionPayload {
    /// The session, as the Backend API returns it.
    #[serde(flatten)]
    pub session: Session,
    /// The user the session belongs to. The spec requires it; `@clerk/backend` allows
    /// `null`.
    #[serde(default)]
    pub user: Option<User>,
}

/// `data` of `organizationInvitation.accepted`: the invitation and who accepted it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct OrganizationInvitationAcceptedPayload {
    /// The invitation, as the Backend API returns it.
    #[serde(flatten)]
    pub invitation: OrganizationInvitation,
    /// Id of the user who accepted the invitation (and is now a member).
    pub user_id: String,
}
