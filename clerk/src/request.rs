//! `Request`: what every generated method returns. Await it, or call `send`.
//!
//! Everything that does not depend on the response type lives in the non-generic
//! [`Core`], so the per-endpoint cost of a `Request<T>` is a few forwarding calls.

use std::borrow::Cow;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use http::HeaderValue;
use serde::Serialize;

use crate::catalog::Endpoint;
use crate::client::Clerk;
use crate::decode::Decoder;
use crate::error::{DecodeError, Error, Result};
use crate::multipart::Multipart;
use crate::redact::Scrubber;
use crate::retry::RetryPolicy;
use crate::secret::SecretKey;
use crate::transport;

/// `GET /users/{user_id}`: the method and path template, for logs and errors.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub method: reqwest::Method,
    pub template: Cow<'static, str>,
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.template)
    }
}

/// The method of a route as errors carry it (`GET /users/{user_id}` -> `GET`).
pub(crate) fn route_method(route: &str) -> &str {
    route.split_once(' ').map_or(route, |(method, _)| method)
}

/// This call's own settings, where they differ from the client's.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Overrides {
    pub retry: Option<RetryPolicy>,
    pub timeout: Option<Duration>,
    /// `Some(None)`: no deadline for this call, whatever the client says.
    pub deadline: Option<Option<Duration>>,
}

/// The body of a request, already serialized so a retry can send it again.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    None,
    Json(Bytes),
    Form(Bytes),
    Multipart(Multipart),
}

/// Which `Authorization` header a request carries.
#[derive(Debug, Clone)]
pub(crate) enum Auth {
    /// The client's secret key.
    Client,
    /// Another key for this call (sensitive, so it never shows in `Debug`).
    Key(HeaderValue),
    /// None: a public operation.
    None,
}

/// Everything needed to send one request, independent of the response type.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    pub route: Route,
    pub path: String,
    pub query: Option<String>,
    pub body: Body,
    pub auth: Auth,
    /// Whether a success body that fails to decode may be kept in the error: `false` for
    /// operations whose answer carries a secret (declared `#[secret]`).
    pub keep_body: bool,
}

/// The response-independent state of a [`Request`].
pub(crate) struct Core<'c> {
    pub endpoint: Option<&'static Endpoint>,
    pub client: &'c Clerk,
    pub parts: Parts,
    pub error: Option<Error>,
    pub overrides: Overrides,
    /// The page cap of [`Request::stream`]; `None` means [`crate::DEFAULT_MAX_PAGES`].
    pub max_pages: Option<u64>,
}

impl<'c> Core<'c> {
    fn new(client: &'c Clerk, route: Route, path: Result<String>) -> Self {
        let (path, error) = match path {
            Ok(p) => (p, None),
            Err(e) => (String::new(), Some(e)),
        };
        Self {
            endpoint: None,
            client,
            parts: Parts {
                route,
                path,
                query: None,
                body: Body::None,
                auth: Auth::Client,
                keep_body: true,
            },
            error,
            overrides: Overrides::default(),
            max_pages: None,
        }
    }

    fn declared(client: &'c Clerk, endpoint: &'static Endpoint, path: Result<String>) -> Self {
        let route = Route {
            method: endpoint.http_method(),
            template: Cow::Borrowed(endpoint.path),
        };
        let mut core = Self::new(client, route, path);
        core.endpoint = Some(endpoint);
        if !endpoint.authenticated {
            core.parts.auth = Auth::None;
        }
        core.parts.keep_body = !endpoint.returns_secret;
        core
    }

    fn fail(&mut self, error: Error) {
        self.error.get_or_insert(error);
    }

    fn set_query(&mut self, encoded: std::result::Result<String, serde_html_form::ser::Error>) {
        match encoded {
            Ok(q) if q.is_empty() => self.parts.query = None,
            Ok(q) => self.parts.query = Some(q),
            Err(e) => self.fail(Error::invalid(format!("query parameters: {e}"))),
        }
    }

    fn set_json(&mut self, encoded: serde_json::Result<Vec<u8>>) {
        match encoded {
            Ok(b) => self.parts.body = Body::Json(Bytes::from(b)),
            Err(e) => self.fail(Error::invalid(format!("request body: {e}"))),
        }
    }

