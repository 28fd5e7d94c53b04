//! Listing organization memberships: one organization's members with Clerk's filters on the
//! members' identifiers, names and activity, every membership of the instance, and one
//! user's memberships.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use super::reply::{list, page, Params, Reply};
use super::shared::{missing_resource, order_by, sort_items, Signed};
use super::store::{Shared, Store};
use super::user_labels::primary_email;
use crate::models::{OrganizationMembership, User};

/// A membership as the API shows it; the lists filter and sort these.
type Member = OrganizationMembership;

/// The three membership lists; `organization_memberships.rs` serves the changes on the same
/// paths, and axum merges the two method sets.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/organizations/{organization_id}/memberships",
            get(list_members),
        )
        .route("/organization_memberships", get(list_instance))
        .route(
            "/users/{user_id}/organization_memberships",
            get(list_for_user),
        )
}

/// The member's user id (every view the store renders carries it).
fn user_id(m: &Member) -> &str {
    m.public_user_data
        .as_ref()
        .map_or("", |p| p.user_id.as_str())
}

/// Query of `GET /organizations/{organization_id}/memberships`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    order_by: Option<String>,
    user_id: Vec<String>,
    email_address: Vec<String>,
    phone_number: Vec<String>,
    username: Vec<String>,
    web3_wallet: Vec<String>,
    role: Vec<String>,
    query: Option<String>,
    email_address_query: Option<String>,
    phone_number_query: Option<String>,
    username_query: Option<String>,
    name_query: Option<String>,
    last_active_at_before: Option<i64>,
    last_active_at_after: Option<i64>,
    created_at_before: Option<i64>,
    created_at_after: Option<i64>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// The fields membership lists sort by.
const ORDER_FIELDS: [&str; 6] = [
    "created_at",
    "email_address",
    "phone_number",
    "username",
    "first_name",
    "last_name",
];

fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

fn emails(user: &User) -> impl Iterator<Item = &str> {
    user.email_addresses
        .iter()
        .map(|e| e.email_address.as_str())
}

fn phones(user: &User) -> impl Iterator<Item = &str> {
    user.phone_numbers.iter().map(|p| p.phone_number.as_str())
}

fn wallets(user: &User) -> impl Iterator<Item = &str> {
    user.web3_wallets.iter().map(|w| w.web3_wallet.as_str())
}

fn any_in<'a>(values: &[String], mut candidates: impl Iterator<Item = &'a str>) -> bool {
    values.is_empty() || candidates.any(|c| values.iter().any(|v| v.eq_ignore_ascii_case(c)))
}

/// Whether the member passes every filter of the query.
fn admits(q: &ListQuery, users: &Signed, m: &Member, user: Option<&User>) -> bool {
    if !users.admits(|id| id == user_id(m)) || !(q.role.is_empty() || q.role.contains(&m.role)) {
        return false;
    }
    let Some(u) = user else {
        // Without the user's data only the id-based filters can match.
        return [
            &q.email_address,
            &q.phone_number,
            &q.username,
            &q.web3_wallet,
        ]
        .iter()
        .all(|v| v.is_empty())
            && [
                &q.email_address_query,
                &q.phone_number_query,
                &q.username_query,
                &q.name_query,
            ]
            .iter()
            .all(|v| v.is_none())
            && [
                q.last_active_at_before,
                q.last_active_at_after,
                q.created_at_before,
                q.created_at_after,
            ]
            .iter()
            .all(Option::is_none)
            && q.query
                .as_deref()
                .is_none_or(|t| contains_ci(user_id(m), t));
    };
    let name_hit = |t: &str| {
        [u.first_name.as_deref(), u.last_name.as_deref()]
            .into_iter()
            .flatten()
            .any(|n| contains_ci(n, t))
    };
    let username = u.username.as_deref();
    any_in(&q.email_address, emails(u))
        && any_in(&q.phone_number, phones(u))
        && any_in(&q.username, username.into_iter())
        && any_in(&q.web3_wallet, wallets(u))
        && q.email_address_query
            .as_deref()
            .is_none_or(|t| emails(u).any(|e| contains_ci(e, t)))
        && q.phone_number_query
            .as_deref()
            .is_none_or(|t| phones(u).any(|p| contains_ci(p, t)))
        && q.username_query
            .as_deref()
            .is_none_or(|t| username.is_some_and(|n| contains_ci(n, t)))
        && q.name_query.as_deref().is_none_or(name_hit)
        && q.query.as_deref().is_none_or(|t| {
            contains_ci(&u.id, t)
                || name_hit(t)
                || emails(u)
                    .chain(phones(u))
                    .chain(wallets(u))
                    .chain(username)
                    .any(|v| contains_ci(v, t))
        })
        && q.last_active_at_before
            .is_none_or(|t| u.last_active_at.is_some_and(|a| a < t))
        && q.last_active_at_after
            .is_none_or(|t| u.last_active_at.is_some_and(|a| a > t))
        && q.created_at_before.is_none_or(|t| u.created_at < t)
        && q.created_at_after.is_none_or(|t| u.created_at > t)
}

