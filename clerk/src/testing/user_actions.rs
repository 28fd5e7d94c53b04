//! Actions on one user: metadata merge and replace, ban and lock, and passwords (hashed for
//! real with argon2, checked by `verify_password`).

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::reply::{self, ApiError, Body, Problem, Reply};
use super::shared::merge_metadata as deep_merge;
use super::store::{now_ms, Shared, Store};
use super::user_input::{field, metadata};
use super::users::user_not_found;
use crate::models::{Metadata, SessionStatus, User};

/// A password a create or update body asked for, before hashing.
#[derive(Debug)]
pub(super) enum PasswordInput {
    /// A plaintext password, hashed with argon2id.
    Plain(String),
    /// An argon2 PHC string imported as is.
    Digest(String),
}

impl PasswordInput {
    /// The PHC string to store; a plaintext password is hashed on tokio's blocking pool.
    pub(super) async fn into_phc(self) -> Result<String, ApiError> {
        match self {
            Self::Plain(password) => off_the_workers(move || hash_password(&password)).await?,
            Self::Digest(phc) => Ok(phc),
        }
    }
}

/// The most memory an imported argon2 digest may ask for, in KiB (64 MiB).
const MAX_DIGEST_MEMORY_KIB: u32 = 64 * 1024;
/// The most passes an imported argon2 digest may ask for.
const MAX_DIGEST_PASSES: u32 = 10;
/// The most lanes an imported argon2 digest may ask for.
const MAX_DIGEST_LANES: u32 = 4;

/// Why the stand-in will not check passwords against `hash`: its parameters do not parse, or
/// its costs exceed what a test server should spend on one request (real digests use far
/// less; OWASP's argon2id settings need 19 to 46 MiB). `None` when it is fine.
fn digest_cost_problem(hash: &PasswordHash<'_>) -> Option<String> {
    let params = match Params::try_from(hash) {
        Ok(params) => params,
        Err(e) => {
            return Some(format!(
                "password_digest has invalid argon2 parameters: {e}."
            ))
        }
    };
    let too_costly = params.m_cost() > MAX_DIGEST_MEMORY_KIB
        || params.t_cost() > MAX_DIGEST_PASSES
        || params.p_cost() > MAX_DIGEST_LANES;
    too_costly.then(|| {
        format!(
            "password_digest asks for m={}, t={}, p={}; the clerk_backend::testing stand-in \
             imports argon2 digests up to m={MAX_DIGEST_MEMORY_KIB} (KiB), \
             t={MAX_DIGEST_PASSES}, p={MAX_DIGEST_LANES}.",
            params.m_cost(),
            params.t_cost(),
            params.p_cost()
        )
    })
}

/// Runs argon2 work on tokio's blocking pool, so a hash never stalls the server's workers.
async fn off_the_workers<R: Send + 'static>(
    work: impl FnOnce() -> R + Send + 'static,
) -> Result<R, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(hashing_failed)
}

/// Reads `password`, `password_digest` and `password_hasher` of a body: Clerk's length rule
/// (at least 8 characters unless `skip_password_checks`), and digests only from the argon2
/// hashers, the only ones the stand-in can check later.
pub(super) fn password_input(
    password: Option<&str>,
    digest: Option<&str>,
    hasher: Option<&str>,
    skip_checks: bool,
    problems: &mut Vec<Problem>,
) -> Option<PasswordInput> {
    match (password, digest, hasher) {
        (Some(_), Some(_), _) => {
            problems.extend(
                ApiError::invalid(
                    "password_digest",
                    "Give either password or password_digest, not both.",
                )
                .problems,
            );
            None
        }
        (Some(password), None, _) => {
            if !skip_checks && password.chars().count() < 8 {
                problems.push(field(
                    "form_password_length_too_short",
                    "password",
                    "Passwords must be 8 characters or more.",
                ));
                return None;
            }
            Some(PasswordInput::Plain(password.to_owned()))
        }
        (None, Some(_), None) => {
            problems.extend(ApiError::missing("password_hasher").problems);
            None
        }
        (None, None, Some(_)) => {
            problems.extend(ApiError::missing("password_digest").problems);
            None
        }
        (None, Some(digest), Some(hasher)) => {
            if !matches!(hasher, "argon2i" | "argon2id") {
                problems.extend(
                    ApiError::invalid(
                        "password_hasher",
                        format!(
                            "The clerk_backend::testing stand-in imports only argon2i and argon2id \
                             digests, not {hasher}."
                        ),
                    )
                    .problems,
                );
                return None;
            }
            let why = match PasswordHash::new(digest) {
                Ok(hash) if hash.algorithm.as_str() == hasher => digest_cost_problem(&hash),
                _ => Some(format!("password_digest is not an {hasher} PHC string.")),
            };
            if let Some(why) = why {
                problems.extend(ApiError::invalid("password_digest", why).problems);
                return None;
            }
            Some(PasswordInput::Digest(digest.to_owned()))
        }
        (None, None, None) => None,
    }
}

