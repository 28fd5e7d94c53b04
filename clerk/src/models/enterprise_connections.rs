//! Enterprise SSO connections (SAML or OIDC identity providers), their test runs, and the
//! SAML connections they replaced.

use std::fmt;

use clerk_macros::{Deserialize, Serialize};

use crate::Secret;

mod saml_connections;

pub use saml_connections::*;

string_enum! {
    /// Identity provider of an enterprise connection.
    pub enum EnterpriseConnectionProvider {
        /// Any SAML identity provider.
        SamlCustom = "saml_custom",
        /// Okta over SAML.
        SamlOkta = "saml_okta",
        /// Google Workspace over SAML.
        SamlGoogle = "saml_google",
        /// Microsoft Entra ID over SAML.
        SamlMicrosoft = "saml_microsoft",
        /// Any OpenID Connect provider.
        OidcCustom = "oidc_custom",
        /// GitHub Enterprise over OIDC.
        OidcGithubEnterprise = "oidc_github_enterprise",
        /// GitLab over OIDC.
        OidcGitlab = "oidc_gitlab",
    }
}

string_enum! {
    /// What Clerk sends the identity provider as `login_hint` on SSO sign-in.
    pub enum SamlLoginHintMode {
        /// The email address the user signs in with.
        EmailAddress = "email_address",
        /// The value of a public metadata key of the user (see [`SamlLoginHint::source`]).
        CustomAttribute = "custom_attribute",
        /// No login hint.
        Off = "off",
    }
}

string_enum! {
    /// Outcome of an enterprise connection test run.
    pub enum EnterpriseConnectionTestRunStatus {
        /// Started, not finished yet.
        Pending = "pending",
        /// The identity provider answered with a usable identity.
        Success = "success",
        /// The flow failed; see the logs.
        Failed = "failed",
    }
}

string_enum! {
    /// Protocol of the connection a test run was made against.
    pub enum EnterpriseConnectionTestRunProtocol {
        /// SAML.
        Saml = "saml",
        /// OAuth / OpenID Connect.
        Oauth = "oauth",
    }
}

/// The `login_hint` Clerk sends the identity provider on SSO sign-in. Used in answers and,
/// built with [`new`](Self::new), in request bodies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SamlLoginHint {
    /// What is sent as the hint.
    pub mode: SamlLoginHintMode,
    /// Public metadata key whose value is sent when the mode is `custom_attribute`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl SamlLoginHint {
    /// A hint of the given mode (add a [`source`](Self::source) for `custom_attribute`).
    pub fn new(mode: SamlLoginHintMode) -> Self {
        Self { mode, source: None }
    }
}

setters! { SamlLoginHint {
    opt source: String,
} }

/// A custom attribute read from the identity provider into user metadata.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionCustomAttribute {
    /// Display name of the attribute.
    pub name: String,
    /// Key the value is stored under in the user's metadata.
    pub key: String,
    /// Where the value is read from in SSO claims (SAML assertion or OIDC claims).
    #[serde(default)]
    pub sso_path: Option<String>,
    /// GJSON path of the value in SCIM user resources.
    #[serde(default)]
    pub scim_path: Option<String>,
    /// GJSON path of the value in directory sync user resources (same as `scim_path`).
    #[serde(default)]
    pub directory_path: Option<String>,
    /// Whether the attribute holds several values (stored as an array in public metadata).
    #[serde(default)]
    pub multi_valued: Option<bool>,
}

