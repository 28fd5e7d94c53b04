//! Extracting the token from request headers and cookies, and telling token kinds apart.

use crate::headers::RequestHeaders;
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
/// With `publishable_key`, the cookie is `__session_<suffix>` or the plain `__session`,
/// chosen as @clerk/backend's `usesSuffixedCookies` (tokens/authenticateContext.ts) chooses:
/// the suffixed set when the plain token is another instance's; otherwise the suffixed set
/// when it is there with its `__client_uat`, unless the plain token is malformed, newer, or
/// the only one signed in. Without a key, the plain `__session`. This only picks the token: [`crate::auth::Authenticator`] also
/// applies the `__client_uat` rules to cookie tokens.
pub fn token_from_request<'a>(
    headers: &'a (impl RequestHeaders + ?Sized),
    publishable_key: Option<&str>,
) -> Option<RequestToken<'a>> {
    let key = publishable_key.map(PublishableKey::parse);
    let now = crate::jwt::unix_millis(std::time::SystemTime::now()).div_euclid(1000);
    credentials(headers, key.as_ref(), now).map(|found| found.token)
}

/// What a publishable key tells about cookie names: the suffix, the instance's Frontend API
/// host and whether it is a production instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PublishableKey {
    pub(crate) suffix: String,
    /// `None` when the key does not decode to `<host>$` (then whose token a plain cookie
    /// holds cannot be told, and that test is skipped).
    pub(crate) frontend_api: Option<String>,
    pub(crate) production: bool,
}

impl PublishableKey {
    /// Reads `pk_test_<base64(host$)>` / `pk_live_...` like @clerk/shared's
    /// `parsePublishableKey`; the suffix is derived from the whole key either way.
    pub(crate) fn parse(key: &str) -> Self {
        let key = key.trim();
        let production = key.starts_with("pk_live_");
        let frontend_api = frontend_api(key);
        if frontend_api.is_none() {
            tracing::warn!("the publishable key does not decode to a Frontend API host");
        }
        Self {
            suffix: cookie_suffix(key),
            frontend_api,
            production,
        }
    }
}

fn frontend_api(key: &str) -> Option<String> {
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
    use base64::engine::DecodePaddingMode;
    const STANDARD: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    if !(key.starts_with("pk_live_") || key.starts_with("pk_test_")) {
        return None;
    }
    let mut parts = key.split('_');
    let encoded = parts
        .nth(2)
        .filter(|p| !p.is_empty() && parts.next().is_none())?;
    let decoded = String::from_utf8(STANDARD.decode(encoded).ok()?).ok()?;
    let host = decoded.strip_suffix('$')?;
    (!host.contains('$') && host.contains('.')).then(|| host.to_owned())
}

/// The token a request carries, with the `__client_uat` value that goes with a cookie token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Credentials<'a> {
    pub token: RequestToken<'a>,
    /// The chosen `__client_uat` (Unix seconds, as `parseInt(...) || 0` reads it: missing or
    /// unparsable is 0, "signed out"); 0 for header tokens.
    pub client_uat: i64,
}

/// The header token, else the session cookie of the cookie set [`Cookies::suffixed`] picks.
/// `now` (Unix seconds) is for the development-instance expiry rule of that choice.
pub(crate) fn credentials<'a>(
    headers: &'a (impl RequestHeaders + ?Sized),
    key: Option<&PublishableKey>,
    now: i64,
) -> Option<Credentials<'a>> {
    if let Some(token) = header_token(headers) {
        return Some(Credentials {
            token: RequestToken {
                token,
                source: TokenSource::Header,
            },
            client_uat: 0,
        });
    }
    let cookies = Cookies {
        headers: headers.header_values("cookie"),
        key,
    };
    let suffixed = cookies.suffixed(now);
    let session = cookies.get("__session", suffixed)?;
    let client_uat = cookies.get("__client_uat", suffixed).map_or(0, parse_int);
    Some(Credentials {
        token: RequestToken {
            token: session,
            source: TokenSource::Cookie,
        },
        client_uat,
    })
}

