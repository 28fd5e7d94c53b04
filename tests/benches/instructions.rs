//! Instruction counts (valgrind's callgrind, through gungraun) of the SDK against the same work
//! written by hand, the counterparts of the wall-clock benches: a count does not move with the
//! load of the machine, so a regression of a few percent shows where a timed ratio swings by 20.
//! One group per comparison, each with an `sdk` and a `by_hand` benchmark of the same id:
//!
//! - `get_user`: [`CALLS`] `clerk.users().get(id)` calls against reqwest + serde_json into the
//!   same `User` (the headers of get_user.rs's `by_hand`), on an axum server on loopback.
//! - `verify_token`: [`TOKENS`] networkless RS256 verifications by `jwt::Verifier` against a
//!   direct `jsonwebtoken::decode` with the same checks (the setup of verify_token.rs).
//! - `decode_page`: [`PAGES`] decodes of a list of users by the SDK's page decoder (what the
//!   generated list methods use) against plain serde types, for the bare-array shape
//!   (`Vec<User>`) and the `{data, total_count}` envelope.
//!
//! Everything runs on one thread (a current-thread tokio runtime), so callgrind sees all of it,
//! the server's side of each call included: about a tenth of `get_user`'s count, the same on both
//! sides. The runtime, the server, the clients and a few warming calls are made in gungraun's
//! `setup`, outside the count, and the state is handed back so that dropping it is not counted
//! either. Each benchmark runs in its own process under valgrind; a failed assertion fails it.
//!
//! `bash scripts/instructions.sh` installs the matching `gungraun-runner`, runs this and prints
//! the counts and ratios (what `.ci/run` does). By hand, with `gungraun-runner` 0.20 on `PATH`
//! and valgrind installed: `cargo bench -p clerk-tests --bench instructions`, optionally
//! followed by a filter such as `-- '*get_user*'`.

#[path = "../tests/jwt_support/mod.rs"]
mod jwt_support;

use std::hint::black_box;
use std::time::{SystemTime, UNIX_EPOCH};

use clerk_backend::jwt::Verifier;
use clerk_backend::models::User;
use clerk_backend::Clerk;
use clerk_tests::bench::{by_hand_get_user, serve_user, session_claims, verifier_checks, SUBJECT};
use clerk_tests::{fixture, SECRET};
use gungraun::prelude::*;
use jsonwebtoken::{DecodingKey, Validation};
use jwt_support::TestKey;
use serde_json::{Map, Value};
use tokio::runtime::Runtime;

/// `GET /users/{id}` calls per benchmark.
const CALLS: usize = 20;
/// Session tokens verified per benchmark.
const TOKENS: usize = 20;
/// Pages decoded per benchmark.
const PAGES: usize = 20;
/// Calls (or verifications) made in the setup, before the count starts.
const WARM: usize = 3;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

// ---- get_user ------------------------------------------------------------------------------

/// A loopback server, a client and the id the fixture answers with.
struct Http<C> {
    runtime: Runtime,
    url: String,
    client: C,
    id: String,
}

fn http_setup<C>(client: impl FnOnce(&str) -> C) -> Http<C> {
    let body = fixture("user.json");
    let user: Value = serde_json::from_str(&body).expect("user fixture");
    let id = user["id"].as_str().expect("fixture id").to_owned();
    let runtime = runtime();
    let url = runtime.block_on(serve_user(body));
    Http {
        client: client(&url),
        runtime,
        url,
        id,
    }
}

fn sdk_setup() -> Http<Clerk> {
    let bed = http_setup(|url| {
        Clerk::builder()
            .secret_key(SECRET)
            .base_url(url)
            .build()
            .expect("client")
    });
    // Opens the pooled connection and runs every lazy initialisation once.
    bed.runtime.block_on(async {
        for _ in 0..WARM {
            bed.client.users().get(&bed.id).await.expect("sdk warm-up");
        }
    });
    bed
}

fn by_hand_setup() -> Http<reqwest::Client> {
    let bed = http_setup(|_| reqwest::Client::new());
    bed.runtime.block_on(async {
        for _ in 0..WARM {
            by_hand_get_user(&bed.client, &bed.url, &bed.id).await;
        }
    });
    bed
}

// The state is returned, not dropped here, so that tearing down the runtime is not counted.
#[library_benchmark]
#[bench::calls(setup = sdk_setup)]
fn get_user_sdk(bed: Http<Clerk>) -> Http<Clerk> {
    bed.runtime.block_on(async {
        for _ in 0..CALLS {
            let user = bed.client.users().get(&bed.id).await.expect("sdk");
            assert_eq!(user.id, bed.id);
            black_box(user);
        }
    });
    bed
}

#[library_benchmark]
#[bench::calls(setup = by_hand_setup)]
fn get_user_by_hand(bed: Http<reqwest::Client>) -> Http<reqwest::Client> {
    bed.runtime.block_on(async {
        for _ in 0..CALLS {
            let user = by_hand_get_user(&bed.client, &bed.url, &bed.id).await;
            assert_eq!(user.id, bed.id);
            black_box(user);
        }
    });
    bed
}

library_benchmark_group!(
    name = get_user,
    compare_by_id = true,
    benchmarks = [get_user_sdk, get_user_by_hand]
);

// ---- verify_token --------------------------------------------------------------------------

