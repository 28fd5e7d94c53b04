//! The stand-in's organization memberships: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's organization memberships table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of organization memberships.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
