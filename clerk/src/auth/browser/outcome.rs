//! What the browser flow decides for a request, and the headers the response must carry.

use http::{HeaderMap, HeaderValue};

use crate::auth::{AuthState, SignedIn, SignedOut, SignedOutReason};

/// The outcome of [`Authenticator::authenticate_page`](crate::auth::Authenticator::authenticate_page).
#[derive(Debug, Clone)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)]
pub enum PageState {
    /// Signed in: run the page.
    SignedIn(SignedIn),
    /// Signed out: run the page as a visitor, or send the browser to sign in.
    SignedOut(SignedOut),
    /// The browser must first go through Clerk's handshake (or a satellite sync): answer
    /// with [`PageAuth::headers`] (a `Location`) instead of running the page.
    Handshake,
}

/// The decision for one page request: the state, Clerk's reason code, and the headers the
/// response must carry (`Set-Cookie` for fresh cookies and the redirect counter,
/// `Location` and `Cache-Control: no-store` when the browser must go elsewhere first).
#[derive(Clone)]
#[non_exhaustive]
pub struct PageAuth {
    /// Signed in, signed out, or a handshake under way.
    pub state: PageState,
    /// @clerk/backend's `reason` for this outcome (`session-token-expired-refresh-non-eligible-no-refresh-cookie`,
    /// `dev-browser-missing`, `session-token-and-uat-missing`...); `None` when signed in.
    pub reason: Option<String>,
    /// Headers to add to the response (`Set-Cookie` may repeat).
    pub headers: HeaderMap,
}

impl PageAuth {
    /// Where the browser must go now instead of seeing the page: the handshake, the clean URL
    /// after a handshake, or a satellite sync. When set, answer `307` with [`headers`](Self::headers).
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(http::header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    /// The state as [`AuthState`], what a page handler reads: a handshake under way is signed
    /// out ([`SignedOutReason::HandshakeRequired`]).
    pub fn auth_state(&self) -> AuthState {
        match &self.state {
            PageState::SignedIn(who) => AuthState::SignedIn(who.clone()),
            PageState::SignedOut(out) => AuthState::SignedOut(out.clone()),
            PageState::Handshake => AuthState::SignedOut(SignedOut {
                reason: SignedOutReason::HandshakeRequired,
                message: self.reason.clone().unwrap_or_default(),
            }),
        }
    }

    pub(super) fn new(state: PageState, reason: Option<&str>, headers: HeaderMap) -> Self {
        let mut page = Self {
            state,
            reason: reason.map(str::to_owned),
            headers,
        };
        // @clerk/backend's debug headers (tokens/authStatus.ts, withDebugHeaders).
        let status = match page.state {
            PageState::SignedIn(_) => "signed-in",
            PageState::SignedOut(_) => "signed-out",
            PageState::Handshake => "handshake",
        };
        page.headers
            .insert("x-clerk-auth-status", HeaderValue::from_static(status));
        if let Some(reason) = page
            .reason
            .as_deref()
            .and_then(|r| HeaderValue::from_str(r).ok())
        {
            page.headers.insert("x-clerk-auth-reason", reason);
        }
        page
    }
}

impl std::fmt::Debug for PageAuth {
    // The headers carry fresh session tokens (`Set-Cookie`) and the handshake URL carries
    // the session token: names only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageAuth")
            .field("state", &self.state)
            .field("reason", &self.reason)
            .field("headers", &HeaderNames(&self.headers))
            .finish()
    }
}

/// A header map shown by its header names only, for `Debug` of values that hold tokens.
pub(crate) struct HeaderNames<'a>(pub &'a HeaderMap);

impl std::fmt::Debug for HeaderNames<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(name, _)| name.as_str()))
            .finish()
    }
}
