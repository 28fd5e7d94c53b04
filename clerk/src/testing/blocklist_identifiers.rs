//! The stand-in's blocklist identifiers: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's blocklist identifiers table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of blocklist identifiers.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