/// Whether the suffixed cookie set is the one to read (see [`token_from_request`]).
pub(crate) fn uses_suffixed_cookies(
    headers: &(impl RequestHeaders + ?Sized),
    key: &PublishableKey,
    now: i64,
) -> bool {
    Cookies {
        headers: headers.header_values("cookie"),
        key: Some(key),
    }
    .suffixed(now)
}

/// The Clerk cookies of a request, plain (`__session`, `__client_uat`) and suffixed
/// (`__session_<suffix>`, `__client_uat_<suffix>`, the suffix derived from the publishable
/// key by [`cookie_suffix`]).
struct Cookies<'h, 'k> {
    /// The values of the request's `Cookie` headers.
    headers: Vec<&'h str>,
    key: Option<&'k PublishableKey>,
}

impl<'h> Cookies<'h, '_> {
    fn get(&self, name: &str, suffixed: bool) -> Option<&'h str> {
        match (suffixed, self.key) {
            (true, Some(key)) => cookie(&self.headers, &format!("{name}_{}", key.suffix)),
            _ => cookie(&self.headers, name),
        }
    }

    /// Whether the suffixed set is the one to read: @clerk/backend's `usesSuffixedCookies`
    /// (tokens/authenticateContext.ts), rule for rule, on unverified token contents.
    fn suffixed(&self, now: i64) -> bool {
        let Some(key) = self.key else {
            return false;
        };
        let suffixed_uat = self.get("__client_uat", true);
        let uat = self.get("__client_uat", false);
        let suffixed_session = self.get("__session", true);
        let session = self.get("__session", false);
        let session_claims = session.and_then(claims_of);
        if session.is_some() {
            // A malformed plain cookie (no `iss`): read it, to answer signed out rather
            // than trust the other set.
            if !session_claims
                .as_ref()
                .is_some_and(|c| truthy(c.get("iss")))
            {
                return false;
            }
            // A plain cookie of another instance (same domain): the suffixed set is ours.
            if !belongs_to(session_claims.as_ref(), key) {
                return true;
            }
        }
        if suffixed_uat.is_none() && suffixed_session.is_none() {
            return false;
        }
        let suffixed_claims = suffixed_session.and_then(claims_of);
        let iat = |claims: Option<&serde_json::Map<String, serde_json::Value>>| {
            claims
                .and_then(|c| c.get("iat"))
                .and_then(crate::jwt::seconds)
                .unwrap_or(0)
        };
        // Both say signed in and the plain token is newer.
        if suffixed_uat != Some("0")
            && uat != Some("0")
            && iat(session_claims.as_ref()) > iat(suffixed_claims.as_ref())
        {
            return false;
        }
        // The suffixed set says signed out, the plain one does not: the plain one is set by
        // every clerk-js version, so it is the newer.
        if suffixed_uat == Some("0") && uat != Some("0") {
            return false;
        }
        // Development instances (clerk-js sets the suffixed `__client_uat`, an older pinned
        // clerk-js may not): an expired suffixed token loses to a plain "signed out".
        if !key.production {
            let expired = suffixed_claims
                .as_ref()
                .and_then(|c| c.get("exp"))
                .and_then(crate::jwt::seconds)
                .is_some_and(|exp| exp <= now);
            if suffixed_uat != Some("0") && uat == Some("0") && expired {
                return false;
            }
        }
        // A suffixed session without its `__client_uat`: the instance does not set suffixed
        // cookies (yet).
        if suffixed_uat.is_none() && suffixed_session.is_some() {
            return false;
        }
        true
    }
}

/// The payload of a token, unverified; `None` when it does not decode.
fn claims_of(token: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    crate::jwt::decode(token).ok().map(|d| d.claims)
}

