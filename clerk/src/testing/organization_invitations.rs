//! The stand-in's organization invitations: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's organization invitations table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of organization invitations.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
