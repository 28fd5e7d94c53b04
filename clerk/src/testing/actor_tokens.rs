//! Actor tokens (impersonation): create one that lets an actor sign in as an existing user,
//! revoke a pending one. Using a token is a Frontend API step in Clerk; in the stand-in a
//! test does it with [`StandIn::accept_actor_token`](super::StandIn::accept_actor_token),
//! which starts a session whose tokens carry the actor in their `act` claim.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{new_id, now_ms, Shared};
use crate::models::{ActorToken, ActorTokenStatus, Metadata};

/// How long a token stays usable when the body does not say: one hour.
const DEFAULT_EXPIRES_IN_SECONDS: i64 = 3600;

/// How long the session a token starts lasts when the body does not say: 30 minutes.
const DEFAULT_SESSION_SECONDS: i64 = 1800;

/// One actor token as stored: the reply's fields and what only the stand-in keeps.
#[derive(Debug, Clone)]
struct Stored {
    token: ActorToken,
    /// The secret the `token` field showed once.
    ticket: String,
    /// When the token stops being usable (unix ms).
    expires_at: i64,
    /// How long a session it starts may last (ms).
    session_ms: i64,
}

/// What an accepted token grants: a session as `user_id`, acted by `actor`, for `session_ms`.
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    pub user_id: String,
    pub actor: Metadata,
    pub session_ms: i64,
}

/// Every actor token, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Stored>,
}

impl Table {
    /// Uses the pending, unexpired token whose secret is `ticket`: it becomes `accepted` and
    /// answers what it grants. `None` for an unknown, used, revoked or expired token.
    pub(super) fn accept(&mut self, ticket: &str, now: i64) -> Option<Grant> {
        let row = self.rows.iter_mut().find(|r| r.ticket == ticket)?;
        if row.token.status != ActorTokenStatus::Pending || row.expires_at <= now {
            return None;
        }
        row.token.status = ActorTokenStatus::Accepted;
        row.token.updated_at = now;
        Some(Grant {
            user_id: row.token.user_id.clone(),
            actor: row.token.actor.clone(),
            session_ms: row.session_ms,
        })
    }
}

/// The routes of actor tokens.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/actor_tokens", post(create))
        .route("/actor_tokens/{actor_token_id}/revoke", post(revoke))
}

/// Body of `POST /actor_tokens`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    user_id: Option<String>,
    actor: Option<Value>,
    expires_in_seconds: Option<i64>,
    session_max_duration_in_seconds: Option<i64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// A positive number of seconds as milliseconds, or 422 naming `param`.
fn positive_ms(param: &str, seconds: i64) -> Result<i64, ApiError> {
    if !(1..=i64::MAX / 1_000).contains(&seconds) {
        return Err(value_invalid(param, format!("{param} must be at least 1.")));
    }
    Ok(seconds * 1_000)
}

/// `POST /actor_tokens`: a pending token for an existing user, with its secret and the
/// link that uses it (shown in this reply only). `actor` must be an object with a
/// non-empty `sub`.
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let user_id = body.user_id.unwrap_or_default();
    if user_id.is_empty() {
        return Err(ApiError::missing("user_id"));
    }
    let actor = match body.actor {
        None | Some(Value::Null) => return Err(ApiError::missing("actor")),
        Some(Value::Object(actor)) => actor,
        Some(_) => {
            return Err(ApiError::invalid(
                "actor",
                "actor must be an object with the actor's user id in sub.",
            ))
        }
    };
    if actor
        .get("sub")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        return Err(ApiError::missing("actor.sub"));
    }
    let expires_ms = positive_ms(
        "expires_in_seconds",
        body.expires_in_seconds
            .unwrap_or(DEFAULT_EXPIRES_IN_SECONDS),
    )?;
    let session_ms = positive_ms(
        "session_max_duration_in_seconds",
        body.session_max_duration_in_seconds
            .unwrap_or(DEFAULT_SESSION_SECONDS),
    )?;
    let mut store = inner.store();
    if !store.user_exists(&user_id) {
        return Err(missing_resource("user", &user_id));
    }
    let now = now_ms();
    let ticket = new_id("act_tkt");
    let token = ActorToken {
        object: "actor_token".to_owned(),
        id: new_id("act"),
        status: ActorTokenStatus::Pending,
        user_id,
        actor,
        token: None,
        url: None,
        created_at: now,
        updated_at: now,
    };
    store.actor_tokens.rows.push(Stored {
        token: token.clone(),
        ticket: ticket.clone(),
        expires_at: now.saturating_add(expires_ms),
        session_ms,
    });
    let mut shown = token;
    shown.url = Some(format!("{}/v1/tickets/accept?ticket={ticket}", inner.origin).into());
    shown.token = Some(ticket.into());
    ok(shown)
}

/// `POST /actor_tokens/{id}/revoke`: a pending token becomes `revoked`; any other is a 400
/// `actor_token_cannot_be_revoked`, an unknown id a 404.
async fn revoke(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let row = store
        .actor_tokens
        .rows
        .iter_mut()
        .find(|r| r.token.id == id)
        .ok_or_else(|| missing_resource("actor token", &id))?;
    if row.token.status != ActorTokenStatus::Pending {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "actor_token_cannot_be_revoked",
            "cannot revoke",
            format!(
                "Only a pending actor token can be revoked; this one is {}.",
                row.token.status
            ),
        ));
    }
    row.token.status = ActorTokenStatus::Revoked;
    row.token.updated_at = now_ms();
    ok(row.token.clone())
}
