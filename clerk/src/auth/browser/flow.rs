//! The decision table of @clerk/backend's `authenticateRequest` for browsers
//! (tokens/request.ts): signed in, signed out, or a handshake, for a page request.

use http::{HeaderMap, HeaderValue};
use reqwest::Url;

use super::context::Context;
use super::names::{
    reason, CLERK_REDIRECT_URL, DEV_BROWSER, MAX_REDIRECTS, REDIRECT_COUNT, SYNCED,
};
use super::options::{PageOptions, Site};
use super::outcome::{PageAuth, PageState};
use super::request::PageRequest;
use crate::auth::{AuthState, Authenticator, SignedIn, SignedOut, SignedOutReason};
use crate::headers::RequestHeaders;
use crate::jwt::{decode, seconds, unix_millis, TokenError};

impl Authenticator {
    /// Turns on the browser flow for [`authenticate_page`](Self::authenticate_page), with
    /// these settings (a primary domain needs none: `PageOptions::default()`). It also needs
    /// the [`publishable_key`](Self::publishable_key), and the Backend API client
    /// ([`machine_client`](Self::machine_client)) to resolve handshakes and refresh sessions.
    #[must_use]
    pub fn pages(mut self, options: PageOptions) -> Self {
        self.pages = Some(std::sync::Arc::new(options));
        self
    }

    /// The browser-flow settings, when [`pages`](Self::pages) turned it on.
    pub fn page_options(&self) -> Option<&PageOptions> {
        self.pages.as_deref()
    }

    /// The auth state of a browser's page request, with @clerk/backend's handshake: when the
    /// `__session` cookie is missing, expired or older than `__client_uat` while the client
    /// says it is signed in, a document request is sent through the Frontend API's handshake
    /// (the answer carries a `Location`) and comes back with fresh cookies; an expired token
    /// is first refreshed through the Backend API when a `__refresh` cookie allows it.
    /// Requests that cannot be redirected (API calls, form posts) are signed out with the
    /// reason. See the [`browser`](crate::auth::browser) module.
    pub async fn authenticate_page<H: RequestHeaders + ?Sized>(
        &self,
        request: &PageRequest<'_, H>,
    ) -> PageAuth {
        let default = PageOptions::default();
        let options = self.pages.as_deref().unwrap_or(&default);
        let origin = request.url().origin().ascii_serialization();
        let site = match Site::new(options, self.publishable_key.as_ref(), &origin) {
            Ok(site) => site,
            Err(e) => {
                let out = SignedOut::state(
                    SignedOutReason::VerificationUnavailable("publishable-key-invalid"),
                    e.to_string(),
                );
                return PageAuth::new(
                    signed_out_state(out),
                    Some(reason::UNEXPECTED_ERROR),
                    HeaderMap::new(),
                );
            }
        };
        let now = self.verifier.now();
        let now_secs = unix_millis(now).div_euclid(1000);
        let ctx = Context::new(request, &site, now_secs);
        let flow = Flow {
            auth: self,
            site: &site,
            ctx: &ctx,
            request,
        };
        flow.run().await
    }
}

fn signed_out_state(state: AuthState) -> PageState {
    match state {
        AuthState::SignedIn(who) => PageState::SignedIn(who),
        AuthState::SignedOut(out) => PageState::SignedOut(out),
    }
}

pub(super) struct Flow<'f, 'r, H: RequestHeaders + ?Sized> {
    pub auth: &'f Authenticator,
    pub site: &'f Site<'f>,
    pub ctx: &'f Context<'r>,
    pub request: &'f PageRequest<'r, H>,
}

impl<H: RequestHeaders + ?Sized> Flow<'_, '_, H> {
    async fn run(&self) -> PageAuth {
        if self.ctx.token_in_header.is_some() {
            return self.header_token().await;
        }
        self.cookie_token().await
    }

    /// `authenticateRequestWithTokenInHeader`: verified like any header token; an expired one
    /// on a document request still goes through the refresh and the handshake.
    async fn header_token(&self) -> PageAuth {
        let state = self.auth.authenticate(self.request.headers()).await;
        if let AuthState::SignedOut(out) = &state {
            if let SignedOutReason::InvalidSessionToken(code) = out.reason {
                if matches!(
                    code,
                    "token-expired" | "token-not-active-yet" | "token-iat-in-the-future"
                ) {
                    return self.token_error(code).await;
                }
            }
        }
        self.settled(state, HeaderMap::new())
    }

