//! The stand-in's users: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's users table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of users.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
