//! Clients: the browsers and devices that hold sessions. The stand-in keeps no table of its
//! own: a client is every session that shares a `client_id` (each `POST /sessions` starts a
//! client, as a sign-in on a new device does), read through [`Store::clients`].
//!
//! `POST /clients/verify` takes a JWT this instance signed: a session token (its `sid` names
//! the session, hence the client; Clerk's older Node SDK verified clients from the session
//! token) or a client token whose `id` is the client's id, as in the `__client` cookie.

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, paged, ApiError, Body, Paging, Params, Reply};
use super::shared::{missing_resource, reject_unknown};
use super::store::Shared;
use crate::models::Client;

/// The routes of clients.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/clients", get(list))
        .route("/clients/verify", post(verify))
        .route("/clients/{client_id}", get(fetch))
}

/// Query of `GET /clients`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    paginated: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Every client, newest first (the spec's order), as a bare array or, with
/// `paginated=true`, the `{data, total_count}` envelope. Clerk deprecates the route but
/// still answers it.
async fn list(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let mut clients = inner.store().clients();
    // Newest first; among clients of the same millisecond, the later one first.
    clients.reverse();
    clients.sort_by_key(|c| std::cmp::Reverse(c.created_at));
    paged(
        &clients,
        Paging {
            paginated: q.paginated,
            limit: q.limit,
            offset: q.offset,
        },
    )
}

/// The client with this id, or Clerk's 404.
async fn fetch(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    ok(find(&inner.store().clients(), &id)?)
}

/// Body of `POST /clients/verify`.
#[derive(Debug, Deserialize)]
struct VerifyBody {
    token: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// The client the token stands for: 422 without a token, 400 for one this instance did not
/// sign (or whose lifetime is over), 404 when its client is unknown.
async fn verify(State(inner): State<Shared>, Body(body): Body<VerifyBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let token = body
        .token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::missing("token"))?;
    let claims = inner.key.decode(&token, true).map_err(|e| {
        ApiError::bad_request(
            "token_invalid",
            format!("The token is not a valid token of this instance: {e}"),
        )
        .param("token")
    })?;
    let store = inner.store();
    let clients = store.clients();
    let client_id = match claims.get("sid").and_then(Value::as_str) {
        Some(session_id) => clients
            .iter()
            .find(|c| c.session_ids.iter().any(|s| s == session_id))
            .map(|c| c.id.clone())
            .ok_or_else(|| missing_resource("session", session_id))?,
        None => claims
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    };
    ok(find(&clients, &client_id)?)
}

/// The client with this id among `clients`, or the 404 naming it.
fn find(clients: &[Client], id: &str) -> Result<Client, ApiError> {
    clients
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or_else(|| missing_resource("client", id))
}
