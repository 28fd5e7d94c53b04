//! `GET /users` and `GET /users/count`: the filters, ordering and pagination of the real API
//! over the stand-in's users.

use std::cmp::Ordering;

use axum::extract::State;
use serde::Deserialize;
use serde_json::json;

use super::identifiers::Identifier;
use super::reply::{self, ApiError, Params, Reply};
use super::shared::Signed;
use super::store::{now_ms, Shared, Store};
use super::user_table::Stored;
use crate::models::User;

/// The query of both endpoints; count ignores the ordering and pagination fields.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct UserQuery {
    email_address: Vec<String>,
    phone_number: Vec<String>,
    external_id: Vec<String>,
    username: Vec<String>,
    web3_wallet: Vec<String>,
    user_id: Vec<String>,
    organization_id: Vec<String>,
    query: Option<String>,
    email_address_query: Option<String>,
    phone_number_query: Option<String>,
    username_query: Option<String>,
    name_query: Option<String>,
    banned: Option<bool>,
    last_active_at_before: Option<i64>,
    last_active_at_after: Option<i64>,
    last_active_at_since: Option<i64>,
    created_at_before: Option<i64>,
    created_at_after: Option<i64>,
    last_sign_in_at_before: Option<i64>,
    last_sign_in_at_after: Option<i64>,
    provider: Option<String>,
    provider_user_id: Vec<String>,
    limit: Option<i64>,
    offset: Option<i64>,
    starting_after: Option<String>,
    /// Clerk keeps only the first of repeated `order_by` keys.
    order_by: Vec<String>,
}

/// `GET /users`: a bare array, newest first unless `order_by` says otherwise.
pub(super) async fn list(State(inner): State<Shared>, Params(query): Params<UserQuery>) -> Reply {
    let order = Order::parse(query.order_by.first().map(String::as_str))?;
    if query.starting_after.is_some() {
        if order.key != Key::CreatedAt {
            return Err(ApiError::invalid(
                "starting_after",
                "starting_after needs the created_at ordering (order_by omitted, created_at, \
                 +created_at or -created_at).",
            ));
        }
        if query.offset.unwrap_or(0) != 0 {
            return Err(ApiError::invalid(
                "starting_after",
                "starting_after cannot be combined with a non-zero offset.",
            ));
        }
    }
    let mut users = matching(&inner, &query)?;
    order.sort(&mut users);
    if let Some(cursor) = &query.starting_after {
        let Some(at) = users.iter().position(|u| &u.id == cursor) else {
            return Err(ApiError::invalid(
                "starting_after",
                format!("{cursor} is not a user of this list."),
            ));
        };
        users.drain(..=at);
    }
    reply::ok(reply::page(&users, query.limit, query.offset)?)
}

/// `GET /users/count`: `{"object": "total_count", "total_count": n}`.
pub(super) async fn count(State(inner): State<Shared>, Params(query): Params<UserQuery>) -> Reply {
    let users = matching(&inner, &query)?;
    reply::ok(json!({ "object": "total_count", "total_count": users.len() }))
}

/// The users the filters of `query` keep, oldest first.
fn matching(inner: &Shared, query: &UserQuery) -> Result<Vec<User>, ApiError> {
    // Exactly one of the pair given.
    if query.provider.is_some() == query.provider_user_id.is_empty() {
        let missing = if query.provider.is_some() {
            "provider_user_id"
        } else {
            "provider"
        };
        return Err(ApiError::missing(missing));
    }
    let mut store = inner.store();
    store.users.expire_locks(now_ms());
    let filter = Filter {
        query,
        external_ids: Signed::parse(&query.external_id),
        user_ids: Signed::parse(&query.user_id),
        organizations: Signed::parse(&query.organization_id),
        store: &store,
    };
    Ok(store
        .users
        .rows()
        .iter()
        .filter(|row| filter.keeps(row))
        .map(|row| row.user.clone())
        .collect())
}

/// The filters of one request, ready to test users against.
struct Filter<'q> {
    query: &'q UserQuery,
    external_ids: Signed,
    user_ids: Signed,
    organizations: Signed,
    /// Where organization membership is looked up.
    store: &'q Store,
}

