//! The stand-in's allowlist identifiers: not written yet.

use axum::Router;

use super::store::Shared;

/// The stand-in's allowlist identifiers table.
#[derive(Debug, Default)]
pub(crate) struct Table {}

/// The routes of allowlist identifiers.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
}
