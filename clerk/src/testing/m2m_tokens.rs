//! Machine-to-machine tokens: minted for the machine whose secret key calls
//! `POST /m2m_tokens`, opaque (`mt_...`, stored, listable, revocable) or as a JWT signed with
//! the stand-in's key (stateless: verified locally, never stored).
//!
//! These are the only routes the key check lets a machine secret key call
//! ([`takes_machine_key`]); each handler then asks [`caller`] who is calling. With a machine
//! key, a machine sees only its own tokens, and verifies only tokens that may call it.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::machines::hex_token;
use super::reply::{ok, page, ApiError, Body, Params, Reply};
use super::shared::{missing_resource, reject_unknown};
use super::store::{now_ms, Shared};
use crate::models::{CreatedM2mToken, M2mToken};
use crate::Secret;

/// The `cat` header of Clerk's M2M JWTs, which the crate's verifier checks.
const M2M_CATEGORY: &str = "cl_B7d4PD333AAA";

/// Whether `path` (as sent, `/v1` or not) is one of the routes a machine secret key may call
/// in place of the instance's secret key: `/m2m_tokens` and everything under it.
pub(super) fn takes_machine_key(path: &str) -> bool {
    let path = path.strip_prefix("/v1").unwrap_or(path);
    path == "/m2m_tokens" || path.starts_with("/m2m_tokens/")
}

/// Who calls an M2M route.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Caller {
    /// The instance's secret key: every token is visible.
    Instance,
    /// A machine's secret key: the machine's id.
    Machine(String),
}

/// The caller of a request the key check let through: the instance key, or else the machine
/// whose secret key the bearer is.
fn caller(inner: &Shared, headers: &HeaderMap) -> Result<Caller, ApiError> {
    let bearer = headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if bearer == inner.secret_key {
        return Ok(Caller::Instance);
    }
    inner
        .store()
        .machine_for_secret(bearer, now_ms())
        .map(Caller::Machine)
        // The key check admits only these two; a key rotated out in between lands here.
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "clerk_key_invalid",
                "Secret Key is invalid",
                "The provided machine secret key is invalid or has expired.",
            )
        })
}

/// One stored (opaque) token and its value.
#[derive(Debug, Clone)]
struct Row {
    token: M2mToken,
    secret: String,
}

/// The opaque tokens ever minted, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Row>,
}

/// The token as it reads at `now` (unix ms): `expired` once its expiration has passed.
fn current(token: &M2mToken, now: i64) -> M2mToken {
    let mut token = token.clone();
    token.expired = token.expiration.is_some_and(|e| e <= now as f64);
    token
}

/// The routes of M2M tokens.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/m2m_tokens", get(list).post(create))
        .route("/m2m_tokens/verify", post(verify))
        .route("/m2m_tokens/{m2m_token_id}/revoke", post(revoke))
}

/// Body of `POST /m2m_tokens`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    token_format: Option<String>,
    seconds_until_expiration: Option<f64>,
    #[serde(default)]
    claims: Option<Value>,
    min_remaining_ttl_seconds: Option<i64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// 400 in the shape the M2M routes answer a bad request with.
fn bad_request(long: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "bad_request", "Bad Request", long)
}

