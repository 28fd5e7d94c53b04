//! Enterprise SSO connections (SAML and OIDC) on the generic layer, with their test runs.
//!
//! Rules of their own: `provider` is one of Clerk's seven, at least one email domain (FQDNs,
//! lowercased) that no other SAML or enterprise connection routes
//! ([`Store::claim_sso_domains`], 409 otherwise), a linked organization must exist (404),
//! and an active SAML connection needs its identity provider (metadata URL or XML, or
//! entity id and SSO URL). Create answers 201, as the spec says. The protocol settings are
//! in `enterprise_connection_settings.rs`, the test runs in
//! `enterprise_connection_test_runs.rs`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::enterprise_connection_settings::{
    apply_oidc, apply_saml, attributes, check_activation, AttributeBody, OidcBody, SamlBody,
};
use super::reply::{ok, ApiError, Body, Params, Reply};
use super::resource::{
    answer_list, fetch, remove, row_accessors, ListQuery, Listing, Resource, Table,
};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{
    EnterpriseConnection, EnterpriseConnectionOAuthConfig, EnterpriseConnectionProvider,
    EnterpriseConnectionSaml,
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

/// The routes of enterprise connections.
pub(super) fn routes() -> Router<Shared> {
    type Row = EnterpriseConnection;
    Router::new()
        .route("/enterprise_connections", get(list).post(create))
        .route(
            "/enterprise_connections/{enterprise_connection_id}",
            get(fetch::<Row>).patch(update).delete(remove::<Row>),
        )
        .merge(super::enterprise_connection_test_runs::routes())
}
