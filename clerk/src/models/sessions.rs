//! Sessions, session tokens and the parameters of the session endpoints.

use clerk_macros::{Deserialize, Serialize};

use crate::Secret;

string_enum! {
    /// Lifecycle state of a [`Session`]; also usable as the `status` filter of
    /// [`SessionListParams`] (which accepts every value except `pending`).
    pub enum SessionStatus {
        /// Signed in and usable.
        Active = "active",
        /// Ended by the backend (for example through the revoke endpoint).
        Revoked = "revoked",
        /// Ended by the user signing out.
        Ended = "ended",
        /// Past its maximum lifetime.
        Expired = "expired",
        /// Removed from its client by the user.
        Removed = "removed",
        /// Left inactive for longer than the inactivity timeout.
        Abandoned = "abandoned",
        /// Superseded by a newer session on the same client.
        Replaced = "replaced",
        /// Signed in, but with session tasks still to complete.
        Pending = "pending",
    }
}

/// A session of a user on a client (browser or device).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Session {
    /// Always `session`.
    pub object: String,
    /// Unique id of the session (`sess_...`).
    pub id: String,
    /// Id of the user who owns the session.
    pub user_id: String,
    /// Id of the client the session lives on.
    pub client_id: String,
    /// Claims of the actor when the session is an impersonation, as raw JSON.
    #[serde(default)]
    pub actor: Option<serde_json::Value>,
    /// Current lifecycle state.
    pub status: SessionStatus,
    /// Id of the organization that was last active in the session, if any.
    #[serde(default)]
    pub last_active_organization_id: Option<String>,
    /// When the session was last active (unix ms).
    pub last_active_at: i64,
    /// Device and location details of the latest activity, if recorded.
    #[serde(default)]
    pub latest_activity: Option<SessionActivity>,
    /// When the session expires (unix ms).
    pub expire_at: i64,
    /// When the session is abandoned if left inactive (unix ms).
    pub abandon_at: i64,
    /// When the session was last modified (unix ms).
    pub updated_at: i64,
    /// When the session was created (unix ms).
    pub created_at: i64,
    /// Tasks the user still has to complete before the session becomes active.
    #[serde(default)]
    pub tasks: Option<Vec<SessionTask>>,
}

/// Device and location details recorded for a session's activity.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SessionActivity {
    /// Kind of record, normally `session_activity`.
    pub object: String,
    /// Unique id of the activity record.
    pub id: String,
    /// Kind of device, such as `Macintosh`.
    #[serde(default)]
    pub device_type: Option<String>,
    /// Whether the device is a mobile one.
    pub is_mobile: bool,
    /// Browser name, such as `Chrome`.
    #[serde(default)]
    pub browser_name: Option<String>,
    /// Browser version.
    #[serde(default)]
    pub browser_version: Option<String>,
    /// IP address the activity came from.
    #[serde(default)]
    pub ip_address: Option<String>,
    /// City derived from the IP address.
    #[serde(default)]
    pub city: Option<String>,
    /// Country derived from the IP address.
    #[serde(default)]
    pub country: Option<String>,
}

/// A pending task of a session, such as choosing an organization.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SessionTask {
    /// Key identifying the task, such as `choose-organization`.
    pub key: String,
}

/// A JSON Web Token minted for a session, by `POST /sessions/{session_id}/tokens` and its
/// JWT-template variant. The spec marks neither field as required.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SessionToken {
    /// Always `token` when present.
    #[serde(default)]
    pub object: Option<String>,
    /// The encoded JWT (redacted in `Debug`).
    #[serde(default)]
    pub jwt: Option<Secret>,
}

/// Result of `POST /sessions/{session_id}/refresh`: either a token (`object` is `token`,
/// `jwt` is set) or cookie directives (`object` is `cookies`, `cookies` is set), depending
/// on [`RefreshSessionParams::format`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SessionRefresh {
    /// `token` or `cookies`.
    pub object: String,
    /// The new session JWT (token format; redacted in `Debug`).
    #[serde(default)]
    pub jwt: Option<Secret>,
    /// `Set-Cookie` directives to forward (cookie format).
    #[serde(default)]
    pub cookies: Option<Vec<String>>,
}

