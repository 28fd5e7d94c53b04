//! The crate's one error type.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong when calling the Backend API.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with a non-success status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The request did not complete: connection refused or reset, TLS, timeout.
    #[error("transport error ({kind}) on {route}: {source}")]
    Transport {
        /// What kind of failure it was.
        kind: TransportKind,
        /// `METHOD /path/{template}` of the request.
        route: String,
        /// The underlying HTTP client error.
        #[source]
        source: reqwest::Error,
    },
    /// A success response whose body is larger than the client's
    /// [`max_response_bytes`](crate::ClerkBuilder::max_response_bytes); reading stopped at
    /// the limit (or before reading anything, when `Content-Length` said so).
    #[error("the {status} response of {route} is larger than the limit of {limit} bytes")]
    ResponseTooLarge {
        /// `METHOD /path/{template}` of the request.
        route: String,
        /// The HTTP status of the response.
        status: http::StatusCode,
        /// The limit in bytes that was exceeded.
        limit: usize,
    },
    /// A success response whose body does not match the expected model.
    #[error("{0}")]
    Decode(Box<DecodeError>),
    /// An upload's bytes could not be read (a file, a stream) before sending.
    #[error("{message}: {source}")]
    Upload {
        /// What was being read.
        message: String,
        /// Why it failed.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The input was rejected before anything was sent.
    #[error("invalid input: {message}")]
    InvalidInput {
        /// What is wrong with the input.
        message: String,
    },
    /// A [`Request::stream`](crate::Request::stream) stopped before the end of the list:
    /// a page repeated an earlier one, or the stream reached its page cap.
    #[error("paging through {route} stopped: {reason}")]
    Pagination {
        /// `METHOD /path/{template}` of the list.
        route: String,
        /// Why the stream stopped.
        reason: crate::PaginationStop,
    },
}

/// How a request failed to complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// The connection could not be established: the request never reached the server.
    Connect,
    /// The request or the response took longer than the configured timeout.
    Timeout,
    /// Anything else, e.g. the connection was reset mid-response.
    Other,
    /// The call's overall deadline passed (see
    /// [`ClerkBuilder::deadline`](crate::ClerkBuilder::deadline)) while an attempt was still
    /// waiting for its response.
    Deadline,
}

impl fmt::Display for TransportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "connect",
            Self::Timeout => "timeout",
            Self::Other => "io",
            Self::Deadline => "deadline exceeded",
        })
    }
}

/// A non-success answer of the Backend API.
///
/// Everything kept from the body is scrubbed first: the keys this client sends (its own
/// secret key, a per-call key) and any other `sk_live_…`/`sk_test_…` string are replaced by
/// `sk_live_[redacted]`, `sk_test_[redacted]` or `[redacted]`, so a server or proxy that
/// echoes the `Authorization` header cannot put a key into `Display`, `Debug` or logs.
/// `Debug` shows the first few entries of `errors` and how many more there are.
#[derive(Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: http::StatusCode,
    /// Clerk's error list; empty when the body was not Clerk's error JSON. Each string is
    /// scrubbed and cut to 2 KB.
    pub errors: Vec<ErrorDetail>,
    /// Clerk's trace id for support requests.
    pub clerk_trace_id: Option<String>,
    /// The wait the server's `Retry-After` asked for (seconds, or an HTTP date measured
    /// against the clock when the response arrived), when it sent a usable one.
    pub retry_after: Option<Duration>,
    /// `METHOD /path/{template}` of the request.
    pub route: String,
    /// The start of the body (scrubbed, at most [`DecodeError::BODY_LIMIT`] bytes) when it
    /// was not Clerk's error JSON.
    pub raw_body: Option<String>,
}

impl ApiError {
    /// How many entries of `errors` `Debug` shows before summing up the rest.
    pub const DEBUG_ERRORS: usize = 5;
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("route", &self.route)
            .field("errors", &Preview(&self.errors))
            .field("clerk_trace_id", &self.clerk_trace_id)
            .field("retry_after", &self.retry_after)
            .field("raw_body", &self.raw_body)
            .finish()
    }
}

