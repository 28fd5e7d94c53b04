//! The stand-in's invitations: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's invitations table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of invitations.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
