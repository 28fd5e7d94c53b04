//! SAML connections, the predecessors of enterprise connections (their endpoints are
//! deprecated).

use clerk_macros::{Deserialize, Serialize};

use super::{SamlAttributeMappingParams, SamlLoginHint};

string_enum! {
    /// Identity provider of a (legacy) SAML connection.
    pub enum SamlConnectionProvider {
        /// Any SAML identity provider.
        SamlCustom = "saml_custom",
        /// Okta.
        SamlOkta = "saml_okta",
        /// Google Workspace.
        SamlGoogle = "saml_google",
        /// Microsoft Entra ID.
        SamlMicrosoft = "saml_microsoft",
    }
}

/// Names of the SAML attributes that carry Clerk's user properties, as configured on a
/// SAML connection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SamlAttributeMapping {
    /// Attribute holding the user id.
    pub user_id: String,
    /// Attribute holding the email address.
    pub email_address: String,
    /// Attribute holding the first name.
    pub first_name: String,
    /// Attribute holding the last name.
    pub last_name: String,
}

/// A SAML connection (superseded by [`EnterpriseConnection`](super::EnterpriseConnection)).
///
/// Every field is optional, although the spec requires most of them: the schema wraps its
/// properties in a top-level `anyOf` (domain or domains), and mock servers generating
/// answers from the spec emit `{}` for it. A real answer carries every field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SamlConnection {
    /// Always `saml_connection`.
    #[serde(default)]
    pub object: Option<String>,
    /// Unique id of the connection.
    #[serde(default)]
    pub id: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Single email domain of the connection (deprecated in favour of `domains`).
    #[serde(default)]
    pub domain: Option<String>,
    /// Email domains routed to the connection.
    #[serde(default)]
    pub domains: Option<Vec<String>>,
    /// Entity id of the identity provider.
    #[serde(default)]
    pub idp_entity_id: Option<String>,
    /// Single sign-on URL of the identity provider.
    #[serde(default)]
    pub idp_sso_url: Option<String>,
    /// Signing certificate of the identity provider (public, PEM).
    #[serde(default)]
    pub idp_certificate: Option<String>,
    /// Start of the certificate's validity (unix milliseconds), when one is configured.
    #[serde(default)]
    pub idp_certificate_issued_at: Option<i64>,
    /// End of the certificate's validity (unix milliseconds), when one is configured.
    #[serde(default)]
    pub idp_certificate_expires_at: Option<i64>,
    /// URL of the identity provider's metadata.
    #[serde(default)]
    pub idp_metadata_url: Option<String>,
    /// The identity provider's metadata XML.
    #[serde(default)]
    pub idp_metadata: Option<String>,
    /// Assertion Consumer Service URL (where the identity provider posts assertions).
    #[serde(default)]
    pub acs_url: Option<String>,
    /// Entity id of Clerk as the service provider.
    #[serde(default)]
    pub sp_entity_id: Option<String>,
    /// URL of Clerk's service provider metadata.
    #[serde(default)]
    pub sp_metadata_url: Option<String>,
    /// Organization the connection's users join, if any.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Names of the SAML attributes carrying the user's properties.
    #[serde(default)]
    pub attribute_mapping: Option<SamlAttributeMapping>,
    /// Whether the connection is active.
    #[serde(default)]
    pub active: Option<bool>,
    /// Identity provider.
    #[serde(default)]
    pub provider: Option<SamlConnectionProvider>,
    /// Number of users who signed in through the connection.
    #[serde(default)]
    pub user_count: Option<i64>,
    /// Whether user attributes are updated at each sign-in.
    #[serde(default)]
    pub sync_user_attributes: Option<bool>,
    /// Whether email addresses at subdomains match too.
    #[serde(default)]
    pub allow_subdomains: Option<bool>,
    /// Whether sign-ins started at the identity provider are accepted.
    #[serde(default)]
    pub allow_idp_initiated: Option<bool>,
    /// Whether users of the connection are kept from adding other identifications.
    #[serde(default)]
    pub disable_additional_identifications: Option<bool>,
    /// Whether accounts may be linked through organization membership.
    #[serde(default)]
    pub allow_organization_account_linking: Option<bool>,
    /// Whether users can sign in with the connection. Listed as required by the spec but
    /// never defined there, so optional here.
    #[serde(default)]
    pub authenticatable: Option<bool>,
    /// Whether the identity provider must authenticate the user again (ForceAuthn).
    #[serde(default)]
    pub force_authn: Option<bool>,
    /// The `login_hint` sent on sign-in.
    #[serde(default)]
    pub login_hint: Option<SamlLoginHint>,
    /// Whether just-in-time provisioning is turned off. Listed as required by the spec but
    /// never defined there, so optional here.
    #[serde(default)]
    pub disable_jit_provisioning: Option<bool>,
    /// The enterprise connection this SAML connection belongs to, if any.
    #[serde(default)]
    pub enterprise_connection_id: Option<String>,
    /// When the connection was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the connection was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// Query parameters of `GET /saml_connections`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SamlConnectionListParams {
    /// Page size (1 to 500, API default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of connections to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Case-insensitive partial match on the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Sort order: a field name with a `+` (ascending) or `-` (descending) prefix, such
    /// as `-created_at`. The spec does not list the fields for this endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    /// Organization ids to include (`+org_...` or a bare id) or exclude (`-org_...`); up
    /// to 100.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization_id: Vec<String>,
}

