//! The lists of organization domains: one organization's (`GET
//! /organizations/{organization_id}/domains`) and the instance's across every organization
//! (`GET /organization_domains`), both in the `{data, total_count}` envelope.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use super::domain_rules::{is_verified, mode_filter, verified_filter};
use super::reply::{ApiError, Params, Reply};
use super::resource::{answer_list, ListQuery};
use super::shared::Signed;
use super::store::{Shared, Store};
use crate::models::OrganizationDomain;

/// The routes of the two lists; `organization_domains.rs` serves the changes on the same
/// paths.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/organizations/{organization_id}/domains", get(list))
        .route("/organization_domains", get(list_all))
}

/// The domains that pass the verification and enrollment-mode filters.
fn matching<'s>(
    store: &'s Store,
    verified: Option<bool>,
    modes: &'s Signed,
) -> impl Iterator<Item = &'s OrganizationDomain> + 's {
    store
        .organization_domains
        .rows()
        .iter()
        .filter(move |d| verified.is_none_or(|v| is_verified(d) == v))
        .filter(move |d| modes.admits(|m| d.enrollment_mode.as_str() == m))
}

/// Query of `GET /organizations/{organization_id}/domains`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListDomains {
    verified: Option<String>,
    /// Comma-separated modes; a `-` prefix excludes.
    enrollment_mode: Vec<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /organizations/{organization_id}/domains`: newest first.
async fn list(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Params(q): Params<ListDomains>,
) -> Reply {
    let store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    let verified = verified_filter(q.verified.as_deref())?;
    let modes = mode_filter(&q.enrollment_mode);
    let rows: Vec<OrganizationDomain> = matching(&store, verified, &modes)
        .filter(|d| d.organization_id == org_id)
        .cloned()
        .collect();
    answer_list(
        rows,
        &ListQuery {
            limit: q.limit,
            offset: q.offset,
            ..ListQuery::default()
        },
    )
}

/// Query of `GET /organization_domains`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListAll {
    organization_id: Option<String>,
    verified: Option<String>,
    enrollment_mode: Vec<String>,
    query: Option<String>,
    domains: Vec<String>,
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /organization_domains`: every organization's domains, `-created_at` unless
/// `order_by` says `name`. `query` is an exact organization id when it starts with `org_`,
/// else a case-insensitive part of the name (the spec's rule); a blank one is a 422.
async fn list_all(State(inner): State<Shared>, Params(q): Params<ListAll>) -> Reply {
    let store = inner.store();
    let verified = verified_filter(q.verified.as_deref())?;
    let modes = mode_filter(&q.enrollment_mode);
    if q.query.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(ApiError::invalid("query", "query must not be blank."));
    }
    let needle = q.query.as_deref().map(str::trim);
    let rows: Vec<OrganizationDomain> = matching(&store, verified, &modes)
        .filter(|d| {
            q.organization_id
                .as_deref()
                .is_none_or(|id| d.organization_id == id)
        })
        .filter(|d| {
            q.domains.is_empty() || q.domains.iter().any(|n| n.eq_ignore_ascii_case(&d.name))
        })
        .filter(|d| match needle {
            Some(id) if id.starts_with("org_") => d.organization_id == id,
            Some(text) => d.name.contains(&text.to_ascii_lowercase()),
            None => true,
        })
        .cloned()
        .collect();
    answer_list(
        rows,
        &ListQuery {
            order_by: q.order_by,
            limit: q.limit,
            offset: q.offset,
            ..ListQuery::default()
        },
    )
}
