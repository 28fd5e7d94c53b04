//! Session token verification through the instance's JWKS, against a loopback server that
//! counts `GET /jwks`: single-flight on a cold cache, a fixed TTL (key rotation), rate-limited
//! refetches for unknown `kid`s, failures, and one cache per instance. Time is a manual
//! clock: nothing sleeps.

mod jwt_support;

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use clerk_backend::jwt::{KeySource, TokenError, Verifier};
use clerk_backend::{Clerk, RetryPolicy};
use jwt_support::{session_claims, TestKey, NOW};
use serde_json::{json, Value};
use tokio::sync::{Barrier, Notify};

const SECRET: &str = "sk_test_JWKSsecretVALUE";

/// What the fake Backend API answers to `GET /jwks`, and what it saw.
struct Api {
    status: Mutex<u16>,
    body: Mutex<Value>,
    hits: AtomicUsize,
    headers: Mutex<Vec<HeaderMap>>,
    /// When set, the first request waits for it before answering.
    gate: Option<Arc<Notify>>,
}

impl Api {
    fn serve(&self, keys: &[&TestKey]) {
        *self.body.lock().expect("lock") =
            json!({ "keys": keys.iter().map(|k| k.jwk()).collect::<Vec<_>>() });
        *self.status.lock().expect("lock") = 200;
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

async fn jwks(State(api): State<Arc<Api>>, headers: HeaderMap) -> impl IntoResponse {
    let first = api.hits.fetch_add(1, Ordering::SeqCst) == 0;
    api.headers.lock().expect("lock").push(headers);
    if let (true, Some(gate)) = (first, &api.gate) {
        gate.notified().await;
    }
    let status = *api.status.lock().expect("lock");
    let body = api.body.lock().expect("lock").to_string();
    (
        StatusCode::from_u16(status).expect("status"),
        [("content-type", "application/json")],
        body,
    )
}

/// Starts a server on 127.0.0.1 and returns it with a client pointed at it.
async fn start(gate: Option<Arc<Notify>>) -> (Arc<Api>, Clerk) {
    let api = Arc::new(Api {
        status: Mutex::new(200),
        body: Mutex::new(json!({"keys": []})),
        hits: AtomicUsize::new(0),
        headers: Mutex::new(Vec::new()),
        gate,
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let app = axum::Router::new()
        .route("/jwks", axum::routing::get(jwks))
        .with_state(api.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let clerk = client(&url, SECRET);
    (api, clerk)
}

fn client(url: &str, secret: &str) -> Clerk {
    Clerk::builder()
        .secret_key(secret)
        .base_url(url)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client")
}

/// A clock the test moves by hand, in milliseconds after `NOW`.
#[derive(Clone, Default)]
struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    fn set_secs(&self, secs: i64) {
        self.0.store(secs * 1000, Ordering::SeqCst);
    }

    fn time(&self) -> impl Fn() -> SystemTime + Send + Sync + 'static {
        let offset = self.0.clone();
        move || {
            let ms = NOW * 1000 + offset.load(Ordering::SeqCst);
            UNIX_EPOCH + Duration::from_millis(u64::try_from(ms).unwrap_or_default())
        }
    }
}

/// Claims valid for a day after `NOW`, so the manual clock can move.
fn long_lived() -> Value {
    let mut claims = session_claims();
    claims["exp"] = json!(NOW + 86_400);
    claims
}

fn verifier(clerk: &Clerk, clock: &ManualClock) -> Verifier {
    Verifier::builder(KeySource::jwks(clerk.clone()))
        .clock(clock.time())
        .build()
}

#[tokio::test]
async fn the_request_carries_the_secret_key_and_api_version() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let claims = verifier(&clerk, &ManualClock::default())
        .verify(&key.token(&long_lived()))
        .await
        .expect("valid");
    assert_eq!(claims.user_id(), "user_2abc");
    let headers = api.headers.lock().expect("lock").clone();
    assert_eq!(headers.len(), 1);
    let header = |name: &str| headers[0].get(name).and_then(|v| v.to_str().ok());
    assert_eq!(header("authorization"), Some(&*format!("Bearer {SECRET}")));
    assert_eq!(header("clerk-api-version"), Some("2026-05-12"));
}

/// Verifies `token` from `TASKS` tasks at once; the server's first answer waits until every
/// task has started verifying (released through `gate`).
async fn concurrently(
    verifier: &Verifier,
    token: &str,
    gate: &Arc<Notify>,
) -> Vec<Result<clerk_backend::jwt::SessionClaims, TokenError>> {
    const TASKS: usize = 100;
    let barrier = Arc::new(Barrier::new(TASKS));
    let started = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let (verifier, token, barrier, started, gate) = (
                verifier.clone(),
                token.to_owned(),
                barrier.clone(),
                started.clone(),
                gate.clone(),
            );
            tokio::spawn(async move {
                barrier.wait().await;
                if started.fetch_add(1, Ordering::SeqCst) + 1 == TASKS {
                    gate.notify_one();
                }
                verifier.verify(&token).await
            })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("task"));
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_fetch_for_a_hundred_concurrent_verifications_on_a_cold_cache() {
    let gate = Arc::new(Notify::new());
    let (api, clerk) = start(Some(gate.clone())).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let verifier = verifier(&clerk, &ManualClock::default());
    let results = concurrently(&verifier, &key.token(&long_lived()), &gate).await;
    assert_eq!(results.len(), 100);
    for result in results {
        assert_eq!(result.expect("valid").user_id(), "user_2abc");
    }
    assert_eq!(api.hits(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_failed_fetch_for_a_hundred_concurrent_verifications() {
    let gate = Arc::new(Notify::new());
    let (api, clerk) = start(Some(gate.clone())).await;
    let key = TestKey::generate("ins_1");
    *api.status.lock().expect("lock") = 500;
    let verifier = verifier(&clerk, &ManualClock::default());
    let results = concurrently(&verifier, &key.token(&long_lived()), &gate).await;
    for result in results {
        assert!(
            matches!(result, Err(TokenError::KeyUnavailable(_))),
            "{result:?}"
        );
    }
    assert_eq!(api.hits(), 1);
}

#[tokio::test]
async fn custom_ttl_and_refetch_interval_are_honoured() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let clock = ManualClock::default();
    let verifier = Verifier::builder(KeySource::jwks(clerk.clone()))
        .clock(clock.time())
        .jwks_ttl(Duration::from_secs(1))
        .jwks_refetch_interval(Duration::ZERO)
        .build();
    let token = key.token(&long_lived());
    assert!(verifier.verify(&token).await.is_ok());
    clock.0.store(999, Ordering::SeqCst);
    assert!(verifier.verify(&token).await.is_ok());
    assert_eq!(api.hits(), 1);
    clock.0.store(1000, Ordering::SeqCst);
    assert!(verifier.verify(&token).await.is_ok());
    assert_eq!(api.hits(), 2);
    // No interval: every unknown kid fetches.
    let bogus = key.sign(&json!({"alg": "RS256", "kid": "ins_x"}), &long_lived());
    for expected in 3..6 {
        assert!(verifier.verify(&bogus).await.is_err());
        assert_eq!(api.hits(), expected);
    }
}

#[tokio::test]
async fn a_fetched_set_expires_after_the_ttl_however_often_it_is_used() {
    let (api, clerk) = start(None).await;
    let old = TestKey::generate("ins_old");
    let new = TestKey::generate("ins_new");
    api.serve(&[&old]);
    let clock = ManualClock::default();
    let verifier = verifier(&clerk, &clock);
    let old_token = old.token(&long_lived());
    let new_token = new.token(&long_lived());

    assert!(verifier.verify(&old_token).await.is_ok());
    assert_eq!(api.hits(), 1);
    // The instance rotates its key. Until the TTL, the cached set is used: hits do not
    // fetch and do not extend it.
    api.serve(&[&new]);
    for secs in [60, 120, 240, 299] {
        clock.set_secs(secs);
        assert!(verifier.verify(&old_token).await.is_ok(), "at {secs} s");
    }
    assert_eq!(api.hits(), 1);
    // 300 s after the fetch the set has expired: the old key stops verifying.
    clock.set_secs(300);
    let err = verifier.verify(&old_token).await.err();
    assert!(
        matches!(&err, Some(TokenError::UnknownKey { kid: Some(k) }) if k == "ins_old"),
        "{err:?}"
    );
    assert_eq!(err.map(|e| e.reason()), Some("jwk-kid-mismatch"));
    assert_eq!(api.hits(), 2);
    assert!(verifier.verify(&new_token).await.is_ok());
    assert_eq!(api.hits(), 2);
}

#[tokio::test]
async fn a_new_kid_is_fetched_before_the_ttl_once_the_interval_allows() {
    let (api, clerk) = start(None).await;
    let old = TestKey::generate("ins_old");
    let new = TestKey::generate("ins_new");
    api.serve(&[&old]);
    let clock = ManualClock::default();
    let verifier = verifier(&clerk, &clock);
    assert!(verifier.verify(&old.token(&long_lived())).await.is_ok());
    api.serve(&[&old, &new]);
    // Within the refetch interval (10 s) of the last fetch, an unknown kid does not fetch.
    clock.set_secs(5);
    assert!(matches!(
        verifier.verify(&new.token(&long_lived())).await,
        Err(TokenError::UnknownKey { .. })
    ));
    assert_eq!(api.hits(), 1);
    clock.set_secs(10);
    assert!(verifier.verify(&new.token(&long_lived())).await.is_ok());
    assert_eq!(api.hits(), 2);
    // The new set replaced the old one; both keys are in it.
    assert!(verifier.verify(&old.token(&long_lived())).await.is_ok());
    assert_eq!(api.hits(), 2);
}

#[tokio::test]
async fn a_flood_of_unknown_kids_is_rate_limited() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let clock = ManualClock::default();
    let verifier = verifier(&clerk, &clock);
    assert!(verifier.verify(&key.token(&long_lived())).await.is_ok());
    let bogus = |i: usize| {
        key.sign(
            &json!({"alg": "RS256", "typ": "JWT", "kid": format!("ins_bogus_{i}")}),
            &long_lived(),
        )
    };
    clock.set_secs(1);
    for i in 0..50 {
        assert!(matches!(
            verifier.verify(&bogus(i)).await,
            Err(TokenError::UnknownKey { .. })
        ));
    }
    assert_eq!(api.hits(), 1, "within the interval nothing is fetched");
    // Once the interval has passed, one fetch, then quiet again.
    clock.set_secs(12);
    let flood: Vec<_> = (50..100)
        .map(|i| {
            let (verifier, token) = (verifier.clone(), bogus(i));
            tokio::spawn(async move { verifier.verify(&token).await })
        })
        .collect();
    for task in flood {
        assert!(matches!(
            task.await.expect("task"),
            Err(TokenError::UnknownKey { .. })
        ));
    }
    assert_eq!(api.hits(), 2);
    // A missing kid never fetches.
    let no_kid = key.sign(&json!({"alg": "RS256", "typ": "JWT"}), &long_lived());
    clock.set_secs(100);
    assert!(matches!(
        verifier.verify(&no_kid).await,
        Err(TokenError::UnknownKey { kid: None })
    ));
    assert_eq!(api.hits(), 2);
    // Real tokens are unaffected throughout.
    assert!(verifier.verify(&key.token(&long_lived())).await.is_ok());
}

#[tokio::test]
async fn garbage_tokens_never_fetch() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let verifier = verifier(&clerk, &ManualClock::default());
    let none = jwt_support::raw_token(&json!({"alg": "none", "kid": "ins_1"}), &long_lived(), b"");
    assert!(matches!(
        verifier.verify(&none).await,
        Err(TokenError::InvalidAlgorithm { .. })
    ));
    assert!(matches!(
        verifier.verify("a.b").await,
        Err(TokenError::Malformed { .. })
    ));
    assert_eq!(api.hits(), 0);
}

#[tokio::test]
async fn an_empty_key_set_is_an_error() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    let clock = ManualClock::default();
    let verifier = verifier(&clerk, &clock);
    for body in [json!({"keys": []}), json!({})] {
        *api.body.lock().expect("lock") = body;
        let err = verifier.verify(&key.token(&long_lived())).await.err();
        assert!(matches!(err, Some(TokenError::EmptyKeySet)), "{err:?}");
        assert_eq!(err.map(|e| e.reason()), Some("jwk-remote-failed-to-load"));
        clock.set_secs(clock.0.load(Ordering::SeqCst) / 1000 + 10);
    }
    assert_eq!(api.hits(), 2);
}

#[tokio::test]
async fn a_failed_fetch_is_reported_and_not_retried_within_the_interval() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    *api.status.lock().expect("lock") = 401;
    *api.body.lock().expect("lock") = json!({
        "errors": [{"code": "clerk_key_invalid", "message": "The provided Clerk Secret Key is invalid."}]
    });
    let clock = ManualClock::default();
    let verifier = verifier(&clerk, &clock);
    let token = key.token(&long_lived());
    let err = verifier.verify(&token).await.err();
    match &err {
        Some(TokenError::KeyUnavailable(source)) => {
            assert_eq!(source.code(), Some("clerk_key_invalid"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.as_ref().map(|e| e.reason()), Some("secret-key-invalid"));
    let shown = err.map(|e| format!("{e} {e:?}")).unwrap_or_default();
    assert!(!shown.contains("JWKSsecretVALUE"), "{shown}");
    // Within the interval, the same error without a request.
    clock.set_secs(9);
    assert!(matches!(
        verifier.verify(&token).await,
        Err(TokenError::KeyUnavailable(_))
    ));
    assert_eq!(api.hits(), 1);
    // Then the API recovers.
    api.serve(&[&key]);
    clock.set_secs(10);
    assert!(verifier.verify(&token).await.is_ok());
    assert_eq!(api.hits(), 2);
}

#[tokio::test]
async fn verifiers_of_one_instance_share_the_cache() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let clock = ManualClock::default();
    let token = key.token(&long_lived());
    let first = verifier(&clerk, &clock);
    assert!(first.verify(&token).await.is_ok());
    // Another client for the same URL and secret: same cache, no request.
    let same = client(clerk.base_url(), SECRET);
    let second = verifier(&same, &clock);
    assert!(second.verify(&token).await.is_ok());
    assert_eq!(api.hits(), 1);
    // Another secret key is another instance.
    let other = client(clerk.base_url(), "sk_test_OTHER");
    let third = verifier(&other, &clock);
    assert!(third.verify(&token).await.is_ok());
    assert_eq!(api.hits(), 2);
    let sent: Vec<String> = api
        .headers
        .lock()
        .expect("lock")
        .iter()
        .filter_map(|h| h.get("authorization")?.to_str().ok().map(str::to_owned))
        .collect();
    assert_eq!(
        sent,
        [
            format!("Bearer {SECRET}"),
            "Bearer sk_test_OTHER".to_owned()
        ]
    );
}

#[tokio::test]
async fn a_jwk_alg_must_match_the_token_and_unusable_jwks_are_explained() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    let mut rs512 = key.jwk();
    rs512["kid"] = json!("ins_512");
    rs512["alg"] = json!("RS512");
    let ec = json!({"kid": "ins_ec", "alg": "ES256", "use": "sig", "kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"});
    *api.body.lock().expect("lock") = json!({"keys": [key.jwk(), rs512, ec]});
    let verifier = verifier(&clerk, &ManualClock::default());
    // RS256 token against the RS512 JWK.
    let mismatch = key.sign(
        &json!({"alg": "RS256", "typ": "JWT", "kid": "ins_512"}),
        &long_lived(),
    );
    let err = verifier.verify(&mismatch).await.err();
    assert!(
        matches!(&err, Some(TokenError::AlgorithmMismatch { token, key }) if token == "RS256" && key == "RS512"),
        "{err:?}"
    );
    let matching = key.sign(
        &json!({"alg": "RS512", "typ": "JWT", "kid": "ins_512"}),
        &long_lived(),
    );
    assert!(verifier.verify(&matching).await.is_ok());
    let on_ec = key.sign(
        &json!({"alg": "RS256", "typ": "JWT", "kid": "ins_ec"}),
        &long_lived(),
    );
    let err = verifier.verify(&on_ec).await.err();
    assert!(
        matches!(&err, Some(TokenError::InvalidKey { reason }) if reason.contains("EC")),
        "{err:?}"
    );
    assert_eq!(api.hits(), 1);
}

/// A `/jwks` server whose second answer waits: it says when that request has arrived
/// (`arrived`), and answers once `release` is notified.
async fn gated_second_fetch(
    keys: Arc<Mutex<Value>>,
    arrived: Arc<Notify>,
    release: Arc<Notify>,
) -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let handler = move || {
        let (keys, arrived, release, counter) = (
            keys.clone(),
            arrived.clone(),
            release.clone(),
            counter.clone(),
        );
        async move {
            if counter.fetch_add(1, Ordering::SeqCst) == 1 {
                arrived.notify_one();
                release.notified().await;
            }
            let body = keys.lock().expect("lock").to_string();
            ([("content-type", "application/json")], body)
        }
    };
    let app = axum::Router::new().route("/jwks", axum::routing::get(handler));
    (clerk_tests::serve(app).await, hits)
}

