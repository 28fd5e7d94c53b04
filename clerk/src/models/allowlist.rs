//! Allow-list and block-list identifiers: who may, or may not, sign up to the instance.

use clerk_macros::{Deserialize, Serialize};

string_enum! {
    /// Kind of identifier stored on the allow-list or block-list.
    pub enum IdentifierType {
        /// An email address.
        EmailAddress = "email_address",
        /// A phone number.
        PhoneNumber = "phone_number",
        /// A web3 wallet address.
        Web3Wallet = "web3_wallet",
    }
}

/// An identifier allowed to sign up to the instance.
///
/// The spec marks none of these fields as required, so all of them are optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct AllowlistIdentifier {
    /// Always `allowlist_identifier`.
    #[serde(default)]
    pub object: Option<String>,
    /// Unique id of the entry (`alid_...`).
    #[serde(default)]
    pub id: Option<String>,
    /// Id of the invitation sent when the entry was created with `notify`, if any.
    #[serde(default)]
    pub invitation_id: Option<String>,
    /// The allowed email address, phone number or web3 wallet.
    #[serde(default)]
    pub identifier: Option<String>,
    /// What kind of identifier this is.
    #[serde(default)]
    pub identifier_type: Option<IdentifierType>,
    /// Id of the instance the entry belongs to.
    #[serde(default)]
    pub instance_id: Option<String>,
    /// When the entry was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the entry was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// An identifier barred from accessing the instance.
///
/// The spec marks none of these fields as required, so all of them are optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct BlocklistIdentifier {
    /// Always `blocklist_identifier`.
    #[serde(default)]
    pub object: Option<String>,
    /// Unique id of the entry (`blid_...`).
    #[serde(default)]
    pub id: Option<String>,
    /// The blocked email address, email domain, phone number or web3 wallet.
    #[serde(default)]
    pub identifier: Option<String>,
    /// What kind of identifier this is.
    #[serde(default)]
    pub identifier_type: Option<IdentifierType>,
    /// Id of the instance the entry belongs to.
    #[serde(default)]
    pub instance_id: Option<String>,
    /// When the entry was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When the entry was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// Query parameters of `GET /allowlist_identifiers`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AllowlistIdentifierListParams {
    /// Whether the server should paginate the results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { AllowlistIdentifierListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /allowlist_identifiers`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateAllowlistIdentifierParams {
    /// Email address, phone number or web3 wallet to allow.
    pub identifier: String,
    /// Send an invitation to the identifier (email addresses and phone numbers only; the
    /// API defaults to `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

impl CreateAllowlistIdentifierParams {
    /// Starts a request allowing `identifier`, without sending an invitation.
    pub fn new(identifier: impl Into<String>) -> Self {
        Self {
            identifier: identifier.into(),
            notify: None,
        }
    }
}

setters! { CreateAllowlistIdentifierParams {
    opt notify: bool,
} }

/// JSON body of `POST /blocklist_identifiers`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateBlocklistIdentifierParams {
    /// Email address, email domain, phone number or web3 wallet to block.
    pub identifier: String,
}

impl CreateBlocklistIdentifierParams {
    /// Starts a request blocking `identifier`.
    pub fn new(identifier: impl Into<String>) -> Self {
        Self {
            identifier: identifier.into(),
        }
    }
}
