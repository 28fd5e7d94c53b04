//! Refreshing an expired session token through the Backend API with the `__refresh`
//! cookie, as @clerk/backend's `refreshToken`/`attemptRefresh` do (tokens/request.ts).

use http::{HeaderMap, HeaderValue};

use super::flow::Flow;
use super::handshake::cookie_pair;
use super::names::SESSION;
use super::outcome::{PageAuth, PageState};
use crate::auth::AuthState;
use crate::headers::RequestHeaders;
use crate::jwt::decode;
use crate::models::{RefreshSessionParams, SessionRefresh, SessionRefreshFormat};

/// The request headers passed on to the refresh (Clerk checks the browser's origin and
/// agent against the session's); the SDK's own `Authorization` is never among them.
const FORWARDED_HEADERS: [&str; 12] = [
    "accept",
    "accept-language",
    "cookie",
    "host",
    "origin",
    "referer",
    "sec-fetch-dest",
    "sec-fetch-mode",
    "sec-fetch-site",
    "user-agent",
    "x-forwarded-for",
    "x-forwarded-host",
];

impl<H: RequestHeaders + ?Sized> Flow<'_, '_, H> {
    /// A signed-in page with the fresh cookies, or @clerk/backend's refresh error reason
    /// (which the handshake reason then carries).
    pub(super) async fn refresh(&self) -> Result<PageAuth, String> {
        let ctx = self.ctx;
        let Some(clerk) = &self.auth.clerk else {
            return Err("missing-api-client".to_owned());
        };
        let Some(expired) = ctx.session_token() else {
            return Err("missing-session-token".to_owned());
        };
        let Some(refresh_token) = ctx.refresh_in_cookie.as_deref() else {
            return Err("missing-refresh-token".to_owned());
        };
        let Ok(decoded) = decode(expired) else {
            return Err("expired-session-token-decode-failed".to_owned());
        };
        let Some(sid) = decoded.claims.get("sid").and_then(|v| v.as_str()) else {
            return Err("expired-session-token-missing-sid-claim".to_owned());
        };
        // The id goes into the path: only Clerk's id alphabet.
        if sid.is_empty() || !sid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err("expired-session-token-missing-sid-claim".to_owned());
        }
        let mut forwarded = serde_json::Map::new();
        for name in FORWARDED_HEADERS {
            let values = self.request.headers().header_values(name);
            if !values.is_empty() {
                forwarded.insert(name.to_owned(), values.into());
            }
        }
        let mut params = RefreshSessionParams::new(expired, refresh_token, ctx.origin.clone());
        params.format = Some(SessionRefreshFormat::Cookie);
        params.request_headers = Some(forwarded);
        let answer = clerk
            .raw::<SessionRefresh>(crate::Method::POST, &format!("/sessions/{sid}/refresh"))
            .query(&[("suffixed_cookies", ctx.suffixed)])
            .json(&params)
            .await;
        let cookies = match answer {
            Ok(refreshed) => refreshed.cookies.unwrap_or_default(),
            Err(crate::Error::Api(api)) => {
                return Err(match api.errors.first().map(|e| e.code.as_str()) {
                    Some("unexpected_error") => "fetch-error".to_owned(),
                    Some(code) => code.to_owned(),
                    None => "unexpected-bapi-error".to_owned(),
                })
            }
            Err(_) => return Err("unexpected-bapi-error".to_owned()),
        };
        if cookies.is_empty() {
            return Err("unexpected-sdk-error".to_owned());
        }
        let mut headers = HeaderMap::new();
        let mut session = "";
        for directive in &cookies {
            if let Ok(value) = HeaderValue::from_str(directive) {
                headers.append(http::header::SET_COOKIE, value);
            }
            let (name, value) = cookie_pair(directive);
            if name.starts_with(SESSION) {
                session = value;
            }
        }
        match self.verify(session).await {
            Ok(AuthState::SignedIn(who)) => {
                Ok(PageAuth::new(PageState::SignedIn(who), None, headers))
            }
            Ok(state) => Ok(self.settled(state, headers)),
            Err(_) => Err("invalid-session-token".to_owned()),
        }
    }
}