/// The module's promise: a verification that needs a `kid` the fetch under way may bring
/// waits for that fetch instead of failing `UnknownKey` from the cached set. (Clerk's
/// JavaScript SDK, tokens/keys.ts, refetches on a missing kid after its cache window; this
/// crate rate-limits refetches, so the second verification must share the one in flight.)
#[tokio::test]
async fn a_verification_needing_the_kid_of_the_fetch_under_way_waits_for_it() {
    let old = TestKey::generate("ins_old");
    let new = TestKey::generate("ins_new");
    let keys = Arc::new(Mutex::new(json!({"keys": [old.jwk()]})));
    let (arrived, release) = (Arc::new(Notify::new()), Arc::new(Notify::new()));
    let (url, hits) = gated_second_fetch(keys.clone(), arrived.clone(), release.clone()).await;
    let clerk = client(&url, "sk_test_RACE");
    let clock = ManualClock::default();
    let verifier = verifier(&clerk, &clock);
    assert!(verifier.verify(&old.token(&long_lived())).await.is_ok());
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    // The key rotates; past the refetch interval, a token with the new kid refetches.
    *keys.lock().expect("lock") = json!({"keys": [old.jwk(), new.jwk()]});
    clock.set_secs(10);
    let token = new.token(&long_lived());
    let first = tokio::spawn({
        let (verifier, token) = (verifier.clone(), token.clone());
        async move { verifier.verify(&token).await }
    });
    arrived.notified().await;
    // The refetch is under way. A second verification of the new kid must wait for it:
    // polled once, it is pending (today's cached set lacks the kid).
    let mut second = std::pin::pin!(verifier.verify(&token));
    let polled = std::future::poll_fn(|cx| {
        std::task::Poll::Ready(std::future::Future::poll(second.as_mut(), cx))
    })
    .await;
    assert!(
        polled.is_pending(),
        "answered before the fetch under way finished: {polled:?}"
    );
    release.notify_one();
    let first = first.await.expect("task");
    let second = second.await;
    assert_eq!(first.expect("first").user_id(), "user_2abc");
    assert_eq!(second.expect("second").user_id(), "user_2abc");
    // The warm-up fetch and the one refetch both verifications shared.
    assert_eq!(hits.load(Ordering::SeqCst), 2);
}