/// JavaScript truthiness of a claim.
fn truthy(value: Option<&serde_json::Value>) -> bool {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// Whether the token's `iss`, without `http://`/`https://`, is the key's Frontend API host.
/// Unknown when the key did not decode: then it counts as ours.
fn belongs_to(
    claims: Option<&serde_json::Map<String, serde_json::Value>>,
    key: &PublishableKey,
) -> bool {
    let Some(frontend_api) = &key.frontend_api else {
        return true;
    };
    let Some(iss) = claims.and_then(|c| c.get("iss")).and_then(|v| v.as_str()) else {
        return false;
    };
    strip_schemes(iss) == *frontend_api
}

/// Removes every `http://` and `https://`, in any case (the JS SDK's `/https?:\/\//gi`).
fn strip_schemes(value: &str) -> String {
    let starts = |rest: &str, scheme: &str| {
        rest.as_bytes()
            .get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        if starts(rest, "https://") {
            rest = &rest["https://".len()..];
        } else if starts(rest, "http://") {
            rest = &rest["http://".len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// `Number.parseInt(value) || 0`: optional leading whitespace and sign, then the leading
/// digits; anything else is 0.
pub(crate) fn parse_int(value: &str) -> i64 {
    let value = value.trim_start();
    let (negative, digits) = match value.as_bytes().first() {
        Some(b'-') => (true, &value[1..]),
        Some(b'+') => (false, &value[1..]),
        _ => (false, value),
    };
    let end = digits
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    let magnitude = digits[..end].bytes().fold(0i64, |n, b| {
        n.saturating_mul(10).saturating_add(i64::from(b - b'0'))
    });
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// `Bearer <token>` or a bare token; any other scheme yields nothing.
pub(crate) fn header_token(headers: &(impl RequestHeaders + ?Sized)) -> Option<&str> {
    let value = headers.header("authorization")?.trim();
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
fn cookie<'a>(headers: &[&'a str], name: &str) -> Option<&'a str> {
    headers
        .iter()
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

    // @clerk/backend's fixtures: one instance, Frontend API clerk.inspired.puma-74.lcl.dev.
    const PK_LIVE: &str = "pk_live_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";
    const PK_TEST: &str = "pk_test_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";
    const NOW: i64 = 1_666_648_250;
    const ISS: &str = "https://clerk.inspired.puma-74.lcl.dev";

    /// An unsigned JWT-shaped token: selection reads claims without verifying them.
    fn jwt(claims: serde_json::Value) -> String {
        let part = |v: serde_json::Value| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
        };
        let mut payload =
            serde_json::json!({"sub": "user_1", "iss": ISS, "iat": NOW, "exp": NOW + 60});
        if let (Some(base), serde_json::Value::Object(changes)) = (payload.as_object_mut(), claims)
        {
            base.extend(changes);
        }
        format!(
            "{}.{}.sig",
            part(serde_json::json!({"alg": "RS256"})),
            part(payload)
        )
    }

    /// The session token and `__client_uat` picked from these cookies.
    fn pick(pk: &str, cookies: &[(&str, &str)]) -> (Option<String>, i64) {
        let suffix = cookie_suffix(pk);
        let line = cookies
            .iter()
            .map(|(k, v)| format!("{}={v}", k.replace("<sfx>", &suffix)))
            .collect::<Vec<_>>()
            .join("; ");
        let h = headers(&[("cookie", &line)]);
        let found = credentials(&h, Some(&PublishableKey::parse(pk)), NOW);
        (
            found.map(|f| f.token.token.to_owned()),
            found.map_or(0, |f| f.client_uat),
        )
    }

    #[test]
    fn publishable_keys_decode_like_parse_publishable_key() {
        let live = PublishableKey::parse(PK_LIVE);
        assert!(live.production);
        assert_eq!(
            live.frontend_api.as_deref(),
            Some("clerk.inspired.puma-74.lcl.dev")
        );
        assert!(!PublishableKey::parse(PK_TEST).production);
        for bad in [
            "pk_test_",
            "sk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
            "pk_test_bm9kb2xsYXI",
            "pk_test_a_b",
        ] {
            assert_eq!(PublishableKey::parse(bad).frontend_api, None, "{bad}");
        }
    }

    /// The stand-in's publishable key names its `host:port`, which is also the host of the
    /// `iss` of the tokens it signs: its tokens count as that key's instance's.
    #[cfg(feature = "testing")]
    #[tokio::test]
    async fn the_standin_publishable_key_names_its_host_and_issuer() {
        use crate::models::{CreateSessionParams, CreateSessionTokenParams, CreateUserParams};
        let standin = crate::testing::StandIn::start()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let key = PublishableKey::parse(&standin.publishable_key());
        assert!(!key.production);
        let host = standin.url().trim_start_matches("http://");
        assert_eq!(key.frontend_api.as_deref(), Some(host));
        assert_eq!(host, standin.local_addr().to_string());

        let clerk = standin.clerk();
        let user = clerk
            .users()
            .create(CreateUserParams::default().email_address(["pk@example.com"]))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let session = clerk
            .sessions()
            .create(CreateSessionParams::new(user.id))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let token = clerk
            .sessions()
            .create_token(&session.id, CreateSessionTokenParams::default())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let jwt = token.jwt.unwrap_or_else(|| panic!("a token"));
        let claims = claims_of(jwt.expose());
        assert!(belongs_to(claims.as_ref(), &key));
        let other = PublishableKey::parse(PK_TEST);
        assert!(!belongs_to(claims.as_ref(), &other));
    }

    // authenticateContext.test.ts, "use un-suffixed cookies".
    #[test]
    fn usesuffixedcookies_plain_cookies_only_are_read_plainly() {
        let session = jwt(serde_json::json!({}));
        assert_eq!(
            pick(
                PK_LIVE,
                &[("__client_uat", "1717490192"), ("__session", &session)]
            ),
            (Some(session), 1_717_490_192)
        );
    }

    #[test]
    fn usesuffixedcookies_a_newer_plain_token_wins_after_a_clerk_js_downgrade() {
        let newer = jwt(serde_json::json!({"iat": NOW + 60}));
        let suffixed = jwt(serde_json::json!({}));
        let cookies = [
            ("__client_uat", "1717490192"),
            ("__client_uat_<sfx>", "1717490193"),
            ("__session", newer.as_str()),
            ("__session_<sfx>", suffixed.as_str()),
        ];
        assert_eq!(pick(PK_LIVE, &cookies), (Some(newer), 1_717_490_192));
    }

    #[test]
    fn usesuffixedcookies_a_signed_out_suffixed_uat_loses_to_a_signed_in_plain_one() {
        let session = jwt(serde_json::json!({}));
        let cookies = [
            ("__client_uat", "1717490192"),
            ("__client_uat_<sfx>", "0"),
            ("__session", session.as_str()),
        ];
        assert_eq!(pick(PK_TEST, &cookies), (Some(session), 1_717_490_192));
    }

    // authenticateContext.test.ts, "use suffixed cookies".
    #[test]
    fn usesuffixedcookies_both_sets_signed_in_read_the_suffixed_one() {
        let (plain, suffixed) = (
            jwt(serde_json::json!({})),
            jwt(serde_json::json!({"sid": "s"})),
        );
        let cookies = [
            ("__client_uat", "1717490192"),
            ("__client_uat_<sfx>", "1717490193"),
            ("__session", plain.as_str()),
            ("__session_<sfx>", suffixed.as_str()),
        ];
        assert_eq!(
            pick(PK_LIVE, &cookies),
            (Some(suffixed.clone()), 1_717_490_193)
        );
        // Both signed out: still the suffixed set (its `__client_uat` is 0).
        let cookies = [
            ("__client_uat", "0"),
            ("__client_uat_<sfx>", "0"),
            ("__session", plain.as_str()),
            ("__session_<sfx>", suffixed.as_str()),
        ];
        assert_eq!(pick(PK_LIVE, &cookies), (Some(suffixed), 0));
        // Signed-out suffixed `__client_uat` and no suffixed session: no token at all.
        let cookies = [
            ("__client_uat", "0"),
            ("__client_uat_<sfx>", "0"),
            ("__session", plain.as_str()),
        ];
        assert_eq!(pick(PK_LIVE, &cookies), (None, 0));
    }

    #[test]
    fn usesuffixedcookies_a_plain_token_of_another_instance_means_suffixed() {
        let suffixed = jwt(serde_json::json!({}));
        for foreign in [
            jwt(serde_json::json!({"iss": "http:whatever"})),
            jwt(serde_json::json!({"iss": 123})),
        ] {
            let cookies = [
                ("__client_uat", "1717490192"),
                ("__client_uat_<sfx>", "1717490193"),
                ("__session", foreign.as_str()),
                ("__session_<sfx>", suffixed.as_str()),
            ];
            assert_eq!(
                pick(PK_LIVE, &cookies),
                (Some(suffixed.clone()), 1_717_490_193)
            );
        }
    }

    #[test]
    fn usesuffixedcookies_a_malformed_plain_token_is_read_to_sign_out() {
        // No `iss` (or not a JWT): the plain set is read, and fails verification later.
        let suffixed = jwt(serde_json::json!({}));
        for plain in ["garbage".to_owned(), jwt(serde_json::json!({"iss": null}))] {
            let cookies = [
                ("__client_uat_<sfx>", "1717490193"),
                ("__session", plain.as_str()),
                ("__session_<sfx>", suffixed.as_str()),
            ];
            assert_eq!(pick(PK_LIVE, &cookies), (Some(plain.clone()), 0));
        }
    }

    #[test]
    fn usesuffixedcookies_a_suffixed_session_without_its_uat_is_ignored() {
        let (plain, suffixed) = (
            jwt(serde_json::json!({})),
            jwt(serde_json::json!({"sid": "s"})),
        );
        let cookies = [
            ("__client_uat", "5"),
            ("__session", plain.as_str()),
            ("__session_<sfx>", suffixed.as_str()),
        ];
        assert_eq!(pick(PK_LIVE, &cookies), (Some(plain), 5));
    }

    #[test]
    fn usesuffixedcookies_development_an_expired_suffixed_token_loses_to_plain_signed_out() {
        let plain = jwt(serde_json::json!({}));
        let expired = jwt(serde_json::json!({"sid": "s", "exp": NOW}));
        let cookies = [
            ("__client_uat", "0"),
            ("__client_uat_<sfx>", "1717490193"),
            ("__session", plain.as_str()),
            ("__session_<sfx>", expired.as_str()),
        ];
        assert_eq!(pick(PK_TEST, &cookies), (Some(plain.clone()), 0));
        // Production trusts its suffixed `__client_uat`.
        assert_eq!(pick(PK_LIVE, &cookies), (Some(expired), 1_717_490_193));
    }

    #[test]
    fn client_uat_is_read_like_parse_int() {
        for (raw, n) in [
            ("123", 123),
            (" 42abc", 42),
            ("-7", -7),
            ("abc", 0),
            ("", 0),
            ("0x10", 0),
        ] {
            assert_eq!(parse_int(raw), n, "{raw:?}");
        }
    }

    #[test]
    fn schemes_are_stripped_everywhere_in_any_case() {
        assert_eq!(strip_schemes("HTTPS://clerk.x.dev"), "clerk.x.dev");
        assert_eq!(strip_schemes("http://https://a"), "a");
        assert_eq!(strip_schemes("é://http:/"), "é://http:/");
    }

    #[test]
    fn suffix_is_sha1_base64url_truncated() {
        // SHA-1("abc") = a9993e36..., base64 "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=".
        assert_eq!(cookie_suffix("abc"), "qZk-NkcG");
        // @clerk/shared's getCookieSuffix tests (keys.ts).
        assert_eq!(cookie_suffix("pk_live_Y2xlcmsuY2xlcmsuZGV2JA"), "1Z8AzTQD");
        assert_eq!(cookie_suffix("pk_test_Y2xlcmsuY2xlcmsuZGV2JA"), "QvfNY2dr");
        assert_eq!(
            cookie_suffix("pk_test_ZW5vdWdoLWFscGFjYS04Mi5jbGVyay5hY2NvdW50cy5sY2xjbGVyay5jb20k"),
            "jtYvyt_H"
        );
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
