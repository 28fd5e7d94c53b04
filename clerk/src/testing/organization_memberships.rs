//! The stand-in's organization memberships: add a user with a role, list an organization's
//! members with Clerk's filters, change a role, remove, merge metadata, and the instance-wide
//! and per-user lists. A membership keeps ids only; the organization and the member's public
//! data are read from their tables when answering, so they never go stale.

use axum::extract::{Path, State};
use axum::routing::{patch, post};
use axum::Router;
use serde::Deserialize;

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{merge_metadata, missing_resource};
use super::store::{new_id, now_ms, Shared, Store};
use super::user_labels::identifier;
use crate::models::{Metadata, OrganizationMembership, OrganizationMembershipPublicUserData, User};

/// One membership as stored.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    /// `orgmem_...`.
    pub id: String,
    /// The organization's id (never its slug).
    pub organization_id: String,
    /// The member's user id.
    pub user_id: String,
    /// The key of one of the instance's roles.
    pub role: String,
    /// Metadata readable from the Frontend API.
    pub public_metadata: Metadata,
    /// Metadata only the Backend API sees.
    pub private_metadata: Metadata,
    /// When the user joined (unix ms).
    pub created_at: i64,
    /// When the membership last changed (unix ms).
    pub updated_at: i64,
}

/// Every membership, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Member>,
}

impl Table {
    /// Ids of the users who are members of `organization_id` (for `GET /users?organization_id=`).
    pub fn user_ids_in(&self, organization_id: &str) -> Vec<String> {
        self.rows
            .iter()
            .filter(|m| m.organization_id == organization_id)
            .map(|m| m.user_id.clone())
            .collect()
    }

    /// Drops every membership of a deleted user.
    pub fn remove_user(&mut self, user_id: &str) {
        self.rows.retain(|m| m.user_id != user_id);
    }

    /// Drops every membership of a deleted organization.
    pub(super) fn remove_organization(&mut self, organization_id: &str) {
        self.rows.retain(|m| m.organization_id != organization_id);
    }

    /// How many members the organization has.
    pub(super) fn count_in(&self, organization_id: &str) -> usize {
        self.rows
            .iter()
            .filter(|m| m.organization_id == organization_id)
            .count()
    }

    /// Whether some member of the organization is an admin.
    pub(super) fn has_admin(&self, organization_id: &str) -> bool {
        self.rows
            .iter()
            .any(|m| m.organization_id == organization_id && m.role == "org:admin")
    }

    /// The membership of `user_id` in `organization_id`.
    pub(super) fn find(&self, organization_id: &str, user_id: &str) -> Option<&Member> {
        self.rows
            .iter()
            .find(|m| m.organization_id == organization_id && m.user_id == user_id)
    }

    /// Every membership, oldest first.
    pub(super) fn rows(&self) -> &[Member] {
        &self.rows
    }

    fn position(&self, organization_id: &str, user_id: &str) -> Option<usize> {
        self.rows
            .iter()
            .position(|m| m.organization_id == organization_id && m.user_id == user_id)
    }

    /// Records a membership; callers have checked the organization, user, role and quota.
    pub(super) fn add(
        &mut self,
        organization_id: &str,
        user_id: &str,
        role: &str,
        public_metadata: Metadata,
        private_metadata: Metadata,
    ) -> Member {
        let now = now_ms();
        let member = Member {
            id: new_id("orgmem"),
            organization_id: organization_id.to_owned(),
            user_id: user_id.to_owned(),
            role: role.to_owned(),
            public_metadata,
            private_metadata,
            created_at: now,
            updated_at: now,
        };
        self.rows.push(member.clone());
        member
    }
}

/// The memberships of a user as the API shows them, for the events of deleting the user.
pub(super) fn views_of_user(store: &Store, user_id: &str) -> Vec<OrganizationMembership> {
    store
        .memberships
        .rows
        .iter()
        .filter(|m| m.user_id == user_id)
        .filter_map(|m| view(store, m))
        .collect()
}

/// The routes that change organization memberships (the lists are `membership_filters.rs`).
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/organizations/{organization_id}/memberships", post(create))
        .route(
            "/organizations/{organization_id}/memberships/{user_id}",
            patch(update).delete(delete),
        )
        .route(
            "/organizations/{organization_id}/memberships/{user_id}/metadata",
            patch(merge_metadata_of),
        )
}

