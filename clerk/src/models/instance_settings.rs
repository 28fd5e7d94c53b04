//! Settings of the instance: general options, sign-up restrictions, Protect, SMS
//! communication, OAuth applications and organizations.

use clerk_macros::{Deserialize, Serialize};

use crate::models::EnrollmentMode;

string_enum! {
    /// Sign-in strategy offered first when the instance requires a password.
    pub enum PreferredSignInStrategy {
        /// The password (Clerk's default).
        Password = "password",
        /// A one-time code.
        Otp = "otp",
        /// Sent as an empty string: removes the override, back to Clerk's default.
        ClearOverride = "",
    }
}

/// The current instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Instance {
    /// Always `instance`.
    pub object: String,
    /// Unique id of the instance.
    pub id: String,
    /// Kind of environment, e.g. `development` or `production`.
    pub environment_type: String,
    /// Origins allowed to call the instance besides its own (browser extensions, Electron,
    /// Capacitor), if any.
    #[serde(default)]
    pub allowed_origins: Option<Vec<String>>,
    /// Id of the Clerk workspace owning the application; `None` when it has no owner.
    #[serde(default)]
    pub workspace_id: Option<String>,
}

/// Sign-up and sign-in restrictions of the instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct InstanceRestrictions {
    /// Always `instance_restrictions`.
    pub object: String,
    /// Whether only identifiers on the allowlist may sign up.
    pub allowlist: bool,
    /// Whether identifiers on the blocklist are refused.
    pub blocklist: bool,
    /// Whether the allowlist and blocklist are ignored at sign-in.
    pub allowlist_blocklist_disabled_on_sign_in: bool,
    /// Whether email addresses with a subaddress (`name+tag@...`) are refused.
    pub block_email_subaddresses: bool,
    /// Whether email addresses of disposable email providers are refused.
    pub block_disposable_email_domains: bool,
}

/// Protect (bot and abuse detection) settings of the instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct InstanceProtect {
    /// Always `instance_protect`.
    pub object: String,
    /// Whether Protect rules are enforced.
    pub rules_enabled: bool,
    /// Whether Specter detection is on.
    pub specter_enabled: bool,
    /// Whether the instance opted out of Protect's prerequisite checks, asserting its setup
    /// already meets them.
    pub checks_bypassed: bool,
}

/// SMS communication settings of the instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct InstanceCommunication {
    /// Always `instance_communication`.
    pub object: String,
    /// ISO 3166-1 alpha-2 codes of the countries SMS messages are not sent to.
    pub blocked_country_codes: Vec<String>,
}

/// OAuth application settings of the instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct InstanceOAuthApplicationSettings {
    /// Always `oauth_application_settings`.
    pub object: String,
    /// Whether OAuth clients may register themselves (RFC 7591).
    pub dynamic_oauth_client_registration: bool,
    /// Scopes granted by default; `None` when Clerk's defaults apply.
    #[serde(default)]
    pub default_scopes: Option<Vec<String>>,
    /// Whether access tokens are JWTs (`false`: opaque tokens).
    pub oauth_jwt_access_tokens: bool,
    /// Whether the authorization server metadata advertises Client ID Metadata Documents.
    pub client_id_metadata_documents_advertised: bool,
    /// Whether unknown Client ID Metadata Document clients are refused (pre-registered and
    /// previously connected ones stay admitted).
    pub client_id_metadata_documents_only_allow_pre_registered_clients: bool,
    /// Whether recorded implicitly allowed Client ID Metadata Document clients are refused
    /// from now on (explicitly allowed ones stay accepted; issued tokens are not revoked).
    pub client_id_metadata_documents_block_implicitly_allowed_clients: bool,
}

