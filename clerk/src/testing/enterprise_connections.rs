//! Enterprise SSO connections (SAML and OIDC) on the generic layer, with their test runs.
//!
//! Rules of their own: `provider` is one of Clerk's seven, at least one email domain (FQDNs,
//! lowercased) that no other SAML or enterprise connection routes
//! ([`Store::claim_sso_domains`], 409 otherwise), a linked organization must exist (404),
//! and an active SAML connection needs its identity provider (metadata URL or XML, or
//! entity id and SSO URL). Create answers 201, as the spec says. The model shows no IdP
//! certificate, metadata XML or OIDC client secret, so the stand-in does not keep them.
//! No identity provider ever answers the stand-in, so a connection has no test runs; the
//! test-run URL it hands out starts nothing.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{list as envelope, ok, page, ApiError, Body, Params, Reply};
use super::resource::{
    answer_list, fetch, remove, row_accessors, ListQuery, Listing, Resource, Table,
};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{
    EnterpriseConnection, EnterpriseConnectionCustomAttribute, EnterpriseConnectionOAuthConfig,
    EnterpriseConnectionProvider, EnterpriseConnectionSaml, EnterpriseConnectionTestRun,
    EnterpriseConnectionTestRunUrl, SamlLoginHint,
};

/// The providers Clerk accepts.
const PROVIDERS: [&str; 7] = [
    "saml_custom",
    "saml_okta",
    "saml_google",
    "saml_microsoft",
    "oidc_custom",
    "oidc_github_enterprise",
    "oidc_gitlab",
];