setters! { SamlConnectionListParams {
    opt limit: i64,
    opt offset: i64,
    opt query: String,
    opt order_by: String,
    list organization_id: String,
} }

/// JSON body of `POST /saml_connections`. Either `domains` or the deprecated `domain` must
/// be given.
#[derive(Debug, Clone, Serialize)]
pub struct CreateSamlConnectionParams {
    /// Display name.
    pub name: String,
    /// Single email domain (deprecated: use `domains`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Email domains routed to the connection.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Identity provider.
    pub provider: SamlConnectionProvider,
    /// Entity id of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_entity_id: Option<String>,
    /// Single sign-on URL of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_sso_url: Option<String>,
    /// Signing certificate of the identity provider (X.509).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_certificate: Option<String>,
    /// URL of the identity provider's metadata; wins over the individual IdP fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata_url: Option<String>,
    /// The identity provider's metadata XML; wins over the individual IdP fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata: Option<String>,
    /// Organization the connection's users join.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Names of the SAML attributes carrying the user's properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_mapping: Option<SamlAttributeMappingParams>,
    /// Whether the identity provider must authenticate the user again (ForceAuthn).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_authn: Option<bool>,
    /// The `login_hint` to send on sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_hint: Option<SamlLoginHint>,
}

impl CreateSamlConnectionParams {
    /// A connection named `name` to `provider` for the given email domains.
    pub fn new<I>(name: impl Into<String>, provider: SamlConnectionProvider, domains: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self {
            name: name.into(),
            domain: None,
            domains: domains.into_iter().map(Into::into).collect(),
            provider,
            idp_entity_id: None,
            idp_sso_url: None,
            idp_certificate: None,
            idp_metadata_url: None,
            idp_metadata: None,
            organization_id: None,
            attribute_mapping: None,
            force_authn: None,
            login_hint: None,
        }
    }
}

setters! { CreateSamlConnectionParams {
    opt domain: String,
    opt idp_entity_id: String,
    opt idp_sso_url: String,
    opt idp_certificate: String,
    opt idp_metadata_url: String,
    opt idp_metadata: String,
    opt organization_id: String,
    opt attribute_mapping: SamlAttributeMappingParams,
    opt force_authn: bool,
    opt login_hint: SamlLoginHint,
} }

/// JSON body of `PATCH /saml_connections/{saml_connection_id}`: only the given fields
/// change.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateSamlConnectionParams {
    /// New display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Single email domain (deprecated: use `domains`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// New set of email domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Entity id of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_entity_id: Option<String>,
    /// Single sign-on URL of the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_sso_url: Option<String>,
    /// Signing certificate of the identity provider (X.509).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_certificate: Option<String>,
    /// URL of the identity provider's metadata; wins over (and replaces) the individual
    /// IdP fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata_url: Option<String>,
    /// The identity provider's metadata XML; wins over the individual IdP fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_metadata: Option<String>,
    /// Organization the connection's users join.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Names of the SAML attributes carrying the user's properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_mapping: Option<SamlAttributeMappingParams>,
    /// Turns the connection on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether user attributes are updated at each sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync_user_attributes: Option<bool>,
    /// Whether email addresses at subdomains match too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_subdomains: Option<bool>,
    /// Whether sign-ins started at the identity provider are accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_idp_initiated: Option<bool>,
    /// Whether users of the connection are kept from adding other identifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_additional_identifications: Option<bool>,
    /// Whether accounts may be linked through organization membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_organization_account_linking: Option<bool>,
    /// Whether the identity provider must authenticate the user again (ForceAuthn).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_authn: Option<bool>,
    /// The `login_hint` to send on sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_hint: Option<SamlLoginHint>,
    /// When turning the connection on while verified organization domains (used for
    /// automatic invitations or suggestions) exist for the same domains: `true` removes
    /// them, otherwise the request fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_verified_domains_deletion: Option<bool>,
}

setters! { UpdateSamlConnectionParams {
    opt name: String,
    opt domain: String,
    opt idp_entity_id: String,
    opt idp_sso_url: String,
    opt idp_certificate: String,
    opt idp_metadata_url: String,
    opt idp_metadata: String,
    opt organization_id: String,
    opt attribute_mapping: SamlAttributeMappingParams,
    opt active: bool,
    opt sync_user_attributes: bool,
    opt allow_subdomains: bool,
    opt allow_idp_initiated: bool,
    opt disable_additional_identifications: bool,
    opt allow_organization_account_linking: bool,
    opt force_authn: bool,
    opt login_hint: SamlLoginHint,
    opt consent_verified_domains_deletion: bool,
} }

impl UpdateSamlConnectionParams {
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
}
