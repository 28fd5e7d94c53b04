//! The stand-in's organization invitations: create (one or up to ten), list per organization,
//! per user and across the instance, fetch, and revoke. Invitations are never accepted here
//! (that happens in the Frontend API), so they stay pending until revoked or expired.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use super::identifiers::check_email;
use super::invitation_rules::{expires_at, parse_status, ticket_url};
use super::reply::{list, ok, page, ApiError, Body, Params, Reply};
use super::shared::{missing_resource, order_by, sort_items};
use super::store::{new_id, now_ms, Shared, Store};
use super::user_labels::identifier;
use crate::models::{
    Metadata, OrganizationInvitation, OrganizationInvitationList,
    OrganizationInvitationPublicOrganizationData, OrganizationInvitationPublicUserData,
    OrganizationInvitationStatus as Status,
};

/// Every organization invitation, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<OrganizationInvitation>,
}

impl Table {
    /// How many invitations of the organization still wait for an answer.
    pub(super) fn pending_in(&self, organization_id: &str) -> usize {
        let now = now_ms();
        self.rows
            .iter()
            .filter(|i| i.organization_id.as_deref() == Some(organization_id))
            .filter(|i| status(i, now) == Status::Pending)
            .count()
    }

    /// Whether some pending invitation would make its invitee a member with `role`.
    pub(super) fn pending_with_role(&self, role: &str) -> bool {
        let now = now_ms();
        self.rows
            .iter()
            .any(|i| i.role == role && status(i, now) == Status::Pending)
    }

    /// Drops the invitations of a deleted organization.
    pub(super) fn remove_organization(&mut self, organization_id: &str) {
        self.rows
            .retain(|i| i.organization_id.as_deref() != Some(organization_id));
    }
}

/// The routes of organization invitations, including the per-user list.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/organizations/{organization_id}/invitations",
            get(list_for_organization).post(create),
        )
        .route(
            "/organizations/{organization_id}/invitations/bulk",
            post(create_bulk),
        )
        .route(
            "/organizations/{organization_id}/invitations/pending",
            get(list_pending),
        )
        .route(
            "/organizations/{organization_id}/invitations/{invitation_id}",
            get(get_one),
        )
        .route(
            "/organizations/{organization_id}/invitations/{invitation_id}/revoke",
            post(revoke),
        )
        .route("/organization_invitations", get(list_instance))
        .route(
            "/users/{user_id}/organization_invitations",
            get(list_for_user),
        )
}

/// The state as of `now`: a pending invitation past its expiry reads as expired.
fn status(invitation: &OrganizationInvitation, now: i64) -> Status {
    match &invitation.status {
        Some(Status::Pending) if invitation.expires_at.is_some_and(|at| at <= now) => {
            Status::Expired
        }
        Some(s) => s.clone(),
        None => Status::Pending,
    }
}

fn view(invitation: &OrganizationInvitation, now: i64) -> OrganizationInvitation {
    let mut shown = invitation.clone();
    shown.status = Some(status(invitation, now));
    shown
}

/// Checks that `user_id` exists and is an admin of the organization, as Clerk requires of
/// inviters and revokers.
fn check_admin(store: &Store, org_id: &str, param: &str, user_id: &str) -> Result<(), ApiError> {
    if !store.user_exists(user_id) {
        return Err(missing_resource("user", user_id).param(param));
    }
    match store.membership_view(org_id, user_id) {
        Some(m) if m.role == "org:admin" => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "missing_organization_permission",
            "missing permission",
            format!("{param} must be an admin of the organization."),
        )
        .param(param)),
    }
}

/// Body of `POST /organizations/{organization_id}/invitations` (and each bulk item); `notify`
/// is accepted and ignored, as the stand-in sends no email.
#[derive(Debug, Deserialize)]
struct CreateBody {
    email_address: String,
    role: String,
    inviter_user_id: Option<String>,
    public_metadata: Option<Metadata>,
    private_metadata: Option<Metadata>,
    redirect_url: Option<String>,
    expires_in_days: Option<i64>,
}

