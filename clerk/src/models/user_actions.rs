//! Actions on one user beyond plain create/update: bans and locks, metadata merges,
//! credential checks and removals, trusted devices, OAuth access tokens, and the filters of
//! the user's organization lists.

use std::fmt;

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;
use crate::Secret;

/// JSON body of `POST /users/ban` and `POST /users/unban`: the users to act on at once.
#[derive(Debug, Clone, Serialize)]
pub struct UserIdsParams {
    /// Ids of the users (1 to 50).
    pub user_ids: Vec<String>,
}

impl UserIdsParams {
    /// The given user ids; the API takes between 1 and 50.
    pub fn new<I>(user_ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self {
            user_ids: user_ids.into_iter().map(Into::into).collect(),
        }
    }
}

/// JSON body of `PATCH /users/{user_id}/metadata`: each given object is deep-merged into the
/// stored one (nested objects merge too); a key set to `null` is removed. Objects left `None`
/// are not touched.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateUserMetadataParams {
    /// Merged into the metadata readable from the frontend and the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Merged into the metadata visible only to the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
    /// Merged into the metadata the frontend can also write (so not to be trusted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsafe_metadata: Option<Metadata>,
}

setters! { UpdateUserMetadataParams {
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
    opt unsafe_metadata: Metadata,
} }

/// JSON body of `PUT /users/{user_id}/metadata`: each given object replaces the stored one
/// wholesale. Objects left `None` are not touched.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReplaceUserMetadataParams {
    /// New metadata readable from the frontend and the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// New metadata visible only to the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
    /// New metadata the frontend can also write (so not to be trusted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsafe_metadata: Option<Metadata>,
}

setters! { ReplaceUserMetadataParams {
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
    opt unsafe_metadata: Metadata,
} }

/// JSON body of `POST /users/{user_id}/verify_password`. `Debug` hides the password.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyPasswordParams {
    /// The password to check against the user's.
    pub password: Secret,
}

impl VerifyPasswordParams {
    /// Checks `password`.
    pub fn new(password: impl Into<String>) -> Self {
        Self {
            password: Secret::new(password),
        }
    }
}

/// Answer of `POST /users/{user_id}/verify_password`. A wrong password is not a `false`
/// here: the API answers 422 (and 400 when the user has no password), which surfaces as an
/// error.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct PasswordVerification {
    /// Whether the password matched.
    #[serde(default)]
    pub verified: Option<bool>,
}

impl PasswordVerification {
    /// `true` only when the API said the password matched.
    pub fn is_verified(&self) -> bool {
        self.verified == Some(true)
    }
}

/// JSON body of `POST /users/{user_id}/verify_totp`. `Debug` hides the code.
#[derive(Clone, Serialize)]
pub struct VerifyTotpParams {
    /// A current TOTP code or one of the user's backup codes.
    pub code: String,
}

impl VerifyTotpParams {
    /// Checks `code` (a TOTP or a backup code; a backup code is used up by a match).
    pub fn new(code: impl Into<String>) -> Self {
        Self { code: code.into() }
    }
}

impl fmt::Debug for VerifyTotpParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifyTotpParams")
            .field("code", &"[redacted]")
            .finish()
    }
}

string_enum! {
    /// Which kind of code matched in a [`TotpVerification`].
    pub enum TotpCodeType {
        /// A time-based one-time password from an authenticator app.
        Totp = "totp",
        /// A backup code, now used up.
        BackupCode = "backup_code",
    }
}

/// Answer of `POST /users/{user_id}/verify_totp`. A wrong code is not a `false` here: the
/// API answers 422 (and 400 when the user has no TOTP), which surfaces as an error.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct TotpVerification {
    /// Whether the code matched.
    #[serde(default)]
    pub verified: Option<bool>,
    /// Whether the code was a TOTP or a backup code.
    #[serde(default)]
    pub code_type: Option<TotpCodeType>,
}

impl TotpVerification {
    /// `true` only when the API said the code matched.
    pub fn is_verified(&self) -> bool {
        self.verified == Some(true)
    }
}

/// Answer of the MFA removals (`DELETE /users/{user_id}/mfa`, `/totp`, `/backup_code`): the
/// user they applied to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct AffectedUser {
    /// Id of the user.
    #[serde(default)]
    pub user_id: Option<String>,
}

/// JSON body of `POST /users/{user_id}/password/set_compromised`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetPasswordCompromisedParams {
    /// Also sign the user out of every session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoke_all_sessions: Option<bool>,
}

setters! { SetPasswordCompromisedParams {
    opt revoke_all_sessions: bool,
} }

/// JSON body of `POST /users/{user_id}/remove_password`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RemovePasswordParams {
    /// Revoke the sessions active when the password is removed (default `false`: they stay).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_out_of_other_sessions: Option<bool>,
}

setters! { RemovePasswordParams {
    opt sign_out_of_other_sessions: bool,
} }

string_enum! {
    /// Platform of a [`TrustedDevice`].
    pub enum TrustedDevicePlatform {
        /// An Apple iOS device.
        Ios = "ios",
        /// An Android device.
        Android = "android",
    }
}

string_enum! {
    /// Status of a [`TrustedDevice`].
    pub enum TrustedDeviceStatus {
        /// Enrolled and usable.
        Active = "active",
        /// Revoked; no longer trusted.
        Revoked = "revoked",
    }
}

