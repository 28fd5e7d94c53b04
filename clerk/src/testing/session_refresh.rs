//! `POST /sessions/{session_id}/refresh`: a fresh session token for a browser whose token
//! expired, given that token and the refresh token of its `__refresh_<suffix>` cookie, as a
//! token or as the cookies to set.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::cookies::{self, Jar, Refresh};
use super::reply::{self, ApiError, Body, Params, Reply};
use super::shared::value_invalid;
use super::store::{now_ms, Shared};

/// The route of session refresh.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/sessions/{session_id}/refresh", post(refresh))
}

/// The body of `POST /sessions/{session_id}/refresh`.
#[derive(Debug, Deserialize)]
struct RefreshBody {
    expired_token: Option<String>,
    refresh_token: Option<String>,
    request_origin: Option<String>,
    #[serde(default)]
    format: Option<String>,
    #[serde(flatten)]
    _rest: Map<String, Value>,
}

/// The query of `POST /sessions/{session_id}/refresh`: @clerk/backend sends
/// `suffixed_cookies` here, the rest in the body.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RefreshQuery {
    suffixed_cookies: Option<bool>,
}

/// 401 `unauthorized`: the refresh is refused and the SDK falls back to the handshake.
fn refresh_refused(why: impl Into<String>) -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "the session could not be refreshed",
        why,
    )
}

/// A fresh session token for an active session, given a token the stand-in signed for that
/// same session (expired or not) and a refresh token it issued for it (by a handshake or
/// `StandIn::sign_in_browser`). Missing fields are a 422; a token that is not the
/// stand-in's or belongs to another session, a refresh token not issued for the session,
/// or a session no longer active are a 401, as Clerk answers so that the SDK starts a
/// handshake. `format: cookie` answers `{"object": "cookies", "cookies": [...]}` with
/// `__session` and `__client_uat` (and their suffixed copies with `?suffixed_cookies=true`);
/// otherwise `{"object": "token", "jwt": ...}`.
async fn refresh(
    State(inner): State<Shared>,
    Path(session_id): Path<String>,
    Params(query): Params<RefreshQuery>,
    Body(body): Body<RefreshBody>,
) -> Reply {
    let expired = body.expired_token.unwrap_or_default();
    if expired.is_empty() {
        return Err(ApiError::missing("expired_token"));
    }
    let refresh_token = body.refresh_token.unwrap_or_default();
    if refresh_token.is_empty() {
        return Err(ApiError::missing("refresh_token"));
    }
    if body.request_origin.as_deref().is_none_or(str::is_empty) {
        return Err(ApiError::missing("request_origin"));
    }
    let cookies = match body.format.as_deref() {
        None | Some("token") => false,
        Some("cookie") => true,
        Some(other) => {
            return Err(value_invalid(
                "format",
                format!("{other} is not one of token, cookie."),
            ))
        }
    };
    let old = inner.key.decode(&expired, false).map_err(|e| {
        refresh_refused(format!(
            "expired_token is not a token of this instance: {e}"
        ))
    })?;
    let sid = old.get("sid").and_then(Value::as_str).unwrap_or_default();
    if sid != session_id {
        return Err(refresh_refused(format!(
            "expired_token belongs to session {sid}, not to session {session_id}."
        )));
    }
    let mut store = inner.store();
    if !store.refreshes(&refresh_token, &session_id) {
        return Err(refresh_refused(format!(
            "refresh_token was not issued for session {session_id}."
        )));
    }
    let now = now_ms();
    let (session, jwt) = store
        .session_token(&inner, &session_id, now, now)
        .map_err(|e| {
            if e.status.is_server_error() {
                return e;
            }
            refresh_refused(
                e.problems
                    .first()
                    .map(|p| p.long_message.clone())
                    .unwrap_or_default(),
            )
        })?;
    if !cookies {
        return reply::ok(json!({ "object": "token", "jwt": jwt }));
    }
    let uat = store.stamp_client_uat(&session.client_id, now / 1000);
    let jar = Jar {
        session: Some((&jwt, uat)),
        suffixed: query.suffixed_cookies == Some(true),
        refresh: Refresh::Keep,
        dev_browser: None,
    };
    let directives = cookies::directives(&jar, &cookies::suffix(&inner.origin));
    reply::ok(json!({ "object": "cookies", "cookies": directives }))
}