impl Filter<'_> {
    /// Whether the user passes every filter.
    fn keeps(&self, row: &Stored) -> bool {
        let q = self.query;
        let user = &row.user;
        let any_of = |kind: Identifier, wanted: &[String]| {
            wanted.is_empty()
                || kind
                    .values(user)
                    .any(|v| wanted.iter().any(|w| kind.same(&v, w)))
        };
        let in_orgs = self
            .organizations
            .admits(|org| self.store.member_ids(org).contains(&user.id));
        any_of(Identifier::Email, &q.email_address)
            && any_of(Identifier::Phone, &q.phone_number)
            && any_of(Identifier::Username, &q.username)
            && any_of(Identifier::Web3, &q.web3_wallet)
            && self
                .external_ids
                .admits(|id| user.external_id.as_deref() == Some(id))
            && self.user_ids.admits(|id| id == user.id)
            && in_orgs
            // The stand-in has no external accounts, so a provider filter matches nobody.
            && q.provider_user_id.is_empty()
            && q.banned.is_none_or(|b| user.banned == b)
            && q.query.as_deref().is_none_or(|s| matches_query(user, s))
            && contains(q.email_address_query.as_deref(), Identifier::Email.values(user))
            && contains(q.phone_number_query.as_deref(), Identifier::Phone.values(user))
            && contains(q.username_query.as_deref(), Identifier::Username.values(user))
            && contains(q.name_query.as_deref(), names(user).into_iter())
            && within(Some(user.created_at), q.created_at_before, q.created_at_after)
            && within(
                user.last_active_at,
                q.last_active_at_before,
                q.last_active_at_after.or(q.last_active_at_since),
            )
            && within(
                user.last_sign_in_at,
                q.last_sign_in_at_before,
                q.last_sign_in_at_after,
            )
    }
}

/// First name, last name and both together, for the name searches.
fn names(user: &User) -> Vec<String> {
    let first = user.first_name.clone().unwrap_or_default();
    let last = user.last_name.clone().unwrap_or_default();
    vec![format!("{first} {last}"), first, last]
}

/// `query`: a case-insensitive partial match on ids, identifiers and names.
fn matches_query(user: &User, needle: &str) -> bool {
    let mut haystack: Vec<String> = vec![user.id.clone()];
    haystack.extend(user.external_id.clone());
    for kind in [
        Identifier::Email,
        Identifier::Phone,
        Identifier::Username,
        Identifier::Web3,
    ] {
        haystack.extend(kind.values(user));
    }
    haystack.extend(names(user));
    contains(Some(needle), haystack.into_iter())
}

/// Whether some value contains `needle`, ignoring case; no needle keeps everyone.
fn contains(needle: Option<&str>, mut values: impl Iterator<Item = String>) -> bool {
    let Some(needle) = needle else {
        return true;
    };
    let needle = needle.to_lowercase();
    values.any(|v| v.to_lowercase().contains(&needle))
}

/// Whether a timestamp is strictly between the bounds; a missing one fails any bound.
fn within(value: Option<i64>, before: Option<i64>, after: Option<i64>) -> bool {
    let below = before.is_none_or(|b| value.is_some_and(|v| v < b));
    let above = after.is_none_or(|a| value.is_some_and(|v| v > a));
    below && above
}

/// A field `order_by` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    CreatedAt,
    UpdatedAt,
    EmailAddress,
    Web3Wallet,
    FirstName,
    LastName,
    PhoneNumber,
    Username,
    LastActiveAt,
    LastSignInAt,
}

/// A parsed `order_by`.
#[derive(Debug, Clone, Copy)]
struct Order {
    key: Key,
    descending: bool,
}

impl Order {
    /// `[+|-]field`, a bare field meaning ascending; none means `-created_at`.
    fn parse(value: Option<&str>) -> Result<Self, ApiError> {
        let Some(value) = value else {
            return Ok(Self {
                key: Key::CreatedAt,
                descending: true,
            });
        };
        // An unencoded `+` arrives as a space.
        let (descending, name) = match value.as_bytes().first() {
            Some(b'-') => (true, &value[1..]),
            Some(b'+' | b' ') => (false, &value[1..]),
            _ => (false, value),
        };
        let key = match name {
            "created_at" => Key::CreatedAt,
            "updated_at" => Key::UpdatedAt,
            "email_address" => Key::EmailAddress,
            "web3wallet" => Key::Web3Wallet,
            "first_name" => Key::FirstName,
            "last_name" => Key::LastName,
            "phone_number" => Key::PhoneNumber,
            "username" => Key::Username,
            "last_active_at" => Key::LastActiveAt,
            "last_sign_in_at" => Key::LastSignInAt,
            _ => {
                return Err(ApiError::invalid(
                    "order_by",
                    format!(
                        "{value} is not a valid order: use created_at, updated_at, \
                         email_address, web3wallet, first_name, last_name, phone_number, \
                         username, last_active_at or last_sign_in_at, with + or - in front."
                    ),
                ))
            }
        };
        Ok(Self { key, descending })
    }

