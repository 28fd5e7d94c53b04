//! Retired message endpoints: `POST /emails` and `POST /sms_messages`.
//!
//! Clerk no longer offers these endpoints; they are absent from every current Backend API
//! version and calls to them fail. The types are kept only so that code written against
//! older SDKs still compiles. Send your own emails and text messages instead.

use clerk_macros::{Deserialize, Serialize};

/// An email that was queued through the retired `POST /emails` endpoint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Email {
    /// Unique id of the email.
    pub id: String,
    /// Always `email`.
    pub object: String,
    /// Template slug the email was built from, if any.
    #[serde(default)]
    pub slug: Option<String>,
    /// Local part of the sender address.
    #[serde(default)]
    pub from_email_name: Option<String>,
    /// Id of the recipient's email address.
    #[serde(default)]
    pub email_address_id: Option<String>,
    /// Recipient address.
    #[serde(default)]
    pub to_email_address: Option<String>,
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
    /// Template data, as raw JSON.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
    /// Whether Clerk delivers the email itself.
    #[serde(default)]
    pub delivered_by_clerk: Option<bool>,
}

/// JSON body of the retired `POST /emails` endpoint.
#[derive(Debug, Clone, Serialize)]
pub struct CreateEmailParams {
    /// Local part of the sender address (the part before `@`).
    pub from_email_name: String,
    /// Subject line.
    pub subject: String,
    /// HTML body.
    pub body: String,
    /// Id of the recipient's email address.
    pub email_address_id: String,
}

impl CreateEmailParams {
    /// Parameters for an email with the given sender name, subject, body and recipient.
    pub fn new(
        from_email_name: impl Into<String>,
        subject: impl Into<String>,
        body: impl Into<String>,
        email_address_id: impl Into<String>,
    ) -> Self {
        Self {
            from_email_name: from_email_name.into(),
            subject: subject.into(),
            body: body.into(),
            email_address_id: email_address_id.into(),
        }
    }
}

/// A text message that was queued through the retired `POST /sms_messages` endpoint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SmsMessage {
    /// Unique id of the message.
    pub id: String,
    /// Always `sms_message`.
    pub object: String,
    /// Sender phone number.
    #[serde(default)]
    pub from_phone_number: Option<String>,
    /// Recipient phone number.
    #[serde(default)]
    pub to_phone_number: Option<String>,
    /// Id of the recipient's phone number.
    #[serde(default)]
    pub phone_number_id: Option<String>,
    /// Id of the recipient user, if known.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Text of the message.
    #[serde(default)]
    pub message: Option<String>,
    /// Delivery status, such as `queued`.
    #[serde(default)]
    pub status: Option<String>,
    /// Template data, as raw JSON.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
    /// Whether Clerk delivers the message itself.
    #[serde(default)]
    pub delivered_by_clerk: Option<bool>,
}

/// JSON body of the retired `POST /sms_messages` endpoint.
#[derive(Debug, Clone, Serialize)]
pub struct CreateSmsMessageParams {
    /// Text of the message.
    pub message: String,
    /// Id of the recipient's phone number.
    pub phone_number_id: String,
}

impl CreateSmsMessageParams {
    /// Parameters for a text message with the given body and recipient.
    pub fn new(message: impl Into<String>, phone_number_id: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            phone_number_id: phone_number_id.into(),
        }
    }
}
