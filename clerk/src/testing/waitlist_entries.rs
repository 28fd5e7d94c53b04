//! The waitlist: add an address (an address already there answers with its entry), add
//! many, list with `query`/`status` filters and the generic paging and ordering, delete a
//! pending entry, invite (an invitation goes out through the store) and reject.

use std::collections::HashSet;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identifiers::check_email;
use super::reply::{deleted, ok, ApiError, Body, Params, Reply};
use super::resource::{answer_list, row_accessors, Key, ListQuery, Listing, Resource, Table};
use super::shared::{reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{WaitlistEntry, WaitlistEntryStatus};

/// The most addresses one bulk request may carry.
const BULK_MAX: usize = 50;

impl Resource for WaitlistEntry {
    const OBJECT: &'static str = "waitlist_entry";
    const NAME: &'static str = "waitlist entry";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "email_address", "invited_at"];
    fn order_key(&self, field: &str) -> Key {
        match field {
            "email_address" => Key::Text(self.email_address.to_ascii_lowercase()),
            "invited_at" => self
                .invitation
                .as_ref()
                .map_or(Key::Missing, |i| Key::Int(i.created_at)),
            _ => Key::Int(self.created_at),
        }
    }
    row_accessors!(waitlist);
}

/// The routes of waitlist entries.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/waitlist_entries", get(list).post(create))
        .route("/waitlist_entries/bulk", post(create_bulk))
        .route("/waitlist_entries/{waitlist_entry_id}", delete(remove))
        .route("/waitlist_entries/{waitlist_entry_id}/invite", post(invite))
        .route("/waitlist_entries/{waitlist_entry_id}/reject", post(reject))
}

/// The entry as it reads now: its invitation as the store holds it today (accepted,
/// revoked or expired since the invite).
fn current(store: &Store, entry: &WaitlistEntry) -> WaitlistEntry {
    let mut shown = entry.clone();
    if let Some(invitation) = &entry.invitation {
        shown.invitation = store.invitation(&invitation.id).or(shown.invitation);
    }
    shown
}

/// Query of `GET /waitlist_entries`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListParams {
    limit: Option<i64>,
    offset: Option<i64>,
    query: Option<String>,
    status: Option<String>,
    order_by: Option<String>,
}

async fn list(State(inner): State<Shared>, Params(q): Params<ListParams>) -> Reply {
    let status = match q.status.as_deref() {
        None | Some("") => None,
        Some(s @ ("pending" | "invited" | "completed" | "rejected")) => Some(s.to_owned()),
        Some(other) => {
            return Err(value_invalid(
                "status",
                format!(
                    "{other} does not match the allowed values for parameter status. Allowed \
                     values: pending, invited, completed, rejected"
                ),
            ))
        }
    };
    let text = q.query.as_deref().unwrap_or_default().to_ascii_lowercase();
    let store = inner.store();
    let rows: Vec<WaitlistEntry> = store
        .waitlist
        .rows()
        .iter()
        .filter(|e| status.as_deref().is_none_or(|s| e.status.as_str() == s))
        .filter(|e| {
            text.is_empty() || e.id == text || e.email_address.to_ascii_lowercase().contains(&text)
        })
        .map(|e| current(&store, e))
        .collect();
    let paging = ListQuery {
        paginated: None,
        limit: q.limit,
        offset: q.offset,
        order_by: q.order_by,
    };
    answer_list(rows, &paging)
}

