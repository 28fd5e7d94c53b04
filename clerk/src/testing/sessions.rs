//! The stand-in's sessions: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's sessions table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of sessions.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