/// Forms of one base URL (scheme and host in any case, a trailing slash) are one instance:
/// requests land on `/jwks` at the server's root and the key cache is shared.
#[tokio::test]
async fn base_url_forms_land_on_the_same_path_and_share_one_cache() {
    let (api, clerk) = start(None).await;
    let key = TestKey::generate("ins_1");
    api.serve(&[&key]);
    let clock = ManualClock::default();
    let token = key.token(&long_lived());
    let port = clerk
        .base_url()
        .rsplit(':')
        .next()
        .expect("a port")
        .to_owned();
    let mut live = Vec::new();
    for form in [
        format!("HTTP://127.0.0.1:{port}/"),
        format!("http://127.0.0.1:{port}"),
        format!("Http://127.0.0.1:{port}//"),
    ] {
        let clerk = client(&form, SECRET);
        assert_eq!(
            clerk.base_url(),
            format!("http://127.0.0.1:{port}"),
            "{form}"
        );
        // Kept alive: the cache lives while a verifier of the instance does.
        live.push(verifier(&clerk, &clock));
        let last = live.last().expect("just pushed");
        assert!(last.verify(&token).await.is_ok(), "{form}");
    }
    // One fetch, at /jwks: the server only routes that path.
    assert_eq!(api.hits(), 1);
}