/// Sorts memberships by one of [`ORDER_FIELDS`], reading the member's data for user fields.
fn sort_members(store: &Store, members: &mut [&Member], field: &str, descending: bool) {
    let user_field = |m: &Member| -> Option<String> {
        let u = store.user(user_id(m))?;
        match field {
            "email_address" => primary_email(u).map(str::to_lowercase),
            "phone_number" => u.phone_numbers.first().map(|p| p.phone_number.clone()),
            "username" => u.username.clone(),
            "first_name" => u.first_name.as_deref().map(str::to_lowercase),
            _ => u.last_name.as_deref().map(str::to_lowercase),
        }
    };
    if field == "created_at" {
        sort_items(members, descending, |m| m.created_at);
    } else {
        sort_items(members, descending, |m| user_field(m));
    }
}

/// One page of the matches in the `{data, total_count}` envelope.
fn answer(members: &[&Member], limit: Option<i64>, offset: Option<i64>) -> Reply {
    let data: Vec<OrganizationMembership> =
        page(members, limit, offset)?.into_iter().cloned().collect();
    list(data, members.len())
}

/// `GET /organizations/{organization_id}/memberships`.
async fn list_members(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Params(q): Params<ListQuery>,
) -> Reply {
    let store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    let (field, descending) = order_by(q.order_by.as_deref(), "-created_at", &ORDER_FIELDS)?;
    let users = Signed::parse(&q.user_id);
    let views = store.membership_views();
    let mut members: Vec<&Member> = views
        .iter()
        .filter(|m| m.organization.id == org_id)
        .filter(|m| admits(&q, &users, m, store.user(user_id(m))))
        .collect();
    sort_members(&store, &mut members, &field, descending);
    answer(&members, q.limit, q.offset)
}

/// Query of `GET /organization_memberships`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct InstanceQuery {
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /organization_memberships`.
async fn list_instance(State(inner): State<Shared>, Params(q): Params<InstanceQuery>) -> Reply {
    let store = inner.store();
    let (field, descending) = order_by(q.order_by.as_deref(), "-created_at", &ORDER_FIELDS)?;
    let views = store.membership_views();
    let mut members: Vec<&Member> = views.iter().collect();
    sort_members(&store, &mut members, &field, descending);
    answer(&members, q.limit, q.offset)
}

/// Query of `GET /users/{user_id}/organization_memberships`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UserQuery {
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /users/{user_id}/organization_memberships`: newest first.
async fn list_for_user(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Params(q): Params<UserQuery>,
) -> Reply {
    let store = inner.store();
    if !store.user_exists(&id) {
        return Err(missing_resource("user", &id));
    }
    let views = store.membership_views();
    let mut members: Vec<&Member> = views.iter().filter(|m| user_id(m) == id).collect();
    sort_items(&mut members, true, |m| m.created_at);
    answer(&members, q.limit, q.offset)
}