/// Mints a token for the calling machine (the instance key is refused with a 400), with the
/// machine's scopes and its default lifetime unless `seconds_until_expiration` says
/// otherwise; `201 Created`. With `min_remaining_ttl_seconds`, a live opaque token of the
/// machine with the same claims and scopes and at least that much time left is answered
/// instead of a new one.
async fn create(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Body(body): Body<CreateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let Caller::Machine(machine_id) = caller(&inner, &headers)? else {
        return Err(bad_request(
            "M2M tokens must be created with a machine secret key, not the instance's secret key.",
        ));
    };
    let jwt = match body.token_format.as_deref() {
        None | Some("opaque") => false,
        Some("jwt") => true,
        Some(other) => {
            return Err(bad_request(format!(
                "Invalid 'token_format': {other} is not one of opaque, jwt."
            )))
        }
    };
    if body
        .seconds_until_expiration
        .is_some_and(|s| !s.is_finite() || s <= 0.0)
    {
        return Err(bad_request(
            "Invalid 'seconds_until_expiration': must be more than 0.",
        ));
    }
    let mut store = inner.store();
    let (default_ttl, scopes) = store
        .machine_token_defaults(&machine_id)
        .ok_or_else(|| missing_resource("machine", &machine_id))?;
    let lifetime = body.seconds_until_expiration.unwrap_or(default_ttl as f64);
    let now = now_ms();
    // Whole milliseconds, as Clerk reports times.
    let expiration = (now as f64 + lifetime * 1000.0).floor();
    let claims = body.claims.filter(|c| !c.is_null());
    if let Some(min) = body.min_remaining_ttl_seconds {
        if min < 0 || min as f64 >= lifetime {
            return Err(bad_request(
                "Invalid 'min_remaining_ttl_seconds': must be 0 or more and less than the token's lifetime.",
            ));
        }
        if !jwt {
            let reused = store.m2m_tokens.rows.iter().find(|r| {
                let t = &r.token;
                t.subject == machine_id
                    && !t.revoked
                    && t.claims == claims
                    && t.scopes.as_deref() == Some(scopes.as_slice())
                    && t.expiration
                        .is_some_and(|e| e - now as f64 >= min as f64 * 1000.0)
            });
            if let Some(row) = reused {
                return created(CreatedM2mToken {
                    m2m_token: current(&row.token, now),
                    token: Secret::new(row.secret.clone()),
                });
            }
        }
    }
    let token = M2mToken {
        object: "machine_to_machine_token".to_owned(),
        id: hex_token("mt"),
        subject: machine_id,
        claims,
        scopes: Some(scopes),
        revoked: false,
        revocation_reason: None,
        expired: false,
        expiration: Some(expiration),
        last_used_at: None,
        created_at: now as f64,
        updated_at: now as f64,
    };
    if jwt {
        let secret = sign(&inner, &token)?;
        return created(CreatedM2mToken {
            m2m_token: token,
            token: Secret::new(secret),
        });
    }
    let secret = hex_token("mt");
    store.m2m_tokens.rows.push(Row {
        token: token.clone(),
        secret: secret.clone(),
    });
    created(CreatedM2mToken {
        m2m_token: token,
        token: Secret::new(secret),
    })
}

/// The token as an RS256 JWT with the M2M category header, signed with the stand-in's key:
/// the custom claims at the top level, then the registered ones (which win over a custom
/// claim of the same name), the machines it may call as `aud`.
fn sign(inner: &Shared, token: &M2mToken) -> Result<String, ApiError> {
    let seconds = |ms: f64| (ms / 1000.0).floor() as i64;
    let mut payload = match &token.claims {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    let registered = [
        ("iss", json!(inner.origin)),
        ("sub", json!(token.subject)),
        ("jti", json!(token.id)),
        ("iat", json!(seconds(token.created_at))),
        ("nbf", json!(seconds(token.created_at))),
        (
            "exp",
            json!(seconds(token.expiration.unwrap_or(token.created_at))),
        ),
        ("aud", json!(token.scopes.clone().unwrap_or_default())),
    ];
    for (name, value) in registered {
        payload.insert(name.to_owned(), value);
    }
    inner
        .key
        .sign_with_header(&payload, &[("typ", "JWT"), ("cat", M2M_CATEGORY)])
        .map_err(|_| signing_failed())
}

fn signing_failed() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_clerk_error",
        "Oops, an unexpected error occurred",
        "The stand-in could not sign the M2M token.",
    )
}

/// `201 Created` with the new token.
fn created(token: CreatedM2mToken) -> Reply {
    Ok((StatusCode::CREATED, Json(token)).into_response())
}

