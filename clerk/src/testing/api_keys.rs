//! API keys: long-lived secrets (`ak_...`) owned by a user, organization, machine or SCIM
//! directory, shown in full on creation and again through `GET /api_keys/{id}/secret`,
//! revoked by id and looked up by secret through `POST /api_keys/verify`.
//!
//! These routes answer bad input with `400 bad_request` (the spec lists no 422 for them),
//! and a second valid key of the same name for the same subject with `409`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::machines::hex_token;
use super::reply::{deleted, list as envelope, ok, page, ApiError, Body, Params, Reply};
use super::shared::{missing_resource, reject_unknown};
use super::store::{now_ms, Shared};
use crate::models::{ApiKey, CreatedApiKey};
use crate::Secret;

/// One API key and its secret.
#[derive(Debug, Clone)]
struct Row {
    key: ApiKey,
    secret: String,
}

/// Every API key ever created and not deleted, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Row>,
}

impl Table {
    fn get_mut(&mut self, id: &str) -> Result<&mut Row, ApiError> {
        self.rows
            .iter_mut()
            .find(|r| r.key.id == id)
            .ok_or_else(|| missing_resource("api key", id))
    }
}

/// The key as it reads at `now` (unix ms): `expired` once its expiration has passed.
fn current(key: &ApiKey, now: i64) -> ApiKey {
    let mut key = key.clone();
    key.expired = key.expiration.is_some_and(|e| e <= now as f64);
    key
}

/// 400 in the shape these routes answer a bad request with, naming what was wrong.
fn bad_request(long: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "bad_request", "Bad Request", long)
}

/// Whether `id` is `<prefix>_` and 27 word characters, for one of `prefixes`.
fn is_id(id: &str, prefixes: &[&str]) -> bool {
    id.split_once('_').is_some_and(|(prefix, rest)| {
        prefixes.contains(&prefix)
            && rest.chars().count() == 27
            && rest.chars().all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// 400 unless `subject` is a user, organization, machine or SCIM directory id.
fn check_subject(subject: &str) -> Result<(), ApiError> {
    if is_id(subject, &["user", "org", "mch", "scim"]) {
        Ok(())
    } else {
        Err(bad_request(
            "Invalid 'subject': must be a user, organization, machine or SCIM directory id.",
        ))
    }
}

/// 400 unless `seconds` is more than 0; the expiration (unix ms) it gives from `now`.
fn expiration(seconds: Option<f64>, now: i64) -> Result<Option<f64>, ApiError> {
    match seconds {
        None => Ok(None),
        Some(s) if s.is_finite() && s > 0.0 => Ok(Some((now as f64 + s * 1000.0).floor())),
        Some(_) => Err(bad_request(
            "Invalid 'seconds_until_expiration': must be more than 0.",
        )),
    }
}

/// The routes of API keys.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/api_keys", get(list).post(create))
        .route("/api_keys/verify", post(verify))
        .route(
            "/api_keys/{api_key_id}",
            get(fetch).patch(update).delete(remove),
        )
        .route("/api_keys/{api_key_id}/secret", get(secret))
        .route("/api_keys/{api_key_id}/revoke", post(revoke))
}

/// Body of `POST /api_keys`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    #[serde(rename = "type")]
    kind: Option<String>,
    name: Option<String>,
    description: Option<String>,
    subject: Option<String>,
    #[serde(default)]
    claims: Option<Value>,
    #[serde(default)]
    scopes: Vec<String>,
    created_by: Option<String>,
    seconds_until_expiration: Option<f64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let name = body
        .name
        .ok_or_else(|| bad_request("Invalid 'name': a name is required."))?;
    if name.chars().count() < 3 || name.trim() != name {
        return Err(bad_request(
            "Invalid 'name': must be at least 3 characters, without leading or trailing spaces.",
        ));
    }
    let subject = body
        .subject
        .ok_or_else(|| bad_request("Invalid 'subject': a subject is required."))?;
    check_subject(&subject)?;
    let kind = body.kind.unwrap_or_else(|| "api_key".to_owned());
    if !(3..=25).contains(&kind.chars().count()) {
        return Err(bad_request(
            "Invalid 'type': must be between 3 and 25 characters.",
        ));
    }
    if body
        .description
        .as_ref()
        .is_some_and(|d| d.chars().count() > 255)
    {
        return Err(bad_request(
            "Invalid 'description': must be at most 255 characters.",
        ));
    }
    if body
        .created_by
        .as_deref()
        .is_some_and(|c| !is_id(c, &["user"]))
    {
        return Err(bad_request("Invalid 'created_by': must be a user id."));
    }
    let now = now_ms();
    let expiration = expiration(body.seconds_until_expiration, now)?;
    let mut store = inner.store();
    let taken = store.api_keys.rows.iter().any(|r| {
        let k = current(&r.key, now);
        k.subject == subject && k.name == name && !k.revoked && !k.expired
    });
    if taken {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "duplicate_record",
            "duplicate API key name",
            format!("{subject} already has a valid API key named {name}."),
        ));
    }
    let key = ApiKey {
        object: "api_key".to_owned(),
        id: hex_token("ak"),
        kind,
        subject,
        name,
        description: body.description,
        claims: body.claims.filter(|c| !c.is_null()),
        scopes: body.scopes,
        revoked: false,
        revocation_reason: None,
        expired: false,
        expiration,
        created_by: body.created_by,
        last_used_at: None,
        created_at: now as f64,
        updated_at: now as f64,
    };
    let secret = hex_token("ak");
    store.api_keys.rows.push(Row {
        key: key.clone(),
        secret: secret.clone(),
    });
    ok(CreatedApiKey {
        api_key: key,
        secret: Secret::new(secret),
    })
}

