//! The stand-in's organizations: create (the creator becomes an admin), list with Clerk's
//! filters and orders, fetch by id or slug, update, delete (taking memberships and invitations
//! along) and metadata merge or replace.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::reply::{list, ok, page, ApiError, Body, Params, Reply};
use super::shared::{
    merge_metadata, missing_resource, order_by, parse_time, reject_unknown, sort_items,
    value_invalid, Signed,
};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{Metadata, Organization};

/// Every organization, oldest first (the order ties of a sort fall back on).
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Organization>,
}

impl Table {
    /// The organization with this id.
    pub fn get(&self, id: &str) -> Option<&Organization> {
        self.rows.iter().find(|o| o.id == id)
    }

    /// The organization a path segment names: Clerk reads `org_...` as an id, anything else
    /// as a slug.
    pub fn find(&self, key: &str) -> Option<&Organization> {
        self.position(key).map(|i| &self.rows[i])
    }

    /// The organization a path segment names, for changes.
    pub fn find_mut(&mut self, key: &str) -> Option<&mut Organization> {
        let index = self.position(key)?;
        self.rows.get_mut(index)
    }

    fn position(&self, key: &str) -> Option<usize> {
        if key.starts_with("org_") {
            self.rows.iter().position(|o| o.id == key)
        } else {
            self.rows.iter().position(|o| o.slug == key)
        }
    }

    fn slug_taken(&self, slug: &str, except: Option<&str>) -> bool {
        self.rows
            .iter()
            .any(|o| o.slug == slug && Some(o.id.as_str()) != except)
    }
}

/// The routes of organizations.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/organizations", get(list_organizations).post(create))
        .route(
            "/organizations/{organization_id}",
            get(get_one).patch(update).delete(delete),
        )
        .route(
            "/organizations/{organization_id}/metadata",
            patch(merge_metadata_of).put(replace_metadata_of),
        )
}

/// The organization as a response shows it, with member counts when asked for.
fn view(store: &Store, org: &Organization, counts: bool) -> Organization {
    let mut org = org.clone();
    if counts {
        org.members_count = Some(count(store.member_count(&org.id)));
        org.pending_invitations_count = Some(count(store.pending_invitation_count(&org.id)));
    }
    org
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Body of `POST /organizations`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: Option<String>,
    created_by: Option<String>,
    public_metadata: Option<Metadata>,
    private_metadata: Option<Metadata>,
    slug: Option<String>,
    max_allowed_memberships: Option<i64>,
    created_at: Option<String>,
    role_set_key: Option<String>,
}

fn check_name(name: Option<String>) -> Result<String, ApiError> {
    let name = name.map(|n| n.trim().to_owned()).unwrap_or_default();
    if name.is_empty() {
        return Err(ApiError::missing("name"));
    }
    if name.chars().count() > 256 {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_max_length_exceeded",
            "exceeds maximum length",
            "name should not exceed 256 characters.",
        )
        .param("name"));
    }
    let lower = name.to_ascii_lowercase();
    if lower.contains("://") || (name.contains('<') && name.contains('>')) {
        return Err(value_invalid(
            "name",
            format!("The organization name {name:?} is invalid: it may not contain URLs or HTML."),
        ));
    }
    Ok(name)
}

fn check_slug(store: &Store, slug: &str, except: Option<&str>) -> Result<(), ApiError> {
    let well_formed = !slug.is_empty()
        && slug
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
    if !well_formed {
        return Err(ApiError::invalid(
            "slug",
            "slug can contain only lowercase alphanumeric characters and the dash \"-\".",
        ));
    }
    if store.organizations.slug_taken(slug, except) {
        return Err(ApiError::identifier_exists("slug", "slug"));
    }
    Ok(())
}

fn check_limit(value: Option<i64>) -> Result<Option<i64>, ApiError> {
    match value {
        Some(n) if n < 0 => Err(value_invalid(
            "max_allowed_memberships",
            "max_allowed_memberships must be 0 or more.",
        )),
        other => Ok(other),
    }
}

