//! The one send path shared by every operation: headers, retries, tracing, error mapping.
//! It is not generic over the response type, so it is compiled once.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{
    HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, USER_AGENT,
};
use serde::Deserialize;
use tokio::time::Instant;
use tracing::{field, Instrument};

use crate::client::Clerk;
use crate::error::{ApiError, DecodeError, Error, ErrorDetail, Result, TransportKind};
use crate::redact::{Scrubber, FIELD_LIMIT};
use crate::request::{Auth, Body, Parts};
use crate::retry::{may_send_again, parse_retry_after, RetryPolicy};

const CLERK_API_VERSION: HeaderName = HeaderName::from_static("clerk-api-version");
const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// A success response: status and full body.
pub(crate) struct RawResponse {
    pub status: http::StatusCode,
    pub body: Bytes,
}

/// What one call may spend, resolved from the client's settings and the call's overrides.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub policy: RetryPolicy,
    /// Per attempt.
    pub timeout: Duration,
    /// For the whole call, from its start.
    pub deadline: Option<Duration>,
}

/// The shortest timeout an attempt gets, so one started just before the deadline still
/// ends in a timeout error of its own.
const MIN_ATTEMPT: Duration = Duration::from_millis(1);

/// Sends `parts`, retrying as `limits.policy` allows within `limits.deadline`, and returns
/// the body of a 2xx response.
pub(crate) async fn execute(client: &Clerk, parts: &Parts, limits: Limits) -> Result<RawResponse> {
    let span = tracing::debug_span!(
        "clerk.request",
        method = %parts.route.method,
        route = %parts.route.template,
        status = field::Empty,
        attempt = field::Empty,
        trace_id = field::Empty,
    );
    let url = url(client, parts);
    let policy = limits.policy;
    let deadline = limits.deadline.and_then(|d| Instant::now().checked_add(d));
    async move {
        let mut retry = 0;
        loop {
            let span = tracing::Span::current();
            span.record("attempt", retry + 1);
            // The deadline, when nearer than a full attempt, bounds this one.
            let left = deadline.map(|end| end.saturating_duration_since(Instant::now()));
            let (timeout, cut) = match left {
                Some(left) if left < limits.timeout => (left.max(MIN_ATTEMPT), true),
                _ => (limits.timeout, false),
            };
            let error = match attempt(client, parts, &url, timeout, cut).await {
                Ok(response) => {
                    span.record("status", response.status.as_u16());
                    return Ok(response);
                }
                Err(error) => error,
            };
            if let Error::Api(api) = &error {
                span.record("status", api.status.as_u16());
                if let Some(id) = &api.clerk_trace_id {
                    span.record("trace_id", id.as_str());
                }
            }
            if retry >= policy.retries() || !may_send_again(&error) {
                return Err(error);
            }
            let Some(delay) = policy.delay(retry, error.retry_after()) else {
                return Err(error);
            };
            let resume = Instant::now().checked_add(delay);
            if deadline.is_some_and(|end| resume.is_none_or(|at| at >= end)) {
                tracing::debug!(%error, "no retry: its wait would end past the deadline");
                return Err(error);
            }
            tracing::debug!(delay_ms = delay.as_millis() as u64, %error, "retrying");
            tokio::time::sleep(delay).await;
            retry += 1;
        }
    }
    .instrument(span)
    .await
}

fn url(client: &Clerk, parts: &Parts) -> String {
    let base = client.base_url();
    let mut url = String::with_capacity(base.len() + parts.path.len() + 64);
    url.push_str(base);
    url.push_str(&parts.path);
    if let Some(q) = &parts.query {
        url.push('?');
        url.push_str(q);
    }
    url
}

