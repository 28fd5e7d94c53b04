//! Parameters of the email address endpoints, and the one-time-code verification that both
//! email addresses and phone numbers return from `prepare_verification` and
//! `attempt_verification`.
//!
//! The email address itself is [`EmailAddress`](crate::models::EmailAddress), shared with
//! the user model.

use clerk_macros::{Deserialize, Serialize};

use crate::models::VerificationStatus;

/// JSON body of `POST /email_addresses`: add an email address to a user.
#[derive(Debug, Clone, Serialize)]
pub struct CreateEmailAddressParams {
    /// Id of the user who gets the address.
    pub user_id: String,
    /// The address to add (RFC 5322 format).
    pub email_address: String,
    /// Create the address already verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Make it the user's primary address (by default only the first address is primary).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// When the address becomes the new primary, tell the previous primary address about the
    /// change (the API default is `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_primary_email_address_changed: Option<bool>,
}

impl CreateEmailAddressParams {
    /// Adds `email_address` to the user `user_id`; every other field is unset.
    pub fn new(user_id: impl Into<String>, email_address: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            email_address: email_address.into(),
            verified: None,
            primary: None,
            notify_primary_email_address_changed: None,
        }
    }
}

setters! { CreateEmailAddressParams {
    opt verified: bool,
    opt primary: bool,
    opt notify_primary_email_address_changed: bool,
} }

/// JSON body of `PATCH /email_addresses/{email_address_id}`. Only the fields that are set are
/// changed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateEmailAddressParams {
    /// Mark the address as verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Make it the user's primary address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// When this update makes the address the new primary, tell the previous primary address
    /// about the change (the API default is `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_primary_email_address_changed: Option<bool>,
}

setters! { UpdateEmailAddressParams {
    opt verified: bool,
    opt primary: bool,
    opt notify_primary_email_address_changed: bool,
} }

string_enum! {
    /// Status the replacement email address or phone number is created with by
    /// `PUT /users/{user_id}/email_address` and `PUT /users/{user_id}/phone_number`.
    ///
    /// Careful with [`Unverified`](Self::Unverified): an unverified identifier cannot be used to
    /// sign in, so a user without another verified or reserved identifier is locked out (and
    /// cannot verify the new one either). Prefer [`Reserved`](Self::Reserved) unless the
    /// identifier must stay claimable by other users.
    pub enum ReplacementIdentificationStatus {
        /// Created verified, with the admin strategy (the API default).
        Verified = "verified",
        /// Created reserved: unverified, yet usable for sign-in and unclaimable by others.
        Reserved = "reserved",
        /// Created unverified: neither usable for sign-in nor reserved.
        Unverified = "unverified",
    }
}

/// JSON body of `PUT /users/{user_id}/email_address`: replace all of a user's email
/// addresses with a single primary one.
#[derive(Debug, Clone, Serialize)]
pub struct ReplaceEmailAddressParams {
    /// The new address (RFC 5322 format).
    pub email_address: String,
    /// Status of the new address; the API default is `verified`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identification_status: Option<ReplacementIdentificationStatus>,
    /// Tell the previous primary address that the primary changed (the API default is
    /// `false`; nothing is sent when the replacement is already the primary address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_primary_email_address_changed: Option<bool>,
}

impl ReplaceEmailAddressParams {
    /// Replaces the user's addresses with `email_address`; every other field is unset.
    pub fn new(email_address: impl Into<String>) -> Self {
        Self {
            email_address: email_address.into(),
            identification_status: None,
            notify_primary_email_address_changed: None,
        }
    }
}

setters! { ReplaceEmailAddressParams {
    opt identification_status: ReplacementIdentificationStatus,
    opt notify_primary_email_address_changed: bool,
} }

/// JSON body of `POST /email_addresses/{email_address_id}/attempt_verification` and
/// `POST /phone_numbers/{phone_number_id}/attempt_verification`: check a one-time code.
///
/// `Debug` leaves the code out: it proves control of the address while it is valid.
#[derive(Clone, Serialize)]
pub struct AttemptCodeVerificationParams {
    /// Id of the verification to check, as returned by `prepare_verification`.
    pub verification_id: String,
    /// The code the user received.
    pub code: String,
}

impl std::fmt::Debug for AttemptCodeVerificationParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AttemptCodeVerificationParams")
            .field("verification_id", &self.verification_id)
            .field("code", &"[redacted]")
            .finish()
    }
}

impl AttemptCodeVerificationParams {
    /// Checks `code` against the verification `verification_id`.
    pub fn new(verification_id: impl Into<String>, code: impl Into<String>) -> Self {
        Self {
            verification_id: verification_id.into(),
            code: code.into(),
        }
    }
}

string_enum! {
    /// How the code of a [`CodeVerification`] is delivered.
    pub enum CodeVerificationStrategy {
        /// A code sent by email.
        EmailCode = "email_code",
        /// A code sent to a phone number.
        PhoneCode = "phone_code",
    }
}

/// A one-time-code verification of an email address or phone number, as returned by
/// `prepare_verification` (pending, i.e. `unverified`) and `attempt_verification` (its status
/// tells the outcome: `verified`, `unverified`, `expired` or `failed`).
///
/// A wrong or expired code is reported through [`status`](Self::status), not as an error.
/// The spec marks no field as required, so all of them are optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct CodeVerification {
    /// Kind of the verification object.
    #[serde(default)]
    pub object: Option<String>,
    /// Id of the verification; pass it to `attempt_verification`.
    #[serde(default)]
    pub id: Option<String>,
    /// Current state of the verification.
    #[serde(default)]
    pub status: Option<VerificationStatus>,
    /// How the code was delivered.
    #[serde(default)]
    pub strategy: Option<CodeVerificationStrategy>,
    /// Number of attempts made against this verification so far.
    #[serde(default)]
    pub attempts: Option<i64>,
    /// When the code expires (unix ms).
    #[serde(default)]
    pub expire_at: Option<i64>,
    /// Channel the code went out over, such as `sms` (phone numbers only).
    #[serde(default)]
    pub channel: Option<String>,
}
