//! The one send path shared by every operation: headers, retries, tracing, error mapping.
//! It is not generic over the response type, so it is compiled once.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{
    HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, USER_AGENT,
};
use reqwest::Method;
use serde::Deserialize;
use tracing::{field, Instrument};

use crate::client::Clerk;
use crate::error::{ApiError, DecodeError, Error, ErrorDetail, Result, TransportKind};
use crate::redact::{Scrubber, FIELD_LIMIT};
use crate::request::{Auth, Body, Parts};
use crate::retry::{parse_retry_after, RetryPolicy};

const CLERK_API_VERSION: HeaderName = HeaderName::from_static("clerk-api-version");
const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// A success response: status and full body.
pub(crate) struct RawResponse {
    pub status: http::StatusCode,
    pub body: Bytes,
}

/// Sends `parts`, retrying as `policy` allows, and returns the body of a 2xx response.
pub(crate) async fn execute(
    client: &Clerk,
    parts: &Parts,
    policy: RetryPolicy,
    timeout: Duration,
) -> Result<RawResponse> {
    let span = tracing::debug_span!(
        "clerk.request",
        method = %parts.route.method,
        route = %parts.route.template,
        status = field::Empty,
        attempt = field::Empty,
        trace_id = field::Empty,
    );
    let url = url(client, parts);
    async move {
        let mut retry = 0;
        loop {
            let span = tracing::Span::current();
            span.record("attempt", retry + 1);
            let error = match attempt(client, parts, &url, timeout).await {
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
            if retry >= policy.retries() || !retryable(&parts.route.method, &error) {
                return Err(error);
            }
            let retry_after = error.as_api().and_then(|a| a.retry_after);
            let Some(delay) = policy.delay(retry, retry_after) else {
                return Err(error);
            };
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

/// Whether `error` may be retried for a request with `method`: connect errors and 429 always
/// (the server did not act), the rest only for idempotent methods.
fn retryable(method: &Method, error: &Error) -> bool {
    let idempotent = matches!(
        *method,
        Method::GET | Method::PUT | Method::DELETE | Method::HEAD
    );
    match error {
        Error::Transport {
            kind: TransportKind::Connect,
            ..
        } => true,
        Error::Transport { .. } => idempotent,
        Error::Api(api) if api.status == http::StatusCode::TOO_MANY_REQUESTS => true,
        Error::Api(api) => idempotent && api.status.is_server_error(),
        _ => false,
    }
}

async fn attempt(
    client: &Clerk,
    parts: &Parts,
    url: &str,
    timeout: Duration,
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
        Body::Multipart(m) => builder.multipart(m.to_form()?),
    };
    let transport = |source: reqwest::Error| {
        let kind = if source.is_connect() {
            TransportKind::Connect
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
    let response = builder.send().await.map_err(transport)?;
    let status = response.status();
    if status.is_success() {
        let body = response.bytes().await.map_err(transport)?;
        return Ok(RawResponse { status, body });
    }
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    let body = response.bytes().await.map_err(transport)?;
    Err(api_error(client, parts, status, retry_after, &body))
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