/// Organization settings of the instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationSettings {
    /// Always `organization_settings`.
    pub object: String,
    /// Whether organizations are on.
    pub enabled: bool,
    /// Maximum number of members per organization.
    pub max_allowed_memberships: i64,
    /// Maximum number of roles.
    pub max_allowed_roles: i64,
    /// Maximum number of role sets, when reported.
    #[serde(default)]
    pub max_role_sets_allowed: Option<i64>,
    /// Maximum number of domains per organization.
    pub max_allowed_domains: i64,
    /// Deprecated by Clerk (permissions are now unlimited); no longer has any effect.
    #[serde(default)]
    pub max_allowed_permissions: Option<i64>,
    /// Key of the role given to the creator of an organization.
    pub creator_role: String,
    /// Whether admins may delete their organization through the Frontend API by default.
    pub admin_delete_enabled: bool,
    /// Whether organization domains are on.
    pub domains_enabled: bool,
    /// Whether organization slugs are turned off, when reported.
    #[serde(default)]
    pub slug_disabled: Option<bool>,
    /// Enrollment modes offered for organization domains.
    pub domains_enrollment_modes: Vec<EnrollmentMode>,
    /// Key of the role used for invitations and suggestions created through domains.
    pub domains_default_role: String,
    /// Key of the role set new organizations get, if set.
    #[serde(default)]
    pub initial_role_set_key: Option<String>,
}

/// JSON body of `PATCH /instance`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateInstanceParams {
    /// Turn test mode (test email addresses and phone numbers) on or off; on by default for
    /// development instances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_mode: Option<bool>,
    /// Whether to check passwords against the Have I Been Pwned breach database.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hibp: Option<bool>,
    /// Support email address shown to users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_email: Option<String>,
    /// Version of ClerkJS to load.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clerk_js_version: Option<String>,
    /// Origin of the development application.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub development_origin: Option<String>,
    /// Replaces the extra allowed origins (for browser extensions such as
    /// `chrome-extension://<id>`, Electron or Capacitor); `Some(vec![])` clears them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_origins: Option<Vec<String>>,
    /// Deprecated by Clerk in favour of
    /// [`url_based_session_syncing`](Self::url_based_session_syncing): development without
    /// third-party cookies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cookieless_dev: Option<bool>,
    /// Whether development instances sync sessions through the URL instead of third-party
    /// cookies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url_based_session_syncing: Option<bool>,
    /// Sign-in strategy offered first when a password is required;
    /// [`PreferredSignInStrategy::ClearOverride`] removes the override.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_sign_in_strategy_when_password_required: Option<PreferredSignInStrategy>,
}

setters! { UpdateInstanceParams {
    opt test_mode: bool,
    opt hibp: bool,
    opt support_email: String,
    opt clerk_js_version: String,
    opt development_origin: String,
    opt cookieless_dev: bool,
    opt url_based_session_syncing: bool,
    opt preferred_sign_in_strategy_when_password_required: PreferredSignInStrategy,
} }

impl UpdateInstanceParams {
    /// Sets [`allowed_origins`](Self::allowed_origins), replacing the whole list (an empty
    /// list clears it).
    #[must_use]
    pub fn allowed_origins<I>(mut self, origins: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.allowed_origins = Some(origins.into_iter().map(Into::into).collect());
        self
    }
}

/// JSON body of `PATCH /instance/restrictions`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateInstanceRestrictionsParams {
    /// Allow only identifiers on the allowlist to sign up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowlist: Option<bool>,
    /// Refuse identifiers on the blocklist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocklist: Option<bool>,
    /// Ignore the allowlist and blocklist at sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowlist_blocklist_disabled_on_sign_in: Option<bool>,
    /// Refuse email addresses with a subaddress (`name+tag@...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_email_subaddresses: Option<bool>,
    /// Refuse email addresses of disposable email providers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_disposable_email_domains: Option<bool>,
}

setters! { UpdateInstanceRestrictionsParams {
    opt allowlist: bool,
    opt blocklist: bool,
    opt allowlist_blocklist_disabled_on_sign_in: bool,
    opt block_email_subaddresses: bool,
    opt block_disposable_email_domains: bool,
} }

/// JSON body of `PATCH /instance/protect`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateInstanceProtectParams {
    /// Enforce Protect rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_enabled: Option<bool>,
    /// Turn Specter detection on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub specter_enabled: Option<bool>,
}

setters! { UpdateInstanceProtectParams {
    opt rules_enabled: bool,
    opt specter_enabled: bool,
} }

/// JSON body of `PATCH /instance/communication`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateInstanceCommunicationParams {
    /// Replaces the SMS country blocklist: unique upper-case ISO 3166-1 alpha-2 codes (at
    /// most 250). `Some(vec![])` unblocks every country; `None` leaves the list alone.
    /// Codes the API does not know as SMS countries are dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_country_codes: Option<Vec<String>>,
}

