//! Options of a stand-in that the `clerk-standin` binary builds on: the address it binds, the
//! per-request hook, and the publishable key it hands out.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use clerk_backend::models::UserListParams;
use clerk_backend::testing::{ServedRequest, StandIn};
use http::{Method, StatusCode};

#[tokio::test]
async fn the_hook_sees_every_answered_request_with_its_status() {
    let seen: Arc<Mutex<Vec<ServedRequest>>> = Arc::default();
    let sink = seen.clone();
    let standin = StandIn::builder()
        .on_request(move |r| sink.lock().expect("hook log").push(r.clone()))
        .start()
        .await
        .expect("start");

    standin
        .clerk()
        .users()
        .list(UserListParams::default())
        .await
        .expect("listed");
    let unauthorized = reqwest::get(format!("{}/users?limit=1", standin.url()))
        .await
        .expect("sent");
    assert_eq!(unauthorized.status(), 401);
    let unknown = reqwest::Client::new()
        .get(format!("{}/nowhere", standin.url()))
        .bearer_auth(standin.secret_key())
        .send()
        .await
        .expect("sent");
    assert_eq!(unknown.status(), 404);

    // The hook runs before the answer goes out, so every one is in by now.
    let seen = seen.lock().expect("hook log").clone();
    let summary: Vec<_> = seen
        .iter()
        .map(|r| (r.method.clone(), r.path.as_str(), r.status))
        .collect();
    assert_eq!(
        summary,
        [
            (Method::GET, "/users", StatusCode::OK),
            (Method::GET, "/users", StatusCode::UNAUTHORIZED),
            (Method::GET, "/nowhere", StatusCode::NOT_FOUND),
        ]
    );
    // One line each: method, path without the query, status, milliseconds.
    let line = seen[1].to_string();
    let parts: Vec<_> = line.split(' ').collect();
    assert_eq!(parts[..3], ["GET", "/users", "401"], "{line}");
    let ms = parts[3].strip_suffix("ms").expect("a duration in ms");
    assert!(ms.parse::<f64>().is_ok_and(|ms| ms >= 0.0), "{line}");
}

#[tokio::test]
async fn an_unspecified_address_is_bound_and_called_on_loopback() {
    let any: SocketAddr = "0.0.0.0:0".parse().expect("address");
    let standin = StandIn::builder().bind(any).start().await.expect("start");
    assert!(standin.local_addr().ip().is_unspecified());
    let port = standin.local_addr().port();
    assert_ne!(port, 0);
    assert_eq!(standin.url(), format!("http://127.0.0.1:{port}"));
    // The client it hands out works through that URL.
    let page = standin
        .clerk()
        .users()
        .list(UserListParams::default())
        .await
        .expect("listed");
    assert!(page.is_empty());
}

#[tokio::test]
async fn the_publishable_key_names_the_url_host_and_port() {
    let standin = StandIn::start().await.expect("start");
    let key = standin.publishable_key();
    let encoded = key.strip_prefix("pk_test_").expect("a test-instance key");
    use base64::Engine as _;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("standard base64, padded");
    let host = standin.url().strip_prefix("http://").expect("http URL");
    assert_eq!(
        String::from_utf8(decoded).expect("UTF-8"),
        format!("{host}$")
    );
}
