//! How much the embedded stand-in costs a test suite: its start time (the first start in a
//! process, which generates the signing key, and later ones) and its throughput (a user
//! created then fetched, through this crate's client over loopback), each against a bare
//! axum server doing the least the same calls need, in the same run. Prints both figures and
//! the ratios stand-in / bare server.
//!
//! `cargo bench -p clerk-tests --bench standin` (set `BENCH_STARTS` / `BENCH_PAIRS` to scale).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::routing::{get, post};
use clerk_backend::models::CreateUserParams;
use clerk_backend::testing::StandIn;
use clerk_tests::bench::{env_or, median};
use clerk_tests::{fixture, SECRET};

/// A server that answers `POST /users` and `GET /users/{id}` with a fixed user: what any
/// HTTP server must do at the least, to compare the stand-in's own work against.
struct Bare {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Bare {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn bare(user: Arc<String>) -> Bare {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let created = Arc::new(AtomicU64::new(0));
    let (for_post, for_get) = (user.clone(), user);
    let app = axum::Router::new()
        .route(
            "/users",
            post(move || {
                let user = for_post.clone();
                created.fetch_add(1, Ordering::Relaxed);
                async move { ([("content-type", "application/json")], (*user).clone()) }
            }),
        )
        .route(
            "/users/{user_id}",
            get(move || {
                let user = for_get.clone();
                async move { ([("content-type", "application/json")], (*user).clone()) }
            }),
        );
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Bare { url, task }
}

fn client(url: &str) -> clerk_backend::Clerk {
    clerk_backend::Clerk::builder()
        .secret_key(SECRET)
        .base_url(url)
        .build()
        .expect("client")
}

/// One user created (with a unique address, as a test would) and fetched back.
async fn create_and_get(clerk: &clerk_backend::Clerk, n: usize) {
    let user = clerk
        .users()
        .create(CreateUserParams::default().email_address([format!("user{n}@example.com")]))
        .await
        .expect("create");
    let fetched = clerk.users().get(&user.id).await.expect("get");
    std::hint::black_box(fetched);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: a tiny smoke round then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let starts = if quick { 2 } else { env_or("BENCH_STARTS", 30) };
    let pairs = if quick {
        10
    } else {
        env_or("BENCH_PAIRS", 500)
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let user = Arc::new(fixture("user.json"));

        let first = Instant::now();
        let standin = StandIn::start().await.expect("stand-in");
        let first = first.elapsed();
        drop(standin);

        let (mut standin_starts, mut bare_starts) = (Vec::new(), Vec::new());
        for _ in 0..starts {
            let t = Instant::now();
            let standin = StandIn::start().await.expect("stand-in");
            standin_starts.push(t.elapsed());
            drop(standin);
            let t = Instant::now();
            let server = bare(user.clone()).await;
            bare_starts.push(t.elapsed());
            drop(server);
        }
        let (standin_start, bare_start) = (median(standin_starts), median(bare_starts));

        let standin = StandIn::start().await.expect("stand-in");
        let standin_client = standin.clerk();
        let server = bare(user.clone()).await;
        let bare_client = client(&server.url);
        // Warm both connection pools.
        for n in 0..10 {
            create_and_get(standin_client, n).await;
            create_and_get(&bare_client, n).await;
        }
        // Interleaved halves, so drift weighs on both alike.
        let (mut standin_time, mut bare_time) = (Duration::ZERO, Duration::ZERO);
        let half = pairs / 2;
        for (round, base) in [(0, 1_000), (1, 1_000 + half)] {
            for side in if round == 0 { [0, 1] } else { [1, 0] } {
                let t = Instant::now();
                for n in base..base + half {
                    if side == 0 {
                        create_and_get(standin_client, n).await;
                    } else {
                        create_and_get(&bare_client, n).await;
                    }
                }
                if side == 0 {
                    standin_time += t.elapsed();
                } else {
                    bare_time += t.elapsed();
                }
            }
        }
        let done = (2 * half) as f64;
        let standin_rate = done / standin_time.as_secs_f64();
        let bare_rate = done / bare_time.as_secs_f64();

        println!(
            "stand-in: {starts} starts, {} create+get pairs on loopback",
            2 * half
        );
        println!("  first start (key generation)  {:>9.2} ms", ms(first));
        println!(
            "  later start, stand-in         {:>9.2} ms",
            ms(standin_start)
        );
        println!("  later start, bare axum        {:>9.2} ms", ms(bare_start));
        println!(
            "  start ratio stand-in / bare   {:>9.2}",
            standin_start.as_secs_f64() / bare_start.as_secs_f64()
        );
        println!("  create+get pairs/s, stand-in  {standin_rate:>9.0}");
        println!("  create+get pairs/s, bare axum {bare_rate:>9.0}");
        println!(
            "  throughput ratio stand-in / bare {:>6.2}",
            standin_rate / bare_rate
        );
    });
}
