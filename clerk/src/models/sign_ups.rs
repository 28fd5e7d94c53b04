//! Sign-up attempts and the progress of their verifications.

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;

string_enum! {
    /// State of a [`SignUp`].
    pub enum SignUpStatus {
        /// Fields or verifications are still missing.
        MissingRequirements = "missing_requirements",
        /// Done: the user was created.
        Complete = "complete",
        /// Left unfinished until it expired.
        Abandoned = "abandoned",
    }
}

string_enum! {
    /// What a [`SignUpVerification`] waits for next.
    pub enum SignUpNextAction {
        /// A verification must be prepared (a code sent, for example).
        NeedsPrepare = "needs_prepare",
        /// The prepared verification must be attempted.
        NeedsAttempt = "needs_attempt",
        /// Nothing (the API sends an empty string).
        Nothing = "",
    }
}

/// Progress of verifying one identifier of a sign-up. Fields the spec does not name are
/// kept in [`other`](Self::other).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SignUpVerification {
    /// The next step, if any.
    #[serde(default)]
    pub next_action: Option<SignUpNextAction>,
    /// Strategies that can verify the identifier (e.g. `email_code`).
    #[serde(default)]
    pub supported_strategies: Option<Vec<String>>,
    /// Any other field of the verification, as sent.
    #[serde(flatten)]
    pub other: Metadata,
}

/// The verifications of a sign-up, one per kind of identifier.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SignUpVerifications {
    /// Verification of the email address, if one is being verified.
    #[serde(default)]
    pub email_address: Option<SignUpVerification>,
    /// Verification of the phone number, if one is being verified.
    #[serde(default)]
    pub phone_number: Option<SignUpVerification>,
    /// Verification of the web3 wallet, if one is being verified.
    #[serde(default)]
    pub web3_wallet: Option<SignUpVerification>,
    /// Verification of the external (OAuth) account; free-form in the spec.
    #[serde(default)]
    pub external_account: Option<Metadata>,
}

/// A sign-up attempt, from its first field to the created user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SignUp {
    /// Always `sign_up_attempt`.
    pub object: String,
    /// Unique id of the sign-up.
    pub id: String,
    /// Whether the sign-up is complete, abandoned or still missing something.
    pub status: SignUpStatus,
    /// Fields the instance requires.
    pub required_fields: Vec<String>,
    /// Fields the instance accepts but does not require.
    pub optional_fields: Vec<String>,
    /// Required fields not given yet.
    pub missing_fields: Vec<String>,
    /// Given fields not verified yet.
    pub unverified_fields: Vec<String>,
    /// Progress of each verification.
    pub verifications: SignUpVerifications,
    /// Username given, if any.
    #[serde(default)]
    pub username: Option<String>,
    /// Email address given, if any.
    #[serde(default)]
    pub email_address: Option<String>,
    /// Phone number given, if any.
    #[serde(default)]
    pub phone_number: Option<String>,
    /// Web3 wallet address given, if any.
    #[serde(default)]
    pub web3_wallet: Option<String>,
    /// Whether a password was set.
    pub password_enabled: bool,
    /// First name given, if any.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name given, if any.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Metadata the frontend set (not to be trusted), copied to the user.
    #[serde(default)]
    pub unsafe_metadata: Option<Metadata>,
    /// Public metadata copied to the user.
    #[serde(default)]
    pub public_metadata: Option<Metadata>,
    /// Whether the sign-up is marked as a custom action.
    pub custom_action: bool,
    /// Your own id for the person signing up, copied to the user.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Id of the session created on completion, if any.
    #[serde(default)]
    pub created_session_id: Option<String>,
    /// Id of the user created on completion, if any.
    #[serde(default)]
    pub created_user_id: Option<String>,
    /// When the sign-up is (or was) considered abandoned (unix milliseconds).
    pub abandon_at: i64,
    /// When the legal terms were accepted (unix milliseconds), if they were.
    #[serde(default)]
    pub legal_accepted_at: Option<i64>,
    /// Locale of the user as a BCP-47 tag (e.g. `en-US`), if known.
    #[serde(default)]
    pub locale: Option<String>,
    /// The external account being linked; deprecated by Clerk and free-form in the spec.
    #[serde(default)]
    pub external_account: Option<Metadata>,
}

/// JSON body of `PATCH /sign_ups/{id}`. Fields left `None` are not sent.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateSignUpParams {
    /// Your own id for the person signing up, copied to the user on completion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Mark the sign-up as a custom action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_action: Option<bool>,
}

setters! { UpdateSignUpParams {
    opt external_id: String,
    opt custom_action: bool,
} }
