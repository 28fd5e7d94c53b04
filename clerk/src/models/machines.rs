//! Machines (non-human clients such as services and jobs), the scopes that let one machine
//! call another, their secret keys, and the machine-to-machine (M2M) tokens they use.
//!
//! The spec types the timestamps of M2M tokens as a JSON `number` (not an integer), so they
//! are `f64` here; Clerk sends whole unix milliseconds. Machine timestamps are integers.

use clerk_macros::{Deserialize, Serialize};

use crate::Secret;

/// A machine as listed among another machine's scopes: everything but its own scopes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ScopedMachine {
    /// Always `machine`.
    pub object: String,
    /// Unique id of the machine (`mch_...`).
    pub id: String,
    /// Name of the machine.
    pub name: String,
    /// Id of the instance the machine belongs to.
    pub instance_id: String,
    /// When the machine was created (unix milliseconds).
    pub created_at: i64,
    /// When the machine was last changed (unix milliseconds).
    pub updated_at: i64,
    /// Lifetime in seconds of the tokens the machine creates, unless a token asks otherwise.
    #[serde(default)]
    pub default_token_ttl: Option<i64>,
}

/// A machine: a service or job that authenticates with its secret key and M2M tokens.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Machine {
    /// Always `machine`.
    pub object: String,
    /// Unique id of the machine (`mch_...`).
    pub id: String,
    /// Name of the machine.
    pub name: String,
    /// Id of the instance the machine belongs to.
    pub instance_id: String,
    /// When the machine was created (unix milliseconds).
    pub created_at: i64,
    /// When the machine was last changed (unix milliseconds).
    pub updated_at: i64,
    /// Lifetime in seconds of the tokens the machine creates, unless a token asks otherwise.
    #[serde(default)]
    pub default_token_ttl: Option<i64>,
    /// The machines this machine may call.
    pub scoped_machines: Vec<ScopedMachine>,
}

/// Answer of `POST /machines`: the new machine and its secret key, returned only here (it
/// can be fetched again with `get_secret_key`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CreatedMachine {
    /// The machine.
    #[serde(flatten)]
    pub machine: Machine,
    /// The machine's secret key; `Debug` hides it.
    pub secret_key: Secret,
}

/// A machine's secret key, as fetched or just rotated.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct MachineSecretKey {
    /// Always `machine_secret_key`.
    pub object: String,
    /// The secret key; `Debug` hides it.
    pub secret: Secret,
}

/// Permission for one machine to call another.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct MachineScope {
    /// Always `machine_scope`.
    pub object: String,
    /// The machine granted access.
    pub from_machine_id: String,
    /// The machine it may now call.
    pub to_machine_id: String,
    /// When the scope was created (unix milliseconds).
    pub created_at: i64,
}

/// Answer of `DELETE /machines/{machine_id}/scopes/{other_machine_id}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct DeletedMachineScope {
    /// Always `machine_scope`.
    pub object: String,
    /// The machine that had access.
    pub from_machine_id: String,
    /// The machine it could call.
    pub to_machine_id: String,
    /// Always `true` on success.
    pub deleted: bool,
}

string_enum! {
    /// Order of `GET /machines` results.
    pub enum MachineOrderBy {
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// By name, A to Z.
        NameAsc = "+name",
        /// By name, Z to A.
        NameDesc = "-name",
    }
}

/// Query of `GET /machines`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MachineListParams {
    /// Page size (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of machines to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Exact match on the machine id or partial match on the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Sort order (default newest first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<MachineOrderBy>,
}

setters! { MachineListParams {
    opt limit: i64,
    opt offset: i64,
    opt query: String,
    opt order_by: MachineOrderBy,
} }

/// JSON body of `POST /machines`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateMachineParams {
    /// Name of the machine (1 to 255 characters).
    pub name: String,
    /// Ids of the machines the new one may call (at most 150).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scoped_machines: Vec<String>,
    /// Default lifetime of its tokens in seconds (1 to 315360000; the API defaults to 3600).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_token_ttl: Option<i64>,
}

impl CreateMachineParams {
    /// A machine called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            scoped_machines: Vec::new(),
            default_token_ttl: None,
        }
    }
}

setters! { CreateMachineParams {
    list scoped_machines: String,
    opt default_token_ttl: i64,
} }

/// JSON body of `PATCH /machines/{machine_id}`: only the given fields change.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateMachineParams {
    /// New name (1 to 255 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New default lifetime of its tokens in seconds (1 to 315360000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_token_ttl: Option<i64>,
}

setters! { UpdateMachineParams {
    opt name: String,
    opt default_token_ttl: i64,
} }

/// JSON body of `POST /machines/{machine_id}/scopes`.
#[derive(Debug, Clone, Serialize)]
pub struct AddMachineScopeParams {
    /// The machine the path's machine may call from now on.
    pub to_machine_id: String,
}

