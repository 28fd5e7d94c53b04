//! Opaque machine tokens (`ak_`, `mt_`, `oat_`): verified through the Backend API, with the
//! answers kept for a while so a busy service does not call Clerk on every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest, Sha256};

use super::token::TokenKind;
use super::{AuthState, MachineAuth, SignedIn, SignedOut, SignedOutReason};
use crate::models::{VerifyApiKeyParams, VerifyM2mTokenParams, VerifyOAuthAccessTokenParams};
use crate::{Clerk, SecretKey};

/// How long [`Authenticator`](super::Authenticator) keeps the Backend API's answers about
/// opaque machine tokens.
///
/// A verified token is reused until the earlier of its own expiry and `verified_for`; a
/// token Clerk refused (unknown, revoked, expired) is refused again without a call for
/// `rejected_for`, so a flood of one bad token is one call, not a flood of calls. Failures
/// on the way (network, 5xx) are never kept. At most `capacity` tokens of each outcome are
/// kept (by their SHA-256, never the token itself); when full, the entry that expires first
/// makes room.
///
/// The trade-off: a token revoked in Clerk keeps working here for up to `verified_for`.
/// [`MachineTokenCache::disabled`] verifies every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MachineTokenCache {
    /// How long a verified token is reused at most (default 60 s).
    pub verified_for: Duration,
    /// How long a refused token is refused without asking again (default 10 s).
    pub rejected_for: Duration,
    /// How many tokens of each outcome are kept at most (default 10,000).
    pub capacity: usize,
}

impl Default for MachineTokenCache {
    fn default() -> Self {
        Self {
            verified_for: Duration::from_secs(60),
            rejected_for: Duration::from_secs(10),
            capacity: 10_000,
        }
    }
}

impl MachineTokenCache {
    /// Keeps nothing: every request with an opaque machine token is verified by Clerk.
    pub fn disabled() -> Self {
        Self {
            verified_for: Duration::ZERO,
            rejected_for: Duration::ZERO,
            capacity: 0,
        }
    }

    /// The default cache with `verified_for` instead.
    #[must_use]
    pub fn verified_for(mut self, ttl: Duration) -> Self {
        self.verified_for = ttl;
        self
    }

    /// The default cache with `rejected_for` instead.
    #[must_use]
    pub fn rejected_for(mut self, ttl: Duration) -> Self {
        self.rejected_for = ttl;
        self
    }

    /// The default cache with `capacity` instead.
    #[must_use]
    pub fn capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity;
        self
    }
}

/// What the cache holds for one token digest.
#[derive(Debug, Clone)]
enum Outcome {
    Verified(MachineAuth),
    Rejected,
}

/// The shared state behind the cache; clones of an authenticator share it.
#[derive(Debug, Default)]
struct Entries {
    verified: HashMap<[u8; 32], (MachineAuth, Instant)>,
    rejected: HashMap<[u8; 32], Instant>,
}

/// Verifies opaque machine tokens through the Backend API, remembering the answers.
#[derive(Debug, Clone, Default)]
pub(crate) struct MachineVerifier {
    settings: MachineTokenCache,
    entries: Arc<Mutex<Entries>>,
    /// Sent instead of the instance key when verifying M2M tokens, as @clerk/backend's
    /// `machineSecretKey` option does.
    machine_secret_key: Option<SecretKey>,
}

impl MachineVerifier {
    pub(crate) fn with_cache(mut self, settings: MachineTokenCache) -> Self {
        self.settings = settings;
        self.entries = Arc::default();
        self
    }

    pub(crate) fn with_machine_secret_key(mut self, key: SecretKey) -> Self {
        self.machine_secret_key = Some(key);
        self
    }

    /// The auth state of `token`, an opaque token of `kind`.
    pub(crate) async fn verify(&self, clerk: &Clerk, kind: TokenKind, token: &str) -> AuthState {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        match self.cached(&digest) {
            Some(Outcome::Verified(auth)) => return AuthState::SignedIn(SignedIn::Machine(auth)),
            Some(Outcome::Rejected) => {
                return SignedOut::state(
                    SignedOutReason::InvalidMachineToken,
                    "refused by Clerk a moment ago",
                )
            }
            None => {}
        }
        match self.ask(clerk, kind, token).await {
            Ok(Some((auth, expires))) => {
                self.keep_verified(digest, &auth, expires);
                AuthState::SignedIn(SignedIn::Machine(auth))
            }
            Ok(None) => {
                self.keep_rejected(digest);
                SignedOut::state(SignedOutReason::InvalidMachineToken, "revoked or expired")
            }
            Err(e) if matches!(e.status().map(|s| s.as_u16()), Some(400 | 404 | 422)) => {
                self.keep_rejected(digest);
                SignedOut::state(SignedOutReason::InvalidMachineToken, e.to_string())
            }
            Err(e) => SignedOut::state(SignedOutReason::MachineVerificationFailed, e.to_string()),
        }
    }

