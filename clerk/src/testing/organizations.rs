//! The stand-in's organizations: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's organizations table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of organizations.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
