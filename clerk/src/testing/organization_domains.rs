//! The email domains of organizations, on the generic table: add, change, verify ownership
//! and remove, under `/organizations/{organization_id}/domains`, each change announced by an
//! `organizationDomain.*` event. The lists are `organization_domain_lists.rs`.
//!
//! The rules of their own: a name is a lowercase host name with a dot and belongs to one
//! organization of the instance at most; the enrollment mode is `manual_invitation` unless
//! told otherwise, and the automatic modes need a verified domain; `enterprise_sso` needs an
//! enterprise connection, which the stand-in does not have. Domains start verified unless
//! `verified: false` is sent.

use axum::extract::{Path, State};
use axum::routing::{patch, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::domain_rules::{
    enrollment_mode, is_verified, ownership_verified, verification, well_formed,
};
use super::reply::{ok, ApiError, Body, Reply};
use super::resource::{row_accessors, Key, Listing, Resource, Table};
use super::shared::{missing_resource, reject_unknown};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{OrganizationDomain, OrganizationInvitationPublicOrganizationData};

impl Resource for OrganizationDomain {
    const OBJECT: &'static str = "organization_domain";
    const NAME: &'static str = "organization domain";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "name"];
    fn order_key(&self, field: &str) -> Key {
        match field {
            "name" => Key::Text(self.name.clone()),
            _ => Key::Int(self.created_at),
        }
    }
    row_accessors!(organization_domains);
}

/// The organization id a path names (its id or slug), or Clerk's 404.
fn organization_id(store: &Store, key: &str) -> Result<String, ApiError> {
    Ok(store.organization(key)?.id.clone())
}

/// Body of `POST /organizations/{organization_id}/domains`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: String,
    enrollment_mode: Option<String>,
    verified: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /organizations/{organization_id}/domains`.
async fn create(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<CreateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let org = store.organization(&key)?.clone();
    let name = body.name.trim().to_ascii_lowercase();
    if name.is_empty() {
        return Err(ApiError::missing("name"));
    }
    if !well_formed(&name) {
        return Err(ApiError::invalid(
            "name",
            format!("{name} is not a valid domain name, such as example.com."),
        ));
    }
    if store
        .organization_domains
        .find(|d| d.name == name)
        .is_some()
    {
        return Err(ApiError::identifier_exists("name", "domain"));
    }
    let verified = body.verified.unwrap_or(true);
    let mode = enrollment_mode(
        body.enrollment_mode
            .as_deref()
            .unwrap_or("manual_invitation"),
        verified,
    )?;
    let now = now_ms();
    let domain = OrganizationDomain {
        object: OrganizationDomain::OBJECT.to_owned(),
        id: new_id("orgdmn"),
        organization_id: org.id.clone(),
        name,
        enrollment_mode: mode,
        affiliation_email_address: None,
        affiliation_verification: verification(verified, now),
        ownership_verification: None,
        verification: verification(verified, now),
        total_pending_invitations: 0,
        total_pending_suggestions: 0,
        public_organization_data: Some(OrganizationInvitationPublicOrganizationData {
            id: org.id,
            name: org.name,
            slug: org.slug,
            image_url: org.image_url,
            has_image: org.has_image,
        }),
        created_at: now,
        updated_at: now,
    };
    let domain = store.organization_domains.insert(domain);
    store.emit("organizationDomain.created", &domain);
    ok(domain)
}

/// The domain `id` of the organization, or a 404 for either.
fn locate<'s>(
    store: &'s mut Store,
    key: &str,
    id: &str,
) -> Result<&'s mut OrganizationDomain, ApiError> {
    let org_id = organization_id(store, key)?;
    let domain = store.organization_domains.get_mut(id)?;
    if domain.organization_id == org_id {
        Ok(domain)
    } else {
        Err(missing_resource(OrganizationDomain::NAME, id))
    }
}

/// Body of `PATCH /organizations/{organization_id}/domains/{domain_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdateBody {
    enrollment_mode: Option<String>,
    verified: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /organizations/{organization_id}/domains/{domain_id}`.
async fn update(
    State(inner): State<Shared>,
    Path((key, id)): Path<(String, String)>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let domain = locate(&mut store, &key, &id)?;
    let now = now_ms();
    let verified = body.verified.unwrap_or_else(|| is_verified(domain));
    let mode = match body.enrollment_mode.as_deref() {
        Some(raw) => enrollment_mode(raw, verified)?,
        None => enrollment_mode(domain.enrollment_mode.as_str(), verified)?,
    };
    if body.verified.is_some_and(|v| v != is_verified(domain)) {
        domain.affiliation_verification = verification(verified, now);
        domain.verification = verification(verified, now);
    }
    domain.enrollment_mode = mode;
    domain.updated_at = now;
    let domain = domain.clone();
    store.emit("organizationDomain.updated", &domain);
    ok(domain)
}

/// `DELETE /organizations/{organization_id}/domains/{domain_id}`.
async fn remove(State(inner): State<Shared>, Path((key, id)): Path<(String, String)>) -> Reply {
    let mut store = inner.store();
    locate(&mut store, &key, &id)?;
    store.organization_domains.remove(&id)?;
    let gone = json!({ "object": OrganizationDomain::OBJECT, "id": id, "deleted": true });
    store.emit("organizationDomain.deleted", &gone);
    ok(gone)
}

/// `POST /organizations/{organization_id}/domains/{domain_id}/verify_ownership`: ownership
/// becomes verified by `manual_override`, skipping the DNS TXT challenge. Idempotent, as the
/// spec says: a domain already verified is answered as it is, with no event.
async fn verify_ownership(
    State(inner): State<Shared>,
    Path((key, id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    let domain = locate(&mut store, &key, &id)?;
    if ownership_verified(domain) {
        return ok(domain.clone());
    }
    let now = now_ms();
    domain.ownership_verification = verification(true, now);
    domain.updated_at = now;
    let domain = domain.clone();
    store.emit("organizationDomain.updated", &domain);
    ok(domain)
}

/// The routes that change organization domains.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/organizations/{organization_id}/domains", post(create))
        .route(
            "/organizations/{organization_id}/domains/{domain_id}",
            patch(update).delete(remove),
        )
        .route(
            "/organizations/{organization_id}/domains/{domain_id}/verify_ownership",
            post(verify_ownership),
        )
}
