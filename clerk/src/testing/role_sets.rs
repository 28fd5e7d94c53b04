//! Role sets: named groups of organization roles, each with a default role for new members
//! and a role for organization creators. A fresh stand-in has Clerk's `role_set:default`
//! (the initial set: `org:admin` and `org:member`). Every route names a set by key or id.
//!
//! A set keeps the keys of its roles and shows each as the role reads now, through
//! [`Store::role`]; a role deleted since drops out of the view. Exactly one set is
//! `initial`: making another one initial turns the old one `custom`. This file lists,
//! creates, shows and changes sets; `role_set_changes.rs` adds, replaces and retires;
//! `role_set_rules.rs` holds the checks both share.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{list as envelope, ok, page, ApiError, Body, Params, Reply};
use super::role_set_rules::{check_key, check_member, key_from, key_taken, known_roles};
use super::shared::{missing_resource, order_by, reject_unknown, sort_items, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{RoleSet, RoleSetItem, RoleSetType};

/// The key of the role set every instance starts with.
const DEFAULT_SET: &str = "role_set:default";

/// One role set as stored: its roles by key.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub id: String,
    pub name: String,
    pub key: String,
    pub description: Option<String>,
    /// Keys of the roles in the set, in the order they were added.
    pub roles: Vec<String>,
    pub default_role: Option<String>,
    pub creator_role: Option<String>,
    pub kind: RoleSetType,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The role sets, oldest first.
#[derive(Debug)]
pub(crate) struct Table {
    pub(super) rows: Vec<Row>,
}

impl Default for Table {
    /// Clerk's default set, the initial one, holding the two default roles.
    fn default() -> Self {
        let now = now_ms();
        Self {
            rows: vec![Row {
                id: new_id("rs"),
                name: "Default role set".to_owned(),
                key: DEFAULT_SET.to_owned(),
                description: None,
                roles: vec!["org:admin".to_owned(), "org:member".to_owned()],
                default_role: Some("org:member".to_owned()),
                creator_role: Some("org:admin".to_owned()),
                kind: RoleSetType::Initial,
                created_at: now,
                updated_at: now,
            }],
        }
    }
}

impl Table {
    /// The key of the initial set, if one is.
    pub(super) fn initial_key(&self) -> Option<String> {
        self.rows
            .iter()
            .find(|r| r.kind == RoleSetType::Initial)
            .map(|r| r.key.clone())
    }

    /// The set whose key or id is `key_or_id`, for changes, or a 404 naming it.
    pub(super) fn found_mut(&mut self, key_or_id: &str) -> Result<&mut Row, ApiError> {
        self.rows
            .iter_mut()
            .find(|r| r.id == key_or_id || r.key == key_or_id)
            .ok_or_else(|| missing_resource("role set", key_or_id))
    }

    /// The set whose key or id is `key_or_id`, or a 404 naming it.
    pub(super) fn found(&self, key_or_id: &str) -> Result<&Row, ApiError> {
        self.rows
            .iter()
            .find(|r| r.id == key_or_id || r.key == key_or_id)
            .ok_or_else(|| missing_resource("role set", key_or_id))
    }

    /// Makes the set `id` the only initial one.
    pub(super) fn make_initial(&mut self, id: &str, now: i64) {
        for row in &mut self.rows {
            if row.id == id {
                row.kind = RoleSetType::Initial;
            } else if row.kind == RoleSetType::Initial {
                row.kind = RoleSetType::Custom;
                row.updated_at = now;
            }
        }
    }
}

/// The role `key` as a set lists it, or `None` when the instance no longer has it.
fn item(store: &Store, key: &str) -> Option<RoleSetItem> {
    let role = store.role(key)?;
    Some(RoleSetItem {
        object: "role_set_item".to_owned(),
        id: role.id.clone(),
        name: role.name.clone(),
        key: role.key.clone(),
        description: role.description.clone(),
        members_count: None,
        has_members: None,
        created_at: role.created_at,
        updated_at: role.updated_at,
    })
}

/// The set as the API shows it, its roles as they read now.
pub(super) fn view(store: &Store, row: &Row) -> RoleSet {
    RoleSet {
        object: "role_set".to_owned(),
        id: row.id.clone(),
        name: row.name.clone(),
        key: row.key.clone(),
        description: row.description.clone(),
        roles: row.roles.iter().filter_map(|k| item(store, k)).collect(),
        default_role: row.default_role.as_deref().and_then(|k| item(store, k)),
        creator_role: row.creator_role.as_deref().and_then(|k| item(store, k)),
        kind: row.kind.clone(),
        role_set_migration: None,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// The routes of role sets.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/role_sets", get(list).post(create))
        .route("/role_sets/{role_set_key_or_id}", get(fetch).patch(update))
}

/// Query of `GET /role_sets`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    query: Option<String>,
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /role_sets`: `{data, total_count}`, newest first unless `order_by` says otherwise;
/// `query` matches an exact id or part of a name or key.
async fn list(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let (field, descending) = order_by(
        q.order_by.as_deref(),
        "-created_at",
        &["created_at", "name", "key"],
    )?;
    let store = inner.store();
    let needle = q.query.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let mut rows: Vec<&Row> = store
        .role_sets
        .rows
        .iter()
        .filter(|r| {
            needle.is_none_or(|n| {
                let n_lower = n.to_lowercase();
                r.id == n
                    || r.name.to_lowercase().contains(&n_lower)
                    || r.key.to_lowercase().contains(&n_lower)
            })
        })
        .collect();
    sort_items(&mut rows, descending, |r| match field.as_str() {
        "name" => (r.name.to_lowercase(), 0),
        "key" => (r.key.clone(), 0),
        _ => (String::new(), r.created_at),
    });
    let total = rows.len();
    let shown: Vec<RoleSet> = page(&rows, q.limit, q.offset)?
        .into_iter()
        .map(|r| view(&store, r))
        .collect();
    envelope(shown, total)
}

async fn fetch(State(inner): State<Shared>, Path(key_or_id): Path<String>) -> Reply {
    let store = inner.store();
    let row = store.role_sets.found(&key_or_id)?;
    ok(view(&store, row))
}

/// Body of `POST /role_sets`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: String,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    description: Option<String>,
    default_role_key: String,
    creator_role_key: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    roles: Vec<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// A `type` value: `initial` or `custom`.
fn kind(given: &str) -> Result<RoleSetType, ApiError> {
    match given {
        "initial" => Ok(RoleSetType::Initial),
        "custom" => Ok(RoleSetType::Custom),
        other => Err(value_invalid(
            "type",
            format!("{other} is not one of initial, custom."),
        )),
    }
}

/// `POST /role_sets`: a set of existing roles, its default and creator roles among them.
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    if body.name.trim().is_empty() {
        return Err(ApiError::missing("name"));
    }
    let key = match body.key {
        Some(key) => {
            check_key(&key)?;
            key
        }
        None => key_from(&body.name),
    };
    let kind = body.kind.as_deref().map(kind).transpose()?;
    let mut store = inner.store();
    let roles = known_roles(&store, "roles", &body.roles)?;
    check_member(&store, "default_role_key", &body.default_role_key, &roles)?;
    check_member(&store, "creator_role_key", &body.creator_role_key, &roles)?;
    if store.role_sets.rows.iter().any(|r| r.key == key) {
        return Err(key_taken(&key));
    }
    let now = now_ms();
    let row = Row {
        id: new_id("rs"),
        name: body.name,
        key,
        description: body.description,
        roles,
        default_role: Some(body.default_role_key),
        creator_role: Some(body.creator_role_key),
        kind: RoleSetType::Custom,
        created_at: now,
        updated_at: now,
    };
    let id = row.id.clone();
    store.role_sets.rows.push(row);
    if kind == Some(RoleSetType::Initial) {
        store.role_sets.make_initial(&id, now);
    }
    let row = store.role_sets.found(&id)?;
    ok(view(&store, row))
}

/// Body of `PATCH /role_sets/{role_set_key_or_id}`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    default_role_key: Option<String>,
    #[serde(default)]
    creator_role_key: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /role_sets/{role_set_key_or_id}`: the given fields change. `type` takes only
/// `initial` (the old initial set turns custom); the roles named must be in the set.
async fn update(
    State(inner): State<Shared>,
    Path(key_or_id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    if body.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(ApiError::missing("name"));
    }
    if let Some(key) = &body.key {
        check_key(key)?;
    }
    let initial = match body.kind.as_deref() {
        None => false,
        Some("initial") => true,
        Some(other) => {
            return Err(value_invalid(
                "type",
                format!("{other} is not allowed: a role set can only be made initial."),
            ))
        }
    };
    let mut store = inner.store();
    let row = store.role_sets.found(&key_or_id)?.clone();
    for (param, key) in [
        ("default_role_key", &body.default_role_key),
        ("creator_role_key", &body.creator_role_key),
    ] {
        if let Some(key) = key {
            check_member(&store, param, key, &row.roles)?;
        }
    }
    if let Some(key) = &body.key {
        if store
            .role_sets
            .rows
            .iter()
            .any(|r| &r.key == key && r.id != row.id)
        {
            return Err(key_taken(key));
        }
    }
    let now = now_ms();
    let slot = store.role_sets.found_mut(&row.id)?;
    if let Some(name) = body.name {
        slot.name = name;
    }
    if let Some(key) = body.key {
        slot.key = key;
    }
    if body.description.is_some() {
        slot.description = body.description;
    }
    if body.default_role_key.is_some() {
        slot.default_role = body.default_role_key;
    }
    if body.creator_role_key.is_some() {
        slot.creator_role = body.creator_role_key;
    }
    slot.updated_at = now;
    if initial {
        store.role_sets.make_initial(&row.id, now);
    }
    let row = store.role_sets.found(&row.id)?;
    ok(view(&store, row))
}