/// Body of `POST /waitlist_entries`, and each item of the bulk route.
#[derive(Debug, Deserialize)]
struct CreateBody {
    email_address: String,
    #[allow(dead_code)] // accepted for fidelity: the stand-in sends no email
    notify: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// The entry for the body's address: the one already on the list, or a new pending one.
fn add(store: &mut Store, body: CreateBody, now: i64) -> Result<WaitlistEntry, ApiError> {
    reject_unknown(&body.unknown)?;
    let email = body.email_address.trim().to_owned();
    check_email("email_address", &email)?;
    let table = WaitlistEntry::table_mut(store);
    if let Some(existing) = table.find(|e| e.email_address.eq_ignore_ascii_case(&email)) {
        return Ok(existing.clone());
    }
    let entry = table.insert(WaitlistEntry {
        object: WaitlistEntry::OBJECT.to_owned(),
        id: new_id("wle"),
        email_address: email,
        status: WaitlistEntryStatus::Pending,
        is_locked: Some(false),
        created_at: now,
        updated_at: now,
        invitation: None,
    });
    store.emit("waitlistEntry.created", &entry);
    Ok(entry)
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    let entry = add(&mut store, body, now_ms())?;
    ok(current(&store, &entry))
}

async fn create_bulk(State(inner): State<Shared>, Body(bodies): Body<Vec<CreateBody>>) -> Reply {
    if bodies.is_empty() || bodies.len() > BULK_MAX {
        return Err(value_invalid(
            "body",
            format!("Between 1 and {BULK_MAX} waitlist entries can be created at once."),
        ));
    }
    let mut seen = HashSet::new();
    for body in &bodies {
        if !seen.insert(body.email_address.trim().to_ascii_lowercase()) {
            return Err(value_invalid(
                "email_address",
                format!("{} appears more than once.", body.email_address),
            ));
        }
    }
    let mut store = inner.store();
    let now = now_ms();
    let mut entries = Vec::with_capacity(bodies.len());
    for body in bodies {
        entries.push(add(&mut store, body, now)?);
    }
    let shown: Vec<WaitlistEntry> = entries.iter().map(|e| current(&store, e)).collect();
    ok(shown)
}

/// 409 for an action the entry's state does not allow.
fn conflict(entry: &WaitlistEntry, action: &str, done: &str) -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "waitlist_entry_conflict",
        format!("cannot {action} this waitlist entry"),
        format!(
            "The waitlist entry {} is {}, so it cannot be {done}.",
            entry.id, entry.status
        ),
    )
}

async fn remove(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let table = WaitlistEntry::table_mut(&mut store);
    let entry = table.get(&id)?;
    if entry.status != WaitlistEntryStatus::Pending {
        return Err(conflict(entry, "delete", "deleted"));
    }
    table.remove(&id)?;
    deleted(WaitlistEntry::OBJECT, &id)
}

/// Body of `POST /waitlist_entries/{id}/invite`.
#[derive(Debug, Default, Deserialize)]
struct InviteBody {
    ignore_existing: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn invite(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<InviteBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let ignore_existing = body.ignore_existing.unwrap_or(false);
    let mut store = inner.store();
    let entry = WaitlistEntry::table(&store).get(&id)?.clone();
    if entry.status == WaitlistEntryStatus::Completed {
        return Err(conflict(&entry, "invite", "invited"));
    }
    let email = entry.email_address.clone();
    if !ignore_existing && store.email_in_use(&email) {
        return Err(ApiError::identifier_exists(
            "email_address",
            "email address",
        ));
    }
    if !ignore_existing && store.has_pending_invitation(&email) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "duplicate_record",
            "duplicate invitation",
            format!("There is already a pending invitation for {email}."),
        )
        .param("email_address"));
    }
    let invitation_id = store.invite_again(&inner.origin, &email);
    let invitation = store.invitation(&invitation_id);
    let row = WaitlistEntry::table_mut(&mut store).get_mut(&id)?;
    row.status = WaitlistEntryStatus::Invited;
    row.invitation = invitation;
    row.updated_at = now_ms();
    let entry = row.clone();
    store.emit("waitlistEntry.updated", &entry);
    ok(entry)
}

async fn reject(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let row = WaitlistEntry::table_mut(&mut store).get_mut(&id)?;
    if row.status == WaitlistEntryStatus::Completed {
        return Err(conflict(row, "reject", "rejected"));
    }
    row.status = WaitlistEntryStatus::Rejected;
    row.updated_at = now_ms();
    let entry = row.clone();
    let shown = current(&store, &entry);
    store.emit("waitlistEntry.updated", &shown);
    ok(shown)
}
