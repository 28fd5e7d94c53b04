//! The stand-in as a server: the secret-key check, unknown routes, the request log, and
//! stopping when the handle is dropped.

use clerk_backend::testing::{StandIn, DEFAULT_MAX_RECORDED_REQUESTS, STANDIN_SECRET_KEY};
use serde_json::Value;

async fn raw_get(url: &str, key: Option<&str>) -> (u16, Value) {
    let mut request = reqwest::Client::new().get(url);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).expect("a JSON body"))
}

#[tokio::test]
async fn a_missing_key_is_401_and_still_recorded() {
    let standin = StandIn::start().await.expect("start");
    let (status, body) = raw_get(&format!("{}/users", standin.url()), None).await;
    assert_eq!(status, 401);
    assert_eq!(body["errors"][0]["code"], "authorization_header_missing");
    assert!(body["clerk_trace_id"].is_string());

    let (status, body) = raw_get(&format!("{}/users", standin.url()), Some("sk_test_other")).await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (401, &Value::from("clerk_key_invalid"))
    );

    let log = standin.requests();
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|r| r.line() == "GET /users"));
    standin.clear_requests();
    assert!(standin.requests().is_empty());
}

/// Sends `GET /users/user_{i}` for each `i`, in order, one after the other.
async fn get_users(standin: &StandIn, ids: std::ops::Range<usize>) {
    let client = reqwest::Client::new();
    for i in ids {
        client
            .get(format!("{}/users/user_{i}", standin.url()))
            .bearer_auth(STANDIN_SECRET_KEY)
            .send()
            .await
            .expect("request");
    }
}

fn logged_paths(standin: &StandIn) -> Vec<String> {
    standin.requests().into_iter().map(|r| r.path).collect()
}

#[tokio::test]
async fn the_request_log_keeps_only_the_latest_requests_in_order() {
    let standin = StandIn::builder()
        .max_recorded_requests(5)
        .start()
        .await
        .expect("start");
    get_users(&standin, 0..3).await;
    assert_eq!(
        logged_paths(&standin),
        ["/users/user_0", "/users/user_1", "/users/user_2"]
    );
    get_users(&standin, 3..8).await;
    let expected: Vec<String> = (3..8).map(|i| format!("/users/user_{i}")).collect();
    assert_eq!(logged_paths(&standin), expected);

    // A log of 0 records nothing, and the stand-in still answers.
    let silent = StandIn::builder()
        .max_recorded_requests(0)
        .start()
        .await
        .expect("start");
    get_users(&silent, 0..2).await;
    assert!(silent.requests().is_empty());
}

#[tokio::test]
async fn the_request_log_is_bounded_by_default() {
    let standin = StandIn::start().await.expect("start");
    let over = 3;
    get_users(&standin, 0..DEFAULT_MAX_RECORDED_REQUESTS + over).await;
    let paths = logged_paths(&standin);
    assert_eq!(paths.len(), DEFAULT_MAX_RECORDED_REQUESTS);
    assert_eq!(paths[0], format!("/users/user_{over}"));
    assert_eq!(
        paths[paths.len() - 1],
        format!("/users/user_{}", DEFAULT_MAX_RECORDED_REQUESTS + over - 1)
    );
}

#[tokio::test]
async fn routes_outside_the_api_are_404_and_unimplemented_operations_501() {
    let standin = StandIn::start().await.expect("start");
    let key = Some(STANDIN_SECRET_KEY);
    let (status, body) = raw_get(&format!("{}/no/such/route", standin.url()), key).await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (404, &Value::from("resource_not_found"))
    );

    // A declared operation the stand-in does not serve names itself.
    let (status, body) = raw_get(&format!("{}/billing/plans", standin.url()), key).await;
    assert_eq!(status, 501);
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Billing::list_plans (GET /billing/plans)"),
        "{message}"
    );
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let standin = StandIn::start().await.expect("start");
    let addr = standin.url().trim_start_matches("http://").to_owned();
    tokio::net::TcpStream::connect(&addr)
        .await
        .expect("serving while the handle lives");
    drop(standin);
    // The listener closes once the runtime has run the aborted task's drop; give it turns.
    let mut refused = false;
    for _ in 0..1000 {
        if tokio::net::TcpStream::connect(&addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::task::yield_now().await;
    }
    assert!(
        refused,
        "the stand-in still accepts connections after the drop"
    );
}

/// Sends `method path` with the stand-in's key and an optional JSON body; status and body.
async fn send(
    standin: &StandIn,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", standin.url()))
        .bearer_auth(STANDIN_SECRET_KEY);
    if let Some(body) = body {
        request = request
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).expect("a JSON body"))
}

