//! The stand-in's allow-list: list, add (optionally inviting the address), remove. Also the
//! identifier check the block-list shares.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::invitations::valid_email;
use super::reply::{deleted, ok, paged, ApiError, Body, Paging, Params, Reply};
use super::shared::{missing_resource, reject_unknown, sort_items};
use super::store::{new_id, now_ms, Shared};
use crate::models::{AllowlistIdentifier, IdentifierType};

/// The instance id the stand-in reports on list entries.
pub(super) const INSTANCE_ID: &str = "ins_standin";

/// Every allow-list entry, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<AllowlistIdentifier>,
}

/// The routes of allowlist identifiers.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/allowlist_identifiers", get(list).post(create))
        .route("/allowlist_identifiers/{identifier_id}", delete(remove))
}

/// The kind of an identifier, read from its shape: an email address (or, with
/// `allow_domain`, a bare `@domain`/`*@domain`), an E.164 phone number, or a `0x` wallet.
/// Anything else is Clerk's 422 naming `identifier`.
pub(super) fn identifier_type(
    identifier: &str,
    allow_domain: bool,
) -> Result<IdentifierType, ApiError> {
    if identifier.is_empty() {
        return Err(ApiError::missing("identifier"));
    }
    if let Some(domain) = identifier
        .strip_prefix("*@")
        .or_else(|| identifier.strip_prefix('@'))
    {
        if allow_domain && valid_email(&format!("x@{domain}")) {
            return Ok(IdentifierType::EmailAddress);
        }
    } else if identifier.contains('@') && valid_email(identifier) {
        return Ok(IdentifierType::EmailAddress);
    }
    if let Some(digits) = identifier.strip_prefix('+') {
        if (7..=15).contains(&digits.len()) && digits.bytes().all(|c| c.is_ascii_digit()) {
            return Ok(IdentifierType::PhoneNumber);
        }
    }
    if let Some(hex) = identifier.strip_prefix("0x") {
        if hex.len() == 40 && hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return Ok(IdentifierType::Web3Wallet);
        }
    }
    Err(ApiError::invalid(
        "identifier",
        "identifier must be either a valid email address, a valid phone number according to \
         E.164 international standard or a valid web3 wallet.",
    ))
}

/// 400 `duplicate_record` when `identifier` is already on the list (compared
/// case-insensitively), as Clerk answers.
pub(super) fn check_unlisted<'r>(
    list: &str,
    mut listed: impl Iterator<Item = Option<&'r str>>,
    identifier: &str,
) -> Result<(), ApiError> {
    if listed.any(|i| i.is_some_and(|i| i.eq_ignore_ascii_case(identifier))) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "duplicate_record",
            format!("duplicate {list} identifier"),
            format!("the identifier {identifier} already exists"),
        )
        .param("identifier"));
    }
    Ok(())
}

/// Removes the entry with this id, or answers 404.
pub(super) fn remove_entry<T>(
    rows: &mut Vec<T>,
    id: &str,
    id_of: impl Fn(&T) -> Option<&str>,
) -> Result<T, ApiError> {
    let index = rows
        .iter()
        .position(|r| id_of(r) == Some(id))
        .ok_or_else(|| missing_resource("identifier", id))?;
    Ok(rows.remove(index))
}

/// Query of `GET /allowlist_identifiers`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    paginated: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let store = inner.store();
    let mut rows = store.allowlist.rows.clone();
    sort_items(&mut rows, true, |r| r.created_at);
    paged(
        &rows,
        Paging {
            paginated: q.paginated,
            limit: q.limit,
            offset: q.offset,
        },
    )
}

/// Body of `POST /allowlist_identifiers`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    identifier: String,
    notify: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    reject_unknown(&body.unknown)?;
    let identifier = body.identifier.trim().to_owned();
    let kind = identifier_type(&identifier, true)?;
    let listed = store.allowlist.rows.iter().map(|r| r.identifier.as_deref());
    check_unlisted("allowlist", listed, &identifier)?;
    // Only a full email address can receive an invitation.
    let invitation_id = (body.notify.unwrap_or(false)
        && kind == IdentifierType::EmailAddress
        && valid_email(&identifier))
    .then(|| match store.invitations.pending_for(&identifier) {
        Some(existing) => existing.id.clone(),
        None => store.invitations.invite(&inner.origin, &identifier),
    });
    let now = now_ms();
    let entry = AllowlistIdentifier {
        object: Some("allowlist_identifier".to_owned()),
        id: Some(new_id("alid")),
        invitation_id,
        identifier: Some(identifier),
        identifier_type: Some(kind),
        instance_id: Some(INSTANCE_ID.to_owned()),
        created_at: Some(now),
        updated_at: Some(now),
    };
    store.allowlist.rows.push(entry.clone());
    ok(entry)
}

async fn remove(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    remove_entry(&mut inner.store().allowlist.rows, &id, |r| r.id.as_deref())?;
    deleted("allowlist_identifier", &id)
}