impl AddMachineScopeParams {
    /// Access to the machine `to_machine_id`.
    pub fn new(to_machine_id: impl Into<String>) -> Self {
        Self {
            to_machine_id: to_machine_id.into(),
        }
    }
}

/// JSON body of `POST /machines/{machine_id}/secret_key/rotate`.
#[derive(Debug, Clone, Serialize)]
pub struct RotateMachineSecretKeyParams {
    /// How long in seconds the previous key keeps working (0 to 28800; 0 ends it at once).
    pub previous_token_ttl: i64,
}

impl RotateMachineSecretKeyParams {
    /// Keeps the previous key valid for `previous_token_ttl` seconds (at most 8 hours).
    pub fn new(previous_token_ttl: i64) -> Self {
        Self { previous_token_ttl }
    }
}

/// A machine-to-machine token, without its value.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct M2mToken {
    /// Always `machine_to_machine_token`.
    pub object: String,
    /// Unique id of the token (`mt_...`).
    pub id: String,
    /// The machine the token was issued to (`mch_...`).
    pub subject: String,
    /// Custom claims attached to the token, any JSON value.
    #[serde(default)]
    pub claims: Option<serde_json::Value>,
    /// Ids of the machines the token may call.
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
    /// Whether the token was revoked.
    pub revoked: bool,
    /// Why the token was revoked, if it was and a reason was given.
    #[serde(default)]
    pub revocation_reason: Option<String>,
    /// Whether the token is past its expiration.
    pub expired: bool,
    /// When the token expires (unix milliseconds); `None` if it never does.
    #[serde(default)]
    pub expiration: Option<f64>,
    /// When the token was last used (unix milliseconds), if ever.
    #[serde(default)]
    pub last_used_at: Option<f64>,
    /// When the token was created (unix milliseconds).
    pub created_at: f64,
    /// When the token was last changed (unix milliseconds).
    pub updated_at: f64,
}

/// Answer of `POST /m2m_tokens`: the new token and its value, returned only here.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CreatedM2mToken {
    /// The token's details.
    #[serde(flatten)]
    pub m2m_token: M2mToken,
    /// The token itself, to send as a bearer token; `Debug` hides it.
    pub token: Secret,
}

/// Answer of `GET /m2m_tokens`: one page of a machine's tokens.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct M2mTokenList {
    /// The tokens of this page.
    pub m2m_tokens: Vec<M2mToken>,
    /// The number of matching tokens across all pages (a JSON `number` in the spec).
    pub total_count: f64,
}

string_enum! {
    /// Format of a new M2M token.
    pub enum M2mTokenFormat {
        /// A random string Clerk stores; can be listed and revoked (the default).
        Opaque = "opaque",
        /// A signed, stateless JWT; cannot be listed or revoked.
        Jwt = "jwt",
    }
}

/// Query of `GET /m2m_tokens`: the stored (opaque) tokens of one machine.
#[derive(Debug, Clone, Serialize)]
pub struct M2mTokenListParams {
    /// The machine whose tokens to list (`mch_...`).
    pub subject: String,
    /// Filter on whether tokens are revoked (the API defaults to `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
    /// Filter on whether tokens are expired (the API defaults to `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired: Option<bool>,
    /// Page size (1 to 100, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of tokens to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

impl M2mTokenListParams {
    /// The tokens of the machine `subject` (`mch_...`).
    pub fn new(subject: impl Into<String>) -> Self {
        Self {
            subject: subject.into(),
            revoked: None,
            expired: None,
            limit: None,
            offset: None,
        }
    }
}

setters! { M2mTokenListParams {
    opt revoked: bool,
    opt expired: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /m2m_tokens`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CreateM2mTokenParams {
    /// Opaque (the default) or JWT.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_format: Option<M2mTokenFormat>,
    /// Lifetime in seconds (more than 0); the machine's default when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_until_expiration: Option<f64>,
    /// Custom claims to attach, any JSON value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<serde_json::Value>,
    /// Reuse a live opaque token with the same claims and scopes if it has at least this many
    /// seconds left, instead of minting a new one (must be below the token lifetime).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_remaining_ttl_seconds: Option<i64>,
}

setters! { CreateM2mTokenParams {
    opt token_format: M2mTokenFormat,
    opt seconds_until_expiration: f64,
    opt claims: serde_json::Value,
    opt min_remaining_ttl_seconds: i64,
} }

/// JSON body of `POST /m2m_tokens/{m2m_token_id}/revoke`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RevokeM2mTokenParams {
    /// Why the token is revoked, kept on the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocation_reason: Option<String>,
}

setters! { RevokeM2mTokenParams {
    opt revocation_reason: String,
} }

/// JSON body of `POST /m2m_tokens/verify`. `Debug` hides the token.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyM2mTokenParams {
    /// The M2M token presented to your service.
    pub token: Secret,
}

impl VerifyM2mTokenParams {
    /// Checks `token`.
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: Secret::new(token),
        }
    }
}
