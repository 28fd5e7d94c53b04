//! The stand-in as a server: the secret-key check, unknown routes, the request log, and
//! stopping when the handle is dropped.

use clerk_backend::testing::{StandIn, STANDIN_SECRET_KEY};
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
    let (status, body) = raw_get(&format!("{}/jwt_templates", standin.url()), key).await;
    assert_eq!(status, 501);
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("JwtTemplates::list (GET /jwt_templates)"),
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
