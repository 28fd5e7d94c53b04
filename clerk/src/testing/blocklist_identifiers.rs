//! The stand-in's block-list: list (all entries, with their count), add, remove.

use axum::extract::{Path, State};
use axum::routing::{delete, get};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::allowlist_identifiers::{check_unlisted, identifier_type, remove_entry, INSTANCE_ID};
use super::reply::{deleted, list as envelope, ok, Body, Reply};
use super::shared::{reject_unknown, sort_items};
use super::store::{new_id, now_ms, Shared};
use crate::models::BlocklistIdentifier;

/// Every block-list entry, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<BlocklistIdentifier>,
}

/// The routes of blocklist identifiers.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/blocklist_identifiers", get(list).post(create))
        .route("/blocklist_identifiers/{identifier_id}", delete(remove))
}

async fn list(State(inner): State<Shared>) -> Reply {
    let store = inner.store();
    let mut rows = store.blocklist.rows.clone();
    sort_items(&mut rows, true, |r| r.created_at);
    let total = rows.len();
    envelope(rows, total)
}

/// Body of `POST /blocklist_identifiers`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    identifier: String,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    reject_unknown(&body.unknown)?;
    let identifier = body.identifier.trim().to_owned();
    let kind = identifier_type(&identifier, true)?;
    let listed = store.blocklist.rows.iter().map(|r| r.identifier.as_deref());
    check_unlisted("blocklist", listed, &identifier)?;
    let now = now_ms();
    let entry = BlocklistIdentifier {
        object: Some("blocklist_identifier".to_owned()),
        id: Some(new_id("blid")),
        identifier: Some(identifier),
        identifier_type: Some(kind),
        instance_id: Some(INSTANCE_ID.to_owned()),
        created_at: Some(now),
        updated_at: Some(now),
    };
    store.blocklist.rows.push(entry.clone());
    ok(entry)
}

async fn remove(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    remove_entry(&mut inner.store().blocklist.rows, &id, |r| r.id.as_deref())?;
    deleted("blocklist_identifier", &id)
}