    /// `authenticateRequestWithTokenInCookie`, rule by rule.
    async fn cookie_token(&self) -> PageAuth {
        let ctx = self.ctx;
        let development = !self.site.production;
        if ctx.handshake_nonce.is_some() || ctx.handshake_token.is_some() {
            match self.resolve_handshake().await {
                Ok(page) => return page,
                // Development: the payload travelled in this URL, so it is this app's and a
                // bad one means switched keys; @clerk/backend throws, this stops signed out
                // (no second handshake).
                Err(e) if development => {
                    tracing::error!(error = %e, "clerk: the handshake payload does not verify; if you switched Clerk keys, clear the cookies");
                    let reason = e.reason();
                    return self.signed_out(
                        SignedOutReason::InvalidSessionToken(reason),
                        reason,
                        HeaderMap::new(),
                    );
                }
                // Production: the cookie may be another app's on the same site; carry on.
                Err(e) => tracing::error!(error = %e, "clerk: unable to resolve the handshake"),
            }
        }
        let has_session = ctx.session_in_cookie.is_some();
        let has_client = ctx.client_uat != 0;
        let options = self.site.options;

        // Satellite domains (multi-domain sync).
        let md_eligible =
            options.is_satellite && ctx.sec_fetch_dest == Some("document") && ctx.is_get();
        let synced = ctx.query(SYNCED);
        let needs_sync = synced.as_deref() == Some("false");
        let sync_done = synced.as_deref() == Some("true");
        let has_cookies = has_session || has_client;
        let skip_sync = !options.satellite_auto_sync && !has_cookies && !needs_sync;
        if md_eligible && !sync_done {
            if skip_sync {
                return self.signed_out(
                    SignedOutReason::NoToken,
                    reason::SESSION_TOKEN_AND_UAT_MISSING,
                    HeaderMap::new(),
                );
            }
            if !has_cookies || needs_sync {
                let location = if development {
                    // Development satellites sync through the primary's sign-in page.
                    let Some(mut to) = options
                        .sign_in_url
                        .as_deref()
                        .and_then(|u| Url::parse(u).ok())
                    else {
                        return self
                            .misconfigured("the satellite's sign_in_url is not an absolute URL");
                    };
                    to.query_pairs_mut()
                        .append_pair(CLERK_REDIRECT_URL, ctx.url.as_str());
                    Some(to)
                } else {
                    None
                };
                return self.maybe_handshake(
                    reason::SATELLITE_NEEDS_SYNCING,
                    SignedOutReason::HandshakeRequired,
                    location,
                );
            }
        }

        // The primary of a development instance answers a satellite's sync.
        if development && !options.is_satellite {
            // An empty value is no request (JavaScript's `''` is falsy).
            if let Some(back) = ctx.query(CLERK_REDIRECT_URL).filter(|b| !b.is_empty()) {
                let Ok(mut back) = Url::parse(&back) else {
                    return self.signed_out(
                        SignedOutReason::HandshakeRequired,
                        reason::PRIMARY_RESPONDS_TO_SYNCING,
                        HeaderMap::new(),
                    );
                };
                if let Some(db) = &ctx.dev_browser {
                    back.query_pairs_mut().append_pair(DEV_BROWSER, db);
                }
                set_query(&mut back, SYNCED, "true");
                return self.maybe_handshake(
                    reason::PRIMARY_RESPONDS_TO_SYNCING,
                    SignedOutReason::HandshakeRequired,
                    Some(back),
                );
            }
        }

        if development && ctx.url.query_pairs().any(|(k, _)| k == DEV_BROWSER) {
            return self.maybe_handshake(
                reason::DEV_BROWSER_SYNC,
                SignedOutReason::HandshakeRequired,
                None,
            );
        }
        if development && ctx.dev_browser.is_none() {
            return self.maybe_handshake(
                reason::DEV_BROWSER_MISSING,
                SignedOutReason::HandshakeRequired,
                None,
            );
        }
        if !has_client && !has_session {
            return self.signed_out(
                SignedOutReason::NoToken,
                reason::SESSION_TOKEN_AND_UAT_MISSING,
                HeaderMap::new(),
            );
        }
        // `__client_uat` is SameSite=Strict in development, so this may run eagerly.
        if !has_client && has_session {
            return self.maybe_handshake(
                reason::SESSION_TOKEN_WITHOUT_CLIENT_UAT,
                SignedOutReason::SessionSignedOut,
                None,
            );
        }
        let Some(token) = ctx.session_in_cookie.as_deref() else {
            return self.maybe_handshake(
                reason::CLIENT_UAT_WITHOUT_SESSION_TOKEN,
                SignedOutReason::HandshakeRequired,
                None,
            );
        };
        let decoded = match decode(token) {
            Ok(decoded) => decoded,
            Err(e) => return self.token_error(e.reason()).await,
        };
        if crate::jwt::machine_kind(&decoded).is_some()
            || non_session_category(decoded.header.cat.as_deref())
        {
            return self.signed_out(
                SignedOutReason::TokenTypeNotAccepted(crate::auth::TokenKind::SessionToken),
                reason::TOKEN_TYPE_MISMATCH,
                HeaderMap::new(),
            );
        }
        if decoded
            .claims
            .get("iat")
            .and_then(seconds)
            .is_some_and(|iat| iat < ctx.client_uat)
        {
            return self.maybe_handshake(
                reason::SESSION_TOKEN_IAT_BEFORE_CLIENT_UAT,
                SignedOutReason::SessionTokenOutdated,
                None,
            );
        }
        match self.verify(token).await {
            Ok(AuthState::SignedIn(who)) => {
                // A navigation that came from a satellite: the primary syncs once.
                let cross_origin_sync = !options.is_satellite
                    && ctx.is_get()
                    && ctx.sec_fetch_dest == Some("document")
                    && ctx.cross_origin_referrer()
                    && !ctx.known_clerk_referrer(self.site)
                    && ctx.redirect_count == 0;
                if cross_origin_sync {
                    return self.maybe_handshake(
                        reason::PRIMARY_DOMAIN_CROSS_ORIGIN_SYNC,
                        SignedOutReason::HandshakeRequired,
                        None,
                    );
                }
                PageAuth::new(PageState::SignedIn(who), None, HeaderMap::new())
            }
            Ok(state) => self.settled(state, HeaderMap::new()),
            Err(e) => self.token_error(e.reason()).await,
        }
    }

