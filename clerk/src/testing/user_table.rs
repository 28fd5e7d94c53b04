//! The users table: each user as the API shows it plus what Clerk keeps private (password
//! digest, lock, TOTP secret, backup codes), and the one way the user modules change a row.

use super::identifiers::Identifier;
use super::reply::ApiError;
use super::shared::user_not_found;
use super::store::Store;
use crate::models::User;

/// How long `POST /users/{id}/lock` locks a user out: Clerk's default lockout duration.
pub(super) const LOCKOUT_MS: i64 = 60 * 60 * 1000;

/// Sign-in attempts a user has before a lockout: Clerk's default.
pub(super) const VERIFICATION_ATTEMPTS: i64 = 100;

/// One stored user: the model every response serializes, plus what Clerk keeps private.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    /// The user as the API shows it.
    pub user: User,
    /// The password as an argon2 PHC string; never the password itself.
    pub password: Option<String>,
    /// When the current lock ends (unix ms); `None` when not locked.
    pub locked_until: Option<i64>,
    /// The TOTP secret (the bytes its base32 form encodes), when TOTP is on.
    pub totp_secret: Option<Vec<u8>>,
    /// SHA-256 digests of the unused backup codes; never the codes themselves.
    pub backup_codes: Vec<Vec<u8>>,
    /// Whether the password is marked compromised (the model has no field for it).
    pub password_compromised: bool,
}

/// The stand-in's users table, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Stored>,
}

impl Table {
    /// The user with this id. Other modules use it to check that a user exists and to copy
    /// public user data (names, identifier, image) into memberships.
    pub fn get(&self, id: &str) -> Option<&User> {
        self.rows.iter().find(|s| s.user.id == id).map(|s| &s.user)
    }

    /// The stored user with this id, for changes.
    pub(super) fn row_mut(&mut self, id: &str) -> Option<&mut Stored> {
        self.rows.iter_mut().find(|s| s.user.id == id)
    }

    /// The stored user with this id, or 404.
    pub(super) fn found_mut(&mut self, id: &str) -> Result<&mut Stored, ApiError> {
        self.row_mut(id).ok_or_else(|| user_not_found(id))
    }

    /// Every user, oldest first.
    pub(super) fn rows(&self) -> &[Stored] {
        &self.rows
    }

    /// Stores a new user.
    pub(super) fn insert(&mut self, row: Stored) {
        self.rows.push(row);
    }

    /// Takes the user with this id out, or answers Clerk's 404.
    pub(super) fn take(&mut self, id: &str) -> Result<Stored, ApiError> {
        let at = self
            .rows
            .iter()
            .position(|s| s.user.id == id)
            .ok_or_else(|| user_not_found(id))?;
        Ok(self.rows.remove(at))
    }

    /// Records a sign-in (a new session) of the user: Clerk moves both activity stamps.
    pub(super) fn record_sign_in(&mut self, id: &str, now: i64) {
        if let Some(row) = self.row_mut(id) {
            row.user.last_sign_in_at = Some(now);
            row.user.last_active_at = Some(now);
        }
    }

    /// Records session activity (a token minted) of the user.
    pub(super) fn record_activity(&mut self, id: &str, now: i64) {
        if let Some(row) = self.row_mut(id) {
            row.user.last_active_at = Some(now);
        }
    }

    /// Ends locks whose time is up and counts down the others, so that every read shows
    /// what Clerk would show at `now`.
    pub(super) fn expire_locks(&mut self, now: i64) {
        for row in &mut self.rows {
            row.refresh_lock(now);
        }
    }

    /// Which identifier of another user `value` collides with, if any.
    pub(super) fn taken(&self, kind: Identifier, value: &str, except: Option<&str>) -> bool {
        self.rows
            .iter()
            .filter(|s| Some(s.user.id.as_str()) != except)
            .any(|s| kind.values(&s.user).any(|v| kind.same(&v, value)))
    }
}

impl Stored {
    /// Locks the user out for [`LOCKOUT_MS`] from `now`.
    pub(super) fn lock(&mut self, now: i64) {
        self.locked_until = Some(now.saturating_add(LOCKOUT_MS));
        self.refresh_lock(now);
    }

    /// Lifts the lock.
    pub(super) fn unlock(&mut self) {
        self.locked_until = None;
        self.user.locked = false;
        self.user.lockout_expires_in_seconds = None;
        self.user.verification_attempts_remaining = Some(VERIFICATION_ATTEMPTS);
    }

    /// Brings the lock fields up to date with `now`.
    fn refresh_lock(&mut self, now: i64) {
        match self.locked_until {
            Some(until) if until > now => {
                self.user.locked = true;
                // Clerk rounds the remaining time up to whole seconds.
                self.user.lockout_expires_in_seconds = Some((until - now + 999) / 1000);
                self.user.verification_attempts_remaining = Some(0);
            }
            Some(_) => self.unlock(),
            None => {}
        }
    }
}

/// Changes the stored user `user_id` with `edit` (its private parts included), stamps
/// `updated_at` and queues `user.updated`; answers what `edit` answered and the user as it is
/// now. A failing `edit` leaves the user as it was. 404 for an unknown user.
pub(super) fn edit_row<R>(
    store: &mut Store,
    user_id: &str,
    now: i64,
    edit: impl FnOnce(&mut Stored) -> Result<R, ApiError>,
) -> Result<(R, User), ApiError> {
    store.users.expire_locks(now);
    let slot = store.users.found_mut(user_id)?;
    let mut row = slot.clone();
    let answer = edit(&mut row)?;
    row.user.updated_at = now;
    let user = row.user.clone();
    *slot = row;
    store.emit("user.updated", &user);
    Ok((answer, user))
}
