//! Extracting the token from request headers and cookies, and telling token kinds apart.

use base64::Engine as _;
use sha1::{Digest, Sha1};

use crate::jwt::MachineJwtKind;

/// Where a request's token was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSource {
    /// The `Authorization` header.
    Header,
    /// The `__session` cookie (or its suffixed form).
    Cookie,
}

/// The token a request carries, borrowed from its headers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RequestToken<'a> {
    /// The raw token.
    pub token: &'a str,
    /// Where it came from.
    pub source: TokenSource,
}

impl std::fmt::Debug for RequestToken<'_> {
    // The token grants access: keep it out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestToken")
            .field("token", &"[redacted]")
            .field("source", &self.source)
            .finish()
    }
}

/// The kinds of token Clerk issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A session token (a JWT signed by the instance).
    SessionToken,
    /// A machine-to-machine token (`mt_...`, or a JWT whose subject is a machine `mch_...`).
    M2mToken,
    /// An API key (`ak_...`).
    ApiKey,
    /// An OAuth access token (`oat_...`, or a JWT with `typ: at+jwt`).
    OAuthToken,
}

/// The machine token kind `token` is: an opaque token by its prefix (`mt_`, `oat_`, `ak_`),
/// or a machine JWT by its decoded content (an M2M token's subject is a machine, `mch_...`;
/// an OAuth access token's `typ` is `at+jwt`); `None` for session tokens and anything else.
///
/// Nothing is verified here: this only decides which verification a token gets.
pub fn machine_token_kind(token: &str) -> Option<TokenKind> {
    opaque_kind(token).or_else(|| crate::jwt::machine_jwt_kind(token).map(jwt_token_kind))
}

/// The kind an opaque machine token's prefix announces (`mt_`, `oat_`, `ak_`).
pub(crate) fn opaque_kind(token: &str) -> Option<TokenKind> {
    if token.starts_with("mt_") {
        Some(TokenKind::M2mToken)
    } else if token.starts_with("oat_") {
        Some(TokenKind::OAuthToken)
    } else if token.starts_with("ak_") {
        Some(TokenKind::ApiKey)
    } else {
        None
    }
}

/// The token kind of a machine JWT.
pub(crate) fn jwt_token_kind(kind: MachineJwtKind) -> TokenKind {
    match kind {
        MachineJwtKind::M2m => TokenKind::M2mToken,
        _ => TokenKind::OAuthToken,
    }
}

/// The cookie-name suffix derived from a publishable key: the first 8 characters of the
/// URL-safe base64 of its SHA-1 digest.
pub fn cookie_suffix(publishable_key: &str) -> String {
    let digest = Sha1::digest(publishable_key.as_bytes());
    let mut encoded = base64::engine::general_purpose::URL_SAFE.encode(digest);
    encoded.truncate(8);
    encoded
}

/// The token of a request: the `Authorization` header first, else the session cookie.
///
/// With `publishable_key`, the suffixed cookie `__session_<suffix>` is preferred and the plain
/// `__session` is the fallback (apps that share a domain each get their own cookie).
pub fn token_from_request<'a>(
    headers: &'a http::HeaderMap,
    publishable_key: Option<&str>,
) -> Option<RequestToken<'a>> {
    if let Some(token) = header_token(headers) {
        return Some(RequestToken {
            token,
            source: TokenSource::Header,
        });
    }
    let suffixed = publishable_key.map(|pk| format!("__session_{}", cookie_suffix(pk)));
    let from_cookie = suffixed
        .as_deref()
        .and_then(|name| cookie(headers, name))
        .or_else(|| cookie(headers, "__session"));
    from_cookie.map(|token| RequestToken {
        token,
        source: TokenSource::Cookie,
    })
}

/// `Bearer <token>` or a bare token; any other scheme yields nothing.
fn header_token(headers: &http::HeaderMap) -> Option<&str> {
    let value = headers
        .get(http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    if value.is_empty() {
        return None;
    }
    match value.split_once(' ') {
        None => Some(value),
        Some(("Bearer", token)) => Some(token.trim()).filter(|t| !t.is_empty()),
        Some(_) => None,
    }
}

/// The first cookie named `name` across all `Cookie` headers.
fn cookie<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (k, v) in pairs {
            let name = http::header::HeaderName::from_bytes(k.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
            map.append(name, v.parse().unwrap_or_else(|e| panic!("{e}")));
        }
        map
    }

    #[test]
    fn bearer_header_wins_over_the_cookie() {
        let h = headers(&[
            ("authorization", "Bearer header.jwt.x"),
            ("cookie", "__session=cookie.jwt.x"),
        ]);
        let t = token_from_request(&h, None).unwrap_or_else(|| panic!("token"));
        assert_eq!((t.token, t.source), ("header.jwt.x", TokenSource::Header));
    }

    #[test]
    fn another_scheme_falls_back_to_the_cookie() {
        let h = headers(&[
            ("authorization", "Basic dXNlcjpwdw=="),
            ("cookie", "a=1; __session=cookie.jwt.x; b=2"),
        ]);
        let t = token_from_request(&h, None).unwrap_or_else(|| panic!("token"));
        assert_eq!((t.token, t.source), ("cookie.jwt.x", TokenSource::Cookie));
        let bare = headers(&[("authorization", "bare.jwt.x")]);
        assert_eq!(
            token_from_request(&bare, None).map(|t| t.token),
            Some("bare.jwt.x")
        );
        assert_eq!(
            token_from_request(&headers(&[("authorization", "Basic x")]), None),
            None
        );
    }

    #[test]
    fn the_suffixed_cookie_is_preferred_with_a_publishable_key() {
        let pk = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k";
        let suffix = cookie_suffix(pk);
        assert_eq!(suffix.len(), 8);
        assert!(suffix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        let both = format!("__session=plain; __session_{suffix}=suffixed");
        let h = headers(&[("cookie", &both)]);
        assert_eq!(
            token_from_request(&h, Some(pk)).map(|t| t.token),
            Some("suffixed")
        );
        assert_eq!(token_from_request(&h, None).map(|t| t.token), Some("plain"));
        let plain_only = headers(&[("cookie", "__session=plain")]);
        assert_eq!(
            token_from_request(&plain_only, Some(pk)).map(|t| t.token),
            Some("plain")
        );
    }

    #[test]
    fn suffix_is_sha1_base64url_truncated() {
        // SHA-1("abc") = a9993e36..., base64 "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=".
        assert_eq!(cookie_suffix("abc"), "qZk-NkcG");
    }

    #[test]
    fn machine_prefixes_are_recognised() {
        assert_eq!(machine_token_kind("mt_123"), Some(TokenKind::M2mToken));
        assert_eq!(machine_token_kind("ak_123"), Some(TokenKind::ApiKey));
        assert_eq!(machine_token_kind("oat_123"), Some(TokenKind::OAuthToken));
        assert_eq!(machine_token_kind("eyJhbGciOi.x.y"), None);
    }

    #[test]
    fn debug_hides_the_token() {
        let h = headers(&[("authorization", "Bearer very-secret-token")]);
        let t = token_from_request(&h, None).unwrap_or_else(|| panic!("token"));
        assert!(!format!("{t:?}").contains("very-secret"));
    }
}