/// One attempt; `cut` says `timeout` is what was left of the call's deadline.
async fn attempt(
    client: &Clerk,
    parts: &Parts,
    url: &str,
    timeout: Duration,
    cut: bool,
) -> Result<RawResponse> {
    let config = client.config();
    let mut builder = config
        .http
        .request(parts.route.method.clone(), url)
        .timeout(timeout);
    builder = match &parts.auth {
        Auth::Client => builder.header(AUTHORIZATION, config.authorization.clone()),
        Auth::Key(value) => builder.header(AUTHORIZATION, value.clone()),
        Auth::None => builder,
    };
    builder = builder
        .header(CLERK_API_VERSION, config.api_version.clone())
        .header(USER_AGENT, config.user_agent.clone())
        .header(ACCEPT, APPLICATION_JSON);
    builder = match &parts.body {
        Body::None => builder,
        Body::Json(bytes) => builder
            .header(CONTENT_TYPE, "application/json")
            .body(bytes.clone()),
        Body::Form(bytes) => builder
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(bytes.clone()),
        Body::Multipart(m) => {
            let (content_type, bytes) = m.encode()?;
            builder.header(CONTENT_TYPE, content_type).body(bytes)
        }
    };
    let transport = |source: reqwest::Error| {
        let kind = if source.is_connect() {
            TransportKind::Connect
        } else if source.is_timeout() && cut {
            TransportKind::Deadline
        } else if source.is_timeout() {
            TransportKind::Timeout
        } else {
            TransportKind::Other
        };
        Error::Transport {
            kind,
            route: parts.route.to_string(),
            source: source.without_url(),
        }
    };
    let limit = config.max_response_bytes;
    let response = builder.send().await.map_err(transport)?;
    let status = response.status();
    if status.is_success() {
        let too_large = || Error::ResponseTooLarge {
            route: parts.route.to_string(),
            status,
            limit,
        };
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        return match read_body(response, limit).await.map_err(transport)? {
            (body, true) => Ok(RawResponse { status, body }),
            (_, false) => Err(too_large()),
        };
    }
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, SystemTime::now()));
    // An error is reported from what fits: its status is what matters.
    let (body, _) = read_body(response, limit).await.map_err(transport)?;
    Err(api_error(client, parts, status, retry_after, &body))
}

/// Reads at most `limit` bytes of the body, chunk by chunk; the flag is `false` when the
/// body was longer (the rest is never read).
async fn read_body(
    mut response: reqwest::Response,
    limit: usize,
) -> std::result::Result<(Bytes, bool), reqwest::Error> {
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut len = 0;
    let complete = loop {
        let Some(chunk) = response.chunk().await? else {
            break true;
        };
        let room = limit - len;
        if chunk.len() > room {
            chunks.push(chunk.slice(..room));
            len = limit;
            break false;
        }
        len += chunk.len();
        chunks.push(chunk);
    };
    let body = match chunks.as_slice() {
        [] => Bytes::new(),
        [one] => one.clone(),
        many => {
            let mut joined = Vec::with_capacity(len);
            for chunk in many {
                joined.extend_from_slice(chunk);
            }
            Bytes::from(joined)
        }
    };
    Ok((body, complete))
}

#[derive(Deserialize)]
struct ErrorBody {
    errors: Vec<ErrorDetail>,
    #[serde(default)]
    clerk_trace_id: Option<String>,
}

/// The error for a non-success answer. Everything kept from `body` is scrubbed of the keys
/// the request carried (see [`crate::redact`]) before it can be printed or logged.
fn api_error(
    client: &Clerk,
    parts: &Parts,
    status: http::StatusCode,
    retry_after: Option<Duration>,
    body: &[u8],
) -> Error {
    let scrubber = Scrubber::for_request(client, parts);
    let (errors, clerk_trace_id, raw_body) = match serde_json::from_slice::<ErrorBody>(body) {
        Ok(b) => (
            b.errors
                .into_iter()
                .map(|e| scrub_detail(&scrubber, e))
                .collect(),
            b.clerk_trace_id
                .map(|id| scrubber.scrub_field(&id, FIELD_LIMIT)),
            None,
        ),
        Err(_) => (
            Vec::new(),
            None,
            Some(scrubber.kept_body(body, DecodeError::BODY_LIMIT)),
        ),
    };
    Error::Api(Box::new(ApiError {
        status,
        errors,
        clerk_trace_id,
        retry_after,
        route: parts.route.to_string(),
        raw_body,
    }))
}

fn scrub_detail(scrubber: &Scrubber<'_>, detail: ErrorDetail) -> ErrorDetail {
    ErrorDetail {
        code: scrubber.scrub_field(&detail.code, FIELD_LIMIT),
        message: scrubber.scrub_field(&detail.message, FIELD_LIMIT),
        long_message: detail
            .long_message
            .map(|m| scrubber.scrub_field(&m, FIELD_LIMIT)),
        meta: detail.meta.map(|m| scrubber.scrub_json(m)),
    }
}
