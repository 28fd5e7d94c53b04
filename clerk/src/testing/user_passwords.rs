//! Passwords of users: hashed for real with argon2 (imported argon2 digests within cost
//! caps), checked by `verify_password`, marked compromised, and removed.

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::reply::{self, ApiError, Body, Problem, Reply};
use super::shared::{reject_unknown, user_not_found};
use super::store::{now_ms, Shared};
use super::user_input::field;
use super::user_table::edit_row;

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
async fn verify_password(
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

/// The routes of passwords.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/users/{user_id}/verify_password", post(verify_password))
        .route(
            "/users/{user_id}/password/set_compromised",
            post(set_compromised),
        )
        .route(
            "/users/{user_id}/password/unset_compromised",
            post(unset_compromised),
        )
        .route("/users/{user_id}/remove_password", post(remove_password))
}

/// 400 for a password action on a user without one (the stand-in's code, as for
/// `verify_password`).
fn no_password(user_id: &str) -> ApiError {
    ApiError::bad_request(
        "password_not_set",
        format!("User {user_id} does not have a password."),
    )
}

/// The body of `POST /users/{user_id}/password/set_compromised`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct SetCompromisedBody {
    revoke_all_sessions: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /users/{user_id}/password/set_compromised`: the user must reset the password at the
/// next sign-in; `revoke_all_sessions` also ends every session. The flag is private: the
/// User model has no field for it.
pub(super) async fn set_compromised(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<SetCompromisedBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let now = now_ms();
    let ((), user) = edit_row(&mut store, &user_id, now, |row| {
        if row.password.is_none() {
            return Err(no_password(&user_id));
        }
        row.password_compromised = true;
        Ok(())
    })?;
    if body.revoke_all_sessions == Some(true) {
        store.revoke_user_sessions(&user_id, now, None);
    }
    reply::ok(user)
}

/// `POST /users/{user_id}/password/unset_compromised`: clears the mark; a password that is
/// not marked is left as it is, without an event.
pub(super) async fn unset_compromised(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
) -> Reply {
    let mut store = inner.store();
    let marked = store
        .users
        .rows()
        .iter()
        .find(|s| s.user.id == user_id)
        .map(|s| s.password_compromised)
        .ok_or_else(|| user_not_found(&user_id))?;
    if !marked {
        let user = store.users.found_mut(&user_id)?.user.clone();
        return reply::ok(user);
    }
    let ((), user) = edit_row(&mut store, &user_id, now_ms(), |row| {
        row.password_compromised = false;
        Ok(())
    })?;
    reply::ok(user)
}

/// The body of `POST /users/{user_id}/remove_password`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct RemovePasswordBody {
    sign_out_of_other_sessions: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /users/{user_id}/remove_password`: the password goes without asking for it; a user
/// without one is answered unchanged and no event is sent (the spec's rule). Sessions stay
/// unless `sign_out_of_other_sessions`.
pub(super) async fn remove_password(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<RemovePasswordBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let now = now_ms();
    store.users.expire_locks(now);
    let row = store.users.found_mut(&user_id)?;
    if row.password.is_none() {
        return reply::ok(row.user.clone());
    }
    let ((), user) = edit_row(&mut store, &user_id, now, |row| {
        row.password = None;
        row.password_compromised = false;
        row.user.password_enabled = false;
        row.user.password_last_updated_at = None;
        Ok(())
    })?;
    if body.sign_out_of_other_sessions == Some(true) {
        store.revoke_user_sessions(&user_id, now, None);
    }
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