/// Query of `GET /m2m_tokens`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    subject: Option<String>,
    revoked: Option<bool>,
    expired: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// The stored tokens of `subject`, newest first, as `{m2m_tokens, total_count}`. Revoked and
/// expired tokens are left out unless `revoked=true` / `expired=true` asks for them too. A
/// machine key may only list its own machine's tokens (403 otherwise).
async fn list(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Params(q): Params<ListQuery>,
) -> Reply {
    let subject = q
        .subject
        .filter(|s| !s.is_empty())
        .ok_or_else(|| bad_request("Invalid 'subject': a machine id (mch_...) is required."))?;
    if let Caller::Machine(me) = caller(&inner, &headers)? {
        if me != subject {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "authorization_invalid",
                "Unauthorized request",
                "A machine secret key can only list the tokens of its own machine.",
            ));
        }
    }
    let limit = q.limit.unwrap_or(10);
    if !(1..=100).contains(&limit) {
        return Err(bad_request("Invalid 'limit': must be between 1 and 100."));
    }
    let now = now_ms();
    let store = inner.store();
    let mut tokens: Vec<M2mToken> = store
        .m2m_tokens
        .rows
        .iter()
        .map(|r| current(&r.token, now))
        .filter(|t| t.subject == subject)
        .filter(|t| q.revoked == Some(true) || !t.revoked)
        .filter(|t| q.expired == Some(true) || !t.expired)
        .collect();
    tokens.reverse();
    let total = tokens.len();
    let data = page(&tokens, Some(limit), q.offset)?;
    ok(json!({ "m2m_tokens": data, "total_count": total }))
}

/// Body of `POST /m2m_tokens/{m2m_token_id}/revoke`.
#[derive(Debug, Deserialize)]
struct RevokeBody {
    revocation_reason: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Marks an opaque token revoked (again answering the token if it already was). A machine key
/// may only revoke its own machine's tokens; others are 404 to it.
async fn revoke(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Body(body): Body<RevokeBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let who = caller(&inner, &headers)?;
    let now = now_ms();
    let mut store = inner.store();
    let row = store
        .m2m_tokens
        .rows
        .iter_mut()
        .find(|r| r.token.id == id)
        .filter(|r| match &who {
            Caller::Instance => true,
            Caller::Machine(me) => &r.token.subject == me,
        })
        .ok_or_else(|| missing_resource("machine to machine token", &id))?;
    if !row.token.revoked {
        row.token.revoked = true;
        row.token.revocation_reason = body.revocation_reason;
        row.token.updated_at = now as f64;
    }
    ok(current(&row.token, now))
}

/// Body of `POST /m2m_tokens/verify`.
#[derive(Debug, Deserialize)]
struct VerifyBody {
    token: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// The stored token whose value is `token`, with `last_used_at` set to now; 404 for a value
/// the stand-in never minted (JWT tokens included: they are verified locally) and for a
/// revoked or expired token, which Clerk refuses outright (@clerk/backend's `verifyM2MToken`
/// treats every 200 as a valid token). With a machine key, only tokens that may call that
/// machine are found.
async fn verify(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Body(body): Body<VerifyBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let token = body
        .token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| bad_request("Invalid 'token': a token to verify is required."))?;
    let who = caller(&inner, &headers)?;
    let now = now_ms();
    let mut store = inner.store();
    let row = store
        .m2m_tokens
        .rows
        .iter_mut()
        .find(|r| r.secret == token)
        .filter(|r| !r.token.revoked && !current(&r.token, now).expired)
        .filter(|r| match &who {
            Caller::Instance => true,
            Caller::Machine(me) => r.token.scopes.as_ref().is_some_and(|s| s.contains(me)),
        })
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "resource_not_found",
                "not found",
                "No valid machine to machine token was found for the given token.",
            )
        })?;
    row.token.last_used_at = Some(now as f64);
    ok(current(&row.token, now))
}