impl Resource for EnterpriseConnection {
    const OBJECT: &'static str = "enterprise_connection";
    const NAME: &'static str = "enterprise connection";
    const LIST: Listing = Listing::Envelope;
    row_accessors!(enterprise_connections);
}

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
fn attributes(given: Vec<AttributeBody>) -> Vec<EnterpriseConnectionCustomAttribute> {
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
fn apply_saml(saml: &mut EnterpriseConnectionSaml, body: SamlBody) -> bool {
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
fn apply_oidc(oauth: &mut EnterpriseConnectionOAuthConfig, body: OidcBody, now: i64) {
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
fn check_activation(c: &EnterpriseConnection, idp_given: bool) -> Result<(), ApiError> {
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

/// 404 for an organization the instance does not have.
fn check_organization(store: &Store, id: Option<&str>) -> Result<(), ApiError> {
    match id {
        Some(id) if !store.organization_exists(id) => {
            Err(missing_resource("organization", id).param("organization_id"))
        }
        _ => Ok(()),
    }
}

/// Body of `POST /enterprise_connections`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: String,
    provider: String,
    domains: Vec<String>,
    #[serde(default)]
    organization_id: Option<String>,
    #[serde(default)]
    allow_organization_account_linking: Option<bool>,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    saml: Option<SamlBody>,
    #[serde(default)]
    oidc: Option<OidcBody>,
    #[serde(default)]
    custom_attributes: Option<Vec<AttributeBody>>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /enterprise_connections`: 201 with the new connection.
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    if body.name.trim().is_empty() {
        return Err(ApiError::missing("name"));
    }
    if !PROVIDERS.contains(&body.provider.as_str()) {
        return Err(value_invalid(
            "provider",
            format!("{} is not one of {}.", body.provider, PROVIDERS.join(", ")),
        ));
    }
    let mut store = inner.store();
    let domains = store.claim_sso_domains("domains", &body.domains, None)?;
    check_organization(&store, body.organization_id.as_deref())?;
    let now = now_ms();
    let id = new_id("entc");
    let origin = &inner.origin;
    let is_saml = body.provider.starts_with("saml_");
    let mut idp_given = false;
    let saml = is_saml.then(|| {
        let saml_id = new_id("samlc");
        let mut saml = EnterpriseConnectionSaml {
            id: Some(saml_id.clone()),
            name: Some(body.name.clone()),
            idp_entity_id: None,
            idp_sso_url: None,
            idp_metadata_url: None,
            acs_url: Some(format!("{origin}/v1/saml/acs/{saml_id}")),
            sp_entity_id: Some(format!("{origin}/saml/{saml_id}")),
            sp_metadata_url: Some(format!("{origin}/v1/saml/metadata/{saml_id}")),
            active: None,
            allow_idp_initiated: Some(false),
            allow_subdomains: Some(false),
            force_authn: Some(false),
            login_hint: None,
        };
        idp_given = apply_saml(&mut saml, body.saml.unwrap_or_default());
        saml
    });
    let oauth_config = (!is_saml).then(|| {
        let mut oauth = EnterpriseConnectionOAuthConfig {
            id: Some(new_id("oac")),
            name: Some(body.name.clone()),
            provider_key: Some(body.provider.clone()),
            client_id: None,
            discovery_url: None,
            auth_url: None,
            token_url: None,
            user_info_url: None,
            requires_pkce: Some(false),
            logo_public_url: None,
            created_at: Some(now),
            updated_at: Some(now),
        };
        apply_oidc(&mut oauth, body.oidc.unwrap_or_default(), now);
        oauth
    });
    let active = body.active.unwrap_or(false);
    let mut row = EnterpriseConnection {
        object: EnterpriseConnection::OBJECT.to_owned(),
        id,
        name: body.name,
        provider: body
            .provider
            .parse()
            .unwrap_or(EnterpriseConnectionProvider::SamlCustom),
        logo_public_url: None,
        active,
        domains,
        organization_id: body.organization_id,
        sync_user_attributes: Some(true),
        disable_additional_identifications: Some(false),
        allow_organization_account_linking: Some(
            body.allow_organization_account_linking.unwrap_or(false),
        ),
        authenticatable: Some(active),
        disable_jit_provisioning: Some(false),
        custom_attributes: Some(attributes(body.custom_attributes.unwrap_or_default())),
        saml_connection: saml,
        oauth_config,
        created_at: now,
        updated_at: now,
    };
    if let Some(saml) = row.saml_connection.as_mut() {
        saml.active = Some(active);
    }
    check_activation(&row, idp_given)?;
    let row = store.enterprise_connections.insert(row);
    Ok((StatusCode::CREATED, axum::Json(row)).into_response())
}

/// Query of `GET /enterprise_connections`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListParams {
    limit: Option<i64>,
    offset: Option<i64>,
    organization_id: Option<String>,
    active: Option<bool>,
}

/// `GET /enterprise_connections`: `{data, total_count}`, newest first, filtered by
/// organization and by `active`.
async fn list(State(inner): State<Shared>, Params(q): Params<ListParams>) -> Reply {
    let rows: Vec<EnterpriseConnection> = inner
        .store()
        .enterprise_connections
        .rows()
        .iter()
        .filter(|c| q.organization_id.is_none() || c.organization_id == q.organization_id)
        .filter(|c| q.active.is_none_or(|a| c.active == a))
        .cloned()
        .collect();
    let query = ListQuery {
        limit: q.limit,
        offset: q.offset,
        ..ListQuery::default()
    };
    answer_list(rows, &query)
}

/// Body of `PATCH /enterprise_connections/{enterprise_connection_id}`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    domains: Option<Vec<String>>,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    sync_user_attributes: Option<bool>,
    #[serde(default)]
    disable_additional_identifications: Option<bool>,
    #[serde(default)]
    allow_organization_account_linking: Option<bool>,
    #[serde(default)]
    organization_id: Option<String>,
    #[serde(default)]
    saml: Option<SamlBody>,
    #[serde(default)]
    oidc: Option<OidcBody>,
    #[serde(default)]
    custom_attributes: Option<Vec<AttributeBody>>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /enterprise_connections/{enterprise_connection_id}`: the given fields change.
/// An empty `domains` leaves them alone (the spec: "empty array means ignored"); the
/// `saml`/`oidc` settings apply only to a connection of that protocol.
async fn update(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    if body.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::missing("name"));
    }
    let mut store = inner.store();
    let mut row = store.enterprise_connections.get(&id)?.clone();
    if let Some(domains) = body.domains.filter(|d| !d.is_empty()) {
        row.domains = store.claim_sso_domains("domains", &domains, Some(&id))?;
    }
    check_organization(&store, body.organization_id.as_deref())?;
    let now = now_ms();
    if let Some(name) = body.name {
        row.name = name;
    }
    if body.organization_id.is_some() {
        row.organization_id = body.organization_id;
    }
    for (slot, value) in [
        (&mut row.sync_user_attributes, body.sync_user_attributes),
        (
            &mut row.disable_additional_identifications,
            body.disable_additional_identifications,
        ),
        (
            &mut row.allow_organization_account_linking,
            body.allow_organization_account_linking,
        ),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    if let Some(active) = body.active {
        row.active = active;
        row.authenticatable = Some(active);
    }
    let mut idp_given = false;
    if let (Some(saml), Some(given)) = (row.saml_connection.as_mut(), body.saml) {
        idp_given = apply_saml(saml, given);
    }
    if let Some(saml) = row.saml_connection.as_mut() {
        saml.active = Some(row.active);
    }
    if let (Some(oauth), Some(given)) = (row.oauth_config.as_mut(), body.oidc) {
        apply_oidc(oauth, given, now);
    }
    if let Some(given) = body.custom_attributes {
        row.custom_attributes = Some(attributes(given));
    }
    if body.active == Some(true) {
        check_activation(&row, idp_given)?;
    }
    row.updated_at = now;
    *store.enterprise_connections.get_mut(&id)? = row.clone();
    ok(row)
}

/// Query of `GET .../test_runs`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TestRunQuery {
    status: Vec<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET .../test_runs`: 404 for an unknown connection; otherwise its runs, always none.
async fn list_test_runs(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Params(q): Params<TestRunQuery>,
) -> Reply {
    inner.store().enterprise_connections.get(&id)?;
    if let Some(bad) = q
        .status
        .iter()
        .find(|s| !matches!(s.as_str(), "pending" | "success" | "failed"))
    {
        return Err(value_invalid(
            "status",
            format!("{bad} is not one of pending, success, failed."),
        ));
    }
    let runs: Vec<EnterpriseConnectionTestRun> = page(&[], q.limit, q.offset)?;
    envelope(runs, 0)
}

/// `POST .../test_runs`: a URL under the stand-in that would start the IdP flow.
async fn create_test_run(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    inner.store().enterprise_connections.get(&id)?;
    ok(EnterpriseConnectionTestRunUrl {
        url: format!(
            "{}/v1/enterprise_connections/{id}/test_runs/start?token={}",
            inner.origin,
            new_id("tr")
        ),
    })
}

/// The routes of enterprise connections.
pub(super) fn routes() -> Router<Shared> {
    type Row = EnterpriseConnection;
    Router::new()
        .route("/enterprise_connections", get(list).post(create))
        .route(
            "/enterprise_connections/{enterprise_connection_id}",
            get(fetch::<Row>).patch(update).delete(remove::<Row>),
        )
        .route(
            "/enterprise_connections/{enterprise_connection_id}/test_runs",
            get(list_test_runs).post(create_test_run),
        )
}
