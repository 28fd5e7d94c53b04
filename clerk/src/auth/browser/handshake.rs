//! The handshake: where to send the browser (@clerk/backend's `buildRedirectToHandshake`),
//! and what to do when it comes back with a nonce or a signed payload (`resolveHandshake`).

use http::{HeaderMap, HeaderValue};
use reqwest::Url;

use super::flow::{remove_query, Flow};
use super::names::*;
use super::outcome::{PageAuth, PageState};
use crate::auth::{AuthState, SignedOutReason};
use crate::headers::RequestHeaders;
use crate::jwt::{decode, TokenError};

/// The Backend API's answer for a handshake nonce.
#[derive(serde::Deserialize)]
struct HandshakePayload {
    #[serde(default)]
    directives: Vec<String>,
}

impl<H: RequestHeaders + ?Sized> Flow<'_, '_, H> {
    /// `<frontend api>/v1/client/handshake` with the parameters @clerk/backend sends.
    pub(super) fn handshake_url(&self, reason: &str) -> Url {
        let ctx = self.ctx;
        let mut back = ctx.url.clone();
        remove_query(&mut back, &[DEV_BROWSER, LEGACY_DEV_BROWSER]);
        let base = self.site.frontend_api_base();
        let mut url = Url::parse(&base)
            .and_then(|b| b.join("v1/client/handshake"))
            .unwrap_or_else(|_| back.clone());
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("redirect_url", back.as_str());
            query.append_pair("__clerk_api_version", API_VERSION);
            query.append_pair(
                SUFFIXED_COOKIES,
                if ctx.suffixed { "true" } else { "false" },
            );
            query.append_pair(HANDSHAKE_REASON, reason);
            query.append_pair("format", "nonce");
            if let Some(token) = ctx.session_token() {
                query.append_pair(SESSION, token);
            }
            if !self.site.production {
                if let Some(db) = &ctx.dev_browser {
                    query.append_pair(DEV_BROWSER, db);
                }
            }
        }
        url
    }

    /// The cookie directives the handshake brought back: fetched for a nonce through the
    /// Backend API (a failed fetch counts as none, as in @clerk/backend), or read from the
    /// signed `__clerk_handshake` payload after checking it.
    async fn handshake_directives(&self) -> Result<Vec<String>, TokenError> {
        if let Some(nonce) = &self.ctx.handshake_nonce {
            let Some(clerk) = &self.auth.clerk else {
                tracing::error!("clerk: a handshake nonce needs the Backend API client (Authenticator::machine_client)");
                return Ok(Vec::new());
            };
            let fetched = clerk
                .raw::<HandshakePayload>(crate::Method::GET, "/clients/handshake_payload")
                .query(&[("nonce", nonce.as_ref())])
                .await;
            return Ok(match fetched {
                Ok(payload) => payload.directives,
                Err(e) => {
                    tracing::error!(error = %e, "clerk: could not fetch the handshake payload");
                    Vec::new()
                }
            });
        }
        let Some(token) = &self.ctx.handshake_token else {
            return Ok(Vec::new());
        };
        let payload = self.auth.verifier.handshake_payload(decode(token)?).await?;
        Ok(payload
            .get("handshake")
            .and_then(|v| v.as_array())
            .map(|list| {
                list.iter()
                    .filter_map(|d| d.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// `resolveHandshake`: the directives become `Set-Cookie` headers, the session token
    /// among them is verified, and a development instance is sent on to the URL without the
    /// handshake parameters.
    pub(super) async fn resolve_handshake(&self) -> Result<PageAuth, TokenError> {
        let directives = self.handshake_directives().await?;
        let mut headers = HeaderMap::new();
        headers.insert(
            "access-control-allow-origin",
            HeaderValue::from_static("null"),
        );
        headers.insert(
            "access-control-allow-credentials",
            HeaderValue::from_static("true"),
        );
        let mut session = String::new();
        for directive in &directives {
            let Ok(value) = HeaderValue::from_str(directive) else {
                tracing::warn!("clerk: a handshake cookie directive is not a valid header value");
                continue;
            };
            headers.append(http::header::SET_COOKIE, value);
            let (name, value) = cookie_pair(directive);
            if name.starts_with(SESSION) {
                session = value.to_owned();
            }
        }
        if !self.site.production {
            let mut clean = self.ctx.url.clone();
            remove_query(
                &mut clean,
                &[HANDSHAKE, HANDSHAKE_HELP, DEV_BROWSER, HANDSHAKE_NONCE],
            );
            if let Ok(location) = HeaderValue::from_str(clean.as_str()) {
                headers.insert(http::header::LOCATION, location);
            }
            headers.insert(
                http::header::CACHE_CONTROL,
                HeaderValue::from_static("no-store"),
            );
        }
        if session.is_empty() {
            return Ok(self.signed_out(
                SignedOutReason::NoToken,
                reason::SESSION_TOKEN_MISSING,
                headers,
            ));
        }
        match self.verify(&session).await? {
            AuthState::SignedIn(who) => Ok(PageAuth::new(PageState::SignedIn(who), None, headers)),
            state => Ok(self.settled(state, headers)),
        }
    }
}

/// A `Set-Cookie` directive's name and value (`getCookieName`, `getCookieValue`).
pub(super) fn cookie_pair(directive: &str) -> (&str, &str) {
    let pair = directive.split(';').next().unwrap_or_default();
    let mut parts = pair.split('=');
    (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    )
}
