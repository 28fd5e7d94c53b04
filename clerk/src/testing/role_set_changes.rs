//! The role set operations that move roles and organizations around: add roles to a set,
//! replace one of its roles by another, and retire a set in favour of another.
//!
//! Clerk runs the member migrations these start in the background (`role_set_migration`);
//! the stand-in's organizations all draw from the initial set and memberships keep their
//! role keys, so it checks the requests as Clerk does and changes the sets at once.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{deleted, ok, ApiError, Body, Reply};
use super::role_set_rules::{check_member, known_roles};
use super::role_sets::view;
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{now_ms, Shared};
use crate::models::RoleSetType;

/// The routes of role set changes.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/role_sets/{role_set_key_or_id}/replace", post(replace))
        .route("/role_sets/{role_set_key_or_id}/roles", post(add_roles))
        .route(
            "/role_sets/{role_set_key_or_id}/roles/replace",
            post(replace_role),
        )
}

/// Body of `POST /role_sets/{role_set_key_or_id}/roles`.
#[derive(Debug, Deserialize)]
struct AddBody {
    role_keys: Vec<String>,
    #[serde(default)]
    default_role_key: Option<String>,
    #[serde(default)]
    creator_role_key: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST .../roles`: existing roles join the set (ones already in it stay once); the
/// default or creator role may move to one of the roles added.
async fn add_roles(
    State(inner): State<Shared>,
    Path(key_or_id): Path<String>,
    Body(body): Body<AddBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let row = store.role_sets.found(&key_or_id)?.clone();
    let added = known_roles(&store, "role_keys", &body.role_keys)?;
    for (param, key) in [
        ("default_role_key", &body.default_role_key),
        ("creator_role_key", &body.creator_role_key),
    ] {
        if let Some(key) = key {
            check_member(&store, param, key, &added)?;
        }
    }
    let slot = store.role_sets.found_mut(&row.id)?;
    for key in added {
        if !slot.roles.contains(&key) {
            slot.roles.push(key);
        }
    }
    if body.default_role_key.is_some() {
        slot.default_role = body.default_role_key;
    }
    if body.creator_role_key.is_some() {
        slot.creator_role = body.creator_role_key;
    }
    slot.updated_at = now_ms();
    let row = store.role_sets.found(&row.id)?;
    ok(view(&store, row))
}

/// Body of `POST .../roles/replace`.
#[derive(Debug, Deserialize)]
struct ReplaceRoleBody {
    role_key: String,
    to_role_key: String,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST .../roles/replace`: `role_key` leaves the set and `to_role_key` (already in it)
/// takes its place, also as the default or creator role when `role_key` was one.
async fn replace_role(
    State(inner): State<Shared>,
    Path(key_or_id): Path<String>,
    Body(body): Body<ReplaceRoleBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let row = store.role_sets.found(&key_or_id)?.clone();
    if !row.roles.contains(&body.role_key) {
        return Err(missing_resource("role in this role set", &body.role_key).param("role_key"));
    }
    if body.to_role_key == body.role_key {
        return Err(value_invalid(
            "to_role_key",
            "to_role_key must be another role than role_key.",
        ));
    }
    check_member(&store, "to_role_key", &body.to_role_key, &row.roles)?;
    // The replacement may become the creator role, which must be able to manage the
    // organization.
    if row.creator_role.as_deref() == Some(body.role_key.as_str()) {
        check_member(&store, "creator_role_key", &body.to_role_key, &row.roles)
            .map_err(|e| e.param("to_role_key"))?;
    }
    let slot = store.role_sets.found_mut(&row.id)?;
    slot.roles.retain(|k| k != &body.role_key);
    for role in [&mut slot.default_role, &mut slot.creator_role] {
        if role.as_deref() == Some(body.role_key.as_str()) {
            *role = Some(body.to_role_key.clone());
        }
    }
    slot.updated_at = now_ms();
    let row = store.role_sets.found(&row.id)?;
    ok(view(&store, row))
}

/// Body of `POST /role_sets/{role_set_key_or_id}/replace`.
#[derive(Debug, Deserialize)]
struct ReplaceBody {
    dest_role_set_key: String,
    #[serde(default)]
    reassignment_mappings: Option<BTreeMap<String, String>>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST .../replace`: the set goes and its organizations move to `dest_role_set_key`
/// (which becomes the initial set when the retired one was). Mappings must take roles of
/// the retired set to roles of the destination.
async fn replace(
    State(inner): State<Shared>,
    Path(key_or_id): Path<String>,
    Body(body): Body<ReplaceBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    if body.dest_role_set_key.trim().is_empty() {
        return Err(ApiError::missing("dest_role_set_key"));
    }
    let mut store = inner.store();
    let source = store.role_sets.found(&key_or_id)?.clone();
    let dest = store
        .role_sets
        .found(&body.dest_role_set_key)
        .map_err(|e| e.param("dest_role_set_key"))?
        .clone();
    if dest.id == source.id {
        return Err(value_invalid(
            "dest_role_set_key",
            "A role set cannot be replaced by itself.",
        ));
    }
    for (from, to) in body.reassignment_mappings.iter().flatten() {
        if !source.roles.contains(from) {
            return Err(value_invalid(
                "reassignment_mappings",
                format!("{from} is not a role of role set {}.", source.key),
            ));
        }
        if !dest.roles.contains(to) {
            return Err(value_invalid(
                "reassignment_mappings",
                format!("{to} is not a role of role set {}.", dest.key),
            ));
        }
    }
    let now = now_ms();
    store.role_sets.rows.retain(|r| r.id != source.id);
    if source.kind == RoleSetType::Initial {
        store.role_sets.make_initial(&dest.id, now);
    }
    deleted("role_set", &source.id)
}