/// The SAML side of an enterprise connection. The IdP details are present only when the
/// connection was loaded with them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionSaml {
    /// Id of the SAML connection.
    #[serde(default)]
    pub id: Option<String>,
    /// Display name of the SAML connection.
    #[serde(default)]
    pub name: Option<String>,
    /// Entity id of the identity provider.
    #[serde(default)]
    pub idp_entity_id: Option<String>,
    /// Single sign-on URL of the identity provider.
    #[serde(default)]
    pub idp_sso_url: Option<String>,
    /// URL of the identity provider's metadata.
    #[serde(default)]
    pub idp_metadata_url: Option<String>,
    /// Assertion Consumer Service URL (where the identity provider posts assertions).
    #[serde(default)]
    pub acs_url: Option<String>,
    /// Entity id of Clerk as the service provider.
    #[serde(default)]
    pub sp_entity_id: Option<String>,
    /// URL of Clerk's service provider metadata.
    #[serde(default)]
    pub sp_metadata_url: Option<String>,
    /// Whether the SAML connection is active.
    #[serde(default)]
    pub active: Option<bool>,
    /// Whether sign-ins started at the identity provider are accepted.
    #[serde(default)]
    pub allow_idp_initiated: Option<bool>,
    /// Whether email addresses at subdomains of the connection's domains match.
    #[serde(default)]
    pub allow_subdomains: Option<bool>,
    /// Whether the identity provider is asked to authenticate the user again.
    #[serde(default)]
    pub force_authn: Option<bool>,
    /// The `login_hint` sent on sign-in.
    #[serde(default)]
    pub login_hint: Option<SamlLoginHint>,
}

/// The OIDC (or EASIE) side of an enterprise connection. The client secret is never
/// returned.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionOAuthConfig {
    /// Id of the OAuth configuration.
    #[serde(default)]
    pub id: Option<String>,
    /// Display name of a custom OIDC provider.
    #[serde(default)]
    pub name: Option<String>,
    /// Provider key, such as `oidc_custom` or `oidc_gitlab_ent_...`.
    #[serde(default)]
    pub provider_key: Option<String>,
    /// OAuth client id.
    #[serde(default)]
    pub client_id: Option<String>,
    /// OIDC discovery URL.
    #[serde(default)]
    pub discovery_url: Option<String>,
    /// Authorization endpoint, configured or discovered.
    #[serde(default)]
    pub auth_url: Option<String>,
    /// Token endpoint, configured or discovered.
    #[serde(default)]
    pub token_url: Option<String>,
    /// Userinfo endpoint, configured or discovered.
    #[serde(default)]
    pub user_info_url: Option<String>,
    /// Whether PKCE is required.
    #[serde(default)]
    pub requires_pkce: Option<bool>,
    /// Logo of the provider.
    #[serde(default)]
    pub logo_public_url: Option<String>,
    /// When the configuration was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the configuration was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// An enterprise connection: users whose email domain matches sign in through a SAML or
/// OIDC identity provider.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnection {
    /// Always `enterprise_connection`.
    pub object: String,
    /// Unique id of the connection.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Identity provider.
    pub provider: EnterpriseConnectionProvider,
    /// Logo of the provider.
    #[serde(default)]
    pub logo_public_url: Option<String>,
    /// Whether the connection is active.
    pub active: bool,
    /// Email domains routed to this connection.
    pub domains: Vec<String>,
    /// Organization the connection is linked to, if any.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Whether user attributes are updated at each sign-in.
    #[serde(default)]
    pub sync_user_attributes: Option<bool>,
    /// Whether users of this connection are kept from adding other identifications.
    #[serde(default)]
    pub disable_additional_identifications: Option<bool>,
    /// Whether accounts may be linked through organization membership.
    #[serde(default)]
    pub allow_organization_account_linking: Option<bool>,
    /// Whether users can sign in with the connection. Listed as required by the spec but
    /// never defined there, so optional here.
    #[serde(default)]
    pub authenticatable: Option<bool>,
    /// Whether just-in-time provisioning is turned off. Listed as required by the spec but
    /// never defined there, so optional here.
    #[serde(default)]
    pub disable_jit_provisioning: Option<bool>,
    /// Custom attributes read from the identity provider.
    #[serde(default)]
    pub custom_attributes: Option<Vec<EnterpriseConnectionCustomAttribute>>,
    /// The SAML side, for SAML connections.
    #[serde(default)]
    pub saml_connection: Option<EnterpriseConnectionSaml>,
    /// The OIDC side, for OIDC and EASIE connections.
    #[serde(default)]
    pub oauth_config: Option<EnterpriseConnectionOAuthConfig>,
    /// When the connection was created (unix milliseconds).
    pub created_at: i64,
    /// When the connection was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// The identity a test run got from the identity provider.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionTestRunUserInfo {
    /// Email address.
    #[serde(default)]
    pub email_address: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// User id at the identity provider.
    #[serde(default)]
    pub user_id: Option<String>,
}