/// The first [`ApiError::DEBUG_ERRORS`] entries, then `… and N more`.
struct Preview<'a>(&'a [ErrorDetail]);

impl fmt::Debug for Preview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.0.len().min(ApiError::DEBUG_ERRORS);
        let mut list = f.debug_list();
        list.entries(&self.0[..shown]);
        if self.0.len() > shown {
            list.entry(&format_args!("… and {} more", self.0.len() - shown));
        }
        list.finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} returned {}", self.route, self.status)?;
        if let Some(first) = self.errors.first() {
            write!(
                f,
                ": {} ({})",
                first.long_message.as_deref().unwrap_or(&first.message),
                first.code
            )?;
            if self.errors.len() > 1 {
                write!(f, " and {} more", self.errors.len() - 1)?;
            }
        }
        if let Some(id) = &self.clerk_trace_id {
            write!(f, " [trace {id}]")?;
        }
        Ok(())
    }
}

/// One entry of Clerk's `errors[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `resource_not_found`.
    #[serde(default)]
    pub code: String,
    /// Short human-readable message.
    #[serde(default)]
    pub message: String,
    /// Longer explanation.
    #[serde(default)]
    pub long_message: Option<String>,
    /// Extra data, such as the offending `param_name`.
    #[serde(default)]
    pub meta: Option<serde_json::Value>,
}

/// A success response that could not be decoded into the expected type.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodeError {
    /// `METHOD /path/{template}` of the request.
    pub route: String,
    /// The HTTP status of the response.
    pub status: http::StatusCode,
    /// Where in the JSON decoding failed, e.g. `data[3].email_addresses[0].id`.
    pub path: String,
    /// What serde reported, with the values it quotes elided (`invalid type: string "…",
    /// expected i64`): the path says where to look, the value may be a secret.
    pub message: String,
    /// The start of the body (scrubbed like [`ApiError`]'s, at most
    /// [`DecodeError::BODY_LIMIT`] bytes); `None` for operations whose answer carries a secret
    /// (see [`Endpoint::returns_secret`](crate::catalog::Endpoint::returns_secret)), whose
    /// bodies are never kept.
    pub body: Option<String>,
}

impl DecodeError {
    /// How much of a body is kept in errors.
    pub const BODY_LIMIT: usize = 2048;
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the {} response of {} at `{}`: {}",
            self.status, self.route, self.path, self.message
        )
    }
}

impl Error {
    /// The HTTP status, for API errors, decode errors and responses too large.
    pub fn status(&self) -> Option<http::StatusCode> {
        match self {
            Self::Api(e) => Some(e.status),
            Self::Decode(e) => Some(e.status),
            Self::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Whether sending the same request again later may succeed without doing anything
    /// twice: connect errors and 429 for every method; timeouts, resets and 5xx (but never
    /// 501) only for `GET`, `PUT`, `DELETE` and `HEAD`, as a `POST` or `PATCH` that may have
    /// reached the server could create twice. The client's own retries follow the same rule
    /// (see [`RetryPolicy`](crate::RetryPolicy)).
    pub fn is_retryable(&self) -> bool {
        crate::retry::may_send_again(self)
    }

    /// How long the server asked to wait before the next attempt (`Retry-After`, in seconds
    /// or as a date, measured when the response arrived); for API errors that carried one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.as_api().and_then(|e| e.retry_after)
    }

    /// Clerk's trace id, when the API sent one.
    pub fn trace_id(&self) -> Option<&str> {
        match self {
            Self::Api(e) => e.clerk_trace_id.as_deref(),
            _ => None,
        }
    }

    /// The code of the first entry of Clerk's `errors[]`, e.g. `form_identifier_exists`.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api(e) => e.errors.first().map(|d| d.code.as_str()),
            _ => None,
        }
    }

    /// The API error, when this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::InvalidInput {
            message: message.into(),
        }
    }
}
