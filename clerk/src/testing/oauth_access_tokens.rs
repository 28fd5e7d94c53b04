//! OAuth access token verification. The stand-in has no OAuth applications and no authorize
//! flow, so it has issued no access token: every well-formed request is answered with the
//! 404 Clerk gives an unknown token, which is what an app must handle for a token that is
//! not (or no longer) Clerk's.

use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ApiError, Body, Reply};
use super::shared::reject_unknown;
use super::store::Shared;

/// The route of OAuth access token verification.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/oauth_applications/access_tokens/verify", post(verify))
}

/// Body of `POST /oauth_applications/access_tokens/verify`: the token under its current
/// name or its deprecated one.
#[derive(Debug, Deserialize)]
struct VerifyBody {
    access_token: Option<String>,
    secret: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// 400 without a token, else 404: no token is known.
async fn verify(Body(body): Body<VerifyBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    if body
        .access_token
        .or(body.secret)
        .is_none_or(|t| t.is_empty())
    {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "Bad Request",
            "Invalid 'access_token': an access token to verify is required.",
        ));
    }
    Err(ApiError::new(
        StatusCode::NOT_FOUND,
        "resource_not_found",
        "not found",
        "No OAuth access token was found for the given token.",
    ))
}
