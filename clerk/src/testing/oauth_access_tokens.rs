//! OAuth access tokens: the opaque `oat_...` tokens the stand-in issues for an OAuth
//! application and a user (`StandIn::issue_oauth_access_token`, through
//! `Store::issue_oauth_access_token`), and their verification,
//! `POST /oauth_applications/access_tokens/verify`.
//!
//! Verification follows the M2M token and API key endpoints: a live token the stand-in
//! issued is answered with its record, and any other token (never issued, revoked, expired,
//! or of a deleted application) with Clerk's 404, because @clerk/backend's
//! `verifyOAuthToken` takes every 200 for a valid token. The record
//! carries `type: "oauth:access_token"` besides the spec's fields, as @clerk/backend's
//! `IdPOAuthAccessTokenJSON` reads it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::reject_unknown;
use super::store::{now_ms, Shared};
use crate::models::IdpOAuthAccessToken;

/// One issued token: its record and the value the client presents.
#[derive(Debug, Clone)]
struct Row {
    token: IdpOAuthAccessToken,
    secret: String,
}

/// Every token issued and not forgotten, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Row>,
}

/// What a token is issued for.
#[derive(Debug)]
pub(crate) struct Grant<'a> {
    /// The application's OAuth client id.
    pub client_id: &'a str,
    /// The user who granted it (the token's `subject`).
    pub user_id: &'a str,
    /// The scopes granted.
    pub scopes: Vec<String>,
    /// When it expires (unix ms).
    pub expiration: i64,
}

impl Table {
    /// Records a token for `grant` at `now` and answers the value to present.
    pub fn issue(&mut self, grant: Grant<'_>, now: i64) -> String {
        let secret = hex_token("oat");
        let token = IdpOAuthAccessToken {
            object: "clerk_idp_oauth_access_token".to_owned(),
            id: hex_token("oat"),
            client_id: grant.client_id.to_owned(),
            subject: grant.user_id.to_owned(),
            scopes: grant.scopes,
            revoked: false,
            revocation_reason: None,
            expired: false,
            expiration: Some(grant.expiration as f64),
            created_at: now as f64,
            updated_at: now as f64,
        };
        self.rows.push(Row {
            token,
            secret: secret.clone(),
        });
        secret
    }

    /// Revokes the token `secret` of the application `client_id`; `false` when it has no
    /// such token. Revoking again changes nothing.
    pub fn revoke(&mut self, client_id: &str, secret: &str, now: i64) -> bool {
        let Some(row) = self
            .rows
            .iter_mut()
            .find(|r| r.secret == secret && r.token.client_id == client_id)
        else {
            return false;
        };
        if !row.token.revoked {
            row.token.revoked = true;
            row.token.updated_at = now as f64;
        }
        true
    }

    /// Forgets every token of a deleted application.
    pub fn forget_client(&mut self, client_id: &str) {
        self.rows.retain(|r| r.token.client_id != client_id);
    }
}

/// `<prefix>_` and 32 hex digits, the shape the spec gives OAuth access tokens.
fn hex_token(prefix: &str) -> String {
    const HEX: &[u8] = b"0123456789abcdef";
    let digits: String = (0..32)
        .map(|_| char::from(HEX[fastrand::usize(..HEX.len())]))
        .collect();
    format!("{prefix}_{digits}")
}

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

/// 400 without a token, 404 for one the stand-in did not issue or that is revoked or
/// expired, else the record.
async fn verify(State(inner): State<Shared>, Body(body): Body<VerifyBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let token = body
        .access_token
        .or(body.secret)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "Bad Request",
                "Invalid 'access_token': an access token to verify is required.",
            )
        })?;
    let store = inner.store();
    let now = now_ms();
    let row = store
        .oauth_access_tokens
        .rows
        .iter()
        .find(|r| r.secret == token)
        .filter(|r| !r.token.revoked && !r.token.expiration.is_some_and(|e| e <= now as f64))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "resource_not_found",
                "not found",
                "No valid OAuth access token was found for the given token.",
            )
        })?;
    let record = row.token.clone();
    let mut shown = serde_json::to_value(&record).map_err(|_| ApiError::not_found())?;
    if let Some(fields) = shown.as_object_mut() {
        fields.insert("type".to_owned(), Value::from("oauth:access_token"));
    }
    ok(shown)
}