    /// Verifies a session token as the page flow takes it: signature and claims, the issuer
    /// (this instance's Frontend API, a proxy or a satellite domain), pending sessions.
    pub(super) async fn verify(&self, token: &str) -> Result<AuthState, TokenError> {
        let decoded = decode(token)?;
        let claims = self
            .auth
            .verifier
            .session_at(decoded, self.auth.verifier.now())
            .await?;
        let iss = claims
            .get("iss")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        if !self.site.issued_here(iss) {
            return Ok(SignedOut::state(
                SignedOutReason::InvalidSessionToken(reason::TOKEN_INVALID_ISSUER),
                "the session token was issued by another instance",
            ));
        }
        if claims.is_pending() && self.auth.pending_signed_out {
            return Ok(SignedOut::state(
                SignedOutReason::SessionPending,
                "the session is pending; this authenticator treats it as signed out",
            ));
        }
        Ok(AuthState::SignedIn(SignedIn::Session(claims)))
    }

    /// `handleSessionTokenError`, by the error's reason code: an expired token is refreshed
    /// when a `__refresh` cookie and a GET allow it; time errors go to the handshake;
    /// anything else is signed out.
    async fn token_error(&self, code: &'static str) -> PageAuth {
        let ctx = self.ctx;
        if matches!(code, "jwk-remote-failed-to-load" | "secret-key-invalid") {
            let out = SignedOut::state(
                SignedOutReason::VerificationUnavailable(code),
                "the instance's keys could not be loaded",
            );
            return PageAuth::new(signed_out_state(out), Some(code), HeaderMap::new());
        }
        let expired = code == "token-expired";
        let refresh_error = if expired && ctx.refresh_in_cookie.is_some() && ctx.is_get() {
            match self.refresh().await {
                Ok(page) => return page,
                Err(why) => Some(why),
            }
        } else if !ctx.is_get() {
            Some("non-eligible-non-get".to_owned())
        } else if ctx.refresh_in_cookie.is_none() {
            Some("non-eligible-no-refresh-cookie".to_owned())
        } else {
            None
        };
        let why = SignedOutReason::InvalidSessionToken(code);
        match code {
            "token-expired" => {
                // JavaScript's template literal prints a missing reason as `null`.
                let refresh = refresh_error.as_deref().unwrap_or("null");
                let reason = format!("{}-refresh-{refresh}", reason::SESSION_TOKEN_EXPIRED);
                self.maybe_handshake(&reason, why, None)
            }
            "token-not-active-yet" => self.maybe_handshake(reason::SESSION_TOKEN_NBF, why, None),
            "token-iat-in-the-future" => {
                self.maybe_handshake(reason::SESSION_TOKEN_IAT_IN_THE_FUTURE, why, None)
            }
            _ => self.signed_out(why, code, HeaderMap::new()),
        }
    }

