//! Sessions: signed-in states of users on clients, and the tokens minted from them.

use crate::models::{
    CreateSessionParams, CreateSessionTokenParams, RefreshSessionParams, Session,
    SessionListParams, SessionRefresh, SessionToken, VerifySessionParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Sessions of the instance.
    Sessions {
        /// List sessions of a client or user, newest first.
        list = GET "/sessions" query(SessionListParams) -> Page<Session>;
        /// Fetch one session by id.
        get = GET "/sessions/{session_id}" -> Session;
        /// Create an active session for a user (testing instances only).
        create = POST "/sessions" json(CreateSessionParams) -> Session;
        /// Mint a fresh session token from an expired one and a refresh token.
        #[secret]
        refresh = POST "/sessions/{session_id}/refresh" json(RefreshSessionParams) -> SessionRefresh;
        /// Revoke a session, signing its user out of it.
        revoke = POST "/sessions/{session_id}/revoke" -> Session;
        /// Mint a session token (JWT) for a session.
        #[secret]
        create_token = POST "/sessions/{session_id}/tokens" json(CreateSessionTokenParams) -> SessionToken;
        /// Mint a JWT for a session from a named JWT template.
        #[secret]
        create_token_from_template = POST "/sessions/{session_id}/tokens/{template_name}" json(CreateSessionTokenParams) -> SessionToken;
        /// Check a session token against a session (legacy endpoint).
        #[deprecated(note = "removed from the Backend API in version 2025-04-10; verify session tokens locally instead")]
        verify = POST "/sessions/{session_id}/verify" json(VerifySessionParams) -> Session;
    }
}