/// Query parameters of `GET /sessions`. Clerk asks for at least one of `client_id` and
/// `user_id`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SessionListParams {
    /// Only sessions of this client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Only sessions of this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Only sessions in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SessionStatus>,
    /// Whether the response is paginated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { SessionListParams {
    opt client_id: String,
    opt user_id: String,
    opt status: SessionStatus,
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /sessions` (testing only; not available on production instances).
#[derive(Debug, Clone, Serialize)]
pub struct CreateSessionParams {
    /// Id of the user to create the session for.
    pub user_id: String,
    /// Id of the organization to make active in the new session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_organization_id: Option<String>,
}

impl CreateSessionParams {
    /// Parameters for a new session of the given user.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            active_organization_id: None,
        }
    }
}

setters! { CreateSessionParams {
    opt active_organization_id: String,
} }

string_enum! {
    /// Response format asked of `POST /sessions/{session_id}/refresh`.
    pub enum SessionRefreshFormat {
        /// Answer with a token (the default).
        Token = "token",
        /// Answer with cookie directives.
        Cookie = "cookie",
    }
}

/// JSON body of `POST /sessions/{session_id}/refresh`.
///
/// `Debug` shows the names of `request_headers` but not their values: the incoming
/// request's `Cookie` and `Authorization` headers carry its credentials.
#[derive(Clone, Serialize)]
pub struct RefreshSessionParams {
    /// The expired session JWT from the `__session` cookie; must belong to the session
    /// (redacted in `Debug`).
    pub expired_token: Secret,
    /// The refresh token from the `__refresh` cookie (redacted in `Debug`).
    pub refresh_token: Secret,
    /// Origin of the incoming request.
    pub request_origin: String,
    /// Headers of the incoming request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_headers: Option<serde_json::Map<String, serde_json::Value>>,
    /// Format of the response (default `token`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<SessionRefreshFormat>,
    /// IP address the incoming request came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_originating_ip: Option<String>,
}

impl RefreshSessionParams {
    /// Parameters with the three required values: the expired session token, the refresh
    /// token and the origin of the request.
    pub fn new(
        expired_token: impl Into<String>,
        refresh_token: impl Into<String>,
        request_origin: impl Into<String>,
    ) -> Self {
        Self {
            expired_token: Secret::new(expired_token),
            refresh_token: Secret::new(refresh_token),
            request_origin: request_origin.into(),
            request_headers: None,
            format: None,
            request_originating_ip: None,
        }
    }
}

impl std::fmt::Debug for RefreshSessionParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let header_names = self
            .request_headers
            .as_ref()
            .map(|headers| headers.keys().collect::<Vec<_>>());
        f.debug_struct("RefreshSessionParams")
            .field("expired_token", &self.expired_token)
            .field("refresh_token", &self.refresh_token)
            .field("request_origin", &self.request_origin)
            .field("request_headers", &header_names)
            .field("format", &self.format)
            .field("request_originating_ip", &self.request_originating_ip)
            .finish()
    }
}

setters! { RefreshSessionParams {
    opt request_headers: serde_json::Map<String, serde_json::Value>,
    opt format: SessionRefreshFormat,
    opt request_originating_ip: String,
} }

/// JSON body of `POST /sessions/{session_id}/tokens` and of
/// `POST /sessions/{session_id}/tokens/{template_name}`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CreateSessionTokenParams {
    /// Lifetime of the token in seconds (30 to 315360000), overriding the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<i64>,
}

setters! { CreateSessionTokenParams {
    opt expires_in_seconds: i64,
} }

/// JSON body of the legacy `POST /sessions/{session_id}/verify`, which Clerk removed in
/// Backend API version 2025-04-10; verify session tokens locally instead.
#[derive(Debug, Clone, Serialize)]
pub struct VerifySessionParams {
    /// The session JWT to check (redacted in `Debug`).
    pub token: Secret,
}

impl VerifySessionParams {
    /// Parameters to verify the given session token.
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: Secret::new(token),
        }
    }
}
