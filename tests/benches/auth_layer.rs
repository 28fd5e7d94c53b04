//! Requests per second through the axum `ClerkLayer` on loopback, for a session token
//! (verified locally), an API key whose answer the authenticator has cached, and an API key
//! verified by the stand-in on every request (cache disabled), each against the same route
//! without the layer, in the same run. Prints the rates and the ratios layer / no layer.
//!
//! `cargo bench -p clerk-tests --bench auth_layer` (set `BENCH_REQUESTS` to scale).

use std::time::{Duration, Instant};

use axum::routing::get;
use clerk_backend::auth::{Authenticator, MachineTokenCache, TokenKind};
use clerk_backend::axum::{Auth, ClerkLayer};
use clerk_backend::models::{
    CreateApiKeyParams, CreateMachineParams, CreateSessionParams, CreateSessionTokenParams,
    CreateUserParams,
};
use clerk_backend::testing::StandIn;
use clerk_tests::bench::env_or;

async fn me(Auth(who): Auth) -> String {
    who.user_id().unwrap_or("machine").to_owned()
}

async fn open() -> &'static str {
    "ok"
}

/// The route under test, behind the layer when `auth` is given.
fn app(auth: Option<Authenticator>) -> axum::Router {
    match auth {
        Some(auth) => axum::Router::new()
            .route("/me", get(me))
            .layer(ClerkLayer::new(auth)),
        None => axum::Router::new().route("/me", get(open)),
    }
}

/// `n` sequential requests with `token`; the time they took.
async fn run(http: &reqwest::Client, url: &str, token: Option<&str>, n: usize) -> Duration {
    let t = Instant::now();
    for _ in 0..n {
        let mut request = http.get(format!("{url}/me"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("send");
        assert!(response.status().is_success(), "{}", response.status());
        std::hint::black_box(response.bytes().await.expect("body"));
    }
    t.elapsed()
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: a tiny smoke round then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let n = if quick {
        5
    } else {
        env_or("BENCH_REQUESTS", 2_000)
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        // A log long enough to count every verify call of the run.
        let standin = StandIn::builder()
            .max_recorded_requests(4 * n + 1_000)
            .start()
            .await
            .expect("stand-in");
        let clerk = standin.clerk();
        let user = clerk
            .users()
            .create(CreateUserParams::default().username("bench_user"))
            .await
            .expect("user");
        let session = clerk
            .sessions()
            .create(CreateSessionParams::new(user.id.clone()))
            .await
            .expect("session");
        // Long enough for the whole run.
        let token = clerk
            .sessions()
            .create_token(
                &session.id,
                CreateSessionTokenParams::default().expires_in_seconds(3_600),
            )
            .await
            .expect("token");
        let jwt = token.jwt.expect("jwt").expose().to_owned();
        let owner = clerk
            .machines()
            .create(CreateMachineParams::new("bench"))
            .await
            .expect("machine");
        let key = clerk
            .api_keys()
            .create(CreateApiKeyParams::new("bench key", &owner.machine.id))
            .await
            .expect("api key");
        let secret = key.secret.expose().to_owned();

        let authenticator = |cache: MachineTokenCache| {
            Authenticator::new(standin.verifier())
                .machine_client(clerk.clone())
                .machine_token_cache(cache)
                .accept([TokenKind::SessionToken, TokenKind::ApiKey])
        };
        let bare = clerk_tests::serve(app(None)).await;
        let cached =
            clerk_tests::serve(app(Some(authenticator(MachineTokenCache::default())))).await;
        let uncached =
            clerk_tests::serve(app(Some(authenticator(MachineTokenCache::disabled())))).await;
        let http = reqwest::Client::new();
        // Warm the pools, the JWKS and the cache.
        run(&http, &bare, None, 10).await;
        run(&http, &cached, Some(&jwt), 10).await;
        run(&http, &cached, Some(&secret), 10).await;
        run(&http, &uncached, Some(&secret), 10).await;

        let rate = |d: Duration| n as f64 / d.as_secs_f64();
        let base = rate(run(&http, &bare, None, n).await);
        let session_rate = rate(run(&http, &cached, Some(&jwt), n).await);
        let cached_rate = rate(run(&http, &cached, Some(&secret), n).await);
        let uncached_rate = rate(run(&http, &uncached, Some(&secret), n).await);
        let verify_calls = standin
            .requests()
            .iter()
            .filter(|r| r.path == "/api_keys/verify")
            .count();

        println!("axum ClerkLayer: {n} sequential GET /me per case on loopback");
        println!("  no layer                       {base:>9.0} req/s");
        for (name, r) in [
            ("session token (local JWT)     ", session_rate),
            ("API key, cached answer        ", cached_rate),
            ("API key, verified per request ", uncached_rate),
        ] {
            println!(
                "  {name} {r:>9.0} req/s   ratio to no layer {:>5.2}",
                r / base
            );
        }
        println!("  verify calls to the stand-in   {verify_calls:>9}");
    });
}