/// One log line of a test run.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionTestRunLog {
    /// Severity, such as `info` or `error`.
    pub level: String,
    /// Machine-readable code.
    #[serde(default)]
    pub code: Option<String>,
    /// Short form of the message.
    #[serde(default)]
    pub short_message: Option<String>,
    /// The message.
    pub message: String,
}

/// SAML exchange captured by a test run. `Debug` hides the SAML response (a signed
/// assertion).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionTestRunSaml {
    /// The SAML request sent to the identity provider.
    #[serde(default)]
    pub saml_request: Option<String>,
    /// The SAML response received (a signed assertion).
    #[serde(default)]
    pub saml_response: Option<Secret>,
    /// The relay state of the exchange.
    #[serde(default)]
    pub relay_state: Option<String>,
}

/// OAuth exchange captured by a test run. `Debug` hides both tokens.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionTestRunOAuth {
    /// The ID token received.
    #[serde(default)]
    pub id_token: Option<Secret>,
    /// The access token received.
    #[serde(default)]
    pub access_token: Option<Secret>,
    /// The userinfo answer received.
    #[serde(default)]
    pub user_info: Option<String>,
}

/// A debug run of the sign-in flow of an enterprise connection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionTestRun {
    /// Unique id of the test run.
    pub id: String,
    /// Outcome so far.
    pub status: EnterpriseConnectionTestRunStatus,
    /// Protocol of the connection tested.
    pub connection_type: EnterpriseConnectionTestRunProtocol,
    /// The identity parsed from the identity provider's answer.
    #[serde(default)]
    pub parsed_user_info: Option<EnterpriseConnectionTestRunUserInfo>,
    /// Log lines captured during the run.
    #[serde(default)]
    pub logs: Option<Vec<EnterpriseConnectionTestRunLog>>,
    /// SAML details, for SAML connections.
    #[serde(default)]
    pub saml: Option<EnterpriseConnectionTestRunSaml>,
    /// OAuth details, for OIDC connections.
    #[serde(default)]
    pub oauth: Option<EnterpriseConnectionTestRunOAuth>,
    /// When the run was created (unix milliseconds).
    pub created_at: i64,
}

/// Answer of `POST /enterprise_connections/{enterprise_connection_id}/test_runs`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseConnectionTestRunUrl {
    /// Short-lived URL that starts the test flow at the identity provider.
    pub url: String,
}

/// Query parameters of `GET /enterprise_connections`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EnterpriseConnectionListParams {
    /// Page size (1 to 500, API default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of connections to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only the connections of this organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Only active (`true`) or only inactive (`false`) connections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

setters! { EnterpriseConnectionListParams {
    opt limit: i64,
    opt offset: i64,
    opt organization_id: String,
    opt active: bool,
} }

/// Query parameters of `GET /enterprise_connections/{enterprise_connection_id}/test_runs`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EnterpriseConnectionTestRunListParams {
    /// Only test runs with one of these statuses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<EnterpriseConnectionTestRunStatus>,
    /// Page size (1 to 500, API default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of test runs to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { EnterpriseConnectionTestRunListParams {
    list status: EnterpriseConnectionTestRunStatus,
    opt limit: i64,
    opt offset: i64,
} }

/// Names of the SAML attributes that carry Clerk's user properties; only the given ones
/// are sent.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SamlAttributeMappingParams {
    /// Attribute holding the user id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Attribute holding the email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// Attribute holding the first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Attribute holding the last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

setters! { SamlAttributeMappingParams {
    opt user_id: String,
    opt email_address: String,
    opt first_name: String,
    opt last_name: String,
} }

/// A custom attribute to read from the identity provider into user metadata (an item of
/// the `custom_attributes` of enterprise connection bodies).
#[derive(Debug, Clone, Serialize)]
pub struct CustomAttributeParams {
    /// Display name (not empty).
    pub name: String,
    /// Metadata key to store the value under: letters, digits, `_` and `-`, not starting
    /// with `_`.
    pub key: String,
    /// Where to read the value in SSO claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sso_path: Option<String>,
    /// GJSON path of the value in SCIM user resources (older name of `directory_path`; if
    /// both are sent they must be equal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_path: Option<String>,
    /// GJSON path of the value in directory sync user resources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_path: Option<String>,
    /// Whether the attribute holds several values (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multi_valued: Option<bool>,
}