    fn set_form(&mut self, encoded: std::result::Result<String, serde_html_form::ser::Error>) {
        match encoded {
            Ok(b) => self.parts.body = Body::Form(Bytes::from(b)),
            Err(e) => self.fail(Error::invalid(format!("form body: {e}"))),
        }
    }
}

/// A request ready to be sent: `.await` it (or call [`Request::send`]) to get the typed
/// response. Settings such as [`Request::timeout`] apply to this call only.
///
/// Nothing is sent until the request is awaited; invalid input (an empty id, a body that
/// does not serialize) is reported then, without sending anything.
///
/// The third parameter says whether the request may be sent again and again to walk the
/// pages of a list: [`ReadOnly`] (the default: every declared `GET` operation) has
/// [`Request::stream`] when it returns a [`Page`](crate::Page); [`Mutating`] (every
/// declared `POST`, `PUT`, `PATCH` and `DELETE`) does not, so an operation such as
/// `replace_group_role_mappings`, which answers a `PUT` with a page, can only be awaited.
#[must_use = "a request does nothing until it is awaited"]
pub struct Request<'c, T, M = ReadOnly> {
    pub(crate) core: Core<'c>,
    pub(crate) decode: Decoder<T>,
    kind: PhantomData<fn() -> M>,
}

/// Marker of a [`Request`] that only reads: a declared `GET` operation, or a
/// [`Clerk::raw`] request, whose method is only known at run time ([`Request::stream`]
/// refuses a raw request that is not a `GET` before sending anything).
#[derive(Debug)]
pub enum ReadOnly {}

/// Marker of a [`Request`] that changes something on the server (`POST`, `PUT`, `PATCH`,
/// `DELETE`): it is sent once per await, never once per page, so it has no
/// [`Request::stream`].
#[derive(Debug)]
pub enum Mutating {}

impl<T, M> fmt::Debug for Request<'_, T, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("route", &self.core.parts.route.to_string())
            .field("path", &self.core.parts.path)
            .field("query", &self.core.parts.query)
            .finish_non_exhaustive()
    }
}

impl<'c, T> Request<'c, T> {
    pub(crate) fn from_route(
        client: &'c Clerk,
        route: Route,
        path: Result<String>,
        decode: Decoder<T>,
    ) -> Self {
        Self {
            core: Core::new(client, route, path),
            decode,
            kind: PhantomData,
        }
    }
}

impl<'c, T, M> Request<'c, T, M> {
    /// Used by generated code: a request for a declared endpoint.
    #[doc(hidden)]
    #[inline]
    pub fn new(
        client: &'c Clerk,
        endpoint: &'static Endpoint,
        path: Result<String>,
        decode: Decoder<T>,
    ) -> Self {
        Self {
            core: Core::declared(client, endpoint, path),
            decode,
            kind: PhantomData,
        }
    }