/// A fresh 2048-bit key and a realistic v2 session token signed with it, valid for an hour.
fn signed_token() -> (TestKey, String) {
    let key = TestKey::generate("ins_bench");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let claims = session_claims(now);
    let token = key.token(&claims);
    (key, token)
}

struct VerifierBed {
    runtime: Runtime,
    verifier: Verifier,
    token: String,
}

fn verifier_setup() -> VerifierBed {
    let (key, token) = signed_token();
    let verifier = Verifier::from_pem(&key.pem()).expect("verifier");
    let runtime = runtime();
    runtime.block_on(async {
        for _ in 0..WARM {
            verifier.verify(&token).await.expect("crate warm-up");
        }
    });
    VerifierBed {
        runtime,
        verifier,
        token,
    }
}

struct DirectBed {
    key: DecodingKey,
    validation: Validation,
    token: String,
}

fn direct_verify(bed: &DirectBed) -> Map<String, Value> {
    jsonwebtoken::decode::<Map<String, Value>>(&bed.token, &bed.key, &bed.validation)
        .expect("direct verifies")
        .claims
}

fn direct_setup() -> DirectBed {
    let (key, token) = signed_token();
    let bed = DirectBed {
        key: DecodingKey::from_rsa_pem(key.pem().as_bytes()).expect("decoding key"),
        validation: verifier_checks(),
        token,
    };
    for _ in 0..WARM {
        direct_verify(&bed);
    }
    bed
}

#[library_benchmark]
#[bench::tokens(setup = verifier_setup)]
fn verify_token_sdk(bed: VerifierBed) -> VerifierBed {
    bed.runtime.block_on(async {
        for _ in 0..TOKENS {
            let claims = bed
                .verifier
                .verify(&bed.token)
                .await
                .expect("crate verifies");
            assert_eq!(claims.sub, SUBJECT);
            black_box(claims);
        }
    });
    bed
}

#[library_benchmark]
#[bench::tokens(setup = direct_setup)]
fn verify_token_by_hand(bed: DirectBed) -> DirectBed {
    for _ in 0..TOKENS {
        let claims = direct_verify(&bed);
        assert_eq!(claims["sub"], SUBJECT);
        black_box(claims);
    }
    bed
}

library_benchmark_group!(
    name = verify_token,
    compare_by_id = true,
    benchmarks = [verify_token_sdk, verify_token_by_hand]
);

// ---- decode_page ---------------------------------------------------------------------------

/// A list of users as JSON, the ids it holds in order, and its `total_count` if it has one.
struct Listing {
    json: String,
    ids: Vec<String>,
    total_count: Option<i64>,
}

/// `user_list.json` as the users endpoint sends it: a bare JSON array.
fn array() -> Listing {
    let json = fixture("user_list.json");
    let users: Vec<Value> = serde_json::from_str(&json).expect("user_list fixture");
    let ids = users
        .iter()
        .map(|u| u.get("id").and_then(Value::as_str).expect("id").to_owned())
        .collect();
    Listing {
        json,
        ids,
        total_count: None,
    }
}

/// The same users in the envelope other list endpoints use, `{"data": [...], "total_count"}`.
fn envelope() -> Listing {
    let Listing { json, ids, .. } = array();
    let total_count = Some(ids.len() as i64);
    let json = format!("{{\"data\": {json}, \"total_count\": {}}}", ids.len());
    Listing {
        json,
        ids,
        total_count,
    }
}

fn check(users: &[User], listing: &Listing) {
    assert!(users.iter().map(|u| &u.id).eq(listing.ids.iter()));
}

#[library_benchmark]
#[bench::array(setup = array)]
#[bench::envelope(setup = envelope)]
fn decode_page_sdk(listing: Listing) -> Listing {
    for _ in 0..PAGES {
        // The decoder the generated list methods use.
        let decoded =
            clerk_backend::__private::decode_page::<User>(black_box(listing.json.as_bytes()));
        let Ok(page) = decoded else {
            panic!("the page did not decode");
        };
        check(&page.data, &listing);
        assert_eq!(page.total_count, listing.total_count);
        black_box(page);
    }
    listing
}

/// The envelope as a plain derived struct. By hand, as the SDK, decodes the bytes a response
/// body arrives as (`from_slice`, which checks UTF-8 as it reads strings).
#[derive(serde::Deserialize)]
struct Envelope {
    data: Vec<User>,
    total_count: Option<i64>,
}

#[library_benchmark]
#[bench::array(setup = array)]
fn decode_page_by_hand(listing: Listing) -> Listing {
    for _ in 0..PAGES {
        let users: Vec<User> =
            serde_json::from_slice(black_box(listing.json.as_bytes())).expect("users");
        check(&users, &listing);
        black_box(users);
    }
    listing
}

#[library_benchmark]
#[bench::envelope(setup = envelope)]
fn decode_envelope_by_hand(listing: Listing) -> Listing {
    for _ in 0..PAGES {
        let page: Envelope =
            serde_json::from_slice(black_box(listing.json.as_bytes())).expect("envelope");
        check(&page.data, &listing);
        assert_eq!(page.total_count, listing.total_count);
        black_box(page);
    }
    listing
}

library_benchmark_group!(
    name = decode_page,
    compare_by_id = true,
    benchmarks = [
        decode_page_sdk,
        decode_page_by_hand,
        decode_envelope_by_hand
    ]
);

main!(
    library_benchmark_groups = get_user,
    verify_token,
    decode_page
);
