//! The stand-in's sessions: create one for a user, get, list, revoke, and mint session
//! tokens (RS256 JWTs signed with the stand-in's key, so the crate's verifier accepts them).
//! Refresh and the legacy verify endpoint answer 501 through the server's fallback.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::reply::{self, ApiError, Body, Paging, Params, Reply};
use super::store::{new_id, now_ms, Shared, Store};
use super::users::user_not_found;
use crate::models::{Session, SessionStatus};

/// How long a new session lives: Clerk's default maximum lifetime, 7 days.
const LIFETIME_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// When an idle session is abandoned: Clerk's default inactivity timeout, 30 days.
const ABANDON_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// Lifetime of a session token when the request does not set one: Clerk's 60 seconds.
const TOKEN_SECONDS: i64 = 60;

/// The stand-in's sessions table, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Session>,
}

impl Table {
    /// Ends every live session of the user with `status` (a ban or a deletion revokes them);
    /// answers the sessions it ended, for their webhook events.
    pub(super) fn end_user_sessions(
        &mut self,
        user_id: &str,
        status: SessionStatus,
        now: i64,
    ) -> Vec<Session> {
        let mut ended = Vec::new();
        for session in self.rows.iter_mut().filter(|s| s.user_id == user_id) {
            if is_live(&session.status) {
                session.status = status.clone();
                session.updated_at = now;
                ended.push(session.clone());
            }
        }
        ended
    }

    /// Moves sessions past their `expire_at` or `abandon_at` to `expired` or `abandoned`,
    /// so reads show what Clerk would show at `now`.
    fn age(&mut self, now: i64) {
        for session in self.rows.iter_mut().filter(|s| is_live(&s.status)) {
            if session.expire_at <= now {
                session.status = SessionStatus::Expired;
                session.updated_at = now;
            } else if session.abandon_at <= now {
                session.status = SessionStatus::Abandoned;
                session.updated_at = now;
            }
        }
    }

    /// The session with this id, aged to `now`, or 404.
    fn found_mut(&mut self, id: &str, now: i64) -> Result<&mut Session, ApiError> {
        self.age(now);
        self.rows
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| session_not_found(id))
    }
}

/// Whether a session still signs its user in.
fn is_live(status: &SessionStatus) -> bool {
    matches!(status, SessionStatus::Active | SessionStatus::Pending)
}

/// 404 naming the session id.
fn session_not_found(id: &str) -> ApiError {
    let mut err = ApiError::not_found();
    for p in &mut err.problems {
        p.long_message = format!("No session was found with id {id}");
    }
    err
}

/// The routes of sessions.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/sessions", get(list).post(create))
        .route("/sessions/{session_id}", get(fetch))
        .route("/sessions/{session_id}/revoke", post(revoke))
        .route("/sessions/{session_id}/tokens", post(create_token))
        .route(
            "/sessions/{session_id}/tokens/{template_name}",
            post(create_token_from_template),
        )
}

/// The body of `POST /sessions`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    user_id: String,
    #[serde(default)]
    active_organization_id: Option<String>,
}

/// `POST /sessions`: an active session on a fresh client. A banned or locked user cannot
/// sign in, so they get a 400 (`user_banned`, `user_locked`: the stand-in's codes).
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    let store: &mut Store = &mut store;
    let now = now_ms();
    store.users.expire_locks(now);
    let Some(user) = store.users.get(&body.user_id) else {
        return Err(user_not_found(&body.user_id));
    };
    if user.banned {
        return Err(ApiError::bad_request(
            "user_banned",
            format!("User {} is banned and cannot sign in.", user.id),
        ));
    }
    if user.locked {
        return Err(ApiError::bad_request(
            "user_locked",
            format!(
                "User {} is locked and cannot sign in until the lock ends.",
                user.id
            ),
        ));
    }
    if let Some(org) = &body.active_organization_id {
        if !store.memberships.user_ids_in(org).contains(&body.user_id) {
            return Err(ApiError::invalid(
                "active_organization_id",
                format!(
                    "User {} is not a member of organization {org}.",
                    body.user_id
                ),
            ));
        }
    }
    let session = Session {
        object: "session".to_owned(),
        id: new_id("sess"),
        user_id: body.user_id.clone(),
        client_id: new_id("client"),
        actor: None,
        status: SessionStatus::Active,
        last_active_organization_id: body.active_organization_id,
        last_active_at: now,
        latest_activity: None,
        expire_at: now.saturating_add(LIFETIME_MS),
        abandon_at: now.saturating_add(ABANDON_MS),
        updated_at: now,
        created_at: now,
        tasks: None,
    };
    store.users.record_sign_in(&body.user_id, now);
    store.sessions.rows.push(session.clone());
    store.emit_session("session.created", &session, None);
    reply::ok(session)
}