/// Checks one request against the store and the invitations already accepted in its batch.
fn prepare(
    store: &Store,
    origin: &str,
    org_id: &str,
    body: CreateBody,
    batch: &[OrganizationInvitation],
) -> Result<OrganizationInvitation, ApiError> {
    let email = body.email_address.trim().to_owned();
    check_email("email_address", &email)?;
    store.check_role(&body.role)?;
    let now = now_ms();
    let expires = expires_at(body.expires_in_days, now)?;
    let inviter = match &body.inviter_user_id {
        Some(id) => {
            check_admin(store, org_id, "inviter_user_id", id)?;
            store.user(id)
        }
        None => None,
    };
    let member_with_email = store.member_ids(org_id).into_iter().any(|id| {
        store.user(&id).is_some_and(|u| {
            u.email_addresses
                .iter()
                .any(|e| e.email_address.eq_ignore_ascii_case(&email))
        })
    });
    if member_with_email {
        return Err(ApiError::bad_request(
            "already_a_member_in_organization",
            format!("{email} is already a member of the organization."),
        ));
    }
    let same_email = |i: &OrganizationInvitation| {
        i.organization_id.as_deref() == Some(org_id)
            && i.email_address.eq_ignore_ascii_case(&email)
            && status(i, now) == Status::Pending
    };
    if batch.iter().any(same_email) || store.organization_invitations.rows.iter().any(same_email) {
        return Err(ApiError::bad_request(
            "organization_invitation_not_unique",
            "Organizations cannot have duplicate pending invitations for an email address.",
        ));
    }
    store.check_membership_quota(org_id, batch.len() + 1)?;
    Ok(OrganizationInvitation {
        object: "organization_invitation".to_owned(),
        id: new_id("orginv"),
        email_address: email,
        role_name: store.role_name(&body.role),
        role: body.role,
        organization_id: Some(org_id.to_owned()),
        inviter_id: inviter.map(|u| u.id.clone()),
        public_inviter_data: inviter.map(|u| OrganizationInvitationPublicUserData {
            user_id: u.id.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            image_url: u.image_url.clone().unwrap_or_default(),
            has_image: u.has_image,
            identifier: identifier(u).unwrap_or_default(),
        }),
        status: Some(Status::Pending),
        public_metadata: body.public_metadata.unwrap_or_default(),
        private_metadata: Some(body.private_metadata.unwrap_or_default()),
        url: Some(ticket_url(origin, body.redirect_url.as_deref())),
        expires_at: Some(expires),
        created_at: now,
        updated_at: now,
        public_organization_data: None,
    })
}

async fn create(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<CreateBody>,
) -> Reply {
    let mut store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    let invitation = prepare(&store, &inner.origin, &org_id, body, &[])?;
    store.organization_invitations.rows.push(invitation.clone());
    store.emit("organizationInvitation.created", &invitation);
    ok(invitation)
}

async fn create_bulk(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(bodies): Body<Vec<CreateBody>>,
) -> Reply {
    let mut store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    if bodies.is_empty() || bodies.len() > 10 {
        return Err(super::shared::value_invalid(
            "invitations",
            "Between 1 and 10 invitations can be created in one request.",
        ));
    }
    let mut batch = Vec::with_capacity(bodies.len());
    for body in bodies {
        let invitation = prepare(&store, &inner.origin, &org_id, body, &batch)?;
        batch.push(invitation);
    }
    store
        .organization_invitations
        .rows
        .extend(batch.iter().cloned());
    for invitation in &batch {
        store.emit("organizationInvitation.created", invitation);
    }
    let total_count = i64::try_from(batch.len()).unwrap_or(i64::MAX);
    ok(OrganizationInvitationList {
        data: batch,
        total_count,
    })
}

