//! Parameters of the phone number endpoints.
//!
//! The phone number itself is [`PhoneNumber`](crate::models::PhoneNumber), shared with the
//! user model; the verification endpoints share
//! [`AttemptCodeVerificationParams`](crate::models::AttemptCodeVerificationParams) and
//! [`CodeVerification`](crate::models::CodeVerification) with the email addresses, and the
//! replacement endpoint shares
//! [`ReplacementIdentificationStatus`](crate::models::ReplacementIdentificationStatus).

use clerk_macros::Serialize;

use crate::models::ReplacementIdentificationStatus;

/// JSON body of `POST /phone_numbers`: add a phone number to a user.
#[derive(Debug, Clone, Serialize)]
pub struct CreatePhoneNumberParams {
    /// Id of the user who gets the number.
    pub user_id: String,
    /// The number to add, in E.164 format (`+14155550123`).
    pub phone_number: String,
    /// Create the number already verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Make it the user's primary number (by default only the first number is primary).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// Reserve the number for multi-factor authentication; it must also be verified. It
    /// becomes the default second factor when the user has no other reserved one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_for_second_factor: Option<bool>,
}

impl CreatePhoneNumberParams {
    /// Adds `phone_number` (E.164) to the user `user_id`; every other field is unset.
    pub fn new(user_id: impl Into<String>, phone_number: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            phone_number: phone_number.into(),
            verified: None,
            primary: None,
            reserved_for_second_factor: None,
        }
    }
}

setters! { CreatePhoneNumberParams {
    opt verified: bool,
    opt primary: bool,
    opt reserved_for_second_factor: bool,
} }

/// JSON body of `PATCH /phone_numbers/{phone_number_id}`. Only the fields that are set are
/// changed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdatePhoneNumberParams {
    /// Mark the number as verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Make it the user's primary number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// Reserve the number for multi-factor authentication; it must also be verified. It
    /// becomes the default second factor when the user has no other reserved one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_for_second_factor: Option<bool>,
}

setters! { UpdatePhoneNumberParams {
    opt verified: bool,
    opt primary: bool,
    opt reserved_for_second_factor: bool,
} }

/// JSON body of `PUT /users/{user_id}/phone_number`: replace all of a user's phone numbers
/// with a single primary one. The new number is never reserved for second factor, and
/// replacing a number that was reserved for second factor turns the user's MFA off.
#[derive(Debug, Clone, Serialize)]
pub struct ReplacePhoneNumberParams {
    /// The new number, in E.164 format.
    pub phone_number: String,
    /// Status of the new number; the API default is `verified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identification_status: Option<ReplacementIdentificationStatus>,
}

impl ReplacePhoneNumberParams {
    /// Replaces the user's numbers with `phone_number` (E.164); the status is left unset.
    pub fn new(phone_number: impl Into<String>) -> Self {
        Self {
            phone_number: phone_number.into(),
            identification_status: None,
        }
    }
}

setters! { ReplacePhoneNumberParams {
    opt identification_status: ReplacementIdentificationStatus,
} }
