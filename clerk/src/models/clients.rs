//! Clients: the browsers and devices that hold a user's sessions.

use clerk_macros::{Deserialize, Serialize};

use super::Session;
use crate::Secret;

/// A client, i.e. one browser or device, with the sessions it holds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Client {
    /// Always `client`.
    pub object: String,
    /// Unique id of the client (`client_...`).
    pub id: String,
    /// Ids of the sessions on this client.
    pub session_ids: Vec<String>,
    /// The sessions on this client.
    pub sessions: Vec<Session>,
    /// Id of the sign-in in progress on this client, if any.
    #[serde(default)]
    pub sign_in_id: Option<String>,
    /// Id of the sign-up in progress on this client, if any.
    #[serde(default)]
    pub sign_up_id: Option<String>,
    /// Id of the session that was active last, if any.
    #[serde(default)]
    pub last_active_session_id: Option<String>,
    /// Strategy last used to authenticate on this client, if any.
    #[serde(default)]
    pub last_authentication_strategy: Option<String>,
    /// When the client was last modified (unix ms).
    pub updated_at: i64,
    /// When the client was created (unix ms).
    pub created_at: i64,
}

/// Query parameters of `GET /clients` (an endpoint Clerk has deprecated).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClientListParams {
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

setters! { ClientListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /clients/verify`.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyClientParams {
    /// JWT that represents the active client (redacted in `Debug`).
    pub token: Secret,
}

impl VerifyClientParams {
    /// Parameters to verify the client behind the given token.
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: Secret::new(token),
        }
    }
}
