//! API keys: long-lived secrets your users, organizations or machines hold to call your own
//! API, issued and checked through Clerk.
//!
//! The spec types every timestamp of an API key as a JSON `number` (not an integer), so they
//! are `f64` here; Clerk sends whole unix milliseconds.

use clerk_macros::{Deserialize, Serialize};

use crate::Secret;

/// An API key, without its secret.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ApiKey {
    /// Always `api_key`.
    pub object: String,
    /// Unique id of the key (`ak_...`).
    pub id: String,
    /// Kind of key, chosen at creation (`api_key` unless another was given).
    #[serde(rename = "type")]
    pub kind: String,
    /// Who the key belongs to: a user, organization or machine id.
    pub subject: String,
    /// Name of the key.
    pub name: String,
    /// Free text describing the key.
    #[serde(default)]
    pub description: Option<String>,
    /// Custom claims attached to the key, any JSON value.
    #[serde(default)]
    pub claims: Option<serde_json::Value>,
    /// Scopes granted to the key.
    pub scopes: Vec<String>,
    /// Whether the key was revoked.
    pub revoked: bool,
    /// Why the key was revoked, if it was and a reason was given.
    #[serde(default)]
    pub revocation_reason: Option<String>,
    /// Whether the key is past its expiration.
    pub expired: bool,
    /// When the key expires (unix milliseconds); `None` for a key that never expires.
    #[serde(default)]
    pub expiration: Option<f64>,
    /// Id of the user who created the key, if known.
    #[serde(default)]
    pub created_by: Option<String>,
    /// When the key was last used (unix milliseconds), if ever.
    #[serde(default)]
    pub last_used_at: Option<f64>,
    /// When the key was created (unix milliseconds).
    pub created_at: f64,
    /// When the key was last changed (unix milliseconds).
    pub updated_at: f64,
}

/// Answer of `POST /api_keys`: the new key and its secret, shown this once in full (it can
/// be fetched again with `get_secret`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CreatedApiKey {
    /// The key.
    #[serde(flatten)]
    pub api_key: ApiKey,
    /// The secret the key's holder presents; `Debug` hides it.
    pub secret: Secret,
}

/// Answer of `GET /api_keys/{api_key_id}/secret`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ApiKeySecret {
    /// The secret of the key; `Debug` hides it.
    pub secret: Secret,
}

/// Query of `GET /api_keys`: the keys of one subject.
#[derive(Debug, Clone, Serialize)]
pub struct ApiKeyListParams {
    /// Only keys of this kind (the API defaults to `api_key`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The owner of the keys: a user, organization, machine or SCIM directory id.
    pub subject: String,
    /// Also list revoked and expired keys (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_invalid: Option<bool>,
    /// Page size (1 to 100, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of keys to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only keys matching this text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

impl ApiKeyListParams {
    /// The keys of `subject` (`user_...`, `org_...`, `mch_...` or `scim_...`).
    pub fn new(subject: impl Into<String>) -> Self {
        Self {
            kind: None,
            subject: subject.into(),
            include_invalid: None,
            limit: None,
            offset: None,
            query: None,
        }
    }
}

setters! { ApiKeyListParams {
    opt kind: String,
    opt include_invalid: bool,
    opt limit: i64,
    opt offset: i64,
    opt query: String,
} }

/// JSON body of `POST /api_keys`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateApiKeyParams {
    /// Kind of key (3 to 25 characters; the API defaults to `api_key`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Name of the key (at least 3 characters, no leading or trailing space).
    pub name: String,
    /// Free text describing the key (up to 255 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The owner of the key: a user, organization, machine or SCIM directory id.
    pub subject: String,
    /// Custom claims to attach to the key, any JSON value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<serde_json::Value>,
    /// Scopes to grant to the key.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    /// Id of the user credited with creating the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// Lifetime of the key in seconds (more than 0); without it the key never expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_until_expiration: Option<f64>,
}

impl CreateApiKeyParams {
    /// A key called `name` owned by `subject` (`user_...`, `org_...`, `mch_...` or
    /// `scim_...`).
    pub fn new(name: impl Into<String>, subject: impl Into<String>) -> Self {
        Self {
            kind: None,
            name: name.into(),
            description: None,
            subject: subject.into(),
            claims: None,
            scopes: Vec::new(),
            created_by: None,
            seconds_until_expiration: None,
        }
    }
}

setters! { CreateApiKeyParams {
    opt kind: String,
    opt description: String,
    opt claims: serde_json::Value,
    list scopes: String,
    opt created_by: String,
    opt seconds_until_expiration: f64,
} }

/// JSON body of `PATCH /api_keys/{api_key_id}`: only the given fields change.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateApiKeyParams {
    /// New custom claims, any JSON value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<serde_json::Value>,
    /// New scopes, replacing the current ones (an empty list removes them all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// New description (up to 255 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New owner: a user, organization, machine or SCIM directory id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// New lifetime in seconds (more than 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_until_expiration: Option<f64>,
}

setters! { UpdateApiKeyParams {
    opt claims: serde_json::Value,
    opt description: String,
    opt subject: String,
    opt seconds_until_expiration: f64,
} }

impl UpdateApiKeyParams {
    /// Sets [`scopes`](Self::scopes), replacing the key's scopes with these.
    #[must_use]
    pub fn scopes<I>(mut self, scopes: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.scopes = Some(scopes.into_iter().map(Into::into).collect());
        self
    }
}

/// JSON body of `POST /api_keys/{api_key_id}/revoke`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RevokeApiKeyParams {
    /// Why the key is revoked, kept on the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation_reason: Option<String>,
}

setters! { RevokeApiKeyParams {
    opt revocation_reason: String,
} }

/// JSON body of `POST /api_keys/verify`. `Debug` hides the secret.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyApiKeyParams {
    /// The secret presented to your API.
    pub secret: Secret,
}

impl VerifyApiKeyParams {
    /// Checks `secret`.
    pub fn new(secret: impl Into<String>) -> Self {
        Self {
            secret: Secret::new(secret),
        }
    }
}