/// A slug from the name (`Acme, Inc.` -> `acme-inc`), made unique with a suffix if taken.
fn derive_slug(store: &Store, name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let base = slug.trim_matches('-').to_owned();
    let base = if base.is_empty() {
        "org".to_owned()
    } else {
        base
    };
    let mut candidate = base.clone();
    while store.organizations.slug_taken(&candidate, None) {
        let suffix: String = new_id("x")[2..8].to_ascii_lowercase();
        candidate = format!("{base}-{suffix}");
    }
    candidate
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    let name = check_name(body.name)?;
    let max_allowed_memberships = check_limit(body.max_allowed_memberships)?.unwrap_or(0);
    let now = now_ms();
    let created_at = match &body.created_at {
        Some(text) => parse_time("created_at", text)?,
        None => now,
    };
    if let Some(creator) = &body.created_by {
        if !store.user_exists(creator) {
            return Err(ApiError::bad_request(
                "organization_creator_not_found",
                format!("No users found with id {creator}."),
            ));
        }
    }
    let slug = match body.slug {
        Some(slug) => {
            check_slug(&store, &slug, None)?;
            slug
        }
        None => derive_slug(&store, &name),
    };
    let id = new_id("org");
    let org = Organization {
        object: "organization".to_owned(),
        // `organization_logos.rs` restores this URL when the logo is deleted.
        image_url: Some(format!("https://img.clerk.com/standin/{id}")),
        id,
        name,
        slug,
        has_image: false,
        members_count: None,
        missing_member_with_elevated_permissions: None,
        pending_invitations_count: None,
        max_allowed_memberships,
        admin_delete_enabled: true,
        public_metadata: body.public_metadata.unwrap_or_default(),
        private_metadata: Some(body.private_metadata.unwrap_or_default()),
        created_by: body.created_by.clone(),
        created_at,
        updated_at: now,
        last_active_at: None,
        role_set_key: body.role_set_key,
    };
    store.organizations.rows.push(org.clone());
    store.emit("organization.created", &org);
    if let Some(creator) = body.created_by {
        store.add_member(&org.id, &creator, "org:admin");
    }
    ok(org)
}

/// Query of `GET /organizations`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    include_members_count: Option<bool>,
    include_missing_member_with_elevated_permissions: Option<bool>,
    query: Option<String>,
    user_id: Vec<String>,
    organization_id: Vec<String>,
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list_organizations(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let store = inner.store();
    let (field, descending) = order_by(
        q.order_by.as_deref(),
        "-created_at",
        &["name", "created_at", "members_count"],
    )?;
    let users = Signed::parse(&q.user_id);
    let ids = Signed::parse(&q.organization_id);
    let query = q.query.as_deref().filter(|text| !text.is_empty());
    let needle = query.map(str::to_lowercase);
    let mut matches: Vec<&Organization> = store
        .organizations
        .rows
        .iter()
        .filter(|o| ids.admits(|id| id == o.id))
        .filter(|o| users.admits(|user| store.is_member(&o.id, user)))
        .filter(|o| match (query, &needle) {
            (Some(exact), Some(n)) => {
                o.id == exact || o.name.to_lowercase().contains(n) || o.slug.contains(n.as_str())
            }
            _ => true,
        })
        .collect();
    match field.as_str() {
        "name" => sort_items(&mut matches, descending, |o| o.name.to_lowercase()),
        "members_count" => sort_items(&mut matches, descending, |o| store.member_count(&o.id)),
        _ => sort_items(&mut matches, descending, |o| o.created_at),
    }
    let total = matches.len();
    let counts = q.include_members_count.unwrap_or(false);
    let elevated = q
        .include_missing_member_with_elevated_permissions
        .unwrap_or(false);
    let data = page(&matches, q.limit, q.offset)?
        .into_iter()
        .map(|o| {
            let mut org = view(&store, o, counts);
            if elevated {
                org.missing_member_with_elevated_permissions = Some(!store.has_admin(&o.id));
            }
            org
        })
        .collect();
    list(data, total)
}

