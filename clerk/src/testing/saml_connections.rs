//! Legacy SAML connections on the generic layer: list (`{data, total_count}`, with the
//! `query` and `organization_id` filters), create, get, update, delete.
//!
//! Rules of their own: `provider` is one of Clerk's four SAML providers, a connection has
//! at least one email domain and a domain routes to one SSO connection only (409 when
//! another SAML or enterprise connection holds it, through [`Store::claim_sso_domains`]),
//! and activating one needs the identity provider's settings (its metadata, or its entity
//! id, SSO URL and certificate).

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Params, Reply};
use super::resource::{
    answer_list, create, fetch, remove, Context, Create, Key, ListQuery, Listing, Resource, Table,
};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{SamlAttributeMapping, SamlConnection, SamlConnectionProvider, SamlLoginHint};

/// The providers Clerk accepts for a SAML connection.
const PROVIDERS: [&str; 4] = ["saml_custom", "saml_okta", "saml_google", "saml_microsoft"];

impl Resource for SamlConnection {
    const OBJECT: &'static str = "saml_connection";
    const NAME: &'static str = "SAML connection";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "updated_at", "name"];
    fn order_key(&self, field: &str) -> Key {
        match field {
            "name" => Key::Text(self.name.clone().unwrap_or_default().to_lowercase()),
            "updated_at" => Key::Int(self.updated_at()),
            _ => Key::Int(self.created_at()),
        }
    }
    // The model's fields are optional (Clerk's answers leave some out); stored rows fill them.
    fn id(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
    fn created_at(&self) -> i64 {
        self.created_at.unwrap_or_default()
    }
    fn updated_at(&self) -> i64 {
        self.updated_at.unwrap_or_default()
    }
    fn table(store: &Store) -> &Table<Self> {
        &store.saml_connections
    }
    fn table_mut(store: &mut Store) -> &mut Table<Self> {
        &mut store.saml_connections
    }
}

/// Attribute names as a body gives them; unset ones keep their value.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MappingBody {
    user_id: Option<String>,
    email_address: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
}

impl MappingBody {
    /// Applies the given names to `mapping`.
    fn apply(self, mapping: &mut SamlAttributeMapping) {
        for (slot, value) in [
            (&mut mapping.user_id, self.user_id),
            (&mut mapping.email_address, self.email_address),
            (&mut mapping.first_name, self.first_name),
            (&mut mapping.last_name, self.last_name),
        ] {
            if let Some(value) = value {
                *slot = value;
            }
        }
    }
}

/// Body of `POST /saml_connections`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateBody {
    name: String,
    provider: String,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    domains: Option<Vec<String>>,
    #[serde(default)]
    idp_entity_id: Option<String>,
    #[serde(default)]
    idp_sso_url: Option<String>,
    #[serde(default)]
    idp_certificate: Option<String>,
    #[serde(default)]
    idp_metadata_url: Option<String>,
    #[serde(default)]
    idp_metadata: Option<String>,
    #[serde(default)]
    organization_id: Option<String>,
    #[serde(default)]
    attribute_mapping: Option<MappingBody>,
    #[serde(default)]
    force_authn: Option<bool>,
    #[serde(default)]
    login_hint: Option<SamlLoginHint>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// The domains of a body: `domains`, or the deprecated single `domain` (spec: one of them).
fn given_domains(domain: Option<String>, domains: Option<Vec<String>>) -> Option<Vec<String>> {
    domains.or_else(|| domain.map(|d| vec![d]))
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

/// Activation needs the identity provider: its metadata (URL or XML), or its entity id, SSO
/// URL and certificate. 422 `form_param_missing` naming the first absent one.
fn check_activation(c: &SamlConnection) -> Result<(), ApiError> {
    let given = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    if given(&c.idp_metadata_url) || given(&c.idp_metadata) {
        return Ok(());
    }
    for (param, value) in [
        ("idp_entity_id", &c.idp_entity_id),
        ("idp_sso_url", &c.idp_sso_url),
        ("idp_certificate", &c.idp_certificate),
    ] {
        if !given(value) {
            return Err(ApiError::missing(param));
        }
    }
    Ok(())
}

impl Create for SamlConnection {
    type Params = CreateBody;

    fn create(store: &mut Store, cx: &Context<'_>, body: CreateBody) -> Result<Self, ApiError> {
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
        let domains = given_domains(body.domain, body.domains).unwrap_or_default();
        let domains = store.claim_sso_domains("domains", &domains, None)?;
        check_organization(store, body.organization_id.as_deref())?;
        let id = new_id("samlc");
        let mut mapping = SamlAttributeMapping {
            user_id: String::new(),
            email_address: String::new(),
            first_name: String::new(),
            last_name: String::new(),
        };
        if let Some(given) = body.attribute_mapping {
            given.apply(&mut mapping);
        }
        Ok(Self {
            object: Some(Self::OBJECT.to_owned()),
            name: Some(body.name),
            domain: domains.first().cloned(),
            domains: Some(domains),
            idp_entity_id: body.idp_entity_id,
            idp_sso_url: body.idp_sso_url,
            idp_certificate: body.idp_certificate,
            idp_certificate_issued_at: None,
            idp_certificate_expires_at: None,
            idp_metadata_url: body.idp_metadata_url,
            idp_metadata: body.idp_metadata,
            acs_url: Some(format!("{}/v1/saml/acs/{id}", cx.origin)),
            sp_entity_id: Some(format!("{}/saml/{id}", cx.origin)),
            sp_metadata_url: Some(format!("{}/v1/saml/metadata/{id}", cx.origin)),
            organization_id: body.organization_id,
            attribute_mapping: Some(mapping),
            // Clerk creates connections inactive; PATCH `active` turns them on.
            active: Some(false),
            provider: body.provider.parse::<SamlConnectionProvider>().ok(),
            user_count: Some(0),
            sync_user_attributes: Some(true),
            allow_subdomains: Some(false),
            allow_idp_initiated: Some(false),
            disable_additional_identifications: Some(false),
            allow_organization_account_linking: Some(false),
            authenticatable: Some(false),
            force_authn: Some(body.force_authn.unwrap_or(false)),
            login_hint: body.login_hint,
            disable_jit_provisioning: Some(false),
            enterprise_connection_id: None,
            created_at: Some(cx.now),
            updated_at: Some(cx.now),
            id: Some(id),
        })
    }
}

/// Query of `GET /saml_connections`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListParams {
    limit: Option<i64>,
    offset: Option<i64>,
    query: Option<String>,
    order_by: Option<String>,
    organization_id: Vec<String>,
}

