//! `users().get(id)` through the SDK versus the same call written by hand with reqwest and
//! serde into the same model, against one loopback server, interleaved in one run.
//! Prints the median time per call of each and the ratio SDK / hand-written (target <= 1.05).
//!
//! `cargo bench -p clerk-tests --bench get_user` (set `BENCH_CALLS` / `BENCH_ROUNDS` to scale).

use std::time::Instant;

use clerk_tests::bench::{by_hand_get_user, env_or, median, serve_user};
use clerk_tests::{fixture, SECRET};

fn main() {
    // `cargo test --benches` passes `--bench`-less args; run a tiny smoke round then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let calls = if quick {
        20
    } else {
        env_or("BENCH_CALLS", 400)
    };
    let rounds = if quick { 2 } else { env_or("BENCH_ROUNDS", 15) };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let url = serve_user(fixture("user.json")).await;
        let clerk = clerk_backend::Clerk::builder()
            .secret_key(SECRET)
            .base_url(url.clone())
            .build()
            .expect("client");
        let http = reqwest::Client::new();
        // Warm both connection pools and the allocator.
        for _ in 0..calls / 4 + 1 {
            clerk.users().get("user_2abc").await.expect("sdk");
            by_hand_get_user(&http, &url, "user_2abc").await;
        }
        let (mut sdk, mut manual) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            // Alternate which goes first so drift affects both equally.
            for side in if round % 2 == 0 { [0, 1] } else { [1, 0] } {
                let start = Instant::now();
                for _ in 0..calls {
                    if side == 0 {
                        let user = clerk.users().get("user_2abc").await.expect("sdk");
                        std::hint::black_box(user);
                    } else {
                        std::hint::black_box(by_hand_get_user(&http, &url, "user_2abc").await);
                    }
                }
                let per_call = start.elapsed() / calls as u32;
                if side == 0 {
                    sdk.push(per_call)
                } else {
                    manual.push(per_call)
                }
            }
        }
        let (sdk, manual) = (median(sdk), median(manual));
        println!("get_user: {rounds} rounds x {calls} calls on loopback");
        println!("  sdk          {:>10.1} us/call", sdk.as_secs_f64() * 1e6);
        println!(
            "  hand-written {:>10.1} us/call",
            manual.as_secs_f64() * 1e6
        );
        println!(
            "  ratio sdk / hand-written = {:.3} (target <= 1.05)",
            sdk.as_secs_f64() / manual.as_secs_f64()
        );
    });
}