fn public_user_data(user_id: &str, user: Option<&User>) -> OrganizationMembershipPublicUserData {
    OrganizationMembershipPublicUserData {
        user_id: user_id.to_owned(),
        first_name: user.and_then(|u| u.first_name.clone()),
        last_name: user.and_then(|u| u.last_name.clone()),
        profile_image_url: user.and_then(|u| u.image_url.clone()),
        image_url: user.and_then(|u| u.image_url.clone()).unwrap_or_default(),
        has_image: user.is_some_and(|u| u.has_image),
        identifier: user.and_then(identifier),
        username: user.and_then(|u| u.username.clone()),
        banned: user.map(|u| u.banned),
        deprovisioned: user.and_then(|u| u.deprovisioned),
    }
}

/// The membership as responses show it, with its organization and member as they are now.
pub(super) fn view(store: &Store, m: &Member) -> Option<OrganizationMembership> {
    let organization = store.organization(&m.organization_id).ok()?.clone();
    Some(OrganizationMembership {
        object: "organization_membership".to_owned(),
        id: m.id.clone(),
        role: m.role.clone(),
        role_name: Some(store.role_name(&m.role)),
        permissions: store.role_permissions(&m.role),
        public_metadata: m.public_metadata.clone(),
        private_metadata: Some(m.private_metadata.clone()),
        organization,
        public_user_data: Some(public_user_data(&m.user_id, store.user(&m.user_id))),
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// Body of `POST /organizations/{organization_id}/memberships`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    user_id: String,
    role: String,
    public_metadata: Option<Metadata>,
    private_metadata: Option<Metadata>,
}

async fn create(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<CreateBody>,
) -> Reply {
    let mut store = inner.store();
    let org_id = store.organization(&key)?.id.clone();
    if body.user_id.is_empty() {
        return Err(ApiError::missing("user_id"));
    }
    let user = store
        .user(&body.user_id)
        .ok_or_else(|| missing_resource("user", &body.user_id).param("user_id"))?;
    store.check_role(&body.role)?;
    if store.memberships.find(&org_id, &body.user_id).is_some() {
        let who = identifier(user).unwrap_or_else(|| body.user_id.clone());
        return Err(ApiError::bad_request(
            "already_a_member_in_organization",
            format!("{who} is already a member of the organization."),
        ));
    }
    store.check_membership_quota(&org_id, 1)?;
    let member = store.memberships.add(
        &org_id,
        &body.user_id,
        &body.role,
        body.public_metadata.unwrap_or_default(),
        body.private_metadata.unwrap_or_default(),
    );
    let shown = view(&store, &member);
    if let Some(shown) = &shown {
        store.emit("organizationMembership.created", shown);
    }
    ok(shown)
}

/// Body of `PATCH /organizations/{organization_id}/memberships/{user_id}`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    role: String,
}

/// The index of the membership a path names, or the 404s Clerk answers.
fn locate(store: &Store, key: &str, user_id: &str) -> Result<usize, ApiError> {
    let org_id = store.organization(key)?.id.clone();
    store
        .memberships
        .position(&org_id, user_id)
        .ok_or_else(|| missing_resource("organization membership for user", user_id))
}

async fn update(
    State(inner): State<Shared>,
    Path((key, user_id)): Path<(String, String)>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    let mut store = inner.store();
    let index = locate(&store, &key, &user_id)?;
    store.check_role(&body.role)?;
    let member = &mut store.memberships.rows[index];
    member.role = body.role;
    member.updated_at = now_ms();
    let member = member.clone();
    let shown = view(&store, &member);
    if let Some(shown) = &shown {
        store.emit("organizationMembership.updated", shown);
    }
    ok(shown)
}

async fn delete(
    State(inner): State<Shared>,
    Path((key, user_id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    let index = locate(&store, &key, &user_id)?;
    // Answer with the membership as it was, so render before removing it.
    let shown = view(&store, &store.memberships.rows[index]);
    store.memberships.rows.remove(index);
    if let Some(shown) = &shown {
        store.emit("organizationMembership.deleted", shown);
    }
    ok(shown)
}

/// Body of `PATCH /organizations/{organization_id}/memberships/{user_id}/metadata`.
#[derive(Debug, Deserialize)]
struct MetadataBody {
    public_metadata: Option<Metadata>,
    private_metadata: Option<Metadata>,
}

async fn merge_metadata_of(
    State(inner): State<Shared>,
    Path((key, user_id)): Path<(String, String)>,
    Body(body): Body<MetadataBody>,
) -> Reply {
    let mut store = inner.store();
    let index = locate(&store, &key, &user_id)?;
    let member = &mut store.memberships.rows[index];
    if let Some(public) = body.public_metadata {
        merge_metadata(&mut member.public_metadata, public);
    }
    if let Some(private) = body.private_metadata {
        merge_metadata(&mut member.private_metadata, private);
    }
    member.updated_at = now_ms();
    let member = member.clone();
    let shown = view(&store, &member);
    if let Some(shown) = &shown {
        store.emit("organizationMembership.updated", shown);
    }
    ok(shown)
}