/// `GET /saml_connections`: `query` matches part of the name or a domain; each
/// `organization_id` keeps that organization's connections.
async fn list(State(inner): State<Shared>, Params(q): Params<ListParams>) -> Reply {
    let needle = q.query.as_deref().map(|s| s.trim().to_lowercase());
    let rows: Vec<SamlConnection> = inner
        .store()
        .saml_connections
        .rows()
        .iter()
        .filter(|c| {
            needle.as_deref().is_none_or(|n| {
                c.name
                    .as_deref()
                    .unwrap_or_default()
                    .to_lowercase()
                    .contains(n)
                    || c.domains.iter().flatten().any(|d| d.contains(n))
            })
        })
        .filter(|c| {
            q.organization_id.is_empty()
                || c.organization_id
                    .as_ref()
                    .is_some_and(|o| q.organization_id.contains(o))
        })
        .cloned()
        .collect();
    let query = ListQuery {
        limit: q.limit,
        offset: q.offset,
        order_by: q.order_by,
        ..ListQuery::default()
    };
    answer_list(rows, &query)
}

/// Body of `PATCH /saml_connections/{saml_connection_id}`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    domains: Option<Vec<String>>,
    #[serde(default)]
    idp_entity_id: Option<String>,
    #[serde(default)]
    idp_sso_url: Option<String>,
    #[serde(default)]
    idp_certificate: Option<String>,
    #[serde(default)]
    idp_metadata_url: Option<String>,
    #[serde(default)]
    idp_metadata: Option<String>,
    #[serde(default)]
    organization_id: Option<String>,
    #[serde(default)]
    attribute_mapping: Option<MappingBody>,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    sync_user_attributes: Option<bool>,
    #[serde(default)]
    allow_subdomains: Option<bool>,
    #[serde(default)]
    allow_idp_initiated: Option<bool>,
    #[serde(default)]
    disable_additional_identifications: Option<bool>,
    #[serde(default)]
    allow_organization_account_linking: Option<bool>,
    #[serde(default)]
    force_authn: Option<bool>,
    #[serde(default)]
    login_hint: Option<SamlLoginHint>,
    #[serde(default)]
    #[allow(dead_code)]
    // accepted: the stand-in does not tie SSO domains to organization domains
    consent_verified_domains_deletion: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /saml_connections/{saml_connection_id}`: the given fields change; the domains
/// are checked as at creation, and turning the connection on needs the IdP's settings.
async fn update(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let mut row = store.saml_connections.get(&id)?.clone();
    if let Some(domains) = given_domains(body.domain, body.domains) {
        let domains = store.claim_sso_domains("domains", &domains, Some(&id))?;
        row.domain = domains.first().cloned();
        row.domains = Some(domains);
    }
    check_organization(&store, body.organization_id.as_deref())?;
    if body.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::missing("name"));
    }
    for (slot, value) in [
        (&mut row.name, body.name),
        (&mut row.idp_entity_id, body.idp_entity_id),
        (&mut row.idp_sso_url, body.idp_sso_url),
        (&mut row.idp_certificate, body.idp_certificate),
        (&mut row.idp_metadata_url, body.idp_metadata_url),
        (&mut row.idp_metadata, body.idp_metadata),
        (&mut row.organization_id, body.organization_id),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    for (slot, value) in [
        (&mut row.active, body.active),
        (&mut row.sync_user_attributes, body.sync_user_attributes),
        (&mut row.allow_subdomains, body.allow_subdomains),
        (&mut row.allow_idp_initiated, body.allow_idp_initiated),
        (
            &mut row.disable_additional_identifications,
            body.disable_additional_identifications,
        ),
        (
            &mut row.allow_organization_account_linking,
            body.allow_organization_account_linking,
        ),
        (&mut row.force_authn, body.force_authn),
    ] {
        if value.is_some() {
            *slot = value;
        }
    }
    if let Some(mapping) = body.attribute_mapping {
        if let Some(stored) = row.attribute_mapping.as_mut() {
            mapping.apply(stored);
        }
    }
    if body.login_hint.is_some() {
        row.login_hint = body.login_hint;
    }
    if row.active == Some(true) {
        check_activation(&row)?;
    }
    row.authenticatable = row.active;
    row.updated_at = Some(now_ms());
    *store.saml_connections.get_mut(&id)? = row.clone();
    ok(row)
}

/// The routes of SAML connections.
pub(super) fn routes() -> Router<Shared> {
    type Row = SamlConnection;
    Router::new()
        .route("/saml_connections", get(list).post(create::<Row>))
        .route(
            "/saml_connections/{saml_connection_id}",
            get(fetch::<Row>).patch(update).delete(remove::<Row>),
        )
}
