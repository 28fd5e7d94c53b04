//! The stand-in's users: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's users table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

impl Table {
    /// The user with this id. Other modules use it to check that a user exists and to copy
    /// public user data (names, identifier, image) into memberships.
    pub fn get(&self, _id: &str) -> Option<&crate::models::User> {
        None
    }
}

/// The routes of users.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
