//! Short-lived tokens that grant access: actor (impersonation) tokens, sign-in tokens,
//! testing tokens, agent tasks and admin portal link tokens.
//!
//! Every token or URL that lets its holder in is a [`Secret`]: `Debug` never prints it, and
//! [`Secret::expose`] reads it.

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;
use crate::Secret;

string_enum! {
    /// Lifecycle state of an [`ActorToken`].
    pub enum ActorTokenStatus {
        /// Created and not used yet.
        Pending = "pending",
        /// Used to start an impersonation session.
        Accepted = "accepted",
        /// Revoked before it was used.
        Revoked = "revoked",
    }
}

/// JSON body of `POST /actor_tokens`: lets the actor sign in as the user.
#[derive(Debug, Clone, Serialize)]
pub struct CreateActorTokenParams {
    /// Id of the user to impersonate.
    pub user_id: String,
    /// Claims describing the actor; `sub` (the actor's id) is required, and the whole
    /// object ends up in the `act` claim of the session token.
    pub actor: Metadata,
    /// How long the token stays usable, in seconds (the API default is one hour).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<i64>,
    /// Maximum length of the impersonation session, in seconds (the API default is 30
    /// minutes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_max_duration_in_seconds: Option<i64>,
}

impl CreateActorTokenParams {
    /// Lets the user `actor_id` sign in as `user_id`; the actor claims start as
    /// `{"sub": actor_id}`.
    pub fn new(user_id: impl Into<String>, actor_id: impl Into<String>) -> Self {
        let mut actor = Metadata::new();
        actor.insert("sub".to_owned(), serde_json::Value::String(actor_id.into()));
        Self {
            user_id: user_id.into(),
            actor,
            expires_in_seconds: None,
            session_max_duration_in_seconds: None,
        }
    }

    /// Adds one more claim to the actor object (next to `sub`).
    #[must_use]
    pub fn actor_claim(
        mut self,
        key: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.actor.insert(key.into(), value.into());
        self
    }
}

setters! { CreateActorTokenParams {
    opt expires_in_seconds: i64,
    opt session_max_duration_in_seconds: i64,
} }

/// A token that starts a session as another user (impersonation).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ActorToken {
    /// Always `actor_token`.
    pub object: String,
    /// Unique id of the token (`act_...`).
    pub id: String,
    /// Whether the token is still usable.
    pub status: ActorTokenStatus,
    /// Id of the impersonated user.
    pub user_id: String,
    /// The actor claims given at creation.
    #[serde(default)]
    pub actor: Metadata,
    /// The token itself; present on creation.
    #[serde(default)]
    pub token: Option<Secret>,
    /// A link that consumes the token and signs the actor in; present on creation.
    #[serde(default)]
    pub url: Option<Secret>,
    /// When the token was created (unix milliseconds).
    pub created_at: i64,
    /// When the token was last modified (unix milliseconds).
    pub updated_at: i64,
}

string_enum! {
    /// Lifecycle state of a [`SignInToken`].
    pub enum SignInTokenStatus {
        /// Created and not used yet.
        Pending = "pending",
        /// Used to sign in.
        Accepted = "accepted",
        /// Revoked before it was used.
        Revoked = "revoked",
    }
}

/// JSON body of `POST /sign_in_tokens`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateSignInTokenParams {
    /// Id of the user the token signs in.
    pub user_id: String,
    /// Organization to make active after signing in (the user must be a member).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    /// How long the token stays usable, in seconds (at least 1; the API default is 30 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<i64>,
}

impl CreateSignInTokenParams {
    /// A token that signs in `user_id`.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            org_id: None,
            expires_in_seconds: None,
        }
    }
}

setters! { CreateSignInTokenParams {
    opt org_id: String,
    opt expires_in_seconds: i64,
} }

/// A one-time token that signs a user in without credentials (the `ticket` strategy).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SignInToken {
    /// Always `sign_in_token`.
    pub object: String,
    /// Unique id of the token.
    pub id: String,
    /// Whether the token is still usable.
    pub status: SignInTokenStatus,
    /// Id of the user the token signs in.
    pub user_id: String,
    /// The token itself; present on creation.
    #[serde(default)]
    pub token: Option<Secret>,
    /// A link that consumes the token, when the instance has one to offer.
    #[serde(default)]
    pub url: Option<Secret>,
    /// When the token was created (unix milliseconds).
    pub created_at: i64,
    /// When the token was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A token that lets end-to-end tests through the Frontend API's bot protection.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct TestingToken {
    /// Always `testing_token`.
    pub object: String,
    /// The token, to pass as the `__clerk_testing_token` query parameter of Frontend API
    /// requests.
    pub token: Secret,
    /// When the token expires (a unix timestamp; the spec's example is in seconds).
    pub expires_at: i64,
}

string_enum! {
    /// Permissions granted to an agent task; the API only accepts `*` today.
    pub enum AgentTaskPermissions {
        /// Every permission of the user.
        All = "*",
    }
}

