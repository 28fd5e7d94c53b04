//! Settings still in beta: sign-up restrictions, the sender of auth emails, test mode, and
//! moving a production instance to another domain.

use clerk_macros::{Deserialize, Serialize};

/// The instance settings changed through `PATCH /beta_features/instance_settings`.
///
/// The spec marks none of its fields as required, so all are optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct InstanceAuthSettings {
    /// Always `instance_settings`, when sent.
    #[serde(default)]
    pub object: Option<String>,
    /// Id of the instance settings, when sent.
    #[serde(default)]
    pub id: Option<String>,
    /// Whether sign-up is limited to identifiers on the allowlist.
    #[serde(default)]
    pub restricted_to_allowlist: Option<bool>,
    /// Local part of the address auth emails are sent from (`foo` for `foo@example.com`).
    #[serde(default)]
    pub from_email_address: Option<String>,
    /// Whether progressive sign-up is on (a deprecated feature).
    #[serde(default)]
    pub progressive_sign_up: Option<bool>,
    /// Deprecated by Clerk: whether production auth emails go through Clerk's legacy managed
    /// delivery instead of the instance's email sending domain.
    #[serde(default)]
    pub enhanced_email_deliverability: Option<bool>,
}

/// JSON body of `PATCH /beta_features/instance_settings`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateInstanceAuthSettingsParams {
    /// Limit sign-up to email addresses, phone numbers and usernames on the allowlist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restricted_to_allowlist: Option<bool>,
    /// Local part (alphanumeric only) of the address auth emails such as codes and magic
    /// links are sent from: `foo` for `foo@example.com`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_email_address: Option<String>,
    /// Turn progressive sign-up on or off (deprecated by Clerk: contact support instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progressive_sign_up: Option<bool>,
    /// Turn test mode (test email addresses and phone numbers) on or off; on by default for
    /// development instances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_mode: Option<bool>,
}

setters! { UpdateInstanceAuthSettingsParams {
    opt restricted_to_allowlist: bool,
    opt from_email_address: String,
    opt progressive_sign_up: bool,
    opt test_mode: bool,
} }

/// JSON body of `POST /instance/change_domain` (and of the deprecated
/// `PUT /beta_features/domain`): the new home of a production instance.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChangeDomainParams {
    /// The new home URL, e.g. `https://www.example.com`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_url: Option<String>,
    /// Whether the domain belongs to a secondary app: its subdomain then matters and is kept
    /// as part of the domain, so several apps can share one root domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_secondary: Option<bool>,
}

impl ChangeDomainParams {
    /// Moves the production instance to `home_url` (e.g. `https://www.example.com`).
    pub fn new(home_url: impl Into<String>) -> Self {
        Self {
            home_url: Some(home_url.into()),
            is_secondary: None,
        }
    }
}

setters! { ChangeDomainParams {
    opt home_url: String,
    opt is_secondary: bool,
} }
