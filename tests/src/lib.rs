//! Shared helpers for the integration tests: a recording HTTP server on 127.0.0.1 that
//! answers with queued responses, and a client pointed at it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Request, Response, StatusCode};
use bytes::Bytes;
use clerk_backend::{Clerk, RetryPolicy};
use tokio::sync::oneshot;

pub mod acme;
pub mod bench;
pub mod browser;
pub mod official;
pub mod pages;

/// The secret key every test client uses; tests assert it never leaks.
pub const SECRET: &str = "sk_test_INTEGRATIONsecretVALUE";

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path exactly as sent (still percent-encoded).
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// All request headers.
    pub headers: HeaderMap,
    /// The raw body.
    pub body: Bytes,
}

impl Recorded {
    /// The body parsed as JSON (panics with the body text when it is not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// `(method, path, query)`, for one-line assertions on the route of a request.
    pub fn line(&self) -> (&str, &str, Option<&str>) {
        (
            self.method.as_str(),
            self.path.as_str(),
            self.query.as_deref(),
        )
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// What the server answers to the next request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A response with status, headers and body.
    Respond {
        /// HTTP status.
        status: u16,
        /// Extra headers.
        headers: Vec<(String, String)>,
        /// Body bytes.
        body: Bytes,
    },
    /// Never answer: the client's timeout must fire.
    Hang,
}

impl Reply {
    /// A JSON response.
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self::Respond {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: Bytes::from(body.into()),
        }
    }

    /// A JSON response read from `tests/fixtures/<name>`.
    pub fn fixture(status: u16, name: &str) -> Self {
        Self::json(status, fixture(name))
    }

    /// Clerk's error JSON with one error.
    pub fn clerk_error(status: u16, code: &str, message: &str) -> Self {
        Self::json(
            status,
            serde_json::json!({
                "errors": [{"code": code, "message": message, "long_message": format!("{message}.")}],
                "clerk_trace_id": "trace_0123456789"
            })
            .to_string(),
        )
    }

    /// Adds a header to a response.
    pub fn header(self, name: &str, value: &str) -> Self {
        match self {
            Self::Respond {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.to_owned(), value.to_owned()));
                Self::Respond {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }
}

/// A JSON object literal as metadata (panics on anything but an object).
pub fn metadata(value: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map,
        other => panic!("metadata must be an object, got {other}"),
    }
}

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<Recorded>>,
    replies: Mutex<VecDeque<Reply>>,
}

/// A recording server on an ephemeral loopback port; stops when dropped.
pub struct MockServer {
    url: String,
    shared: Arc<Shared>,
    _stop: oneshot::Sender<()>,
}

impl MockServer {
    /// Binds 127.0.0.1:0 and serves until dropped.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("addr: {e}"));
        let shared = Arc::new(Shared::default());
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Self {
            url: format!("http://{addr}"),
            shared,
            _stop: stop,
        }
    }

    /// The server's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Queues the reply to the next unanswered request.
    pub fn reply(&self, reply: Reply) -> &Self {
        lock(&self.shared.replies).push_back(reply);
        self
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared.requests).clone()
    }

    /// The only request received; panics when there were none or several.
    pub fn single(&self) -> Recorded {
        let all = self.requests();
        assert_eq!(all.len(), 1, "expected exactly one request, got {all:#?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    /// A client for this server: test secret, fast retries.
    pub fn client(&self) -> Clerk {
        self.builder()
            .build()
            .unwrap_or_else(|e| panic!("client: {e}"))
    }

    /// A builder for this server with the test secret and millisecond retry delays.
    pub fn builder(&self) -> clerk_backend::ClerkBuilder {
        Clerk::builder()
            .secret_key(SECRET)
            .base_url(self.url.clone())
            .retry_policy(
                RetryPolicy::default()
                    .base_delay(Duration::from_millis(1))
                    .max_delay(Duration::from_millis(5)),
            )
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request<Body>) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 16 * 1024 * 1024)
        .await
        .unwrap_or_default();
    lock(&shared.requests).push(Recorded {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers,
        body,
    });
    let reply = lock(&shared.replies).pop_front();
    match reply {
        Some(Reply::Respond {
            status,
            headers,
            body,
        }) => {
            let mut response = Response::new(Body::from(body));
            *response.status_mut() =
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            for (k, v) in headers {
                if let (Ok(k), Ok(v)) = (
                    axum::http::HeaderName::from_bytes(k.as_bytes()),
                    axum::http::HeaderValue::from_str(&v),
                ) {
                    response.headers_mut().append(k, v);
                }
            }
            response
        }
        Some(Reply::Hang) => std::future::pending().await,
        None => {
            let mut response = Response::new(Body::from(
                r#"{"errors":[{"code":"no_reply_queued","message":"the test queued no reply","long_message":"the test queued no reply"}]}"#,
            ));
            *response.status_mut() = StatusCode::IM_A_TEAPOT;
            response
        }
    }
}

/// Status, code and `meta.param_name` of the API error `result` must be.
pub fn refusal<T: std::fmt::Debug>(
    result: clerk_backend::Result<T>,
) -> (u16, String, Option<String>) {
    let err = result.expect_err("the server should refuse this");
    let param = err
        .as_api()
        .and_then(|api| api.errors.first())
        .and_then(|e| e.meta.as_ref())
        .and_then(|m| m["param_name"].as_str())
        .map(str::to_owned);
    let status = err.status().map(|s| s.as_u16()).unwrap_or_default();
    (status, err.code().unwrap_or_default().to_owned(), param)
}

/// Serves `app` on 127.0.0.1 at a free port until the test's runtime ends; its base URL.
pub async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// Headers carrying `Authorization: Bearer <token>`, as a request to a protected route has.
pub fn bearer(token: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let value = format!("Bearer {token}").parse().expect("a header value");
    headers.insert(axum::http::header::AUTHORIZATION, value);
    headers
}