impl CustomAttributeParams {
    /// An attribute shown as `name`, stored under metadata key `key`.
    pub fn new(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            key: key.into(),
            sso_path: None,
            scim_path: None,
            directory_path: None,
            multi_valued: None,
        }
    }
}

setters! { CustomAttributeParams {
    opt sso_path: String,
    opt scim_path: String,
    opt directory_path: String,
    opt multi_valued: bool,
} }

/// SAML settings given when creating an enterprise connection (applied to SAML providers
/// only).
#[derive(Debug, Clone, Default, Serialize)]
pub struct EnterpriseSamlParams {
    /// Entity id of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_entity_id: Option<String>,
    /// Single sign-on URL of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_sso_url: Option<String>,
    /// Signing certificate of the identity provider (PEM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_certificate: Option<String>,
    /// URL of the identity provider's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata_url: Option<String>,
    /// The identity provider's metadata XML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata: Option<String>,
    /// Names of the SAML attributes carrying the user's properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_mapping: Option<SamlAttributeMappingParams>,
    /// Whether email addresses at subdomains match too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_subdomains: Option<bool>,
    /// Whether sign-ins started at the identity provider are accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_idp_initiated: Option<bool>,
    /// Whether the identity provider must authenticate the user again (ForceAuthn).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_authn: Option<bool>,
    /// The `login_hint` to send on sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_hint: Option<SamlLoginHint>,
}

setters! { EnterpriseSamlParams {
    opt idp_entity_id: String,
    opt idp_sso_url: String,
    opt idp_certificate: String,
    opt idp_metadata_url: String,
    opt idp_metadata: String,
    opt attribute_mapping: SamlAttributeMappingParams,
    opt allow_subdomains: bool,
    opt allow_idp_initiated: bool,
    opt force_authn: bool,
    opt login_hint: SamlLoginHint,
} }

/// SAML settings to change on an enterprise connection (applied to SAML providers only).
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateEnterpriseSamlParams {
    /// Display name of the SAML connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Entity id of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_entity_id: Option<String>,
    /// Single sign-on URL of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_sso_url: Option<String>,
    /// Signing certificate of the identity provider (PEM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_certificate: Option<String>,
    /// URL of the identity provider's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata_url: Option<String>,
    /// The identity provider's metadata XML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata: Option<String>,
    /// Names of the SAML attributes carrying the user's properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_mapping: Option<SamlAttributeMappingParams>,
    /// Whether email addresses at subdomains match too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_subdomains: Option<bool>,
    /// Whether sign-ins started at the identity provider are accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_idp_initiated: Option<bool>,
    /// Whether the identity provider must authenticate the user again (ForceAuthn).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_authn: Option<bool>,
    /// The `login_hint` to send on sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_hint: Option<SamlLoginHint>,
}

setters! { UpdateEnterpriseSamlParams {
    opt name: String,
    opt idp_entity_id: String,
    opt idp_sso_url: String,
    opt idp_certificate: String,
    opt idp_metadata_url: String,
    opt idp_metadata: String,
    opt attribute_mapping: SamlAttributeMappingParams,
    opt allow_subdomains: bool,
    opt allow_idp_initiated: bool,
    opt force_authn: bool,
    opt login_hint: SamlLoginHint,
} }

/// OIDC settings of an enterprise connection (applied to OIDC providers only), on create
/// and on update. `Debug` hides the client secret.
#[derive(Clone, Default, Serialize)]
pub struct EnterpriseOidcParams {
    /// OAuth client id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// OAuth client secret (leave out for public clients, which then require PKCE).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// OIDC discovery URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovery_url: Option<String>,
    /// Authorization endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_url: Option<String>,
    /// Token endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    /// Userinfo endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_info_url: Option<String>,
    /// Whether PKCE is required (must be `true` for public clients without a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_pkce: Option<bool>,
}