impl UpdateInstanceCommunicationParams {
    /// Sets [`blocked_country_codes`](Self::blocked_country_codes), replacing the whole list
    /// (an empty list unblocks every country).
    #[must_use]
    pub fn blocked_country_codes<I>(mut self, codes: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.blocked_country_codes = Some(codes.into_iter().map(Into::into).collect());
        self
    }
}

/// JSON body of `PATCH /instance/oauth_application_settings`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateInstanceOAuthApplicationSettingsParams {
    /// Let OAuth clients register themselves (RFC 7591).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dynamic_oauth_client_registration: Option<bool>,
    /// Default scopes: `Some(Some(list))` replaces them, `Some(None)` sends `null`, which
    /// resets them to Clerk's defaults; `None` leaves them alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_scopes: Option<Option<Vec<String>>>,
    /// Issue JWT access tokens (`false`: opaque tokens).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_jwt_access_tokens: Option<bool>,
    /// Advertise Client ID Metadata Document support in the authorization server metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id_metadata_documents_advertised: Option<bool>,
    /// Refuse unknown Client ID Metadata Document clients (pre-registered and previously
    /// connected ones stay admitted; deleting a client makes it unknown again).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id_metadata_documents_only_allow_pre_registered_clients: Option<bool>,
    /// Refuse recorded implicitly allowed Client ID Metadata Document clients from now on
    /// (explicitly allowed ones stay accepted; issued tokens are not revoked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id_metadata_documents_block_implicitly_allowed_clients: Option<bool>,
}

setters! { UpdateInstanceOAuthApplicationSettingsParams {
    opt dynamic_oauth_client_registration: bool,
    opt oauth_jwt_access_tokens: bool,
    opt client_id_metadata_documents_advertised: bool,
    opt client_id_metadata_documents_only_allow_pre_registered_clients: bool,
    opt client_id_metadata_documents_block_implicitly_allowed_clients: bool,
} }

impl UpdateInstanceOAuthApplicationSettingsParams {
    /// Replaces the default scopes with `scopes`.
    #[must_use]
    pub fn default_scopes<I>(mut self, scopes: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.default_scopes = Some(Some(scopes.into_iter().map(Into::into).collect()));
        self
    }

    /// Resets the default scopes to Clerk's defaults (sends `"default_scopes": null`).
    #[must_use]
    pub fn reset_default_scopes(mut self) -> Self {
        self.default_scopes = Some(None);
        self
    }
}

/// JSON body of `PATCH /instance/organization_settings`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateOrganizationSettingsParams {
    /// Turn organizations on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Maximum number of members per organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_allowed_memberships: Option<i64>,
    /// Whether admins may delete their organization through the Frontend API by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_delete_enabled: Option<bool>,
    /// Turn organization domains on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domains_enabled: Option<bool>,
    /// Turn organization slugs off (`true`) or on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug_disabled: Option<bool>,
    /// Replaces the enrollment modes offered for organization domains (the API supports
    /// `automatic_invitation` and `automatic_suggestion`); `Some(vec![])` turns all off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domains_enrollment_modes: Option<Vec<EnrollmentMode>>,
    /// Id of the role given to the creator of an organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator_role_id: Option<String>,
    /// Id of the role used for invitations and suggestions created through domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domains_default_role_id: Option<String>,
}

setters! { UpdateOrganizationSettingsParams {
    opt enabled: bool,
    opt max_allowed_memberships: i64,
    opt admin_delete_enabled: bool,
    opt domains_enabled: bool,
    opt slug_disabled: bool,
    opt creator_role_id: String,
    opt domains_default_role_id: String,
} }

impl UpdateOrganizationSettingsParams {
    /// Sets [`domains_enrollment_modes`](Self::domains_enrollment_modes), replacing the whole
    /// list (an empty list turns every mode off).
    #[must_use]
    pub fn domains_enrollment_modes<I>(mut self, modes: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<EnrollmentMode>,
    {
        self.domains_enrollment_modes = Some(modes.into_iter().map(Into::into).collect());
        self
    }
}