/// The query of `GET /sessions`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    client_id: Option<String>,
    user_id: Option<String>,
    status: Option<String>,
    paginated: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /sessions`: newest first; a bare array, or `{data, total_count}` with
/// `paginated=true`. Clerk asks for `client_id` or `user_id`; the stand-in insists (422).
async fn list(State(inner): State<Shared>, Params(query): Params<ListQuery>) -> Reply {
    if query.client_id.is_none() && query.user_id.is_none() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_missing",
            "client_id or user_id must be included.",
            "List sessions of a client or of a user: give client_id or user_id.",
        )
        .param("user_id"));
    }
    let status = match query.status.as_deref() {
        None => None,
        Some(s) => {
            let known = [
                "abandoned",
                "active",
                "ended",
                "expired",
                "removed",
                "replaced",
                "revoked",
            ];
            if !known.contains(&s) {
                return Err(ApiError::invalid(
                    "status",
                    format!("{s} is not one of {}.", known.join(", ")),
                ));
            }
            s.parse::<SessionStatus>().ok()
        }
    };
    let mut store = inner.store();
    store.sessions.age(now_ms());
    let sessions: Vec<Session> = store
        .sessions
        .rows
        .iter()
        .rev()
        .filter(|s| query.client_id.as_ref().is_none_or(|c| &s.client_id == c))
        .filter(|s| query.user_id.as_ref().is_none_or(|u| &s.user_id == u))
        .filter(|s| status.as_ref().is_none_or(|st| &s.status == st))
        .cloned()
        .collect();
    reply::paged(
        &sessions,
        Paging {
            paginated: query.paginated,
            limit: query.limit,
            offset: query.offset,
        },
    )
}

/// `GET /sessions/{session_id}`.
async fn fetch(State(inner): State<Shared>, Path(session_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let session = store.sessions.found_mut(&session_id, now_ms())?.clone();
    reply::ok(session)
}

/// `POST /sessions/{session_id}/revoke`: the session becomes `revoked`. Revoking a session
/// that no longer signs anyone in is a 400 `session_not_active`.
async fn revoke(State(inner): State<Shared>, Path(session_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    let session = store.sessions.found_mut(&session_id, now)?;
    if !is_live(&session.status) {
        return Err(ApiError::bad_request(
            "session_not_active",
            format!(
                "Session {session_id} is {} and cannot be revoked.",
                session.status
            ),
        ));
    }
    session.status = SessionStatus::Revoked;
    session.updated_at = now;
    let session = session.clone();
    store.emit_session("session.revoked", &session, None);
    reply::ok(session)
}

/// The body of both token endpoints.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenBody {
    expires_in_seconds: Option<i64>,
}

/// The claims of a session token, as Clerk's v2 tokens carry them.
#[derive(Debug, Serialize)]
struct Claims<'a> {
    sub: &'a str,
    sid: &'a str,
    iss: &'a str,
    iat: i64,
    nbf: i64,
    exp: i64,
    jti: String,
    v: u8,
    sts: &'a str,
    /// The active organization, in the v2 form (`rol` without the `org:` prefix).
    #[serde(skip_serializing_if = "Option::is_none")]
    o: Option<OrgClaim>,
}

/// The `o` claim of a v2 session token.
#[derive(Debug, Serialize)]
struct OrgClaim {
    id: String,
    slg: String,
    rol: String,
}

/// `POST /sessions/{session_id}/tokens`: `{"object": "token", "jwt": ...}`, an RS256 JWT
/// that `GET /jwks` verifies. A session that is not active gets a 422 `session_not_active`
/// naming its status.
async fn create_token(
    State(inner): State<Shared>,
    Path(session_id): Path<String>,
    Body(body): Body<TokenBody>,
) -> Reply {
    let lifetime = body.expires_in_seconds.unwrap_or(TOKEN_SECONDS);
    if !(30..=315_360_000).contains(&lifetime) {
        return Err(ApiError::invalid(
            "expires_in_seconds",
            "expires_in_seconds must be between 30 and 315360000.",
        ));
    }
    let mut store = inner.store();
    let store: &mut Store = &mut store;
    let now = now_ms();
    let session = store.sessions.found_mut(&session_id, now)?;
    if session.status != SessionStatus::Active {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "session_not_active",
            "session is not active",
            format!(
                "Session {session_id} is {}: only active sessions get tokens.",
                session.status
            ),
        ));
    }
    session.last_active_at = now;
    session.updated_at = now;
    let iat = now / 1000;
    // Only while the user is still a member: a removed member's tokens lose the organization.
    let o = session
        .last_active_organization_id
        .as_deref()
        .and_then(|org_id| {
            let member = store.memberships.find(org_id, &session.user_id)?;
            let org = store.organizations.get(org_id)?;
            Some(OrgClaim {
                id: org.id.clone(),
                slg: org.slug.clone(),
                rol: member.role.trim_start_matches("org:").to_owned(),
            })
        });
    let claims = Claims {
        sub: &session.user_id,
        sid: &session.id,
        iss: &inner.origin,
        iat,
        nbf: iat - 10,
        exp: iat.saturating_add(lifetime),
        jti: std::iter::repeat_with(fastrand::alphanumeric)
            .take(20)
            .collect(),
        v: 2,
        sts: "active",
        o,
    };
    let jwt = inner.key.sign(&claims).map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_clerk_error",
            "the token could not be signed",
            format!("The stand-in could not sign the session token: {e}"),
        )
    })?;
    let user_id = session.user_id.clone();
    store.users.record_activity(&user_id, now);
    reply::ok(json!({ "object": "token", "jwt": jwt }))
}

/// `POST /sessions/{session_id}/tokens/{template_name}`: the stand-in has no JWT templates,
/// so any name is a 404 (after the session itself is checked).
async fn create_token_from_template(
    State(inner): State<Shared>,
    Path((session_id, template_name)): Path<(String, String)>,
) -> Reply {
    inner.store().sessions.found_mut(&session_id, now_ms())?;
    let mut err = ApiError::not_found();
    for p in &mut err.problems {
        p.long_message = format!(
            "No JWT template named {template_name} exists: the clerk_backend::testing stand-in has no \
             JWT templates. Use POST /sessions/{{session_id}}/tokens for a session token."
        );
    }
    Err(err)
}
