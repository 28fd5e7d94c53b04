//! What the stand-in remembers and reports of the requests it serves: the bounded log
//! [`StandIn::requests`](super::StandIn::requests) reads and the
//! [`on_request`](super::StandInBuilder::on_request) hook.

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

use super::reply::ApiError;
use super::store::{Inner, Shared};

/// One request the stand-in received, as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The path, percent-encoded as sent, e.g. `/users/user_123`.
    pub path: String,
    /// The query string without `?`, if any.
    pub query: Option<String>,
    /// The body as sent.
    pub body: Bytes,
}

impl RecordedRequest {
    /// `GET /users/user_123`: method and path.
    pub fn line(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// The latest requests, oldest first: at most `limit` of them, the oldest dropped first.
#[derive(Debug)]
pub(crate) struct RequestLog {
    limit: usize,
    pub(crate) entries: VecDeque<RecordedRequest>,
}

impl RequestLog {
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            limit,
            // Grows as requests come, so a large limit costs nothing up front.
            entries: VecDeque::new(),
        }
    }

    pub(crate) fn push(&mut self, request: RecordedRequest) {
        if self.limit == 0 {
            return;
        }
        if self.entries.len() == self.limit {
            self.entries.pop_front();
        }
        self.entries.push_back(request);
    }
}

/// One request the stand-in answered, as [`StandInBuilder::on_request`](super::StandInBuilder::on_request) reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The path, percent-encoded as sent, without the query string.
    pub path: String,
    /// The status of the answer.
    pub status: StatusCode,
    /// From the request's arrival to its answer being ready (the body included).
    pub duration: Duration,
}

impl fmt::Display for ServedRequest {
    /// One log line: `GET /users 200 0.42ms`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.duration.as_secs_f64() * 1000.0;
        write!(
            f,
            "{} {} {} {ms:.2}ms",
            self.method,
            self.path,
            self.status.as_u16()
        )
    }
}

/// The callback of [`StandInBuilder::on_request`](super::StandInBuilder::on_request).
pub(crate) type RequestHook = Arc<dyn Fn(&ServedRequest) + Send + Sync>;

/// The request log, locked; a panic elsewhere leaves it usable.
pub(crate) fn log(inner: &Inner) -> MutexGuard<'_, RequestLog> {
    inner.requests.lock().unwrap_or_else(|e| e.into_inner())
}

/// Times each request and hands it to the [`StandInBuilder::on_request`](super::StandInBuilder::on_request) hook, if any.
pub(crate) async fn report(
    State(hook): State<Option<RequestHook>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(hook) = hook else {
        return next.run(request).await;
    };
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    hook(&ServedRequest {
        method,
        path,
        status: response.status(),
        duration: started.elapsed(),
    });
    response
}

/// Keeps the request (body included) in the log, then hands it on unchanged.
pub(crate) async fn record(State(inner): State<Shared>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, 16 * 1024 * 1024).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return ApiError::bad_request("request_body_invalid", "the body could not be read")
                .into_response()
        }
    };
    log(&inner).push(RecordedRequest {
        method: parts.method.clone(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        body: bytes.clone(),
    });
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}