/// Query of `GET /organizations/{organization_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct GetQuery {
    include_members_count: Option<bool>,
    include_missing_member_with_elevated_permissions: Option<bool>,
}

async fn get_one(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Params(q): Params<GetQuery>,
) -> Reply {
    let store = inner.store();
    let org = store.organization(&key)?;
    let mut shown = view(&store, org, q.include_members_count.unwrap_or(false));
    if q.include_missing_member_with_elevated_permissions
        .unwrap_or(false)
    {
        shown.missing_member_with_elevated_permissions = Some(!store.has_admin(&org.id));
    }
    ok(shown)
}

/// Body of `PATCH /organizations/{organization_id}`; anything else is refused, as the API
/// refuses metadata here since 2026-05-12.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    name: Option<String>,
    slug: Option<String>,
    max_allowed_memberships: Option<i64>,
    admin_delete_enabled: Option<bool>,
    created_at: Option<String>,
    role_set_key: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn update(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    let mut store = inner.store();
    reject_unknown(&body.unknown)?;
    let index = store
        .organizations
        .position(&key)
        .ok_or_else(|| missing_resource("organization", &key))?;
    let id = store.organizations.rows[index].id.clone();
    let name = body.name.map(|n| check_name(Some(n))).transpose()?;
    if let Some(slug) = &body.slug {
        check_slug(&store, slug, Some(&id))?;
    }
    let limit = check_limit(body.max_allowed_memberships)?;
    let created_at = body
        .created_at
        .as_deref()
        .map(|t| parse_time("created_at", t))
        .transpose()?;
    let org = &mut store.organizations.rows[index];
    if let Some(name) = name {
        org.name = name;
    }
    if let Some(slug) = body.slug {
        org.slug = slug;
    }
    if let Some(limit) = limit {
        org.max_allowed_memberships = limit;
    }
    if let Some(enabled) = body.admin_delete_enabled {
        org.admin_delete_enabled = enabled;
    }
    if let Some(created_at) = created_at {
        org.created_at = created_at;
    }
    if body.role_set_key.is_some() {
        org.role_set_key = body.role_set_key;
    }
    org.updated_at = now_ms();
    let org = org.clone();
    store.emit("organization.updated", &org);
    ok(org)
}

async fn delete(State(inner): State<Shared>, Path(key): Path<String>) -> Reply {
    let mut store = inner.store();
    let index = store
        .organizations
        .position(&key)
        .ok_or_else(|| missing_resource("organization", &key))?;
    let org = store.organizations.rows.remove(index);
    store.forget_organization(&org.id);
    let deleted =
        json!({ "object": "organization", "id": org.id, "slug": org.slug, "deleted": true });
    store.emit("organization.deleted", &deleted);
    ok(deleted)
}

/// Body of both metadata endpoints of an organization.
#[derive(Debug, Deserialize)]
struct MetadataBody {
    public_metadata: Option<Metadata>,
    private_metadata: Option<Metadata>,
}

async fn merge_metadata_of(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<MetadataBody>,
) -> Reply {
    set_metadata(&inner, &key, body, true)
}

async fn replace_metadata_of(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<MetadataBody>,
) -> Reply {
    set_metadata(&inner, &key, body, false)
}

fn set_metadata(inner: &Shared, key: &str, body: MetadataBody, merge: bool) -> Reply {
    let mut store = inner.store();
    let index = store
        .organizations
        .position(key)
        .ok_or_else(|| missing_resource("organization", key))?;
    let org = &mut store.organizations.rows[index];
    if let Some(public) = body.public_metadata {
        if merge {
            merge_metadata(&mut org.public_metadata, public);
        } else {
            org.public_metadata = public;
        }
    }
    if let Some(private) = body.private_metadata {
        let stored = org.private_metadata.get_or_insert_with(Metadata::new);
        if merge {
            merge_metadata(stored, private);
        } else {
            *stored = private;
        }
    }
    org.updated_at = now_ms();
    let org = org.clone();
    store.emit("organization.updated", &org);
    ok(org)
}
