//! The stand-in's application invitations: create (one or up to ten at once), list, revoke.
//! The expiry and invitation link it shares with organization invitations live in
//! `invitation_rules.rs`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identifiers::check_email;
use super::invitation_rules::{expires_at, parse_status, ticket_url, DAY_MS};
use super::reply::{ok, paged, ApiError, Body, Paging, Params, Reply};
use super::shared::{order_by, reject_unknown, sort_items, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{Invitation, InvitationStatus, Metadata};

/// Every invitation, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Invitation>,
}

impl Table {
    /// The pending invitation for `email`, if there is one.
    pub(super) fn pending_for(&self, email: &str) -> Option<&Invitation> {
        let now = now_ms();
        self.rows.iter().find(|i| {
            i.email_address.eq_ignore_ascii_case(email)
                && view(i, now).status == InvitationStatus::Pending
        })
    }

    /// Invites `email` with the defaults (30 days, no metadata) and answers the new id; used
    /// by the allow-list when asked to notify.
    pub(super) fn invite(&mut self, origin: &str, email: &str) -> String {
        let now = now_ms();
        let invitation =
            new_invitation(origin, email, Metadata::new(), None, now + 30 * DAY_MS, now);
        let id = invitation.id.clone();
        self.rows.push(invitation);
        id
    }

    /// The invitation with this id as it reads now (a lapsed one as expired).
    pub(super) fn current(&self, id: &str) -> Option<Invitation> {
        let now = now_ms();
        self.rows.iter().find(|i| i.id == id).map(|i| view(i, now))
    }
}

/// The routes of invitations.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/invitations", get(list_invitations).post(create))
        .route("/invitations/bulk", post(create_bulk))
        .route("/invitations/{invitation_id}/revoke", post(revoke))
}

fn new_invitation(
    origin: &str,
    email: &str,
    public_metadata: Metadata,
    redirect_url: Option<&str>,
    expires_at: i64,
    now: i64,
) -> Invitation {
    Invitation {
        object: "invitation".to_owned(),
        id: new_id("inv"),
        email_address: email.to_owned(),
        public_metadata,
        revoked: Some(false),
        status: InvitationStatus::Pending,
        url: Some(ticket_url(origin, redirect_url)),
        expires_at: Some(expires_at),
        created_at: now,
        updated_at: now,
    }
}

/// The invitation as of `now`: a pending one past its expiry reads as expired.
fn view(invitation: &Invitation, now: i64) -> Invitation {
    let mut shown = invitation.clone();
    if shown.status == InvitationStatus::Pending && shown.expires_at.is_some_and(|at| at <= now) {
        shown.status = InvitationStatus::Expired;
    }
    shown
}

/// Body of `POST /invitations` (and each item of the bulk endpoint).
#[derive(Debug, Deserialize)]
struct CreateBody {
    email_address: String,
    public_metadata: Option<Metadata>,
    redirect_url: Option<String>,
    #[allow(dead_code)] // accepted for fidelity: the stand-in sends no email
    notify: Option<bool>,
    ignore_existing: Option<bool>,
    expires_in_days: Option<i64>,
    template_slug: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Checks one request against the store and the invitations already accepted in its batch.
fn prepare(
    store: &Store,
    origin: &str,
    body: CreateBody,
    batch: &[Invitation],
) -> Result<Invitation, ApiError> {
    reject_unknown(&body.unknown)?;
    let email = body.email_address.trim().to_owned();
    check_email("email_address", &email)?;
    if let Some(slug) = &body.template_slug {
        if !matches!(slug.as_str(), "invitation" | "waitlist_invitation") {
            return Err(value_invalid(
                "template_slug",
                format!(
                    "{slug} does not match the allowed values for parameter template_slug. Allowed values: invitation, waitlist_invitation"
                ),
            ));
        }
    }
    let now = now_ms();
    let expires = expires_at(body.expires_in_days, now)?;
    let ignore_existing = body.ignore_existing.unwrap_or(false);
    if !ignore_existing && store.email_in_use(&email) {
        return Err(ApiError::identifier_exists(
            "email_address",
            "email address",
        ));
    }
    let in_batch = batch
        .iter()
        .any(|i| i.email_address.eq_ignore_ascii_case(&email));
    if !ignore_existing && (in_batch || store.invitations.pending_for(&email).is_some()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "duplicate_record",
            "duplicate invitation",
            format!(
                "There are already pending invitations for the following email addresses: {email}"
            ),
        )
        .param("email_address"));
    }
    Ok(new_invitation(
        origin,
        &email,
        body.public_metadata.unwrap_or_default(),
        body.redirect_url.as_deref(),
        expires,
        now,
    ))
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    let invitation = prepare(&store, &inner.origin, body, &[])?;
    store.invitations.rows.push(invitation.clone());
    ok(invitation)
}

async fn create_bulk(State(inner): State<Shared>, Body(bodies): Body<Vec<CreateBody>>) -> Reply {
    let mut store = inner.store();
    if bodies.is_empty() || bodies.len() > 10 {
        return Err(value_invalid(
            "invitations",
            "Between 1 and 10 invitations can be created in one request.",
        ));
    }
    let mut batch = Vec::with_capacity(bodies.len());
    for body in bodies {
        let invitation = prepare(&store, &inner.origin, body, &batch)?;
        batch.push(invitation);
    }
    store.invitations.rows.extend(batch.iter().cloned());
    ok(batch)
}

/// Query of `GET /invitations`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    status: Option<String>,
    query: Option<String>,
    order_by: Option<String>,
    paginated: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list_invitations(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let store = inner.store();
    let (field, descending) = order_by(
        q.order_by.as_deref(),
        "-created_at",
        &["created_at", "email_address", "expires_at"],
    )?;
    let status: Option<InvitationStatus> = q.status.as_deref().map(parse_status).transpose()?;
    let needle = q.query.as_deref().map(str::to_lowercase);
    let now = now_ms();
    let mut matches: Vec<Invitation> = store
        .invitations
        .rows
        .iter()
        .map(|i| view(i, now))
        .filter(|i| status.as_ref().is_none_or(|s| i.status == *s))
        .filter(|i| {
            needle.as_deref().is_none_or(|n| {
                i.email_address.to_lowercase().contains(n) || i.id.to_lowercase().contains(n)
            })
        })
        .collect();
    match field.as_str() {
        "email_address" => sort_items(&mut matches, descending, |i| i.email_address.to_lowercase()),
        "expires_at" => sort_items(&mut matches, descending, |i| i.expires_at),
        _ => sort_items(&mut matches, descending, |i| i.created_at),
    }
    paged(
        &matches,
        Paging {
            paginated: q.paginated,
            limit: q.limit,
            offset: q.offset,
        },
    )
}

async fn revoke(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    let invitation = store
        .invitations
        .rows
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "resource_not_found",
                "not found",
                format!("No invitation was found with id {id}."),
            )
        })?;
    match invitation.status {
        InvitationStatus::Revoked => Err(ApiError::bad_request(
            "invitation_already_revoked",
            "Invitation is already revoked.",
        )),
        InvitationStatus::Accepted => Err(ApiError::bad_request(
            "invitation_already_accepted",
            "Invitation is already accepted, try signing in instead.",
        )),
        _ => {
            invitation.status = InvitationStatus::Revoked;
            invitation.revoked = Some(true);
            invitation.updated_at = now;
            ok(invitation.clone())
        }
    }
}