    /// Clerk's answer: the token's auth and expiry (unix ms) when valid, `None` when it is
    /// revoked or expired.
    async fn ask(
        &self,
        clerk: &Clerk,
        kind: TokenKind,
        token: &str,
    ) -> crate::Result<Option<(MachineAuth, Option<f64>)>> {
        let live = |revoked: bool, expired: bool| !revoked && !expired;
        Ok(match kind {
            TokenKind::ApiKey => {
                let k = clerk
                    .api_keys()
                    .verify(VerifyApiKeyParams::new(token))
                    .await?;
                live(k.revoked, k.expired).then(|| {
                    let auth = MachineAuth::new(kind, k.id, k.subject, k.scopes, k.claims);
                    (auth, k.expiration)
                })
            }
            TokenKind::M2mToken => {
                let mut call = clerk.m2m_tokens().verify(VerifyM2mTokenParams::new(token));
                if let Some(key) = &self.machine_secret_key {
                    call = call.secret_key(key.clone());
                }
                let t = call.await?;
                live(t.revoked, t.expired).then(|| {
                    let scopes = t.scopes.unwrap_or_default();
                    let auth = MachineAuth::new(kind, t.id, t.subject, scopes, t.claims);
                    (auth, t.expiration)
                })
            }
            _ => {
                let answer = clerk
                    .oauth_access_tokens()
                    .verify(VerifyOAuthAccessTokenParams::new(token))
                    .await?;
                answer
                    .token()
                    .filter(|t| live(t.revoked, t.expired))
                    .map(|t| {
                        let auth = MachineAuth::new(
                            kind,
                            t.id.clone(),
                            t.subject.clone(),
                            t.scopes.clone(),
                            None,
                        );
                        (auth, t.expiration)
                    })
            }
        })
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, Entries> {
        // Entries are replaced whole; a panic elsewhere leaves them usable.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn cached(&self, digest: &[u8; 32]) -> Option<Outcome> {
        if self.settings.capacity == 0 {
            return None;
        }
        let now = Instant::now();
        let mut entries = self.entries();
        if let Some((auth, until)) = entries.verified.get(digest) {
            if *until > now {
                return Some(Outcome::Verified(auth.clone()));
            }
            entries.verified.remove(digest);
        }
        if let Some(until) = entries.rejected.get(digest) {
            if *until > now {
                return Some(Outcome::Rejected);
            }
            entries.rejected.remove(digest);
        }
        None
    }

    fn keep_verified(&self, digest: [u8; 32], auth: &MachineAuth, expires_ms: Option<f64>) {
        let mut ttl = self.settings.verified_for;
        if let Some(ms) = expires_ms {
            // Never past the token's own expiry.
            let left_ms = ms - crate::jwt::unix_millis(SystemTime::now()) as f64;
            ttl = ttl.min(Duration::from_millis(left_ms.max(0.0) as u64));
        }
        if ttl.is_zero() || self.settings.capacity == 0 {
            return;
        }
        let until = Instant::now() + ttl;
        let capacity = self.settings.capacity;
        let mut entries = self.entries();
        make_room(&mut entries.verified, capacity, |(_, until)| *until);
        entries.verified.insert(digest, (auth.clone(), until));
    }

    fn keep_rejected(&self, digest: [u8; 32]) {
        let ttl = self.settings.rejected_for;
        if ttl.is_zero() || self.settings.capacity == 0 {
            return;
        }
        let until = Instant::now() + ttl;
        let capacity = self.settings.capacity;
        let mut entries = self.entries();
        make_room(&mut entries.rejected, capacity, |until| *until);
        entries.rejected.insert(digest, until);
    }
}

/// Drops what has expired, then, while still full, the entry that expires first.
fn make_room<V>(map: &mut HashMap<[u8; 32], V>, capacity: usize, until: impl Fn(&V) -> Instant) {
    if map.len() < capacity {
        return;
    }
    let now = Instant::now();
    map.retain(|_, v| until(v) > now);
    while map.len() >= capacity {
        let Some(first) = map.iter().min_by_key(|(_, v)| until(v)).map(|(k, _)| *k) else {
            break;
        };
        map.remove(&first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(id: &str) -> MachineAuth {
        MachineAuth::new(TokenKind::ApiKey, id.into(), "mch_1".into(), vec![], None)
    }

    fn now_ms() -> f64 {
        crate::jwt::unix_millis(SystemTime::now()) as f64
    }

    #[test]
    fn a_token_past_its_expiry_is_never_kept() {
        let verifier = MachineVerifier::default();
        verifier.keep_verified([1; 32], &auth("ak_1"), Some(now_ms() - 1.0));
        assert!(verifier.cached(&[1; 32]).is_none());
        verifier.keep_verified([2; 32], &auth("ak_2"), Some(now_ms() + 60_000.0));
        assert!(matches!(verifier.cached(&[2; 32]), Some(Outcome::Verified(a)) if a.id == "ak_2"));
    }

    #[test]
    fn a_full_cache_drops_the_entry_that_expires_first() {
        let verifier =
            MachineVerifier::default().with_cache(MachineTokenCache::default().capacity(2));
        let soon = now_ms() + 5_000.0;
        let later = now_ms() + 50_000.0;
        verifier.keep_verified([1; 32], &auth("soon"), Some(soon));
        verifier.keep_verified([2; 32], &auth("later"), Some(later));
        verifier.keep_verified([3; 32], &auth("third"), Some(later));
        assert!(
            verifier.cached(&[1; 32]).is_none(),
            "the soonest one made room"
        );
        assert!(verifier.cached(&[2; 32]).is_some());
        assert!(verifier.cached(&[3; 32]).is_some());
        assert_eq!(verifier.entries().verified.len(), 2);
    }
}