    /// Sorts users given oldest first. Ties keep the default order (newest first) and
    /// users without a value come last in either direction.
    fn sort(self, users: &mut [User]) {
        // Stable sorts: equal created_at keep their insertion order, as ids would in a
        // database.
        users.sort_by_key(|u| u.created_at);
        if self.key == Key::CreatedAt {
            if self.descending {
                users.reverse();
            }
            return;
        }
        users.reverse();
        users.sort_by(|a, b| {
            let ordering = match self.key {
                Key::CreatedAt => Some(Ordering::Equal),
                Key::UpdatedAt => Some(a.updated_at.cmp(&b.updated_at)),
                Key::LastActiveAt => optional(a.last_active_at, b.last_active_at),
                Key::LastSignInAt => optional(a.last_sign_in_at, b.last_sign_in_at),
                Key::EmailAddress => optional(primary_email(a), primary_email(b)),
                Key::PhoneNumber => optional(primary_phone(a), primary_phone(b)),
                Key::Web3Wallet => optional(primary_wallet(a), primary_wallet(b)),
                Key::FirstName => optional(lower(&a.first_name), lower(&b.first_name)),
                Key::LastName => optional(lower(&a.last_name), lower(&b.last_name)),
                Key::Username => optional(lower(&a.username), lower(&b.username)),
            };
            match ordering {
                Some(o) if self.descending => o.reverse(),
                Some(o) => o,
                // One side lacks a value: it goes last whatever the direction.
                None => missing_last(a, b, self.key),
            }
        });
    }
}

/// Compares two optional values; `None` when exactly one is missing.
fn optional<T: Ord>(a: Option<T>, b: Option<T>) -> Option<Ordering> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        (None, None) => Some(Ordering::Equal),
        _ => None,
    }
}

/// Orders the user without a value after the one with it.
fn missing_last(a: &User, b: &User, key: Key) -> Ordering {
    let has = |u: &User| match key {
        Key::LastActiveAt => u.last_active_at.is_some(),
        Key::LastSignInAt => u.last_sign_in_at.is_some(),
        Key::EmailAddress => primary_email(u).is_some(),
        Key::PhoneNumber => primary_phone(u).is_some(),
        Key::Web3Wallet => primary_wallet(u).is_some(),
        Key::FirstName => u.first_name.is_some(),
        Key::LastName => u.last_name.is_some(),
        Key::Username => u.username.is_some(),
        Key::CreatedAt | Key::UpdatedAt => true,
    };
    has(b).cmp(&has(a))
}

/// A text value lower-cased, for case-insensitive ordering.
fn lower(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|v| v.to_lowercase())
}

/// The primary email address, lower-cased: what `email_address` orders by.
fn primary_email(user: &User) -> Option<String> {
    let id = user.primary_email_address_id.as_ref()?;
    user.email_addresses
        .iter()
        .find(|e| e.id.as_ref() == Some(id))
        .map(|e| e.email_address.to_lowercase())
}

/// The primary phone number: what `phone_number` orders by.
fn primary_phone(user: &User) -> Option<String> {
    let id = user.primary_phone_number_id.as_ref()?;
    user.phone_numbers
        .iter()
        .find(|p| p.id.as_ref() == Some(id))
        .map(|p| p.phone_number.clone())
}

/// The primary web3 wallet, lower-cased: what `web3wallet` orders by.
fn primary_wallet(user: &User) -> Option<String> {
    let id = user.primary_web3_wallet_id.as_ref()?;
    user.web3_wallets
        .iter()
        .find(|w| w.id.as_ref() == Some(id))
        .map(|w| w.web3_wallet.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{within, Key, Order};

    #[test]
    fn orders_parse_with_and_without_signs() {
        let o = Order::parse(Some("-username")).ok();
        assert_eq!(
            o.map(|o| (o.key, o.descending)),
            Some((Key::Username, true))
        );
        let o = Order::parse(Some("first_name")).ok();
        assert_eq!(
            o.map(|o| (o.key, o.descending)),
            Some((Key::FirstName, false))
        );
        let o = Order::parse(None).ok();
        assert_eq!(
            o.map(|o| (o.key, o.descending)),
            Some((Key::CreatedAt, true))
        );
        assert!(Order::parse(Some("-shoe_size")).is_err());
    }

    #[test]
    fn time_bounds_are_exclusive() {
        assert!(within(Some(5), Some(6), Some(4)));
        assert!(!within(Some(6), Some(6), None));
        assert!(!within(None, None, Some(1)));
        assert!(within(None, None, None));
    }
}
