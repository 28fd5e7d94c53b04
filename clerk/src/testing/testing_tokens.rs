//! Testing tokens: each `POST` mints a fresh token valid for an hour. Nothing is stored,
//! as the stand-in has no Frontend API that would read them.

use axum::routing::post;
use axum::Router;

use super::reply::{ok, Reply};
use super::store::{new_id, now_ms, Shared};
use crate::models::TestingToken;

/// How long a testing token lasts, in seconds.
const LIFETIME_SECONDS: i64 = 3_600;

/// The routes of testing tokens.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/testing_tokens", post(create))
}

/// A token shaped like Clerk's, `<issued at, unix seconds>-<random>`, with `expires_at` in
/// unix seconds as the spec's example shows.
async fn create() -> Reply {
    let issued = now_ms() / 1_000;
    ok(TestingToken {
        object: "testing_token".to_owned(),
        token: format!("{issued}-{}", new_id("c")).into(),
        expires_at: issued + LIFETIME_SECONDS,
    })
}
