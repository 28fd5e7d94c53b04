//! How much of the Backend API the stand-in serves: every operation this crate declares is
//! sent once to a fresh stand-in, and each one not answered `501 Not Implemented` counts as
//! served. The table goes to stdout (`cargo test --test standin_coverage -- --nocapture`);
//! the test fails when the total drops below [`SERVED_FLOOR`].

use std::collections::BTreeMap;

use clerk_backend::catalog::{endpoints, Endpoint};
use clerk_backend::testing::StandIn;

/// Operations the stand-in served when this figure was last raised. Raise it as families
/// are added; a change that makes it fail has stopped serving an operation.
const SERVED_FLOOR: usize = 155;

/// The template with each `{param}` replaced by a value no resource has.
fn placeholder_path(template: &str) -> String {
    template
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "placeholder_0"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The status the stand-in answers `endpoint` with: an empty JSON object as the body of
/// methods that carry one.
async fn status_of(http: &reqwest::Client, standin: &StandIn, endpoint: &Endpoint) -> u16 {
    let method = reqwest::Method::from_bytes(endpoint.method.as_bytes()).expect("a method");
    let url = format!("{}{}", standin.url(), placeholder_path(endpoint.path));
    let mut request = http.request(method, &url).bearer_auth(standin.secret_key());
    if matches!(endpoint.method, "POST" | "PUT" | "PATCH") {
        request = request
            .header("content-type", "application/json")
            .body("{}");
    }
    request.send().await.expect("send").status().as_u16()
}

#[tokio::test]
async fn the_standin_serves_at_least_the_recorded_number_of_operations() {
    let standin = StandIn::start().await.expect("start");
    let http = reqwest::Client::new();
    // Per resource handle: (served, declared).
    let mut table: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut served = 0;
    let mut declared = 0;
    let mut unserved: Vec<String> = Vec::new();
    for endpoint in endpoints() {
        let status = status_of(&http, &standin, endpoint).await;
        // The key is right and every declared path matches a route or the 501 fallback.
        assert_ne!(status, 401, "{}", endpoint.route());
        let row = table.entry(endpoint.resource).or_default();
        row.1 += 1;
        declared += 1;
        if status != 501 {
            row.0 += 1;
            served += 1;
        } else {
            unserved.push(format!("{:<32} {}", endpoint.resource, endpoint.route()));
        }
    }

    println!("{:<32} {:>6} {:>8}", "resource", "served", "declared");
    for (resource, (hit, all)) in table.iter().filter(|(_, (hit, _))| *hit > 0) {
        println!("{resource:<32} {hit:>6} {all:>8}");
    }
    let untouched: Vec<&str> = table
        .iter()
        .filter(|(_, (hit, _))| *hit == 0)
        .map(|(resource, _)| *resource)
        .collect();
    println!("not served at all: {}", untouched.join(", "));
    println!("answered 501:");
    for line in &unserved {
        println!("  {line}");
    }
    println!("total: {served}/{declared}");

    assert!(declared > 200, "the catalog lists {declared} operations");
    assert!(
        served >= SERVED_FLOOR,
        "the stand-in serves {served}/{declared} operations, fewer than the floor of {SERVED_FLOOR}"
    );
}