/// A 500 for a hashing failure, which only a bug can cause.
fn hashing_failed(what: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_clerk_error",
        "the password could not be hashed",
        format!("The stand-in could not hash the password: {what}"),
    )
}

/// An argon2id PHC string of `password`. The costs are tiny (64 KiB, one pass, one lane)
/// because tests run in debug builds and the stand-in guards nothing real.
fn hash_password(password: &str) -> Result<String, ApiError> {
    let params = Params::new(64, 1, 1, None).map_err(hashing_failed)?;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut salt = [0u8; 16];
    aws_lc_rs::rand::fill(&mut salt).map_err(|_| hashing_failed("no random salt"))?;
    let salt = SaltString::encode_b64(&salt).map_err(hashing_failed)?;
    argon2
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(hashing_failed)
}

/// Whether `password` matches the PHC string (its own algorithm and costs apply). A digest
/// over the import caps never matches: none can be stored, and none is ever computed.
fn password_matches(phc: &str, password: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|hash| {
        digest_cost_problem(&hash).is_none()
            && Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
    })
}

/// The body of `POST /users/{user_id}/verify_password`.
#[derive(Debug, Deserialize)]
pub(super) struct VerifyPasswordBody {
    password: String,
}

/// `POST /users/{user_id}/verify_password`: `{"verified": true}`, a 422
/// `form_password_incorrect` for a wrong password, a 400 `password_not_set` for a user
/// without one (the status the spec documents; the code is the stand-in's own).
pub(super) async fn verify_password(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<VerifyPasswordBody>,
) -> Reply {
    let phc = {
        let store = inner.store();
        let Some(row) = store.users.rows().iter().find(|s| s.user.id == user_id) else {
            return Err(user_not_found(&user_id));
        };
        row.password.clone()
    };
    let Some(phc) = phc else {
        return Err(ApiError::bad_request(
            "password_not_set",
            format!("User {user_id} does not have a password."),
        ));
    };
    let password = body.password;
    if off_the_workers(move || password_matches(&phc, &password)).await? {
        reply::ok(json!({ "verified": true }))
    } else {
        Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_password_incorrect",
            "Password is incorrect. Try again, or use another method.",
            "The password does not match the user's password.",
        )
        .param("password"))
    }
}

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
            let ended = store
                .sessions
                .end_user_sessions(id, SessionStatus::Revoked, now);
            store.emit_ended_sessions(&ended, None);
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

#[cfg(test)]
mod tests {
    use super::{hash_password, password_input, password_matches};

    #[test]
    fn passwords_hash_to_phc_strings_that_verify() {
        let phc = hash_password("correct horse").unwrap_or_default();
        assert!(phc.starts_with("$argon2id$"));
        assert!(!phc.contains("correct horse"));
        assert!(password_matches(&phc, "correct horse"));
        assert!(!password_matches(&phc, "wrong horse"));
    }

    #[test]
    fn digests_over_the_cost_caps_are_refused_without_hashing() {
        // Salt and hash are well-formed; only the costs differ.
        let digest = |m: u32, t: u32, p: u32| {
            format!("$argon2id$v=19$m={m},t={t},p={p}$c29tZXNhbHQ$S8M8VxSIVBxfLjIJponlK1RY9Ww43+sb1GKDPKjheds")
        };
        let import = |phc: &str| {
            let mut problems = Vec::new();
            let input = password_input(None, Some(phc), Some("argon2id"), false, &mut problems);
            (input.is_some(), problems.len())
        };
        assert_eq!(import(&digest(65536, 10, 4)), (true, 0), "at the caps");
        for over in [digest(65537, 1, 1), digest(64, 11, 1), digest(64, 1, 5)] {
            assert_eq!(import(&over), (false, 1), "{over}");
            // Checking it would allocate up to 64 GiB if the caps did not apply here too.
            assert!(!password_matches(&over, "imported password"));
        }
        assert!(!password_matches(&digest(4_194_304, 1, 1), "x"));
    }
}