    /// The declared operation this request belongs to (`None` for [`Clerk::raw`] requests).
    pub fn endpoint(&self) -> Option<&'static Endpoint> {
        self.core.endpoint
    }

    /// Sets the query string from a serializable value (sequences become repeated keys).
    #[inline]
    pub fn query<Q: Serialize + ?Sized>(mut self, query: &Q) -> Self {
        self.core.set_query(serde_html_form::to_string(query));
        self
    }

    /// Sets a JSON body.
    #[inline]
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.core.set_json(serde_json::to_vec(body));
        self
    }

    /// Sets an `application/x-www-form-urlencoded` body.
    #[inline]
    pub fn form<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.core.set_form(serde_html_form::to_string(body));
        self
    }

    /// Sets a `multipart/form-data` body.
    #[inline]
    pub fn multipart(mut self, body: Multipart) -> Self {
        self.core.parts.body = Body::Multipart(body);
        self
    }

    /// Overrides the client's retry policy for this call.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.core.overrides.retry = Some(policy);
        self
    }

    /// Overrides the client's timeout (per attempt) for this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.core.overrides.timeout = Some(timeout);
        self
    }

    /// Overrides the client's deadline for this call: the time all attempts and the waits
    /// between them may take together (`None`: no deadline). See
    /// [`ClerkBuilder::deadline`](crate::ClerkBuilder::deadline). For
    /// [`Request::stream`](Request::stream), it applies to each page.
    pub fn deadline(mut self, deadline: impl Into<Option<Duration>>) -> Self {
        self.core.overrides.deadline = Some(deadline.into());
        self
    }

    /// Sends this call with another secret key than the client's: operations that need a
    /// machine's secret key, such as `clerk.m2m_tokens().create(..)`, take it here. The key is
    /// redacted like the client's. A key that cannot be a header value is an
    /// [`Error::InvalidInput`] (which does not repeat it) and nothing is sent.
    pub fn secret_key(mut self, key: impl Into<SecretKey>) -> Self {
        let key = key.into();
        match HeaderValue::from_str(&format!("Bearer {}", key.expose())) {
            Ok(mut value) if !key.expose().trim().is_empty() => {
                value.set_sensitive(true);
                self.core.parts.auth = Auth::Key(value);
            }
            _ => self.core.fail(Error::invalid(
                "the secret key for this call is empty or has characters a header cannot carry",
            )),
        }
        self
    }

    /// Sends the request and decodes the response.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending; [`Error::Api`] for a non-success status after
    /// retries; [`Error::Transport`] when no response came (its kind is
    /// [`TransportKind::Deadline`](crate::TransportKind::Deadline) when the call's deadline
    /// passed); [`Error::ResponseTooLarge`] when the body exceeds the client's limit;
    /// [`Error::Decode`] when the body does not match the expected type.
    pub async fn send(self) -> Result<T> {
        send(self.core, self.decode).await
    }
}

/// [`Request::send`] without the marker type, so each response type is compiled once.
async fn send<T>(core: Core<'_>, decode: Decoder<T>) -> Result<T> {
    if let Some(e) = core.error {
        return Err(e);
    }
    run(core.client, &core.parts, decode, core.overrides).await
}

/// Sends `parts` with the client's settings (or the overrides) and decodes with `decode`.
pub(crate) async fn run<T>(
    client: &Clerk,
    parts: &Parts,
    decode: Decoder<T>,
    overrides: Overrides,
) -> Result<T> {
    let response = fetch(client, parts, overrides).await?;
    decode(&response.body).map_err(|f| decode_error(client, parts, &response, f))
}

/// [`run`], also returning the raw body (the stream fingerprints pages with it).
pub(crate) async fn run_keeping_body<T>(
    client: &Clerk,
    parts: &Parts,
    decode: Decoder<T>,
    overrides: Overrides,
) -> Result<(T, Bytes)> {
    let response = fetch(client, parts, overrides).await?;
    let value = decode(&response.body).map_err(|f| decode_error(client, parts, &response, f))?;
    Ok((value, response.body))
}

/// The non-generic half of [`run`]: settings, retries, transport.
async fn fetch(
    client: &Clerk,
    parts: &Parts,
    overrides: Overrides,
) -> Result<transport::RawResponse> {
    let limits = transport::Limits {
        policy: overrides.retry.unwrap_or_else(|| client.retry_policy()),
        timeout: overrides.timeout.unwrap_or_else(|| client.timeout()),
        deadline: overrides.deadline.unwrap_or_else(|| client.deadline()),
    };
    transport::execute(client, parts, limits).await
}

/// The error for a success body that did not decode. The body is kept (scrubbed, truncated)
/// only when the operation's answer carries no secret.
fn decode_error(
    client: &Clerk,
    parts: &Parts,
    response: &transport::RawResponse,
    failure: crate::decode::DecodeFailure,
) -> Error {
    let body = parts.keep_body.then(|| {
        Scrubber::for_request(client, parts).kept_body(&response.body, DecodeError::BODY_LIMIT)
    });
    Error::Decode(Box::new(DecodeError {
        route: parts.route.to_string(),
        status: response.status,
        path: failure.path,
        message: failure.message,
        body,
    }))
}

impl<'c, T: Send + 'c, M> IntoFuture for Request<'c, T, M> {
    type Output = Result<T>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<T>> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(send(self.core, self.decode))
    }
}
