//! Handshake payloads: the cookie directives a `format=nonce` handshake left under a nonce,
//! and `GET /clients/handshake_payload`, where the SDK behind the redirect collects them
//! with the secret key. The spec lists the path without operations; @clerk/backend calls it.

use std::collections::HashMap;

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::json;

use super::ids::new_id;
use super::reply::{ok, ApiError, Params, Reply};
use super::store::Shared;

/// Directives waiting for their nonce, each collected once.
#[derive(Debug, Default)]
pub(crate) struct Table {
    by_nonce: HashMap<String, Vec<String>>,
}

impl Table {
    /// Keeps `directives` under a new random nonce and answers it.
    pub(super) fn stash(&mut self, directives: Vec<String>) -> String {
        let nonce = new_id("nonce");
        self.by_nonce.insert(nonce.clone(), directives);
        nonce
    }

    /// The directives under `nonce`, gone from the table once read.
    fn take(&mut self, nonce: &str) -> Option<Vec<String>> {
        self.by_nonce.remove(nonce)
    }
}

/// The routes of handshake payloads.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/clients/handshake_payload", get(fetch))
}

/// Query of `GET /clients/handshake_payload`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PayloadQuery {
    nonce: Option<String>,
}

/// `{"directives": [...]}` for a nonce the handshake issued, once: 422 without a nonce, 404
/// for one unknown or already collected.
async fn fetch(State(inner): State<Shared>, Params(query): Params<PayloadQuery>) -> Reply {
    let nonce = query
        .nonce
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::missing("nonce"))?;
    let directives = inner.store().handshakes.take(&nonce).ok_or_else(|| {
        let mut err = ApiError::not_found();
        for p in &mut err.problems {
            p.long_message = format!("No handshake payload was found for nonce {nonce}.");
        }
        err
    })?;
    ok(json!({ "directives": directives }))
}