/// Query of `GET /api_keys`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
    subject: Option<String>,
    include_invalid: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
    query: Option<String>,
}

/// The keys of `subject` of one type (`api_key` by default), newest first, as
/// `{data, total_count}`; revoked and expired ones only with `include_invalid=true`, and
/// only names containing `query` when given.
async fn list(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let subject = q
        .subject
        .ok_or_else(|| bad_request("Invalid 'subject': a subject is required."))?;
    check_subject(&subject)?;
    let limit = q.limit.unwrap_or(10);
    if !(1..=100).contains(&limit) {
        return Err(bad_request("Invalid 'limit': must be between 1 and 100."));
    }
    let kind = q.kind.unwrap_or_else(|| "api_key".to_owned());
    let needle = q.query.unwrap_or_default().to_lowercase();
    let now = now_ms();
    let store = inner.store();
    let mut keys: Vec<ApiKey> = store
        .api_keys
        .rows
        .iter()
        .map(|r| current(&r.key, now))
        .filter(|k| k.subject == subject && k.kind == kind)
        .filter(|k| q.include_invalid == Some(true) || (!k.revoked && !k.expired))
        .filter(|k| needle.is_empty() || k.name.to_lowercase().contains(&needle))
        .collect();
    keys.reverse();
    let total = keys.len();
    envelope(page(&keys, Some(limit), q.offset)?, total)
}

async fn fetch(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let row = store.api_keys.get_mut(&id)?;
    ok(current(&row.key, now_ms()))
}

/// Body of `PATCH /api_keys/{api_key_id}`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    #[serde(default)]
    claims: Option<Value>,
    scopes: Option<Vec<String>>,
    description: Option<String>,
    subject: Option<String>,
    seconds_until_expiration: Option<f64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Changes the given fields; a new `seconds_until_expiration` counts from now.
async fn update(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    if let Some(subject) = &body.subject {
        check_subject(subject)?;
    }
    if body
        .description
        .as_ref()
        .is_some_and(|d| d.chars().count() > 255)
    {
        return Err(bad_request(
            "Invalid 'description': must be at most 255 characters.",
        ));
    }
    let now = now_ms();
    let expiration = expiration(body.seconds_until_expiration, now)?;
    let mut store = inner.store();
    let key = &mut store.api_keys.get_mut(&id)?.key;
    if let Some(claims) = body.claims {
        key.claims = (!claims.is_null()).then_some(claims);
    }
    if let Some(scopes) = body.scopes {
        key.scopes = scopes;
    }
    if let Some(description) = body.description {
        key.description = Some(description);
    }
    if let Some(subject) = body.subject {
        key.subject = subject;
    }
    if expiration.is_some() {
        key.expiration = expiration;
    }
    key.updated_at = now as f64;
    ok(current(key, now))
}

async fn remove(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    store.api_keys.get_mut(&id)?;
    store.api_keys.rows.retain(|r| r.key.id != id);
    deleted("api_key", &id)
}

async fn secret(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let row = store.api_keys.get_mut(&id)?;
    ok(json!({ "secret": row.secret }))
}

/// Body of `POST /api_keys/{api_key_id}/revoke`.
#[derive(Debug, Deserialize)]
struct RevokeBody {
    revocation_reason: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Marks the key revoked (answering it unchanged if it already was); from then on it no
/// longer verifies.
async fn revoke(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<RevokeBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let now = now_ms();
    let mut store = inner.store();
    let key = &mut store.api_keys.get_mut(&id)?.key;
    if !key.revoked {
        key.revoked = true;
        key.revocation_reason = body.revocation_reason;
        key.updated_at = now as f64;
    }
    ok(current(key, now))
}

/// Body of `POST /api_keys/verify`.
#[derive(Debug, Deserialize)]
struct VerifyBody {
    secret: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// The key whose secret this is, with `last_used_at` set to now; 404 for a secret the
/// stand-in never issued, of a deleted key, or of a revoked or expired one. Clerk refuses
/// those outright: @clerk/backend's `apiKeys.verify` documents that it throws for an
/// invalid, revoked or expired key, and its `verifyAPIKey` treats every 200 as valid.
async fn verify(State(inner): State<Shared>, Body(body): Body<VerifyBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let secret = body
        .secret
        .filter(|s| !s.is_empty())
        .ok_or_else(|| bad_request("Invalid 'secret': a secret to verify is required."))?;
    let now = now_ms();
    let mut store = inner.store();
    let row = store
        .api_keys
        .rows
        .iter_mut()
        .find(|r| r.secret == secret)
        .filter(|r| !r.key.revoked && !current(&r.key, now).expired)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "resource_not_found",
                "not found",
                "No valid API key was found for the given secret.",
            )
        })?;
    row.key.last_used_at = Some(now as f64);
    ok(current(&row.key, now))
}