/// A mobile device the user enrolled as trusted.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct TrustedDevice {
    /// Always `trusted_device`.
    pub object: String,
    /// Unique id of the device enrollment.
    pub id: String,
    /// Operating system of the device.
    pub platform: TrustedDevicePlatform,
    /// Identifier of the app that enrolled the device (bundle id or package name).
    pub app_identifier: String,
    /// Name given to the device, if any.
    #[serde(default)]
    pub name: Option<String>,
    /// Signature algorithm of the device key (currently `ES256`).
    pub algorithm: String,
    /// Whether the device is still trusted.
    pub status: TrustedDeviceStatus,
    /// When the device was enrolled (unix milliseconds).
    pub created_at: i64,
    /// When the enrollment was last modified (unix milliseconds).
    pub updated_at: i64,
    /// When the device was last used (unix milliseconds), if ever.
    #[serde(default)]
    pub last_used_at: Option<i64>,
    /// When the device was revoked (unix milliseconds), if it was.
    #[serde(default)]
    pub revoked_at: Option<i64>,
}

/// The OAuth provider of `GET /users/{user_id}/oauth_access_tokens/{provider}`.
///
/// Accepts a provider name with or without the `oauth_` prefix (`"google"` and the older
/// `"oauth_google"` alike) and always sends the prefixed form, which is the provider id the
/// API documents for this path (e.g. `oauth_google`). Custom providers work the same way:
/// `"custom_acme"` is sent as `oauth_custom_acme`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OAuthProvider {
    wire: String,
}

impl OAuthProvider {
    const PREFIX: &'static str = "oauth_";

    /// A provider from its name, with or without the `oauth_` prefix.
    pub fn new(provider: impl Into<String>) -> Self {
        let provider = provider.into();
        let wire = if provider.starts_with(Self::PREFIX) {
            provider
        } else {
            format!("{}{provider}", Self::PREFIX)
        };
        Self { wire }
    }

    /// The provider id as sent, e.g. `oauth_google`.
    pub fn as_str(&self) -> &str {
        &self.wire
    }

    /// The provider name without the prefix, e.g. `google`.
    pub fn name(&self) -> &str {
        &self.wire[Self::PREFIX.len()..]
    }
}

impl fmt::Display for OAuthProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.wire)
    }
}

impl From<&str> for OAuthProvider {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for OAuthProvider {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&String> for OAuthProvider {
    fn from(value: &String) -> Self {
        Self::new(value.as_str())
    }
}

impl crate::PathParam for OAuthProvider {
    fn path_value(&self) -> Result<&str, String> {
        if self.name().trim().is_empty() {
            return Err("the OAuth provider name is empty".to_owned());
        }
        Ok(&self.wire)
    }
}

/// Query parameters of `GET /users/{user_id}/oauth_access_tokens/{provider}`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OAuthAccessTokenParams {
    /// Ask for the paginated shape (`{data, total_count}`); both shapes decode into a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { OAuthAccessTokenParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// An OAuth access token Clerk holds for a user's external account.
///
/// The token and the other credentials are private fields: read them with
/// [`token`](Self::token), [`token_secret`](Self::token_secret) and
/// [`id_token`](Self::id_token). `Debug` shows them as `"[redacted]"`; serializing the value
/// writes them out in full.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OAuthAccessToken {
    /// Always `oauth_access_token`.
    pub object: String,
    /// Id of the external account the token belongs to.
    pub external_account_id: String,
    /// The user's id at the provider.
    pub provider_user_id: String,
    token: Secret,
    /// Unix timestamp at which the token expires, if it does.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// The provider id, e.g. `oauth_google`.
    pub provider: String,
    /// Public metadata of the external account.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Label of the account, if any.
    #[serde(default)]
    pub label: Option<String>,
    /// Scopes the token grants (OAuth 2.0 only).
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
    #[serde(default)]
    id_token: Option<Secret>,
    #[serde(default)]
    token_secret: Option<Secret>,
}

impl OAuthAccessToken {
    /// The access token itself. Handle it like a password.
    pub fn token(&self) -> &str {
        self.token.expose()
    }

    /// The OpenID Connect ID token, from OIDC providers when available.
    pub fn id_token(&self) -> Option<&str> {
        self.id_token.as_ref().map(Secret::expose)
    }

    /// The token secret (OAuth 1.0 only).
    pub fn token_secret(&self) -> Option<&str> {
        self.token_secret.as_ref().map(Secret::expose)
    }
}

impl fmt::Debug for OAuthAccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const REDACTED: &str = "[redacted]";
        f.debug_struct("OAuthAccessToken")
            .field("object", &self.object)
            .field("external_account_id", &self.external_account_id)
            .field("provider_user_id", &self.provider_user_id)
            .field("token", &REDACTED)
            .field("expires_at", &self.expires_at)
            .field("provider", &self.provider)
            .field("public_metadata", &self.public_metadata)
            .field("label", &self.label)
            .field("scopes", &self.scopes)
            .field("id_token", &self.id_token.as_ref().map(|_| REDACTED))
            .field(
                "token_secret",
                &self.token_secret.as_ref().map(|_| REDACTED),
            )
            .finish()
    }
}
