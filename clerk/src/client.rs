//! `Clerk`, the client, and its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;

use crate::decode::decode_json;
use crate::error::{Error, Result};
use crate::request::{Request, Route};
use crate::retry::RetryPolicy;
use crate::secret::SecretKey;

/// The production Backend API, including its path version.
pub const DEFAULT_API_URL: &str = "https://api.clerk.com/v1";
/// The `Clerk-API-Version` this crate's models were written against.
pub const DEFAULT_API_VERSION: &str = "2026-05-12";
/// The default time allowed for one attempt of a request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default time allowed for a whole call: every attempt and every wait between them.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
/// The default limit on the size of a response body: 16 MiB, far above the largest page the
/// Backend API returns.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// A client of the Clerk Backend API. Cheap to clone (one `Arc`), `Send + Sync`.
///
/// ```no_run
/// # async fn run() -> clerk_backend::Result<()> {
/// let clerk = clerk_backend::Clerk::new("sk_test_...")?;
/// let user = clerk.users().get("user_2abc").await?;
/// println!("{:?}", user.first_name);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Clerk {
    inner: Arc<Config>,
}

/// Everything a request needs, prepared once.
pub(crate) struct Config {
    pub http: reqwest::Client,
    pub base_url: String,
    pub secret: SecretKey,
    pub authorization: HeaderValue,
    pub api_version: HeaderValue,
    pub user_agent: HeaderValue,
    pub timeout: Duration,
    pub deadline: Option<Duration>,
    pub max_response_bytes: usize,
    pub retry: RetryPolicy,
}

impl fmt::Debug for Clerk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Clerk")
            .field("base_url", &self.inner.base_url)
            .field("secret_key", &self.inner.secret)
            .field("api_version", &self.inner.api_version)
            .field("timeout", &self.inner.timeout)
            .field("deadline", &self.inner.deadline)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .field("retry", &self.inner.retry)
            .finish()
    }
}

impl Clerk {
    /// A client for the production API with default settings.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the key is empty or not a valid header value.
    pub fn new(secret_key: impl Into<SecretKey>) -> Result<Self> {
        Self::builder().secret_key(secret_key).build()
    }

    /// A client configured from the environment: `CLERK_SECRET_KEY` (required),
    /// `CLERK_API_URL` (the base URL, read as [`ClerkBuilder::base_url`] reads it: Clerk's
    /// origin `https://api.clerk.com`, in any case, with or without `:443`, `/v1` or a
    /// trailing slash, is `https://api.clerk.com/v1`) and `CLERK_API_VERSION` (a dated
    /// version such as `2026-05-12`; the path-style `v1` used by other Clerk SDKs is accepted
    /// and changes nothing).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `CLERK_SECRET_KEY` is missing or a value is invalid.
    pub fn from_env() -> Result<Self> {
        Self::builder().env()?.build()
    }

    /// A builder for every setting.
    pub fn builder() -> ClerkBuilder {
        ClerkBuilder::default()
    }

    /// A request to any path of the API, for operations not declared yet. `path` is relative
    /// to the base URL (`/users/user_123`) and sent as given: encode ids yourself.
    ///
    /// ```no_run
    /// # async fn run(clerk: clerk_backend::Clerk) -> clerk_backend::Result<()> {
    /// let instance: serde_json::Value = clerk.raw(clerk_backend::Method::GET, "/instance").await?;
    /// # Ok(()) }
    /// ```
    pub fn raw<T: DeserializeOwned>(&self, method: crate::Method, path: &str) -> Request<'_, T> {
        let checked = if path.starts_with('/') && !path.contains(['?', '#']) {
            Ok(path.to_owned())
        } else {
            Err(Error::invalid(
                "raw paths start with `/` and carry no query string; use `.query(...)`",
            ))
        };
        let route = Route {
            method,
            template: std::borrow::Cow::Owned(path.to_owned()),
        };
        Request::from_route(self, route, checked, decode_json::<T>)
    }

    /// The base URL requests go to, e.g. `https://api.clerk.com/v1`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The secret key, wrapped so it does not print.
    pub fn secret_key(&self) -> &SecretKey {
        &self.inner.secret
    }

    pub(crate) fn config(&self) -> &Config {
        &self.inner
    }

    pub(crate) fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry
    }

    pub(crate) fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    pub(crate) fn deadline(&self) -> Option<Duration> {
        self.inner.deadline
    }
}

