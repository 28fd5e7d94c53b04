//! A browser signed in on the stand-in, without a Frontend API sign-in flow: the dev browser,
//! session, tokens and refresh token a test needs to play the browser in @clerk/backend's
//! handshake and refresh flows, and signing that browser out again.

use std::fmt;

use super::reply::ApiError;
use super::store::now_ms;
use super::StandIn;

/// How far before now [`BrowserSignIn::expired_session_token`] was issued, in seconds: its
/// 60-second lifetime is over, and it is issued at [`BrowserSignIn::client_uat`].
const EXPIRED_AGO_SECONDS: i64 = 120;

/// What [`StandIn::sign_in_browser`] set up: a browser (its dev browser token) signed in to a
/// new client with one active session, and the cookies such a browser would hold.
///
/// `Debug` shows the ids and `client_uat` and redacts every token.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BrowserSignIn {
    /// The dev browser token (`dvb_...`): the `__clerk_db_jwt` cookie and the
    /// `__clerk_db_jwt` query parameter of a handshake.
    pub dev_browser: String,
    /// The client the dev browser is bound to (`client_...`).
    pub client_id: String,
    /// The active session on that client (`sess_...`).
    pub session_id: String,
    /// A session token for the session, valid for 60 seconds from the call.
    pub session_token: String,
    /// A session token for the session with the same claims, issued 120 seconds before the
    /// call and expired 60 seconds before it: the `__session` cookie of a browser that
    /// comes back later and needs a refresh or a handshake.
    pub expired_session_token: String,
    /// The `__client_uat` cookie (unix seconds): 120 seconds before the call, the same
    /// second as the expired token's `iat`, so that token is not older than the client's
    /// last change.
    pub client_uat: i64,
    /// The refresh token (`rt_...`) of the `__refresh_<suffix>` cookie, which
    /// `POST /sessions/{session_id}/refresh` accepts for this session.
    pub refresh_token: String,
}

impl fmt::Debug for BrowserSignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const REDACTED: &str = "[redacted]";
        f.debug_struct("BrowserSignIn")
            .field("dev_browser", &REDACTED)
            .field("client_id", &self.client_id)
            .field("session_id", &self.session_id)
            .field("session_token", &REDACTED)
            .field("expired_session_token", &REDACTED)
            .field("client_uat", &self.client_uat)
            .field("refresh_token", &REDACTED)
            .finish()
    }
}

impl StandIn {
    /// Signs `user_id` in from a new browser, as if they had gone through the Frontend API's
    /// sign-in: an active session on a new client (as `POST /sessions` makes one, with its
    /// `session.created` event), a dev browser bound to that client, a refresh token for the
    /// session, and a fresh and an expired session token. A handshake with the dev browser
    /// token then answers signed-in cookies for this session.
    ///
    /// # Errors
    /// The stand-in's answer as [`crate::Error::Api`], as `POST /sessions` would give it: a
    /// 404 for an unknown user, a 400 `user_banned` or `user_locked`.
    ///
    /// ```no_run
    /// # async fn run(user_id: &str) -> Result<(), Box<dyn std::error::Error>> {
    /// let standin = clerk_backend::testing::StandIn::start().await?;
    /// let browser = standin.sign_in_browser(user_id)?;
    /// let claims = standin.verifier().verify(&browser.session_token).await?;
    /// assert_eq!(claims.session_id(), Some(browser.session_id.as_str()));
    /// # Ok(()) }
    /// ```
    pub fn sign_in_browser(&self, user_id: &str) -> Result<BrowserSignIn, crate::Error> {
        let inner = self.shared();
        let mut store = inner.store();
        let now = now_ms();
        let failed = |e: ApiError| to_error(e, "StandIn::sign_in_browser");
        let session = store.sign_in(user_id, now).map_err(failed)?;
        let (_, session_token) = store
            .session_token(inner, &session.id, now, now)
            .map_err(failed)?;
        let issued_before = now.saturating_sub(EXPIRED_AGO_SECONDS * 1000);
        let (_, expired_session_token) = store
            .session_token(inner, &session.id, now, issued_before)
            .map_err(failed)?;
        let client_uat = store.stamp_client_uat(&session.client_id, issued_before / 1000);
        Ok(BrowserSignIn {
            dev_browser: store.bind_dev_browser(&session.client_id),
            refresh_token: store.issue_refresh_token(&session.id),
            client_id: session.client_id,
            session_id: session.id,
            session_token,
            expired_session_token,
            client_uat,
        })
    }

    /// Signs out the browser whose dev browser token is `dev_browser`: every live session of
    /// its client is revoked (each announced by `session.revoked`), so the next handshake
    /// answers signed-out cookies and refreshes are refused. Nothing happens for an unknown
    /// dev browser or one bound to no client.
    pub fn sign_out_browser(&self, dev_browser: &str) {
        let mut store = self.shared().store();
        if let Some(client_id) = store.dev_browser_client(dev_browser) {
            store.revoke_client_sessions(&client_id, now_ms());
        }
    }
}

/// The stand-in's own error as the crate's error for a call to `route`, as if the API had
/// answered it.
fn to_error(e: ApiError, route: &str) -> crate::Error {
    let errors = e
        .problems
        .into_iter()
        .map(|p| crate::ErrorDetail {
            code: p.code.to_owned(),
            message: p.message,
            long_message: Some(p.long_message),
            meta: p
                .param
                .map(|name| serde_json::json!({ "param_name": name })),
        })
        .collect();
    crate::Error::Api(Box::new(crate::ApiError {
        status: e.status,
        errors,
        clerk_trace_id: None,
        retry_after: None,
        route: route.to_owned(),
        raw_body: None,
    }))
}
