//! The instance's organization settings (`/instance/organization_settings`), part of the
//! settings record `instance_settings.rs` keeps.
//!
//! The PATCH names roles by id (`creator_role_id`, `domains_default_role_id`) while the
//! settings show them by key, so the ids are looked up in the roles through the store; the
//! initial role set shown is whichever role set is `initial` now.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::shared::{read, set};
use super::store::{Shared, Store};
use crate::models::{EnrollmentMode, OrganizationSettings};

/// The enrollment modes the settings may offer (the spec's enum of the reply).
const MODES: [&str; 3] = [
    "manual_invitation",
    "automatic_invitation",
    "automatic_suggestion",
];

/// A fresh instance's organization settings: organizations on (the stand-in serves them),
/// Clerk's default limits of 5 members, 10 roles and 10 domains per organization, admins
/// may delete, domains off, `org:admin` for creators and `org:member` for domain invitations.
pub(super) fn defaults() -> OrganizationSettings {
    OrganizationSettings {
        object: "organization_settings".to_owned(),
        enabled: true,
        max_allowed_memberships: 5,
        max_allowed_roles: 10,
        max_role_sets_allowed: None,
        max_allowed_domains: 10,
        max_allowed_permissions: None,
        creator_role: "org:admin".to_owned(),
        admin_delete_enabled: true,
        domains_enabled: false,
        slug_disabled: Some(false),
        domains_enrollment_modes: Vec::new(),
        domains_default_role: "org:member".to_owned(),
        initial_role_set_key: None,
    }
}

/// The routes of the organization settings.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/instance/organization_settings", get(fetch).patch(update))
}

/// The settings as the API shows them now.
fn view(store: &Store) -> OrganizationSettings {
    let mut shown = store.organization_settings().clone();
    shown.initial_role_set_key = store.initial_role_set_key();
    shown
}

async fn fetch(State(inner): State<Shared>) -> Reply {
    ok(view(&inner.store()))
}

/// Body of `PATCH /instance/organization_settings`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    #[serde(default)]
    enabled: Option<bool>,
    #[serde(default)]
    max_allowed_memberships: Option<i64>,
    #[serde(default)]
    admin_delete_enabled: Option<bool>,
    #[serde(default)]
    domains_enabled: Option<bool>,
    #[serde(default)]
    slug_disabled: Option<bool>,
    #[serde(default)]
    domains_enrollment_modes: Option<Vec<String>>,
    #[serde(default)]
    creator_role_id: Option<String>,
    #[serde(default)]
    domains_default_role_id: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// The key of the role `id` names, or a 404 naming the id.
fn role_key(store: &Store, id: &str) -> Result<String, ApiError> {
    store
        .role_by_id(id)
        .map(|r| r.key.clone())
        .ok_or_else(|| missing_resource("role", id))
}

/// `PATCH /instance/organization_settings`: the given fields change, the settings answer.
async fn update(State(inner): State<Shared>, Body(raw): Body<Map<String, Value>>) -> Reply {
    let body: UpdateBody = read(raw)?;
    reject_unknown(&body.unknown)?;
    if body.max_allowed_memberships.is_some_and(|n| n < 0) {
        return Err(value_invalid(
            "max_allowed_memberships",
            "max_allowed_memberships must be 0 (no limit) or more.",
        ));
    }
    let modes = match body.domains_enrollment_modes {
        None => None,
        Some(given) => {
            let mut modes: Vec<EnrollmentMode> = Vec::with_capacity(given.len());
            for mode in given {
                if !MODES.contains(&mode.as_str()) {
                    return Err(value_invalid(
                        "domains_enrollment_modes",
                        format!("{mode} is not one of {}.", MODES.join(", ")),
                    ));
                }
                let mode: EnrollmentMode = mode.parse().unwrap_or(EnrollmentMode::ManualInvitation);
                if !modes.contains(&mode) {
                    modes.push(mode);
                }
            }
            Some(modes)
        }
    };
    let mut store = inner.store();
    let creator = match body.creator_role_id.as_deref() {
        None => None,
        Some(id) => {
            let eligible = store.role_by_id(id).map(|r| r.is_creator_eligible);
            let key = role_key(&store, id)?;
            // Clerk gives creators only roles that can manage and delete the organization
            // and its members (`is_creator_eligible`).
            if eligible == Some(false) {
                return Err(value_invalid(
                    "creator_role_id",
                    format!("The role {key} lacks the permissions an organization creator needs."),
                ));
            }
            Some(key)
        }
    };
    let domains_role = body
        .domains_default_role_id
        .as_deref()
        .map(|id| role_key(&store, id))
        .transpose()?;
    let s = &mut store.instance_settings.organizations;
    set(&mut s.enabled, body.enabled);
    set(&mut s.max_allowed_memberships, body.max_allowed_memberships);
    set(&mut s.admin_delete_enabled, body.admin_delete_enabled);
    set(&mut s.domains_enabled, body.domains_enabled);
    if body.slug_disabled.is_some() {
        s.slug_disabled = body.slug_disabled;
    }
    set(&mut s.domains_enrollment_modes, modes);
    set(&mut s.creator_role, creator);
    set(&mut s.domains_default_role, domains_role);
    ok(view(&store))
}
