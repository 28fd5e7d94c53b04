//! The protocol settings of an enterprise connection as request bodies give them (`saml`,
//! `oidc`, `custom_attributes`) and how they apply to the stored connection, with the
//! activation rule. The model shows no IdP certificate, metadata XML or OIDC client
//! secret, so they are accepted and not kept.

use serde::Deserialize;
use serde_json::Value;

use super::reply::ApiError;
use crate::models::{
    EnterpriseConnection, EnterpriseConnectionCustomAttribute, EnterpriseConnectionOAuthConfig,
    EnterpriseConnectionSaml, SamlLoginHint,
};

/// The SAML settings of a body; the certificate and metadata XML count towards activation
/// but are not kept (the model does not show them).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SamlBody {
    name: Option<String>,
    idp_entity_id: Option<String>,
    idp_sso_url: Option<String>,
    idp_certificate: Option<String>,
    idp_metadata_url: Option<String>,
    idp_metadata: Option<String>,
    #[allow(dead_code)] // accepted: the model shows no attribute mapping
    attribute_mapping: Option<Value>,
    allow_subdomains: Option<bool>,
    allow_idp_initiated: Option<bool>,
    force_authn: Option<bool>,
    login_hint: Option<SamlLoginHint>,
}

/// The OIDC settings of a body; the client secret is not kept.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OidcBody {
    client_id: Option<String>,
    #[allow(dead_code)] // accepted: answers never show the secret
    client_secret: Option<String>,
    discovery_url: Option<String>,
    auth_url: Option<String>,
    token_url: Option<String>,
    user_info_url: Option<String>,
    requires_pkce: Option<bool>,
}

/// A custom attribute as a body gives it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AttributeBody {
    name: String,
    key: String,
    sso_path: Option<String>,
    scim_path: Option<String>,
    directory_path: Option<String>,
    multi_valued: Option<bool>,
}

/// The stored custom attributes of a body's list.
pub(super) fn attributes(given: Vec<AttributeBody>) -> Vec<EnterpriseConnectionCustomAttribute> {
    given
        .into_iter()
        .map(|a| EnterpriseConnectionCustomAttribute {
            name: a.name,
            key: a.key,
            sso_path: a.sso_path,
            scim_path: a.scim_path,
            directory_path: a.directory_path,
            multi_valued: a.multi_valued,
        })
        .collect()
}

/// Applies a body's SAML settings; answers whether it gave the IdP's metadata XML or
/// certificate, which are not kept.
pub(super) fn apply_saml(saml: &mut EnterpriseConnectionSaml, body: SamlBody) -> bool {
    for (slot, value) in [
        (&mut saml.name, body.name),
        (&mut saml.idp_entity_id, body.idp_entity_id),
        (&mut saml.idp_sso_url, body.idp_sso_url),
        (&mut saml.idp_metadata_url, body.idp_metadata_url),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    for (slot, value) in [
        (&mut saml.allow_subdomains, body.allow_subdomains),
        (&mut saml.allow_idp_initiated, body.allow_idp_initiated),
        (&mut saml.force_authn, body.force_authn),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    if body.login_hint.is_some() {
        saml.login_hint = body.login_hint;
    }
    body.idp_metadata.is_some() || body.idp_certificate.is_some()
}

/// Applies a body's OIDC settings.
pub(super) fn apply_oidc(oauth: &mut EnterpriseConnectionOAuthConfig, body: OidcBody, now: i64) {
    for (slot, value) in [
        (&mut oauth.client_id, body.client_id),
        (&mut oauth.discovery_url, body.discovery_url),
        (&mut oauth.auth_url, body.auth_url),
        (&mut oauth.token_url, body.token_url),
        (&mut oauth.user_info_url, body.user_info_url),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    if body.requires_pkce.is_some() {
        oauth.requires_pkce = body.requires_pkce;
    }
    oauth.updated_at = Some(now);
}

/// An active SAML connection needs its identity provider: a metadata URL, metadata XML or
/// a certificate given in this request, or an entity id and an SSO URL. 422 otherwise.
pub(super) fn check_activation(c: &EnterpriseConnection, idp_given: bool) -> Result<(), ApiError> {
    let Some(saml) = c.saml_connection.as_ref().filter(|_| c.active) else {
        return Ok(());
    };
    let has = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    if idp_given || has(&saml.idp_metadata_url) {
        return Ok(());
    }
    if !has(&saml.idp_entity_id) {
        return Err(ApiError::missing("saml.idp_entity_id"));
    }
    if !has(&saml.idp_sso_url) {
        return Err(ApiError::missing("saml.idp_sso_url"));
    }
    Ok(())
}
