//! The stand-in's organization memberships: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's organization memberships table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

impl Table {
    /// Ids of the users who are members of `organization_id` (for `GET /users?organization_id=`).
    pub fn user_ids_in(&self, _organization_id: &str) -> Vec<String> {
        Vec::new()
    }

    /// Drops every membership of a deleted user.
    pub fn remove_user(&mut self, _user_id: &str) {}
}

/// The routes of organization memberships.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
