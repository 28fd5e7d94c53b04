//! Everything the flow reads from a request, read once: @clerk/backend's
//! `AuthenticateContext` (tokens/authenticateContext.ts).

use std::borrow::Cow;

use reqwest::Url;

use super::names::*;
use super::options::Site;
use super::request::PageRequest;
use crate::auth::token::{header_token, parse_int, uses_suffixed_cookies};
use crate::headers::RequestHeaders;

/// Not `Debug`: it holds the request's tokens.
pub(super) struct Context<'r> {
    pub method: &'r str,
    pub url: Url,
    pub origin: String,
    /// `isRequestEligibleForHandshake` (see [`PageRequest::is_navigation`]).
    pub navigation: bool,
    pub sec_fetch_dest: Option<&'r str>,
    pub referrer: Option<&'r str>,
    pub token_in_header: Option<&'r str>,
    pub session_in_cookie: Option<Cow<'r, str>>,
    pub refresh_in_cookie: Option<Cow<'r, str>>,
    /// `parseInt(__client_uat) || 0`.
    pub client_uat: i64,
    pub dev_browser: Option<Cow<'r, str>>,
    pub handshake_token: Option<Cow<'r, str>>,
    pub handshake_nonce: Option<Cow<'r, str>>,
    pub redirect_count: u32,
    pub suffixed: bool,
}

impl<'r> Context<'r> {
    pub fn new<H: RequestHeaders + ?Sized>(
        request: &'r PageRequest<'r, H>,
        site: &Site<'r>,
        now: i64,
    ) -> Self {
        let suffixed = uses_suffixed_cookies(request.headers(), site.key, now);
        let suffix = site.key.suffix.as_str();
        let suffixed_name = |name: &str| format!("{name}_{suffix}");
        let either = |name: &str| {
            if suffixed {
                request.cookie(&suffixed_name(name))
            } else {
                request.cookie(name)
            }
        };
        Self {
            method: request.method(),
            url: request.url().clone(),
            origin: request.url().origin().ascii_serialization(),
            navigation: request.is_navigation(),
            sec_fetch_dest: request.header("sec-fetch-dest"),
            referrer: request.header("referer"),
            token_in_header: header_token(request.headers()),
            session_in_cookie: either(SESSION),
            refresh_in_cookie: request.cookie(&suffixed_name(REFRESH)),
            client_uat: either(CLIENT_UAT).map_or(0, |v| parse_int(&v)),
            dev_browser: request.query(DEV_BROWSER).or_else(|| either(DEV_BROWSER)),
            handshake_token: request
                .query(HANDSHAKE)
                .or_else(|| request.cookie(HANDSHAKE)),
            handshake_nonce: request
                .query(HANDSHAKE_NONCE)
                .or_else(|| request.cookie(HANDSHAKE_NONCE)),
            redirect_count: request
                .cookie(REDIRECT_COUNT)
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0),
            suffixed,
        }
    }

    /// The session token: the cookie's, else the header's.
    pub fn session_token(&self) -> Option<&str> {
        self.session_in_cookie.as_deref().or(self.token_in_header)
    }

    pub fn is_get(&self) -> bool {
        self.method == "GET"
    }

    pub fn query(&self, name: &str) -> Option<String> {
        self.url
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }

    /// A referrer of another origin than the request.
    pub fn cross_origin_referrer(&self) -> bool {
        self.referrer
            .and_then(|r| Url::parse(r).ok())
            .is_some_and(|r| r.origin().ascii_serialization() != self.origin)
    }

    /// @clerk/backend's `isKnownClerkReferrer`: the Frontend API itself, the instance's
    /// Account Portal, or (development only) a development Account Portal.
    pub fn known_clerk_referrer(&self, site: &Site<'_>) -> bool {
        let Some(referrer) = self.referrer.and_then(|r| Url::parse(r).ok()) else {
            return false;
        };
        let host = referrer.host_str().unwrap_or_default();
        let fapi_host = if site.frontend_api.starts_with("http") {
            Url::parse(&site.frontend_api)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_default()
        } else {
            site.frontend_api.clone()
        };
        if host == fapi_host {
            return true;
        }
        if !site.production {
            let legacy = [".lcl.dev", ".lclstage.dev", ".lclclerk.com"]
                .iter()
                .any(|s| host.starts_with("accounts.") && host.ends_with(s));
            let current = [
                ".accounts.dev",
                ".accountsstage.dev",
                ".accounts.lclclerk.com",
            ]
            .iter()
            .any(|s| host.ends_with(s) && !host.ends_with(&format!(".clerk{s}")));
            if legacy || current {
                return true;
            }
        }
        Url::parse(&site.accounts_base_url()).is_ok_and(|a| {
            a.origin().ascii_serialization() == referrer.origin().ascii_serialization()
        })
    }
}
