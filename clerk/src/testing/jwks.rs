//! `GET /jwks`: the public half of the stand-in's signing key.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use super::store::Shared;

/// The routes of the JWKS.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/jwks", get(jwks))
}

async fn jwks(State(inner): State<Shared>) -> Json<Value> {
    Json(inner.key.jwks())
}
