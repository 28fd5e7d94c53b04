//! The instance's JWKS, fetched from the Backend API and cached per instance.
//!
//! Rules, stricter than Clerk's JavaScript SDK:
//! - one cache per instance (API URL + secret key), shared by every verifier of the process
//!   while one of them is alive; the key of the registry holds a SHA-1 fingerprint of the
//!   secret, never the secret;
//! - a fetched set expires `ttl` after the fetch, however often it is used, and replaces the
//!   previous one, so a key removed from the JWKS stops verifying after at most `ttl`;
//! - a `kid` that is not in a fresh set triggers a refetch, but at most one fetch per
//!   `min_refetch` (successful or not): a flood of made-up `kid`s fails without requests;
//! - fetches are single-flight: concurrent verifications wait for the one fetch in progress,
//!   including those whose `kid` the cached set lacks: the fetch under way may bring it, so
//!   they are answered after it, never with `UnknownKey` while it runs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock, Weak};
use std::time::Duration;

use sha1::{Digest, Sha1};

use super::clock::{unix_millis, Clock};
use super::error::{echo, TokenError};
use super::key::{from_jwk, VerifyingKey};
use crate::Clerk;

/// How long a fetched set is used, and how often an unknown `kid` may cause a fetch.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CachePolicy {
    pub ttl: Duration,
    pub min_refetch: Duration,
}

/// One fetched key set.
struct KeySet {
    fetched_at_ms: i64,
    /// By `kid`: the key, or why that JWK cannot be used.
    keys: HashMap<String, Result<Arc<VerifyingKey>, TokenError>>,
}

impl KeySet {
    fn is_fresh(&self, now_ms: i64, ttl: Duration) -> bool {
        within(self.fetched_at_ms, now_ms, ttl)
    }

    fn get(&self, kid: &str) -> Option<Result<Arc<VerifyingKey>, TokenError>> {
        self.keys.get(kid).cloned()
    }
}

/// Whether `now` is at or after `at` and less than `window` later (a clock that went
/// backwards counts as outside).
fn within(at_ms: i64, now_ms: i64, window: Duration) -> bool {
    let window = i64::try_from(window.as_millis()).unwrap_or(i64::MAX);
    now_ms >= at_ms && now_ms.saturating_sub(at_ms) < window
}

/// Bookkeeping of the fetches, behind the single-flight lock.
#[derive(Default)]
struct Fetches {
    /// When the last fetch started, and how it failed if it did.
    last: Option<(i64, Option<TokenError>)>,
}

/// The cached JWKS of one instance.
pub(crate) struct JwksCache {
    current: RwLock<Option<Arc<KeySet>>>,
    /// Held for the whole of a fetch: waiting for it is waiting for the fetch in progress.
    fetches: tokio::sync::Mutex<Fetches>,
}

impl JwksCache {
    fn new() -> Self {
        Self {
            current: RwLock::new(None),
            fetches: tokio::sync::Mutex::new(Fetches::default()),
        }
    }

    fn current(&self) -> Option<Arc<KeySet>> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// A fresh set's answer for `kid`, if it settles the question without fetching.
    fn answer(
        &self,
        kid: &str,
        now_ms: i64,
        last_fetch_ms: Option<i64>,
        policy: CachePolicy,
    ) -> Option<Result<Arc<VerifyingKey>, TokenError>> {
        let set = self
            .current()
            .filter(|set| set.is_fresh(now_ms, policy.ttl))?;
        if let Some(found) = set.get(kid) {
            return Some(found);
        }
        let recent = last_fetch_ms.is_some_and(|at| within(at, now_ms, policy.min_refetch));
        recent.then(|| Err(unknown(kid)))
    }