    /// `handleMaybeHandshakeStatus`: a handshake (or the given redirect) for requests that
    /// may be redirected, unless the loop guard has seen three in a row; signed out otherwise.
    fn maybe_handshake(
        &self,
        reason: &str,
        signed_out: SignedOutReason,
        location: Option<Url>,
    ) -> PageAuth {
        if !self.ctx.navigation {
            return self.signed_out(signed_out, reason, HeaderMap::new());
        }
        let location = location.unwrap_or_else(|| self.handshake_url(reason));
        if self.ctx.redirect_count >= MAX_REDIRECTS {
            tracing::warn!(reason, "clerk: the handshake is looping; answering signed out. Check that the publishable and secret keys are of the same instance (and, for satellites, that this domain is configured)");
            return self.signed_out(signed_out, reason, HeaderMap::new());
        }
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(location.as_str()) {
            headers.insert(http::header::LOCATION, value);
        }
        // Browsers cache redirects of inactive tabs; a cached one would loop.
        headers.insert(
            http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        );
        let counter = format!(
            "{REDIRECT_COUNT}={}; SameSite=Lax; HttpOnly; Max-Age=2",
            self.ctx.redirect_count + 1
        );
        if let Ok(value) = HeaderValue::from_str(&counter) {
            headers.append(http::header::SET_COOKIE, value);
        }
        PageAuth::new(PageState::Handshake, Some(reason), headers)
    }

    pub(super) fn signed_out(
        &self,
        why: SignedOutReason,
        reason: &str,
        headers: HeaderMap,
    ) -> PageAuth {
        let out = SignedOut::state(why, reason.to_owned());
        PageAuth::new(signed_out_state(out), Some(reason), headers)
    }

    fn misconfigured(&self, why: &str) -> PageAuth {
        let out = SignedOut::state(
            SignedOutReason::VerificationUnavailable("config-invalid"),
            why.to_owned(),
        );
        PageAuth::new(
            signed_out_state(out),
            Some(reason::UNEXPECTED_ERROR),
            HeaderMap::new(),
        )
    }

    /// A settled state (no redirect), with Clerk's reason code for signed-out ones.
    pub(super) fn settled(&self, state: AuthState, headers: HeaderMap) -> PageAuth {
        match state {
            AuthState::SignedIn(who) => PageAuth::new(PageState::SignedIn(who), None, headers),
            AuthState::SignedOut(out) => {
                let reason = clerk_reason(&out.reason);
                PageAuth::new(PageState::SignedOut(out), Some(reason), headers)
            }
        }
    }
}

/// @clerk/backend's reason for a signed-out state decided without a handshake.
fn clerk_reason(reason: &SignedOutReason) -> &'static str {
    match reason {
        SignedOutReason::NoToken => reason::SESSION_TOKEN_AND_UAT_MISSING,
        SignedOutReason::TokenTypeNotAccepted(_) => reason::TOKEN_TYPE_MISMATCH,
        SignedOutReason::InvalidSessionToken(code)
        | SignedOutReason::VerificationUnavailable(code) => code,
        SignedOutReason::SessionSignedOut => reason::SESSION_TOKEN_WITHOUT_CLIENT_UAT,
        SignedOutReason::SessionTokenOutdated => reason::SESSION_TOKEN_IAT_BEFORE_CLIENT_UAT,
        _ => reason.code(),
    }
}

/// `isNonSessionJwtCategory`: a `cat` other than the session one (or the "ignore" one).
pub(super) fn non_session_category(cat: Option<&str>) -> bool {
    cat.is_some_and(|c| c != "cl_B7d4PD111AAA" && c != "cl_I7d4PD111III")
}

/// Sets `name` to `value` in the query as `URLSearchParams.set` does: the first pair of
/// that name takes the value in place and later ones go; appended when there is none.
pub(super) fn set_query(url: &mut Url, name: &str, value: &str) {
    let mut found = false;
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter_map(|(k, v)| {
            if k != name {
                return Some((k.into_owned(), v.into_owned()));
            }
            if found {
                return None;
            }
            found = true;
            Some((k.into_owned(), value.to_owned()))
        })
        .collect();
    let mut query = url.query_pairs_mut();
    query.clear();
    for (k, v) in &pairs {
        query.append_pair(k, v);
    }
    if !found {
        query.append_pair(name, value);
    }
}

/// Removes every `name` from the query (`searchParams.delete`), dropping an empty `?`.
pub(super) fn remove_query(url: &mut Url, names: &[&str]) {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !names.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
        return;
    }
    let mut pairs = url.query_pairs_mut();
    pairs.clear();
    for (k, v) in &kept {
        pairs.append_pair(k, v);
    }
}
