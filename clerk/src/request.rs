//! `Request`: what every generated method returns. Await it, or call `send`.

use std::borrow::Cow;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use serde::Serialize;

use crate::catalog::Endpoint;
use crate::client::Clerk;
use crate::decode::Decoder;
use crate::error::{truncate_body, DecodeError, Error, Result};
use crate::multipart::Multipart;
use crate::retry::RetryPolicy;
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

/// The body of a request, already serialized so a retry can send it again.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    None,
    Json(Bytes),
    Form(Bytes),
    Multipart(Multipart),
}

/// Everything needed to send one request, independent of the response type.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    pub route: Route,
    pub path: String,
    pub query: Option<String>,
    pub body: Body,
}

/// A request ready to be sent: `.await` it (or call [`Request::send`]) to get the typed
/// response. Settings such as [`Request::timeout`] apply to this call only.
///
/// Nothing is sent until the request is awaited; invalid input (an empty id, a body that
/// does not serialize) is reported then, without sending anything.
#[must_use = "a request does nothing until it is awaited"]
pub struct Request<'c, T> {
    pub(crate) endpoint: Option<&'static Endpoint>,
    pub(crate) client: &'c Clerk,
    pub(crate) parts: Parts,
    pub(crate) decode: Decoder<T>,
    pub(crate) error: Option<Error>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) timeout: Option<Duration>,
}

impl<T> fmt::Debug for Request<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("route", &self.parts.route.to_string())
            .field("path", &self.parts.path)
            .field("query", &self.parts.query)
            .finish_non_exhaustive()
    }
}

impl<'c, T> Request<'c, T> {
    /// Used by generated code: a request for a declared endpoint.
    #[doc(hidden)]
    pub fn new(
        client: &'c Clerk,
        endpoint: &'static Endpoint,
        path: Result<String>,
        decode: Decoder<T>,
    ) -> Self {
        let route = Route {
            method: endpoint.http_method(),
            template: Cow::Borrowed(endpoint.path),
        };
        let mut request = Self::from_route(client, route, path, decode);
        request.endpoint = Some(endpoint);
        request
    }

    pub(crate) fn from_route(
        client: &'c Clerk,
        route: Route,
        path: Result<String>,
        decode: Decoder<T>,
    ) -> Self {
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
            },
            decode,
            error,
            retry: None,
            timeout: None,
        }
    }

    fn fail(&mut self, error: Error) {
        self.error.get_or_insert(error);
    }

    /// The declared operation this request belongs to (`None` for [`Clerk::raw`] requests).
    pub fn endpoint(&self) -> Option<&'static Endpoint> {
        self.endpoint
    }

    /// Sets the query string from a serializable value (sequences become repeated keys).
    pub fn query<Q: Serialize + ?Sized>(mut self, query: &Q) -> Self {
        match serde_html_form::to_string(query) {
            Ok(q) if q.is_empty() => self.parts.query = None,
            Ok(q) => self.parts.query = Some(q),
            Err(e) => self.fail(Error::invalid(format!("query parameters: {e}"))),
        }
        self
    }

    /// Sets a JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(b) => self.parts.body = Body::Json(Bytes::from(b)),
            Err(e) => self.fail(Error::invalid(format!("request body: {e}"))),
        }
        self
    }

    /// Sets an `application/x-www-form-urlencoded` body.
    pub fn form<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_html_form::to_string(body) {
            Ok(b) => self.parts.body = Body::Form(Bytes::from(b)),
            Err(e) => self.fail(Error::invalid(format!("form body: {e}"))),
        }
        self
    }

    /// Sets a `multipart/form-data` body.
    pub fn multipart(mut self, body: Multipart) -> Self {
        self.parts.body = Body::Multipart(body);
        self
    }

    /// Overrides the client's retry policy for this call.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Overrides the client's timeout (per attempt) for this call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sends the request and decodes the response.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending; [`Error::Api`] for a non-success status after
    /// retries; [`Error::Transport`] when no response came; [`Error::Decode`] when the body
    /// does not match the expected type.
    pub async fn send(self) -> Result<T> {
        if let Some(e) = self.error {
            return Err(e);
        }
        run(
            self.client,
            &self.parts,
            self.decode,
            self.retry,
            self.timeout,
        )
        .await
    }
}

/// Sends `parts` with the client's settings (or the overrides) and decodes with `decode`.
pub(crate) async fn run<T>(
    client: &Clerk,
    parts: &Parts,
    decode: Decoder<T>,
    retry: Option<RetryPolicy>,
    timeout: Option<Duration>,
) -> Result<T> {
    let policy = retry.unwrap_or_else(|| client.retry_policy());
    let timeout = timeout.unwrap_or_else(|| client.timeout());
    let response = transport::execute(client, parts, policy, timeout).await?;
    decode(&response.body).map_err(|f| {
        Error::Decode(Box::new(DecodeError {
            route: parts.route.to_string(),
            status: response.status,
            path: f.path,
            message: f.message,
            body: truncate_body(&response.body, DecodeError::BODY_LIMIT),
        }))
    })
}

impl<'c, T: Send + 'c> IntoFuture for Request<'c, T> {
    type Output = Result<T>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<T>> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}
