//! Networkless session token verification: `clerk_backend::jwt::Verifier` (PEM key) versus a direct
//! `jsonwebtoken::decode` with the same key and the same checks (RS256, exp/nbf with 5 s of
//! leeway, `sub` required), decoding every claim into a JSON map as the verifier does.
//! Interleaved in one run; prints both rates and the ratio crate / direct (target >= 0.9).
//!
//! `cargo bench -p clerk-tests --bench verify_token` (set `BENCH_TOKENS` / `BENCH_ROUNDS`
//! to scale). Without `--bench` (e.g. `cargo test --benches`) it runs a tiny smoke round.

#[path = "../tests/jwt_support/mod.rs"]
mod jwt_support;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clerk_backend::jwt::Verifier;
use clerk_tests::bench::{env_or, median, session_claims, verifier_checks};
use jsonwebtoken::DecodingKey;
use jwt_support::TestKey;
use serde_json::{Map, Value};

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let tokens = if quick {
        50
    } else {
        env_or("BENCH_TOKENS", 2000)
    };
    let rounds = if quick { 2 } else { env_or("BENCH_ROUNDS", 11) };

    let key = TestKey::generate("ins_bench");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    // A realistic v2 session token, valid for the whole run.
    let claims = session_claims(now);
    let token = key.token(&claims);

    let verifier = Verifier::from_pem(&key.pem()).expect("verifier");
    let direct_key = DecodingKey::from_rsa_pem(key.pem().as_bytes()).expect("decoding key");
    let validation = verifier_checks();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let crate_side = |n: usize| {
            let (verifier, token) = (&verifier, &token);
            async move {
                for _ in 0..n {
                    let claims = verifier.verify(token).await.expect("crate verifies");
                    std::hint::black_box(claims);
                }
            }
        };
        let direct_side = |n: usize| {
            for _ in 0..n {
                let data =
                    jsonwebtoken::decode::<Map<String, Value>>(&token, &direct_key, &validation)
                        .expect("direct verifies");
                std::hint::black_box(data);
            }
        };
        // Warm both paths.
        crate_side(tokens / 4 + 1).await;
        direct_side(tokens / 4 + 1);

        let (mut ours, mut direct) = (Vec::new(), Vec::new());
        for round in 0..rounds {
            // Alternate which goes first so drift affects both equally.
            for side in if round % 2 == 0 { [0, 1] } else { [1, 0] } {
                let start = Instant::now();
                if side == 0 {
                    crate_side(tokens).await;
                } else {
                    direct_side(tokens);
                }
                let per_token = start.elapsed() / tokens as u32;
                if side == 0 {
                    ours.push(per_token);
                } else {
                    direct.push(per_token);
                }
            }
        }
        let (ours, direct) = (median(ours), median(direct));
        let rate = |d: Duration| 1.0 / d.as_secs_f64();
        println!("verify_token: {rounds} rounds x {tokens} tokens, RS256, 2048-bit key");
        println!(
            "  clerk_backend::jwt::Verifier    {:>10.0} verifications/s ({:.1} us each)",
            rate(ours),
            ours.as_secs_f64() * 1e6
        );
        println!(
            "  jsonwebtoken::decode    {:>10.0} verifications/s ({:.1} us each)",
            rate(direct),
            direct.as_secs_f64() * 1e6
        );
        println!(
            "  ratio crate / direct = {:.3} (target >= 0.9)",
            rate(ours) / rate(direct)
        );
    });
}
