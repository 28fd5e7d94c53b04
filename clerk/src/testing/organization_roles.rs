//! Organization roles and the permissions they grant (the permissions themselves are
//! `organization_permissions.rs`; their shared rules are `role_rules.rs`).
//!
//! A fresh stand-in has Clerk's eight system permissions (`org:sys_*`) and the two default
//! roles: `org:admin` with every system permission and `org:member` with the two read ones.
//! A role's `permissions` are copies of the permission rows, refreshed through
//! [`Store::change_roles`] when a permission changes or goes. Memberships read a role's
//! permissions through [`Store::role_permissions`] each time they are shown, so a change
//! here reaches every member at once. A role that a membership or a pending invitation
//! holds, or that serves as the creator or default role, cannot be deleted or re-keyed.
//!
//! Each change is announced with the webhook events the spec lists for them
//! (`permission.created/updated/deleted`, `role.created/updated/deleted`), carrying the same
//! models the API answers; the refreshed copies inside roles are not announced as role
//! changes of their own.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Params, Reply};
use super::resource::{
    answer_list, fetch, row_accessors, Context, Create, Key, Listing, Resource, Table,
};
use super::role_rules::{
    announce_deleted, check_role_key, create_announced, key_taken, matches, refresh_eligibility,
    required, SearchQuery,
};
use super::shared::{reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{Permission, Role};

/// Clerk's system permissions with their names, in the order a fresh instance lists them.
const SYSTEM_PERMISSIONS: [(&str, &str); 8] = [
    ("org:sys_profile:manage", "Manage organization"),
    ("org:sys_profile:delete", "Delete organization"),
    ("org:sys_memberships:read", "Read members"),
    ("org:sys_memberships:manage", "Manage members"),
    ("org:sys_domains:read", "Read domains"),
    ("org:sys_domains:manage", "Manage domains"),
    ("org:sys_billing:read", "Read billing"),
    ("org:sys_billing:manage", "Manage billing"),
];

/// What the default member role grants: reading the members and the billing.
const MEMBER_PERMISSIONS: [&str; 2] = ["org:sys_memberships:read", "org:sys_billing:read"];

/// The role an organization's creator gets.
const CREATOR_ROLE: &str = "org:admin";
/// The role members get when nothing else is said (domain enrollment, for instance).
const DEFAULT_ROLE: &str = "org:member";

/// Fills a fresh store with the system permissions and the two default roles.
pub(super) fn seed(store: &mut Store, now: i64) {
    let permissions: Vec<Permission> = SYSTEM_PERMISSIONS
        .iter()
        .map(|(key, name)| Permission {
            object: Permission::OBJECT.to_owned(),
            id: new_id("perm"),
            name: (*name).to_owned(),
            key: (*key).to_owned(),
            description: String::new(),
            kind: "system".to_owned(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    let member: Vec<Permission> = permissions
        .iter()
        .filter(|p| MEMBER_PERMISSIONS.contains(&p.key.as_str()))
        .cloned()
        .collect();
    for (key, name, description, granted) in [
        (
            CREATOR_ROLE,
            "Admin",
            "Role with elevated permissions to manage the organization.",
            permissions.clone(),
        ),
        (
            DEFAULT_ROLE,
            "Member",
            "Role with read access to the organization's members.",
            member,
        ),
    ] {
        store.organization_roles.insert(role_row(
            key,
            name,
            Some(description.to_owned()),
            granted,
            now,
        ));
    }
    for p in permissions {
        store.organization_permissions.insert(p);
    }
}

/// A role row with its creator eligibility worked out from `permissions`.
fn role_row(
    key: &str,
    name: &str,
    description: Option<String>,
    permissions: Vec<Permission>,
    now: i64,
) -> Role {
    let mut role = Role {
        object: Role::OBJECT.to_owned(),
        id: new_id("role"),
        name: name.to_owned(),
        key: key.to_owned(),
        description,
        is_creator_eligible: false,
        permissions,
        created_at: now,
        updated_at: now,
    };
    refresh_eligibility(&mut role);
    role
}

impl Resource for Role {
    const OBJECT: &'static str = "role";
    const NAME: &'static str = "organization role";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "name", "key"];
    fn order_key(&self, field: &str) -> Key {
        match field {
            "name" => Key::Text(self.name.clone()),
            "key" => Key::Text(self.key.clone()),
            _ => Key::Int(self.created_at),
        }
    }
    row_accessors!(organization_roles);
}

/// The permissions with these ids, or a 404 naming the first unknown one.
fn resolve(store: &Store, ids: &[String]) -> Result<Vec<Permission>, ApiError> {
    let mut granted: Vec<Permission> = Vec::new();
    for id in ids {
        let permission = store
            .organization_permissions
            .get(id)
            .map_err(|e| e.param("permissions"))?;
        if !granted.iter().any(|p| p.id == permission.id) {
            granted.push(permission.clone());
        }
    }
    Ok(granted)
}

/// `GET /organization_roles`.
async fn list_roles(State(inner): State<Shared>, Params(q): Params<SearchQuery>) -> Reply {
    let rows: Vec<Role> = Role::table(&inner.store())
        .rows()
        .iter()
        .filter(|r| matches(q.query.as_deref(), &r.id, &r.name, &r.key))
        .cloned()
        .collect();
    answer_list(rows, &q.list())
}

/// Body of `POST /organization_roles`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateRoleBody {
    name: String,
    key: String,
    description: Option<String>,
    #[serde(default)]
    permissions: Option<Vec<String>>,
    /// Role sets are not modelled: accepted and ignored.
    #[serde(default)]
    #[allow(dead_code)]
    include_in_initial_role_set: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Create for Role {
    type Params = CreateRoleBody;

    fn create(store: &mut Store, cx: &Context<'_>, body: CreateRoleBody) -> Result<Self, ApiError> {
        reject_unknown(&body.unknown)?;
        required("name", &body.name)?;
        check_role_key(&body.key)?;
        if store.role(&body.key).is_some() {
            return Err(key_taken("role", &body.key));
        }
        let granted = resolve(store, &body.permissions.unwrap_or_default())?;
        Ok(role_row(
            &body.key,
            &body.name,
            body.description,
            granted,
            cx.now,
        ))
    }
}

/// 422 `organization_role_in_use` unless the role `key` may be deleted or re-keyed: no
/// member or pending invitation holds it and it is neither the creator nor the default role.
fn check_unused(store: &Store, key: &str, action: &str) -> Result<(), ApiError> {
    let why = if key == CREATOR_ROLE {
        Some("it is the creator role of new organizations")
    } else if key == DEFAULT_ROLE {
        Some("it is the default role of new members")
    } else if store.role_in_use(key) {
        Some("members or pending invitations hold it")
    } else {
        None
    };
    match why {
        Some(why) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "organization_role_in_use",
            "role in use",
            format!("The role {key} cannot be {action}: {why}."),
        )),
        None => Ok(()),
    }
}

/// Body of `PATCH /organization_roles/{organization_role_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdateRoleBody {
    name: Option<String>,
    key: Option<String>,
    description: Option<String>,
    permissions: Option<Vec<String>>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /organization_roles/{organization_role_id}`: `permissions` replaces the whole set.
async fn update_role(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateRoleBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let mut role = store.organization_roles.get(&id)?.clone();
    if let Some(name) = body.name {
        required("name", &name)?;
        role.name = name;
    }
    if let Some(key) = body.key.filter(|k| *k != role.key) {
        check_role_key(&key)?;
        if store.role(&key).is_some() {
            return Err(key_taken("role", &key));
        }
        check_unused(&store, &role.key, "re-keyed")?;
        role.key = key;
    }
    if body.description.is_some() {
        role.description = body.description;
    }
    if let Some(ids) = body.permissions {
        role.permissions = resolve(&store, &ids)?;
    }
    save_role(&mut store, role)
}

/// Stores a changed role with its eligibility and `updated_at` brought up to date.
fn save_role(store: &mut Store, mut role: Role) -> Reply {
    refresh_eligibility(&mut role);
    role.updated_at = now_ms();
    *store.organization_roles.get_mut(&role.id)? = role.clone();
    store.emit("role.updated", &role);
    ok(role)
}

/// `DELETE /organization_roles/{organization_role_id}`.
async fn delete_role(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let key = store.organization_roles.get(&id)?.key.clone();
    check_unused(&store, &key, "deleted")?;
    store.organization_roles.remove(&id)?;
    announce_deleted(&store, Role::OBJECT, &id)
}

/// `POST /organization_roles/{organization_role_id}/permissions/{permission_id}`.
async fn assign_permission(
    State(inner): State<Shared>,
    Path((id, permission_id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    let mut role = store.organization_roles.get(&id)?.clone();
    let permission = store.organization_permissions.get(&permission_id)?.clone();
    if role.permissions.iter().any(|p| p.id == permission_id) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "duplicate_record",
            "permission already assigned",
            format!("The role {} already grants {}.", role.key, permission.key),
        ));
    }
    role.permissions.push(permission);
    save_role(&mut store, role)
}

/// `DELETE /organization_roles/{organization_role_id}/permissions/{permission_id}`.
async fn remove_permission(
    State(inner): State<Shared>,
    Path((id, permission_id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    let mut role = store.organization_roles.get(&id)?.clone();
    let permission = store.organization_permissions.get(&permission_id)?.clone();
    if !role.permissions.iter().any(|p| p.id == permission_id) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "permission_not_assigned",
            "permission not assigned",
            format!("The role {} does not grant {}.", role.key, permission.key),
        ));
    }
    role.permissions.retain(|p| p.id != permission_id);
    save_role(&mut store, role)
}

/// 422 `form_param_value_invalid` unless the instance has the role `key`, listing those it has.
pub(super) fn check_role(store: &Store, key: &str) -> Result<(), ApiError> {
    if store.role(key).is_some() {
        return Ok(());
    }
    let keys: Vec<&str> = store
        .organization_roles
        .rows()
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    Err(value_invalid(
        "role",
        format!(
            "{key} does not match the allowed values for parameter role. Allowed values: {}",
            keys.join(", ")
        ),
    ))
}

/// The routes of organization roles (permissions are `organization_permissions.rs`).
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/organization_roles",
            get(list_roles).post(create_announced::<Role>),
        )
        .route(
            "/organization_roles/{id}",
            get(fetch::<Role>).patch(update_role).delete(delete_role),
        )
        .route(
            "/organization_roles/{id}/permissions/{permission_id}",
            post(assign_permission).delete(remove_permission),
        )
}