#[tokio::test]
async fn the_api_is_served_under_v1_as_well_as_at_the_root() {
    use reqwest::Method;
    let standin = StandIn::start().await.expect("start");

    // Created under /v1, read at the root, and the other way round: one store, one API.
    let (status, ada) = send(
        &standin,
        Method::POST,
        "/v1/users",
        Some(serde_json::json!({ "email_address": ["ada@example.com"] })),
    )
    .await;
    assert_eq!(status, 200, "{ada}");
    let ada_id = ada["id"].as_str().expect("an id").to_owned();
    let (status, grace) = send(
        &standin,
        Method::POST,
        "/users",
        Some(serde_json::json!({ "email_address": ["grace@example.com"] })),
    )
    .await;
    assert_eq!(status, 200, "{grace}");
    let (_, fetched) = send(&standin, Method::GET, &format!("/users/{ada_id}"), None).await;
    assert_eq!(fetched["id"], ada["id"]);

    for (v1, root) in [
        ("/v1/users", "/users"),
        (
            "/v1/users?limit=1&order_by=-created_at",
            "/users?limit=1&order_by=-created_at",
        ),
        ("/v1/users/count", "/users/count"),
        (
            &*format!("/v1/users/{ada_id}"),
            &*format!("/users/{ada_id}"),
        ),
        ("/v1/jwks", "/jwks"),
        ("/v1/users/user_missing", "/users/user_missing"),
        ("/v1/no/such/route", "/no/such/route"),
        ("/v1/jwt_templates", "/jwt_templates"),
    ] {
        let (v1_status, mut v1_body) = send(&standin, Method::GET, v1, None).await;
        let (root_status, mut root_body) = send(&standin, Method::GET, root, None).await;
        // Each error carries its own trace id; everything else must match.
        for body in [&mut v1_body, &mut root_body] {
            if let Some(map) = body.as_object_mut() {
                map.remove("clerk_trace_id");
            }
        }
        assert_eq!(
            (v1_status, &v1_body),
            (root_status, &root_body),
            "{v1} vs {root}"
        );
    }

    let (_, listed) = send(&standin, Method::GET, "/v1/users", None).await;
    let emails: Vec<&str> = listed
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|u| u["email_addresses"][0]["email_address"].as_str())
        .collect();
    assert_eq!(emails.len(), 2, "{listed}");
    assert!(emails.contains(&"ada@example.com") && emails.contains(&"grace@example.com"));

    let (status, jwks) = send(&standin, Method::GET, "/v1/jwks", None).await;
    assert_eq!(status, 200);
    assert_eq!(jwks["keys"][0]["kty"], "RSA", "{jwks}");

    let (status, body) = send(&standin, Method::GET, "/v1/no/such/route", None).await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (404, &Value::from("resource_not_found"))
    );

    // The 501 names the operation, not the prefixed path, either way; a known path with an
    // unserved method is named too.
    let (status, body) = send(&standin, Method::GET, "/v1/billing/plans", None).await;
    assert_eq!(status, 501);
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("Billing::list_plans (GET /billing/plans)"),
        "{message}"
    );
    let (status, body) = send(&standin, Method::PUT, &format!("/v1/users/{ada_id}"), None).await;
    let (root_status, root_body) =
        send(&standin, Method::PUT, &format!("/users/{ada_id}"), None).await;
    assert_eq!(status, root_status);
    assert_eq!(
        body["errors"][0]["message"],
        root_body["errors"][0]["message"]
    );

    // The key check covers /v1 too, and the log keeps the path as sent.
    standin.clear_requests();
    let (status, body) = raw_get(&format!("{}/v1/users", standin.url()), None).await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (401, &Value::from("authorization_header_missing"))
    );
    assert_eq!(logged_paths(&standin), ["/v1/users"]);
}

/// `@clerk/backend` parses a body as JSON only when `Content-Type` is exactly
/// `application/json` (no parameters); anything else reaches its deserializers as text.
#[tokio::test]
async fn replies_are_labelled_exactly_application_json() {
    let standin = StandIn::start().await.expect("start");
    let client = reqwest::Client::new();
    for path in [
        "/v1/users",
        "/v1/jwks",
        "/v1/users/user_missing",
        "/v1/jwt_templates",
        "/users",
    ] {
        let response = client
            .get(format!("{}{path}", standin.url()))
            .bearer_auth(STANDIN_SECRET_KEY)
            .send()
            .await
            .expect("request");
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        assert_eq!(content_type.as_deref(), Some("application/json"), "{path}");
    }
    let unauthorized = client
        .get(format!("{}/v1/users", standin.url()))
        .send()
        .await
        .expect("request");
    assert_eq!(unauthorized.status().as_u16(), 401);
    assert_eq!(
        unauthorized
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );
}