    /// The key for `kid`, fetching the JWKS when the cached set is missing, expired, or
    /// lacks `kid` and fetching again is allowed.
    pub(crate) async fn key(
        &self,
        clerk: &Clerk,
        kid: &str,
        clock: &dyn Clock,
        policy: CachePolicy,
    ) -> Result<Arc<VerifyingKey>, TokenError> {
        let now_ms = unix_millis(clock.now());
        // Without the lock, only a key the fresh set has settles it. A `kid` it lacks may be
        // on its way in a fetch under way: that is decided under the lock, which a fetch
        // holds until its set is in place (uncontended, the lock costs next to nothing).
        if let Some(found) = self
            .current()
            .filter(|set| set.is_fresh(now_ms, policy.ttl))
            .and_then(|set| set.get(kid))
        {
            return found;
        }

        let mut fetches = self.fetches.lock().await;
        // Whoever held the lock may have fetched what we need.
        let now_ms = unix_millis(clock.now());
        let last_start = fetches.last.as_ref().map(|(at, _)| *at);
        if let Some(answer) = self.answer(kid, now_ms, last_start, policy) {
            return answer;
        }
        if let Some((at, Some(error))) = &fetches.last {
            if within(*at, now_ms, policy.min_refetch) {
                return Err(error.clone());
            }
        }

        match fetch(clerk, now_ms).await {
            Ok(set) => {
                let found = set.get(kid);
                *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(set));
                fetches.last = Some((now_ms, None));
                found.unwrap_or_else(|| Err(unknown(kid)))
            }
            Err(error) => {
                fetches.last = Some((now_ms, Some(error.clone())));
                Err(error)
            }
        }
    }
}

fn unknown(kid: &str) -> TokenError {
    TokenError::UnknownKey {
        kid: Some(echo(kid)),
    }
}

/// `GET /jwks` with the client's secret key and API version, as a key set.
async fn fetch(clerk: &Clerk, now_ms: i64) -> Result<KeySet, TokenError> {
    let set = clerk
        .jwks()
        .get()
        .await
        .map_err(|e| TokenError::KeyUnavailable(Arc::new(e)))?;
    let jwks = set.keys.unwrap_or_default();
    if jwks.is_empty() {
        return Err(TokenError::EmptyKeySet);
    }
    let keys = jwks
        .iter()
        .map(|jwk| (jwk.kid.clone(), from_jwk(jwk).map(Arc::new)))
        .collect();
    Ok(KeySet {
        fetched_at_ms: now_ms,
        keys,
    })
}

/// Identifies an instance without holding its secret.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Instance {
    base_url: String,
    secret_fingerprint: [u8; 20],
}

fn registry() -> &'static Mutex<HashMap<Instance, Weak<JwksCache>>> {
    static REGISTRY: OnceLock<Mutex<HashMap<Instance, Weak<JwksCache>>>> = OnceLock::new();
    REGISTRY.get_or_init(Mutex::default)
}

/// The cache of `clerk`'s instance: the one other live verifiers use, or a new one.
pub(crate) fn shared_cache(clerk: &Clerk) -> Arc<JwksCache> {
    let mut hasher = Sha1::new();
    hasher.update(b"clerk-rs jwks cache\0");
    hasher.update(clerk.secret_key().expose().as_bytes());
    let instance = Instance {
        base_url: clerk.base_url().to_owned(),
        secret_fingerprint: hasher.finalize().into(),
    };
    let mut caches = registry().lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(cache) = caches.get(&instance).and_then(Weak::upgrade) {
        return cache;
    }
    caches.retain(|_, cache| cache.strong_count() > 0);
    let cache = Arc::new(JwksCache::new());
    caches.insert(instance, Arc::downgrade(&cache));
    cache
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows() {
        let ms = Duration::from_millis;
        assert!(within(1000, 1000, ms(10)));
        assert!(within(1000, 1009, ms(10)));
        assert!(!within(1000, 1010, ms(10)));
        assert!(!within(1000, 999, ms(10)));
        assert!(!within(1000, 1000, ms(0)));
    }

    #[test]
    fn one_cache_per_instance() -> crate::Result<()> {
        let a = Clerk::builder()
            .secret_key("sk_test_a")
            .base_url("http://127.0.0.1:9")
            .build()?;
        let a2 = Clerk::builder()
            .secret_key("sk_test_a")
            .base_url("http://127.0.0.1:9/")
            .build()?;
        let b = Clerk::builder()
            .secret_key("sk_test_b")
            .base_url("http://127.0.0.1:9")
            .build()?;
        let cache = shared_cache(&a);
        assert!(Arc::ptr_eq(&cache, &shared_cache(&a2)));
        assert!(!Arc::ptr_eq(&cache, &shared_cache(&b)));
        Ok(())
    }
}