/// Query of the organization invitation lists (each list reads the fields it documents).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    status: Vec<String>,
    email_address: Vec<String>,
    query: Option<String>,
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Filters, sorts and pages invitations; `with_org` adds each one's organization data.
fn answer<'a>(
    store: &Store,
    q: &ListQuery,
    rows: impl Iterator<Item = &'a OrganizationInvitation>,
    with_org: bool,
) -> Reply {
    let (field, descending) = order_by(
        q.order_by.as_deref(),
        "-created_at",
        &["created_at", "email_address"],
    )?;
    let statuses = q
        .status
        .iter()
        .map(|s| parse_status::<Status>(s))
        .collect::<Result<Vec<_>, _>>()?;
    let needle = q.query.as_deref().map(str::to_lowercase);
    let now = now_ms();
    let mut matches: Vec<OrganizationInvitation> = rows
        .map(|i| view(i, now))
        .filter(|i| statuses.is_empty() || i.status.as_ref().is_some_and(|s| statuses.contains(s)))
        .filter(|i| {
            q.email_address.is_empty()
                || q.email_address
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(&i.email_address))
        })
        .filter(|i| {
            needle
                .as_deref()
                .is_none_or(|n| i.email_address.to_lowercase().contains(n))
        })
        .collect();
    if field == "email_address" {
        sort_items(&mut matches, descending, |i| i.email_address.to_lowercase());
    } else {
        sort_items(&mut matches, descending, |i| i.created_at);
    }
    let total = matches.len();
    let mut data = page(&matches, q.limit, q.offset)?;
    if with_org {
        for invitation in &mut data {
            let org = invitation
                .organization_id
                .as_deref()
                .and_then(|id| store.organization(id).ok());
            invitation.public_organization_data =
                org.map(|o| OrganizationInvitationPublicOrganizationData {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    slug: o.slug.clone(),
                    image_url: o.image_url.clone(),
                    has_image: o.has_image,
                });
        }
    }
    list(data, total)
}

fn of_organization<'a>(
    store: &'a Store,
    org_id: &'a str,
) -> impl Iterator<Item = &'a OrganizationInvitation> {
    store
        .organization_invitations
        .rows
        .iter()
        .filter(move |i| i.organization_id.as_deref() == Some(org_id))
}

async fn list_for_organization(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Params(q): Params<ListQuery>,
) -> Reply {
    let store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    answer(&store, &q, of_organization(&store, &org_id), false)
}

async fn list_pending(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Params(mut q): Params<ListQuery>,
) -> Reply {
    let store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    q.status = vec!["pending".to_owned()];
    answer(&store, &q, of_organization(&store, &org_id), false)
}

async fn list_instance(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let store = inner.store();
    answer(&store, &q, store.organization_invitations.rows.iter(), true)
}

async fn list_for_user(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Params(q): Params<ListQuery>,
) -> Reply {
    let store = inner.store();
    let user = store
        .user(&user_id)
        .ok_or_else(|| missing_resource("user", &user_id))?;
    let emails: Vec<&str> = user
        .email_addresses
        .iter()
        .map(|e| e.email_address.as_str())
        .collect();
    let rows = store.organization_invitations.rows.iter().filter(|i| {
        emails
            .iter()
            .any(|e| e.eq_ignore_ascii_case(&i.email_address))
    });
    answer(&store, &q, rows, true)
}

/// The index of the invitation a path names, or the 404s Clerk answers.
fn locate(store: &Store, key: &str, invitation_id: &str) -> Result<usize, ApiError> {
    let org_id = store.organization(key)?.id.clone();
    store
        .organization_invitations
        .rows
        .iter()
        .position(|i| i.id == invitation_id && i.organization_id.as_deref() == Some(&org_id))
        .ok_or_else(|| missing_resource("organization invitation", invitation_id))
}

async fn get_one(
    State(inner): State<Shared>,
    Path((key, invitation_id)): Path<(String, String)>,
) -> Reply {
    let store = inner.store();
    let index = locate(&store, &key, &invitation_id)?;
    ok(view(&store.organization_invitations.rows[index], now_ms()))
}

/// Body of the revoke endpoint.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RevokeBody {
    requesting_user_id: Option<String>,
}

async fn revoke(
    State(inner): State<Shared>,
    Path((key, invitation_id)): Path<(String, String)>,
    Body(body): Body<RevokeBody>,
) -> Reply {
    let mut store = inner.store();
    let index = locate(&store, &key, &invitation_id)?;
    let now = now_ms();
    let org_id = store.organization_invitations.rows[index]
        .organization_id
        .clone()
        .unwrap_or_default();
    if let Some(user_id) = &body.requesting_user_id {
        check_admin(&store, &org_id, "requesting_user_id", user_id)?;
    }
    let invitation = &mut store.organization_invitations.rows[index];
    if status(invitation, now) != Status::Pending {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "organization_invitation_not_pending",
            "not pending",
            "The organization invitation is not in the 'pending' status.",
        ));
    }
    invitation.status = Some(Status::Revoked);
    invitation.updated_at = now;
    let invitation = invitation.clone();
    store.emit("organizationInvitation.revoked", &invitation);
    ok(invitation)
}
