//! The checks role set requests share: the key shape, the key Clerk derives from a name,
//! roles that must exist, and default and creator roles that must belong to the set.

use axum::http::StatusCode;

use super::reply::ApiError;
use super::shared::{missing_resource, value_invalid};
use super::store::Store;

/// How many roles one request may name (the spec's "no more than 10 roles").
pub(super) const MAX_ROLES: usize = 10;

/// A set key: `role_set:` and lowercase letters, digits and underscores.
pub(super) fn check_key(key: &str) -> Result<(), ApiError> {
    let rest = key.strip_prefix("role_set:").unwrap_or_default();
    if !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Ok(());
    }
    Err(ApiError::invalid(
        "key",
        format!(
            "{key} is not a valid role set key: use role_set: followed by lowercase letters, \
             digits and underscores, e.g. role_set:support."
        ),
    ))
}

/// The key Clerk derives from a name when none is given: `role_set:` and the name in
/// lowercase with every run of other characters turned into one underscore.
pub(super) fn key_from(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('_') && !slug.is_empty() {
            slug.push('_');
        }
    }
    let slug = slug.trim_end_matches('_');
    format!(
        "role_set:{}",
        if slug.is_empty() { "role_set" } else { slug }
    )
}

/// 400 `duplicate_record` for a key another set has, as roles answer it.
pub(super) fn key_taken(key: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "duplicate_record",
        "duplicate role set key",
        format!("A role set with key {key} already exists."),
    )
    .param("key")
}

/// Checks that every key names a role of the instance (404 for the first that does not)
/// and answers them without repeats. 1 to [`MAX_ROLES`] keys.
pub(super) fn known_roles(
    store: &Store,
    param: &str,
    keys: &[String],
) -> Result<Vec<String>, ApiError> {
    if keys.is_empty() {
        return Err(ApiError::missing(param));
    }
    if keys.len() > MAX_ROLES {
        return Err(value_invalid(
            param,
            format!("{param} may name at most {MAX_ROLES} roles."),
        ));
    }
    let mut known: Vec<String> = Vec::with_capacity(keys.len());
    for key in keys {
        if store.role(key).is_none() {
            return Err(missing_resource("role", key).param(param));
        }
        if !known.contains(key) {
            known.push(key.clone());
        }
    }
    Ok(known)
}

/// Checks that `key` is among `roles` (422 otherwise); for the creator role, that the role
/// can manage the organization (`is_creator_eligible`), as Clerk requires of creator roles.
pub(super) fn check_member(
    store: &Store,
    param: &str,
    key: &str,
    roles: &[String],
) -> Result<(), ApiError> {
    if !roles.iter().any(|r| r == key) {
        return Err(value_invalid(
            param,
            format!("{param} must be one of the role set's roles; {key} is not."),
        ));
    }
    if param == "creator_role_key" && store.role(key).is_some_and(|r| !r.is_creator_eligible) {
        return Err(value_invalid(
            param,
            format!("The role {key} lacks the permissions an organization creator needs."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{check_key, key_from};

    #[test]
    fn keys_are_role_set_and_a_lowercase_slug() {
        assert!(check_key("role_set:support_2").is_ok());
        assert!(check_key("role_set:").is_err());
        assert!(check_key("role_set:Support").is_err());
        assert!(check_key("support").is_err());
        assert_eq!(key_from("Support Team (EU)"), "role_set:support_team_eu");
        assert_eq!(key_from("  !!  "), "role_set:role_set");
    }
}
