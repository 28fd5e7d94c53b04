//! Sign-in tokens: create one for an existing user (a one-time ticket and the link that
//! uses it), revoke a pending one. The store keeps the rows without the secret, which only
//! the create reply shows.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::resource::{row_accessors, Resource, Table};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{SignInToken, SignInTokenStatus};

impl Resource for SignInToken {
    const OBJECT: &'static str = "sign_in_token";
    const NAME: &'static str = "sign in token";
    row_accessors!(sign_in_tokens);
}

/// The routes of sign-in tokens.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/sign_in_tokens", post(create))
        .route("/sign_in_tokens/{sign_in_token_id}/revoke", post(revoke))
}

/// Body of `POST /sign_in_tokens`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    user_id: String,
    org_id: Option<String>,
    expires_in_seconds: Option<i64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    if body.user_id.is_empty() {
        return Err(ApiError::missing("user_id"));
    }
    // No flow of the stand-in consumes the token, so its lifetime is checked, not kept.
    if body
        .expires_in_seconds
        .is_some_and(|s| !(1..=i64::MAX / 1_000).contains(&s))
    {
        return Err(value_invalid(
            "expires_in_seconds",
            "expires_in_seconds must be at least 1.",
        ));
    }
    let mut store = inner.store();
    if !store.user_exists(&body.user_id) {
        return Err(missing_resource("user", &body.user_id));
    }
    if let Some(org_id) = &body.org_id {
        if !store.is_member(org_id, &body.user_id) {
            return Err(value_invalid(
                "org_id",
                format!("The user is not a member of the organization {org_id}."),
            ));
        }
    }
    let now = now_ms();
    let ticket = new_id("tkt");
    let row = SignInToken {
        object: SignInToken::OBJECT.to_owned(),
        id: new_id("sit"),
        status: SignInTokenStatus::Pending,
        user_id: body.user_id,
        token: None,
        url: None,
        created_at: now,
        updated_at: now,
    };
    let mut shown = SignInToken::table_mut(&mut store).insert(row);
    shown.url = Some(format!("{}/v1/tickets/accept?ticket={ticket}", inner.origin).into());
    shown.token = Some(ticket.into());
    ok(shown)
}

async fn revoke(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let row = SignInToken::table_mut(&mut store).get_mut(&id)?;
    if row.status != SignInTokenStatus::Pending {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "sign_in_token_cannot_be_revoked",
            "cannot revoke",
            format!(
                "Only a pending sign in token can be revoked; this one is {}.",
                row.status
            ),
        ));
    }
    row.status = SignInTokenStatus::Revoked;
    row.updated_at = now_ms();
    ok(row.clone())
}
