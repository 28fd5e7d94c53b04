//! How much of the Backend API the stand-in serves: every operation this crate declares is
//! sent once to a fresh stand-in, and each one not answered `501 Not Implemented` counts as
//! served. The table (per tag of the official spec, then the total out of the spec's
//! operations, then every operation still answered 501) goes to stdout:
//! `cargo test -p clerk-tests --test standin_coverage -- --nocapture`. The test fails when
//! the total drops below [`SERVED_FLOOR`].

use std::collections::{BTreeMap, HashMap};

use clerk_backend::catalog::{endpoints, Endpoint};
use clerk_backend::testing::StandIn;
use yaml_rust2::YamlLoader;

/// Operations of the spec the stand-in served when this figure was last raised. Raise it as
/// families are added; a change that makes it fail has stopped serving an operation.
const SERVED_FLOOR: usize = 191;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/spec/bapi-2026-05-12.yml"
);

/// `METHOD /path` with every `{param}` written `{}`, so names of parameters do not matter.
fn operation_key(method: &str, path: &str) -> String {
    let shape: Vec<&str> = path
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "{}"
            } else {
                segment
            }
        })
        .collect();
    format!("{} {}", method.to_uppercase(), shape.join("/"))
}

/// The first tag of every operation of the official spec, by [`operation_key`].
fn spec_tags() -> HashMap<String, String> {
    let text = std::fs::read_to_string(SPEC).expect("the spec beside the repository");
    let docs = YamlLoader::load_from_str(&text).expect("the spec is YAML");
    let paths = docs[0]["paths"].as_hash().expect("paths");
    let mut tags = HashMap::new();
    for (path, item) in paths {
        let (Some(path), Some(operations)) = (path.as_str(), item.as_hash()) else {
            continue;
        };
        for (method, operation) in operations {
            let Some(method) = method.as_str() else {
                continue;
            };
            if operation["operationId"].as_str().is_none() {
                continue;
            }
            let tag = operation["tags"][0].as_str().unwrap_or("(untagged)");
            tags.insert(operation_key(method, path), tag.to_owned());
        }
    }
    tags
}

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
    let tags = spec_tags();
    let standin = StandIn::start().await.expect("start");
    let http = reqwest::Client::new();
    // Per tag of the spec: (served, operations).
    let mut table: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut served = 0;
    let mut unserved: Vec<String> = Vec::new();
    let mut retired: Vec<String> = Vec::new();
    for endpoint in endpoints() {
        let status = status_of(&http, &standin, endpoint).await;
        // The key is right and every declared path matches a route or the 501 fallback.
        assert_ne!(status, 401, "{}", endpoint.route());
        let Some(tag) = tags.get(&operation_key(endpoint.method, endpoint.path)) else {
            // Declared for old code but gone from the spec: Clerk answers 410 for these.
            assert!(
                endpoint.deprecated,
                "{} is not in the spec",
                endpoint.route()
            );
            assert_eq!(status, 410, "{} is retired", endpoint.route());
            retired.push(endpoint.route());
            continue;
        };
        let row = table.entry(tag).or_default();
        row.1 += 1;
        if status == 501 {
            unserved.push(format!("{tag:<28} {}", endpoint.route()));
        } else {
            row.0 += 1;
            served += 1;
        }
    }

    println!("{:<28} {:>6} {:>10}", "tag", "served", "operations");
    for (tag, (hit, all)) in &table {
        println!("{tag:<28} {hit:>6} {all:>10}");
    }
    println!("total: {served}/{} operations of the spec", tags.len());
    println!("retired, answered 410: {}", retired.join(", "));
    println!("answered 501:");
    for line in &unserved {
        println!("  {line}");
    }

    // Every operation of the spec is declared, so the table covers all of them.
    assert_eq!(
        table.values().map(|(_, all)| all).sum::<usize>(),
        tags.len()
    );
    assert!(
        served >= SERVED_FLOOR,
        "the stand-in serves {served}/{} operations of the spec, fewer than the floor of \
         {SERVED_FLOOR}",
        tags.len()
    );
}