/// Settings for a [`Clerk`] client.
#[derive(Default)]
pub struct ClerkBuilder {
    secret: Option<SecretKey>,
    base_url: Option<String>,
    api_version: Option<String>,
    timeout: Option<Duration>,
    deadline: Option<Option<Duration>>,
    max_response_bytes: Option<usize>,
    retry: Option<RetryPolicy>,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for ClerkBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClerkBuilder")
            .field("secret_key", &self.secret)
            .field("base_url", &self.base_url)
            .field("api_version", &self.api_version)
            .finish_non_exhaustive()
    }
}

impl ClerkBuilder {
    /// The secret key (`sk_live_...` or `sk_test_...`). Required.
    #[must_use]
    pub fn secret_key(mut self, key: impl Into<SecretKey>) -> Self {
        self.secret = Some(key.into());
        self
    }

    /// The base URL, e.g. `http://127.0.0.1:4010` for a local mock or
    /// `https://api.clerk.com/v1` (the default). Read like the official SDKs read
    /// `CLERK_API_URL`: scheme and host in any case, the scheme's default port (`:443`,
    /// `:80`) dropped, trailing slashes ignored. For Clerk's own hosts (`api.clerk.com`, any
    /// `*.clerk.com`) given without a path, the path version `/v1` is added, as
    /// @clerk/backend joins its API URL and API version `v1`; a URL with a path (`.../v1`,
    /// or a proxy's prefix) and any other host (a local mock serves at its root) are used
    /// as given. See [`Clerk::base_url`] for the result.
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The `Clerk-API-Version` header; defaults to [`DEFAULT_API_VERSION`].
    #[must_use]
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.api_version = Some(version.into());
        self
    }

    /// Time allowed for each attempt of a request; defaults to [`DEFAULT_TIMEOUT`].
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Time allowed for a whole call, across its attempts and the waits between them;
    /// defaults to [`DEFAULT_DEADLINE`], `None` removes it.
    ///
    /// Each attempt gets the shorter of [`timeout`](Self::timeout) and the time left; a
    /// retry whose wait would end past the deadline is not made (the last error is
    /// returned); an attempt cut short by the deadline fails with
    /// [`TransportKind::Deadline`](crate::TransportKind::Deadline). A page of
    /// [`Request::stream`](crate::Request::stream) is one call.
    #[must_use]
    pub fn deadline(mut self, deadline: impl Into<Option<Duration>>) -> Self {
        self.deadline = Some(deadline.into());
        self
    }

    /// The largest response body the client reads, in bytes; defaults to
    /// [`DEFAULT_MAX_RESPONSE_BYTES`].
    ///
    /// A success response with a larger body is an [`Error::ResponseTooLarge`]: it is refused
    /// from its `Content-Length` before reading, and a body without one is cut off once it
    /// passes the limit. An error response is read up to the limit only, and reported as
    /// usual from that part.
    #[must_use]
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// The retry policy for every request; see [`RetryPolicy`].
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Replaces the `User-Agent` (default `clerk-backend-rust/<version>`).
    #[must_use]
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = Some(agent.into());
        self
    }

    /// Uses your own `reqwest::Client` (proxies, connection pools, TLS settings).
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Fills unset fields from `CLERK_SECRET_KEY`, `CLERK_API_URL` and `CLERK_API_VERSION`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `CLERK_SECRET_KEY` is missing and no key was set.
    pub fn env(self) -> Result<Self> {
        self.env_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    pub(crate) fn env_lookup(mut self, get: impl Fn(&str) -> Option<String>) -> Result<Self> {
        if self.secret.is_none() {
            let key = get("CLERK_SECRET_KEY")
                .ok_or_else(|| Error::invalid("CLERK_SECRET_KEY is not set"))?;
            self.secret = Some(SecretKey::new(key.trim()));
        }
        if self.base_url.is_none() {
            self.base_url = get("CLERK_API_URL").map(|url| url.trim().to_owned());
        }
        if self.api_version.is_none() {
            // `v1` is the path version other SDKs read from this variable.
            self.api_version = get("CLERK_API_VERSION")
                .map(|v| v.trim().to_owned())
                .filter(|v| !is_path_version(v));
        }
        Ok(self)
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a missing or malformed secret key, base URL, API version
    /// or user agent.
    pub fn build(self) -> Result<Clerk> {
        let secret = self
            .secret
            .filter(|s| !s.expose().trim().is_empty())
            .ok_or_else(|| Error::invalid("a secret key is required"))?;
        let mut authorization = HeaderValue::from_str(&format!("Bearer {}", secret.expose()))
            // Never echo the key: say what is wrong with it.
            .map_err(|_| {
                Error::invalid("the secret key contains characters not allowed in a header")
            })?;
        authorization.set_sensitive(true);
        let base_url = match self.base_url {
            Some(url) => normalize_base_url(&url)?,
            None => DEFAULT_API_URL.to_owned(),
        };
        let header = |value: String, what: &str| {
            HeaderValue::from_str(&value)
                .map_err(|_| Error::invalid(format!("invalid {what} `{value}`")))
        };
        let api_version = header(
            self.api_version
                .unwrap_or_else(|| DEFAULT_API_VERSION.to_owned()),
            "API version",
        )?;
        let user_agent = header(
            self.user_agent
                .unwrap_or_else(|| format!("clerk-backend-rust/{}", env!("CARGO_PKG_VERSION"))),
            "user agent",
        )?;
        let http = match self.http {
            Some(http) => http,
            None => crate::tls::http_client_builder()
                .build()
                .map_err(|e| Error::invalid(format!("could not set up the HTTP client: {e}")))?,
        };
        Ok(Clerk {
            inner: Arc::new(Config {
                http,
                base_url,
                secret,
                authorization,
                api_version,
                user_agent,
                timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
                deadline: self.deadline.unwrap_or(Some(DEFAULT_DEADLINE)),
                max_response_bytes: self
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
                retry: self.retry.unwrap_or_default(),
            }),
        })
    }
}

fn is_path_version(v: &str) -> bool {
    v.strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The base URL requests are built on (see [`ClerkBuilder::base_url`]): lower-case scheme
/// and host, no default port, no trailing slash, `/v1` added to a bare Clerk origin.
fn normalize_base_url(url: &str) -> Result<String> {
    let url = url.trim();
    let invalid = |why: &str| Error::invalid(format!("base URL `{url}` {why}"));
    let parsed = reqwest::Url::parse(url).map_err(|_| invalid("is not an absolute http(s) URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid("must start with http:// or https://"));
    }
    let host = parsed.host_str().ok_or_else(|| invalid("has no host"))?;
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("must not have a query string or fragment"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(invalid("must not carry credentials"));
    }
    // `Url` has lower-cased the scheme and host and dropped the scheme's default port.
    let mut normalized = format!("{}://{host}", parsed.scheme());
    if let Some(port) = parsed.port() {
        normalized.push_str(&format!(":{port}"));
    }
    let path = parsed.path().trim_end_matches('/');
    let is_clerk = host == "api.clerk.com" || host.ends_with(".clerk.com");
    if path.is_empty() && is_clerk {
        normalized.push_str("/v1");
    } else {
        normalized.push_str(path);
    }
    Ok(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn env_reads_url_and_version_like_other_sdks() -> Result<()> {
        let b = ClerkBuilder::default().env_lookup(env(&[
            ("CLERK_SECRET_KEY", "sk_test_abc"),
            ("CLERK_API_URL", "https://api.clerk.com/"),
            ("CLERK_API_VERSION", "v1"),
        ]))?;
        assert_eq!(b.base_url.as_deref(), Some("https://api.clerk.com/"));
        assert_eq!(b.build()?.base_url(), "https://api.clerk.com/v1");
        let b = ClerkBuilder::default().env_lookup(env(&[
            ("CLERK_SECRET_KEY", "sk_test_abc"),
            ("CLERK_API_VERSION", "v1"),
        ]))?;
        assert_eq!(b.api_version, None);
        let b = ClerkBuilder::default().env_lookup(env(&[
            ("CLERK_SECRET_KEY", "sk_test_abc"),
            ("CLERK_API_URL", "http://127.0.0.1:4010/"),
            ("CLERK_API_VERSION", "2025-04-10"),
        ]))?;
        assert_eq!(b.build()?.base_url(), "http://127.0.0.1:4010");
        Ok(())
    }

    /// @clerk/backend joins `apiUrl` (default `https://api.clerk.com`) and `apiVersion` (`v1`)
    /// in api/request.ts; the official SDKs read CLERK_API_URL as that origin. Every spelling
    /// of Clerk's origin lands on the same base URL.
    #[test]
    fn clerk_api_url_forms_of_the_clerk_origin_give_one_base_url() -> Result<()> {
        for url in [
            "https://api.clerk.com",
            "https://api.clerk.com/",
            "HTTPS://API.CLERK.COM",
            "HTTPS://API.CLERK.COM/",
            "https://api.clerk.com:443",
            "https://api.clerk.com:443/",
            "https://api.clerk.com/v1",
            "https://api.clerk.com/v1/",
            "HTTPS://Api.Clerk.Com:443/v1/",
            "  https://api.clerk.com  ",
        ] {
            let b = ClerkBuilder::default().env_lookup(env(&[
                ("CLERK_SECRET_KEY", "sk_test_abc"),
                ("CLERK_API_URL", url),
            ]))?;
            assert_eq!(b.build()?.base_url(), "https://api.clerk.com/v1", "{url:?}");
        }
        Ok(())
    }

    #[test]
    fn other_base_urls_keep_their_path_and_lose_default_ports() -> Result<()> {
        let base = |url: &str| {
            Clerk::builder()
                .secret_key("sk_test_abc")
                .base_url(url)
                .build()
                .map(|c| c.base_url().to_owned())
        };
        assert_eq!(base("HTTP://127.0.0.1:4010/")?, "http://127.0.0.1:4010");
        assert_eq!(base("http://LOCALHOST:80/")?, "http://localhost");
        assert_eq!(
            base("https://proxy.example.com:8443/clerk/v1/")?,
            "https://proxy.example.com:8443/clerk/v1"
        );
        // A non-default port is kept, even on Clerk's host; no /v1 is invented after a path.
        assert_eq!(
            base("https://api.clerk.com:8443")?,
            "https://api.clerk.com:8443/v1"
        );
        assert_eq!(
            base("https://api.clerk.com/v2")?,
            "https://api.clerk.com/v2"
        );
        for bad in [
            "api.clerk.com",
            "ftp://api.clerk.com",
            "https://api.clerk.com/?x=1",
            "https://u:p@api.clerk.com",
        ] {
            assert!(base(bad).is_err(), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn missing_key_is_a_clear_error() {
        let err = ClerkBuilder::default().env_lookup(env(&[])).err();
        assert!(err.is_some_and(|e| e.to_string().contains("CLERK_SECRET_KEY")));
    }

    #[test]
    fn debug_and_errors_never_show_the_key() -> Result<()> {
        let clerk = Clerk::new("sk_test_SUPERSECRET")?;
        let shown = format!("{clerk:?} {:?} {}", clerk.secret_key(), clerk.secret_key());
        assert!(!shown.contains("SUPERSECRET"), "{shown}");
        assert!(shown.contains("sk_test_[redacted]"));
        let err = Clerk::new("sk_test_SUPER\nSECRET")
            .err()
            .map(|e| format!("{e} {e:?}"));
        assert!(err.is_some_and(|e| !e.contains("SUPER")));
        Ok(())
    }
}
