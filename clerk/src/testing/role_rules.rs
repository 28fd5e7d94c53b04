//! The rules organization roles and permissions share: the shape of their keys, Clerk's
//! errors for a taken key or an empty name, the `query` search both lists take, what makes
//! a role fit for an organization's creator, and the create and delete handlers that send
//! `role.*`/`permission.*` events. Leaf helpers, so the two modules need not import each
//! other.

use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use super::reply::{deleted, ok, ApiError, Body, Reply};
use super::resource::{Context, Create, ListQuery};
use super::shared::value_invalid;
use super::store::{now_ms, Shared, Store};
use crate::models::Role;

/// The permissions a role needs before it may be given to an organization's creator.
pub(super) const CREATOR_NEEDS: [&str; 4] = [
    "org:sys_profile:manage",
    "org:sys_profile:delete",
    "org:sys_memberships:read",
    "org:sys_memberships:manage",
];

/// A role may be the creator's role when it can manage and delete the organization and
/// read and manage its members.
pub(super) fn refresh_eligibility(role: &mut Role) {
    role.is_creator_eligible = CREATOR_NEEDS
        .iter()
        .all(|need| role.permissions.iter().any(|p| p.key == *need));
}

/// Lowercase letters, digits and underscores, at least one.
pub(super) fn segment(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A custom permission key: `org:<feature>:<action>`, not in the system namespace.
pub(super) fn check_permission_key(key: &str) -> Result<(), ApiError> {
    let parts: Vec<&str> = key.split(':').collect();
    if parts.len() != 3 || parts[0] != "org" || !parts[1..].iter().all(|s| segment(s)) {
        return Err(ApiError::invalid(
            "key",
            format!(
                "{key} is not a valid permission key: use org:<feature>:<action> with lowercase \
                 letters, digits and underscores, e.g. org:invoices:read."
            ),
        ));
    }
    if parts[1].starts_with("sys_") {
        return Err(value_invalid(
            "key",
            "Permission keys starting with org:sys_ are reserved for system permissions.",
        ));
    }
    Ok(())
}

/// A role key: `org:` and lowercase letters, digits and underscores.
pub(super) fn check_role_key(key: &str) -> Result<(), ApiError> {
    if key.strip_prefix("org:").is_some_and(segment) {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "key",
            format!(
                "{key} is not a valid role key: use org: followed by lowercase letters, digits \
                 and underscores, e.g. org:billing."
            ),
        ))
    }
}

/// 400 `duplicate_record` for a key the instance already has.
pub(super) fn key_taken(what: &str, key: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "duplicate_record",
        format!("duplicate {what} key"),
        format!("An organization {what} with key {key} already exists."),
    )
    .param("key")
}

/// 422 `form_param_missing` for a required text field given empty.
pub(super) fn required(param: &str, value: &str) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        Err(ApiError::missing(param))
    } else {
        Ok(())
    }
}

/// The query of both list routes: paging, order and the `query` text search.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct SearchQuery {
    /// An exact id, or part of a name or key (case-insensitive).
    pub(super) query: Option<String>,
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

impl SearchQuery {
    /// The paging and order, for [`answer_list`]. (Spelled out rather than flattened: a
    /// flattened struct would read numbers in a query string as text.)
    pub(super) fn list(&self) -> ListQuery {
        ListQuery {
            order_by: self.order_by.clone(),
            limit: self.limit,
            offset: self.offset,
            ..ListQuery::default()
        }
    }
}

/// Whether a row matches `query`: the exact id, or a part of its name or key.
pub(super) fn matches(query: Option<&str>, id: &str, name: &str, key: &str) -> bool {
    let Some(query) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        return true;
    };
    let needle = query.to_lowercase();
    id == query || name.to_lowercase().contains(&needle) || key.to_lowercase().contains(&needle)
}

/// `POST` of a permission or role: the generic create, announced by `<object>.created`.
pub(super) async fn create_announced<T: Create>(
    State(inner): State<Shared>,
    Body(params): Body<T::Params>,
) -> Reply {
    let mut store = inner.store();
    let cx = Context {
        origin: &inner.origin,
        now: now_ms(),
    };
    let row = T::create(&mut store, &cx, params)?;
    let row = T::table_mut(&mut store).insert(row);
    store.emit(&format!("{}.created", T::OBJECT), &row);
    ok(row)
}

/// The delete reply, also sent as `<object>.deleted` (the spec's `DeletedObject` payload).
pub(super) fn announce_deleted(store: &Store, object: &str, id: &str) -> Reply {
    store.emit(
        &format!("{object}.deleted"),
        serde_json::json!({ "object": object, "id": id, "deleted": true }),
    );
    deleted(object, id)
}

#[cfg(test)]
mod tests {
    use super::{check_permission_key, check_role_key};

    #[test]
    fn keys_are_shaped_like_clerks() {
        assert!(check_permission_key("org:invoices:read").is_ok());
        assert!(check_permission_key("org:team_2:manage").is_ok());
        assert!(check_permission_key("org:invoices").is_err());
        assert!(check_permission_key("org:Invoices:read").is_err());
        assert!(check_permission_key("app:invoices:read").is_err());
        assert!(check_permission_key("org:sys_profile:manage").is_err());
        assert!(check_role_key("org:billing").is_ok());
        assert!(check_role_key("billing").is_err());
        assert!(check_role_key("org:Billing").is_err());
        assert!(check_role_key("org:").is_err());
    }
}
