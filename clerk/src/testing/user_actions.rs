//! Actions on one user: metadata merge and replace, ban and lock.

use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{self, ApiError, Body, Reply};
use super::shared::{merge_metadata as deep_merge, user_not_found};
use super::store::{now_ms, Shared, Store};
use super::user_input::metadata;
use crate::models::{Metadata, User};

/// The body of both metadata endpoints.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct MetadataBody {
    public_metadata: Option<Value>,
    private_metadata: Option<Value>,
    unsafe_metadata: Option<Value>,
}

/// The three objects of a metadata body, each `None` when not given.
type MetadataParts = (Option<Metadata>, Option<Metadata>, Option<Metadata>);

impl MetadataBody {
    /// The objects, or a 422 naming each field that is not an object.
    fn parts(self) -> Result<MetadataParts, ApiError> {
        let mut problems = Vec::new();
        let parts = (
            metadata("public_metadata", self.public_metadata, &mut problems),
            metadata("private_metadata", self.private_metadata, &mut problems),
            metadata("unsafe_metadata", self.unsafe_metadata, &mut problems),
        );
        if problems.is_empty() {
            Ok(parts)
        } else {
            Err(ApiError::fields(problems))
        }
    }
}

/// `PATCH /users/{user_id}/metadata`: deep merge; `null` removes a key at any depth.
pub(super) async fn merge_metadata(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<MetadataBody>,
) -> Reply {
    let (public, private, unsafe_) = body.parts()?;
    change_user(&inner, &user_id, |user, _| {
        if let Some(patch) = public {
            deep_merge(&mut user.public_metadata, patch);
        }
        if let Some(patch) = private {
            deep_merge(user.private_metadata.get_or_insert_with(Map::new), patch);
        }
        if let Some(patch) = unsafe_ {
            deep_merge(user.unsafe_metadata.get_or_insert_with(Map::new), patch);
        }
    })
}

/// `PUT /users/{user_id}/metadata`: each given object replaces the stored one.
pub(super) async fn replace_metadata(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<MetadataBody>,
) -> Reply {
    let (public, private, unsafe_) = body.parts()?;
    change_user(&inner, &user_id, |user, _| {
        if let Some(new) = public {
            user.public_metadata = new;
        }
        if private.is_some() {
            user.private_metadata = private;
        }
        if unsafe_.is_some() {
            user.unsafe_metadata = unsafe_;
        }
    })
}

/// `POST /users/{user_id}/ban`: banned, and every active session revoked.
pub(super) async fn ban(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let users = set_banned(&mut store, std::slice::from_ref(&user_id), true)?;
    reply::ok(users.first())
}

/// `POST /users/{user_id}/unban`.
pub(super) async fn unban(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let users = set_banned(&mut store, std::slice::from_ref(&user_id), false)?;
    reply::ok(users.first())
}

/// The body of the bulk ban endpoints.
#[derive(Debug, Deserialize)]
pub(super) struct UserIdsBody {
    user_ids: Vec<String>,
}

/// `POST /users/ban`: up to 50 users at once; an unknown id fails the whole request.
pub(super) async fn bulk_ban(State(inner): State<Shared>, Body(body): Body<UserIdsBody>) -> Reply {
    check_user_ids(&body.user_ids)?;
    let mut store = inner.store();
    reply::ok(set_banned(&mut store, &body.user_ids, true)?)
}

/// `POST /users/unban`.
pub(super) async fn bulk_unban(
    State(inner): State<Shared>,
    Body(body): Body<UserIdsBody>,
) -> Reply {
    check_user_ids(&body.user_ids)?;
    let mut store = inner.store();
    reply::ok(set_banned(&mut store, &body.user_ids, false)?)
}

/// The bulk endpoints take 1 to 50 ids.
fn check_user_ids(ids: &[String]) -> Result<(), ApiError> {
    if (1..=50).contains(&ids.len()) {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "user_ids",
            "user_ids must list between 1 and 50 user ids.",
        ))
    }
}

/// Bans or unbans the users, all or none; a ban revokes their active sessions.
fn set_banned(store: &mut Store, ids: &[String], banned: bool) -> Result<Vec<User>, ApiError> {
    if let Some(missing) = ids.iter().find(|id| store.users.get(id).is_none()) {
        return Err(user_not_found(missing));
    }
    let now = now_ms();
    store.users.expire_locks(now);
    let mut users = Vec::with_capacity(ids.len());
    for id in ids {
        let row = store.users.found_mut(id)?;
        row.user.banned = banned;
        row.user.updated_at = now;
        let user = row.user.clone();
        store.emit("user.updated", &user);
        users.push(user);
        if banned {
            store.revoke_user_sessions(id, now, None);
        }
    }
    Ok(users)
}

/// `POST /users/{user_id}/lock`: locked for Clerk's default lockout duration (one hour);
/// `lockout_expires_in_seconds` counts down on every read.
pub(super) async fn lock(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    store.users.expire_locks(now);
    let row = store.users.found_mut(&user_id)?;
    row.lock(now);
    row.user.updated_at = now;
    let user = row.user.clone();
    store.emit("user.updated", &user);
    reply::ok(user)
}

/// `POST /users/{user_id}/unlock`.
pub(super) async fn unlock(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    store.users.expire_locks(now);
    let row = store.users.found_mut(&user_id)?;
    row.unlock();
    row.user.updated_at = now;
    let user = row.user.clone();
    store.emit("user.updated", &user);
    reply::ok(user)
}

/// Applies `change` to the user, stamps `updated_at` and answers the user.
fn change_user(inner: &Shared, user_id: &str, change: impl FnOnce(&mut User, i64)) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    store.users.expire_locks(now);
    let row = store.users.found_mut(user_id)?;
    change(&mut row.user, now);
    row.user.updated_at = now;
    let user = row.user.clone();
    store.emit("user.updated", &user);
    reply::ok(user)
}
