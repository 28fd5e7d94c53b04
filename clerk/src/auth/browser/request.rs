//! A page request as the browser flow sees it: method, the URL the browser asked for
//! (rebuilt from `Host` and `X-Forwarded-*` behind proxies), headers and cookies.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;
use reqwest::Url;

use crate::headers::RequestHeaders;

/// What a framework hands over of a request: its method, its URI and its headers.
///
/// The URL is rebuilt as @clerk/backend's `ClerkRequest` rebuilds it (tokens/clerkRequest.ts):
/// the first `X-Forwarded-Host` (else `Host`) and the first `X-Forwarded-Proto` (else the
/// URI's scheme, else `http`) give the origin, so redirects return to the address the
/// browser used even behind a load balancer. Only put this behind proxies you trust to set
/// those headers.
pub struct PageRequest<'a, H: RequestHeaders + ?Sized> {
    method: &'a str,
    url: Url,
    headers: &'a H,
}

impl<H: RequestHeaders + ?Sized> std::fmt::Debug for PageRequest<'_, H> {
    // The URL may carry a handshake token or dev-browser token in its query: keep only the
    // origin and path.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageRequest")
            .field("method", &self.method)
            .field("origin", &self.url.origin().ascii_serialization())
            .field("path", &self.url.path())
            .finish_non_exhaustive()
    }
}

impl<'a, H: RequestHeaders + ?Sized> PageRequest<'a, H> {
    /// A request with this method (`GET`, ...), URI (origin-form `/path?query`, as servers
    /// receive it, or absolute) and headers.
    pub fn new(method: &'a str, uri: &str, headers: &'a H) -> Self {
        Self {
            method,
            url: derive_url(uri, headers),
            headers,
        }
    }

    /// The method.
    pub fn method(&self) -> &str {
        self.method
    }

    /// The URL the browser asked for.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The headers.
    pub fn headers(&self) -> &H {
        self.headers
    }

    /// Whether this is a browser navigation, which may be redirected: @clerk/backend's
    /// `isRequestEligibleForHandshake`, a GET whose `Sec-Fetch-Dest` is `document` or
    /// `iframe`, or without that header one whose `Accept` starts with `text/html`. Form
    /// posts and `fetch` calls are not.
    pub fn is_navigation(&self) -> bool {
        self.method == "GET"
            && match self.header("sec-fetch-dest") {
                Some(dest) => dest == "document" || dest == "iframe",
                None => self
                    .header("accept")
                    .is_some_and(|a| a.starts_with("text/html")),
            }
    }

    /// The first value of the header `name` (lower case), if it is text.
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers.header(name)
    }

    /// The first value of the query parameter `name`, if it is not empty.
    pub(super) fn query(&self, name: &str) -> Option<Cow<'_, str>> {
        self.url
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
    }

    /// The cookie `name` as the npm `cookie` package's `parse` reads it (the first of that
    /// name, quotes removed, percent-decoded when that decodes); `None` when empty.
    pub(super) fn cookie(&self, name: &str) -> Option<Cow<'_, str>> {
        self.headers
            .header_values("cookie")
            .into_iter()
            .flat_map(|line| line.split(';'))
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| cookie_value(v))
            .filter(|v| !v.is_empty())
    }
}

impl<'a> PageRequest<'a, http::HeaderMap> {
    /// The page request of an `http` 1.x request (axum, hyper, any tower stack).
    pub fn from_http<B>(request: &'a http::Request<B>) -> Self {
        let uri = request.uri().to_string();
        Self::new(request.method().as_str(), &uri, request.headers())
    }
}

fn cookie_value(raw: &str) -> Cow<'_, str> {
    let value = raw.trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    if value.contains('%') {
        if let Ok(decoded) = percent_decode_str(value).decode_utf8() {
            return Cow::Owned(decoded.into_owned());
        }
    }
    Cow::Borrowed(value)
}

/// The first entry of a comma-separated header (`X-Forwarded-Host: a, b` names `a`).
fn first(value: &str) -> &str {
    value.split(',').next().unwrap_or(value).trim()
}

fn derive_url(uri: &str, headers: &(impl RequestHeaders + ?Sized)) -> Url {
    let host = headers.header("host").map(first);
    let initial = Url::parse(uri)
        .ok()
        .filter(|u| u.has_host())
        .or_else(|| {
            let base = format!("http://{}", host.filter(|h| !h.is_empty())?);
            Url::parse(&base).ok()?.join(uri).ok()
        })
        .or_else(|| Url::parse("http://localhost/").ok()?.join(uri).ok());
    let Some(initial) = initial else {
        // Only a URI no URL can be made of gets here.
        return fallback();
    };
    let forwarded_host = headers
        .header("x-forwarded-host")
        .map(first)
        .filter(|h| !h.is_empty());
    let proto = headers
        .header("x-forwarded-proto")
        .map(first)
        .filter(|p| !p.is_empty())
        .unwrap_or(initial.scheme());
    let Some(host) = forwarded_host.or(host) else {
        return initial;
    };
    let origin = format!("{proto}://{host}");
    if origin == initial.origin().ascii_serialization() {
        return initial;
    }
    let path_and_query = match initial.query() {
        Some(q) => format!("{}?{q}", initial.path()),
        None => initial.path().to_owned(),
    };
    Url::parse(&origin)
        .and_then(|o| o.join(&path_and_query))
        .unwrap_or(initial)
}

fn fallback() -> Url {
    #[allow(clippy::expect_used)]
    Url::parse("http://localhost/").expect("a constant URL parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(uri: &str, headers: &[(&str, &str)]) -> String {
        PageRequest::new("GET", uri, headers).url().to_string()
    }

    // tokens/clerkRequest.ts, deriveUrlFromHeaders.
    #[test]
    fn clerkrequest_url_comes_from_forwarded_headers_first() {
        assert_eq!(
            url("/a?b=1", &[("host", "app.test:3000")]),
            "http://app.test:3000/a?b=1"
        );
        assert_eq!(
            url(
                "/a",
                &[
                    ("host", "internal:8080"),
                    ("x-forwarded-host", "example.com, proxy.local"),
                    ("x-forwarded-proto", "https,http"),
                ]
            ),
            "https://example.com/a"
        );
        // Without any host header the URL is kept as received, scheme included.
        assert_eq!(
            url("http://internal/p", &[("x-forwarded-proto", "https")]),
            "http://internal/p"
        );
        assert_eq!(url("/p", &[]), "http://localhost/p");
    }

    #[test]
    fn cookies_are_read_like_the_cookie_package() {
        let headers: &[(&str, &str)] = &[
            ("cookie", "a=1; __session=\"x%20y\"; a=2"),
            ("cookie", "bad=%E0%A4%A; empty="),
        ];
        let request = PageRequest::new("GET", "/", headers);
        assert_eq!(request.cookie("a").as_deref(), Some("1"));
        assert_eq!(request.cookie("__session").as_deref(), Some("x y"));
        assert_eq!(request.cookie("bad").as_deref(), Some("%E0%A4%A"));
        assert_eq!(request.cookie("empty"), None);
    }

    #[test]
    fn debug_keeps_the_query_out() {
        let request = PageRequest::new("GET", "/p?__clerk_handshake=secret", &[][..]);
        assert!(!format!("{request:?}").contains("secret"));
    }
}