setters! { EnterpriseOidcParams {
    opt client_id: String,
    opt client_secret: String,
    opt discovery_url: String,
    opt auth_url: String,
    opt token_url: String,
    opt user_info_url: String,
    opt requires_pkce: bool,
} }

impl fmt::Debug for EnterpriseOidcParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnterpriseOidcParams")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("discovery_url", &self.discovery_url)
            .field("auth_url", &self.auth_url)
            .field("token_url", &self.token_url)
            .field("user_info_url", &self.user_info_url)
            .field("requires_pkce", &self.requires_pkce)
            .finish()
    }
}

/// JSON body of `POST /enterprise_connections`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateEnterpriseConnectionParams {
    /// Display name.
    pub name: String,
    /// Identity provider.
    pub provider: EnterpriseConnectionProvider,
    /// Email domains routed to the connection (at least one; lowercased by Clerk).
    pub domains: Vec<String>,
    /// Organization to link the connection to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Whether accounts may be linked through organization membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_organization_account_linking: Option<bool>,
    /// Whether the connection starts active (a SAML one then needs its IdP details in
    /// `saml`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// SAML settings, for SAML providers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saml: Option<EnterpriseSamlParams>,
    /// OIDC settings, for OIDC providers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oidc: Option<EnterpriseOidcParams>,
    /// Custom attributes to read from the identity provider.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_attributes: Vec<CustomAttributeParams>,
}

impl CreateEnterpriseConnectionParams {
    /// A connection named `name` to `provider` for the given email domains (at least one).
    pub fn new<I>(
        name: impl Into<String>,
        provider: EnterpriseConnectionProvider,
        domains: I,
    ) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self {
            name: name.into(),
            provider,
            domains: domains.into_iter().map(Into::into).collect(),
            organization_id: None,
            allow_organization_account_linking: None,
            active: None,
            saml: None,
            oidc: None,
            custom_attributes: Vec::new(),
        }
    }
}

setters! { CreateEnterpriseConnectionParams {
    opt organization_id: String,
    opt allow_organization_account_linking: bool,
    opt active: bool,
    opt saml: EnterpriseSamlParams,
    opt oidc: EnterpriseOidcParams,
    list custom_attributes: CustomAttributeParams,
} }

/// JSON body of `PATCH /enterprise_connections/{enterprise_connection_id}`: only the given
/// fields change.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateEnterpriseConnectionParams {
    /// New display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New set of email domains, replacing the old one (an empty list changes nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Turns the connection on or off. Turning it on removes verified organization domains
    /// for the same domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether user attributes are updated at each sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync_user_attributes: Option<bool>,
    /// Whether users of the connection are kept from adding other identifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_additional_identifications: Option<bool>,
    /// Whether accounts may be linked through organization membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_organization_account_linking: Option<bool>,
    /// Organization to link the connection to (a link cannot be removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// SAML settings to change, for SAML providers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saml: Option<UpdateEnterpriseSamlParams>,
    /// OIDC settings to change, for OIDC providers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oidc: Option<EnterpriseOidcParams>,
    /// New set of custom attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_attributes: Option<Vec<CustomAttributeParams>>,
}

setters! { UpdateEnterpriseConnectionParams {
    opt name: String,
    opt active: bool,
    opt sync_user_attributes: bool,
    opt disable_additional_identifications: bool,
    opt allow_organization_account_linking: bool,
    opt organization_id: String,
    opt saml: UpdateEnterpriseSamlParams,
    opt oidc: EnterpriseOidcParams,
} }

impl UpdateEnterpriseConnectionParams {
    /// Sets [`domains`](Self::domains).
    #[must_use]
    pub fn domains<I>(mut self, domains: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.domains = Some(domains.into_iter().map(Into::into).collect());
        self
    }

    /// Sets [`custom_attributes`](Self::custom_attributes) (an empty list is sent as `[]`).
    #[must_use]
    pub fn custom_attributes<I>(mut self, attributes: I) -> Self
    where
        I: IntoIterator<Item = CustomAttributeParams>,
    {
        self.custom_attributes = Some(attributes.into_iter().collect());
        self
    }
}