/// The user an agent task acts for: exactly one of an id or a verified identifier.
/// Serializes as `{"user_id": ...}` or `{"identifier": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnBehalfOf {
    /// The user's id.
    UserId(String),
    /// A verified identifier of the user, such as an email address.
    Identifier(String),
}

impl OnBehalfOf {
    /// The user with this id.
    pub fn user_id(user_id: impl Into<String>) -> Self {
        Self::UserId(user_id.into())
    }

    /// The user owning this verified identifier (an email address, for example).
    pub fn identifier(identifier: impl Into<String>) -> Self {
        Self::Identifier(identifier.into())
    }
}

/// JSON body of `POST /agents/tasks`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateAgentTaskParams {
    /// The user the agent acts for.
    pub on_behalf_of: OnBehalfOf,
    /// Permissions granted to the task (only `*` is accepted).
    pub permissions: AgentTaskPermissions,
    /// Name of the agent; the agent id is derived from it (stable per instance) and it is
    /// logged for auditing.
    pub agent_name: String,
    /// What the agent is doing, logged for auditing.
    pub task_description: String,
    /// Absolute URL the user lands on once the task is accepted; `https` in production,
    /// and on one of the instance's domains.
    pub redirect_url: String,
    /// Maximum length of the session the task creates, in seconds (the API default is 30
    /// minutes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_max_duration_in_seconds: Option<i64>,
}

impl CreateAgentTaskParams {
    /// A task with every permission ([`AgentTaskPermissions::All`]).
    pub fn new(
        on_behalf_of: OnBehalfOf,
        agent_name: impl Into<String>,
        task_description: impl Into<String>,
        redirect_url: impl Into<String>,
    ) -> Self {
        Self {
            on_behalf_of,
            permissions: AgentTaskPermissions::All,
            agent_name: agent_name.into(),
            task_description: task_description.into(),
            redirect_url: redirect_url.into(),
            session_max_duration_in_seconds: None,
        }
    }
}

setters! { CreateAgentTaskParams {
    opt session_max_duration_in_seconds: i64,
} }

/// A task an agent performs as a user; its URL starts a session for that user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct AgentTask {
    /// Always `agent_task`.
    pub object: String,
    /// Stable id of the agent (one per agent name within an instance).
    pub agent_id: String,
    /// Unique id of this task.
    pub agent_task_id: String,
    /// Same as `agent_task_id`; deprecated by Clerk in favour of it.
    pub task_id: String,
    /// A link that, when visited, creates a session for the user; only in the answer to a
    /// create.
    #[serde(default)]
    pub url: Option<Secret>,
}

/// JSON body of `POST /admin_portal_link_tokens`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CreateAdminPortalLinkTokenParams {
    /// Organization the link is scoped to (`org_` followed by 27 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Your own reference to the IT contact the link is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub it_contact_id: Option<String>,
    /// Scopes recorded on the token.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    /// Lifetime of the token in seconds (1 to 86400; the API default is 3600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_until_expiration: Option<i64>,
}

setters! { CreateAdminPortalLinkTokenParams {
    opt organization_id: String,
    opt it_contact_id: String,
    list scopes: String,
    opt seconds_until_expiration: i64,
} }

/// JSON body of `POST /admin_portal_link_tokens/{id}/revoke`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RevokeAdminPortalLinkTokenParams {
    /// Why the token is revoked, kept on the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation_reason: Option<String>,
}

setters! { RevokeAdminPortalLinkTokenParams {
    opt revocation_reason: String,
} }

/// A single-use token for a link into the admin portal.
///
/// The spec types the timestamps as JSON numbers (not integers), so they are `f64`
/// milliseconds here.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct AdminPortalLinkToken {
    /// Always `admin_portal_link_token`.
    pub object: String,
    /// Unique id of the token (`aplt_` followed by 32 hex digits).
    pub id: String,
    /// Id of the admin portal link the token was issued for (`apl_...`).
    pub admin_portal_link_id: String,
    /// Id of the instance (`ins_...`).
    pub instance_id: String,
    /// Organization the link is scoped to, if any.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Your reference to the IT contact the link is for, if any.
    #[serde(default)]
    pub it_contact_id: Option<String>,
    /// Scopes given at creation, if any.
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
    /// The single-use token, carried in the link; only in the answer to a create.
    #[serde(default)]
    pub token: Option<Secret>,
    /// Whether the token was revoked.
    pub revoked: bool,
    /// Why the token was revoked, if it was and a reason was given.
    #[serde(default)]
    pub revocation_reason: Option<String>,
    /// Whether the token has expired.
    pub expired: bool,
    /// When the token expires (unix milliseconds), if it does.
    #[serde(default)]
    pub expiration: Option<f64>,
    /// When the token was created (unix milliseconds).
    pub created_at: f64,
    /// When the token was last modified (unix milliseconds).
    pub updated_at: f64,
}
