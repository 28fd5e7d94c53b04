//! The stand-in's state: one table per resource, behind one lock.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use super::keys::SigningKey;
use super::server::RequestLog;

/// Everything the stand-in knows. Each resource module owns its table type.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub users: super::users::Table,
    pub sessions: super::sessions::Table,
    pub organizations: super::organizations::Table,
    pub memberships: super::organization_memberships::Table,
    pub organization_invitations: super::organization_invitations::Table,
    pub invitations: super::invitations::Table,
    pub allowlist: super::allowlist_identifiers::Table,
    pub blocklist: super::blocklist_identifiers::Table,
    /// Where state changes queue their webhook events.
    pub webhooks: super::webhooks::Outbox,
}

/// What every handler gets: the store, the signing key and the request log.
#[derive(Debug)]
pub(crate) struct Inner {
    pub store: Mutex<Store>,
    pub key: Arc<SigningKey>,
    pub secret_key: String,
    /// `http://127.0.0.1:<port>`: the issuer of the session tokens it signs.
    pub origin: String,
    /// The latest requests received, for `StandIn::requests`.
    pub requests: Mutex<RequestLog>,
}

/// The axum state of every route.
pub(crate) type Shared = Arc<Inner>;

impl Inner {
    /// The store, locked. Handlers never hold it across an `.await`.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked left the store as it was; keep serving.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Unix time in milliseconds, as the Backend API reports timestamps.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

/// A fresh id with Clerk's prefix: `new_id("user")` gives `user_` and 27 alphanumerics.
pub(crate) fn new_id(prefix: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut id = String::with_capacity(prefix.len() + 28);
    id.push_str(prefix);
    id.push('_');
    for _ in 0..27 {
        id.push(char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]));
    }
    id
}
