//! Users and the identifications attached to them (email addresses, phone numbers, web3
//! wallets, passkeys, external, SAML and enterprise accounts), plus the parameters of the
//! user endpoints.

use clerk_macros::{Deserialize, Serialize};

use crate::models::{Metadata, VerificationStatus};
use crate::Secret;

/// A user of the instance.
///
/// Besides the Backend API's responses, this is the `data` of the `user.created` and
/// `user.updated` webhooks, whose documented samples leave out many fields the spec calls
/// required. Those read as `false` or empty when absent; only `id`, `object`, `created_at`
/// and `updated_at` must be present.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct User {
    /// Unique id of the user (`user_...`).
    pub id: String,
    /// Always `user`.
    pub object: String,
    /// Id of the user in your own systems, if one was set.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Id of the primary email address, if any.
    #[serde(default)]
    pub primary_email_address_id: Option<String>,
    /// Id of the primary phone number, if any.
    #[serde(default)]
    pub primary_phone_number_id: Option<String>,
    /// Id of the primary web3 wallet, if any.
    #[serde(default)]
    pub primary_web3_wallet_id: Option<String>,
    /// Username, if the user has one.
    #[serde(default)]
    pub username: Option<String>,
    /// Given name, if known.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name, if known.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Preferred locale such as `en-US`, if set.
    #[serde(default)]
    pub locale: Option<String>,
    /// Deprecated by Clerk: use [`image_url`](Self::image_url) instead.
    #[serde(default)]
    pub profile_image_url: Option<String>,
    /// URL of the profile image (uploaded or generated).
    #[serde(default)]
    pub image_url: Option<String>,
    /// Whether the user uploaded a profile image (`false` when absent).
    #[serde(default)]
    pub has_image: bool,
    /// Metadata readable from the Frontend API, writable only from the backend.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Metadata visible only to the Backend API.
    #[serde(default)]
    pub private_metadata: Option<Metadata>,
    /// Metadata that the Frontend API can both read and write (not trustworthy).
    #[serde(default)]
    pub unsafe_metadata: Option<Metadata>,
    /// All email addresses of the user.
    #[serde(default)]
    pub email_addresses: Vec<EmailAddress>,
    /// All phone numbers of the user.
    #[serde(default)]
    pub phone_numbers: Vec<PhoneNumber>,
    /// All web3 wallets of the user.
    #[serde(default)]
    pub web3_wallets: Vec<Web3Wallet>,
    /// All passkeys of the user (empty when absent: webhook samples omit it).
    #[serde(default)]
    pub passkeys: Vec<Passkey>,
    /// Whether the user has a password.
    #[serde(default)]
    pub password_enabled: bool,
    /// Whether some second factor is enabled.
    #[serde(default)]
    pub two_factor_enabled: bool,
    /// Whether an authenticator app (TOTP) is enabled (`false` when absent).
    #[serde(default)]
    pub totp_enabled: bool,
    /// Whether backup codes are enabled (`false` when absent).
    #[serde(default)]
    pub backup_code_enabled: bool,
    /// When MFA was last turned on (unix ms); kept after MFA is turned off.
    #[serde(default)]
    pub mfa_enabled_at: Option<i64>,
    /// When MFA was last turned off (unix ms); kept after MFA is turned on again.
    #[serde(default)]
    pub mfa_disabled_at: Option<i64>,
    /// When the password last changed (unix ms), if known.
    #[serde(default)]
    pub password_last_updated_at: Option<i64>,
    /// Accounts linked through OAuth providers.
    #[serde(default)]
    pub external_accounts: Vec<ExternalAccount>,
    /// Accounts linked through SAML connections (empty when absent).
    #[serde(default)]
    pub saml_accounts: Vec<SamlAccount>,
    /// Accounts linked through enterprise connections, SAML or OIDC (empty when absent).
    #[serde(default)]
    pub enterprise_accounts: Vec<EnterpriseAccount>,
    /// Organization memberships, when the API includes them (kept as raw JSON).
    #[serde(default)]
    pub organization_memberships: Option<Vec<serde_json::Value>>,
    /// When the user last signed in (unix ms), if ever.
    #[serde(default)]
    pub last_sign_in_at: Option<i64>,
    /// Whether the user is banned (`false` when absent).
    #[serde(default)]
    pub banned: bool,
    /// Whether the user is currently locked out of signing in (`false` when absent).
    #[serde(default)]
    pub locked: bool,
    /// Whether the user was deprovisioned and may no longer sign in.
    #[serde(default)]
    pub deprovisioned: Option<bool>,
    /// Seconds left before the lockout ends; `None` on a locked user means it never ends.
    #[serde(default)]
    pub lockout_expires_in_seconds: Option<i64>,
    /// Verification attempts left before a lockout; `None` when lockout is disabled.
    #[serde(default)]
    pub verification_attempts_remaining: Option<i64>,
    /// When the user was last modified (unix ms).
    pub updated_at: i64,
    /// When the user was created (unix ms).
    pub created_at: i64,
    /// Whether the user may delete themselves through the Frontend API (`false` when
    /// absent: webhook samples omit it).
    #[serde(default)]
    pub delete_self_enabled: bool,
    /// Whether the user may create organizations through the Frontend API (`false` when
    /// absent: webhook samples omit it).
    #[serde(default)]
    pub create_organization_enabled: bool,
    /// How many organizations the user may create (0 means no limit), if set.
    #[serde(default)]
    pub create_organizations_limit: Option<i64>,
    /// Day of the latest session activity (unix ms), if any.
    #[serde(default)]
    pub last_active_at: Option<i64>,
    /// When the user accepted the legal terms (unix ms), if they did.
    #[serde(default)]
    pub legal_accepted_at: Option<i64>,
    /// Whether the user skips Device Trust checks when signing in.
    #[serde(default)]
    pub bypass_client_trust: Option<bool>,
    /// Directory (SCIM) linkage; Clerk only sends it in some webhook payloads.
    #[serde(default)]
    pub scim: Option<ScimUserMetadata>,
}

/// An email address belonging to a user.
///
/// The email addresses of webhook payloads may lack `reserved`, `linked_to`, `created_at`
/// and `updated_at` (Clerk's documented `user.created` sample has none of the timestamps):
/// they read as `false`, empty and `0`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EmailAddress {
    /// Unique id of the email address (`idn_...`).
    #[serde(default)]
    pub id: Option<String>,
    /// Always `email_address`.
    pub object: String,
    /// The address itself.
    pub email_address: String,
    /// Whether the address is reserved: unverified, yet usable for sign-in and unclaimable
    /// (`false` when absent).
    #[serde(default)]
    pub reserved: bool,
    /// How and whether the address was verified.
    #[serde(default)]
    pub verification: Option<Verification>,
    /// External accounts this address is linked to.
    #[serde(default)]
    pub linked_to: Vec<IdentificationLink>,
    /// Whether the address domain matches an active enterprise connection.
    #[serde(default)]
    pub matches_sso_connection: Option<bool>,
    /// When the address was added (unix ms); `0` when the payload does not say.
    #[serde(default)]
    pub created_at: i64,
    /// When the address was last modified (unix ms); `0` when the payload does not say.
    #[serde(default)]
    pub updated_at: i64,
}

/// A phone number belonging to a user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct PhoneNumber {
    /// Unique id of the phone number (`idn_...`).
    #[serde(default)]
    pub id: Option<String>,
    /// Always `phone_number`.
    pub object: String,
    /// The number in E.164 format.
    pub phone_number: String,
    /// Whether the number is reserved for use as a second factor.
    #[serde(default)]
    pub reserved_for_second_factor: Option<bool>,
    /// Whether the number is the default second factor.
    #[serde(default)]
    pub default_second_factor: Option<bool>,
    /// Whether the number is reserved: unverified, yet usable for sign-in and unclaimable
    /// (`false` when absent).
    #[serde(default)]
    pub reserved: bool,
    /// How and whether the number was verified.
    #[serde(default)]
    pub verification: Option<Verification>,
    /// External accounts this number is linked to.
    #[serde(default)]
    pub linked_to: Vec<IdentificationLink>,
    /// Backup codes, only returned right after they are generated.
    #[serde(default)]
    pub backup_codes: Option<Vec<String>>,
    /// When the number was added (unix ms); `0` when the payload does not say.
    #[serde(default)]
    pub created_at: i64,
    /// When the number was last modified (unix ms); `0` when the payload does not say.
    #[serde(default)]
    pub updated_at: i64,
}

/// A web3 wallet belonging to a user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Web3Wallet {
    /// Unique id of the wallet identification (`idn_...`).
    #[serde(default)]
    pub id: Option<String>,
    /// Always `web3_wallet`.
    pub object: String,
    /// The wallet address.
    pub web3_wallet: String,
    /// How and whether the wallet was verified.
    #[serde(default)]
    pub verification: Option<Verification>,
    /// When the wallet was added (unix ms).
    pub created_at: i64,
    /// When the wallet was last modified (unix ms).
    pub updated_at: i64,
}

/// A passkey registered by a user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Passkey {
    /// Unique id of the passkey identification (`idn_...`).
    #[serde(default)]
    pub id: Option<String>,
    /// Always `passkey`.
    pub object: String,
    /// Name the user gave the passkey.
    pub name: String,
    /// When the passkey was last used (unix ms).
    pub last_used_at: i64,
    /// Verification state of the passkey.
    #[serde(default)]
    pub verification: Option<Verification>,
}

/// A link from an identification to the account that provides it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct IdentificationLink {
    /// Kind of the linked account, such as `oauth_google`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Id of the linked account.
    pub id: String,
}

/// How an identification or account was verified.
///
/// The spec lists one shape per strategy (`verification_otp`, `verification_admin`,
/// `verification_oauth`, `verification_saml`, ...); they share `status`, `strategy`,
/// `attempts` and `expire_at`, so this one struct covers them all, with the
/// strategy-specific fields optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Verification {
    /// Shape of the verification, such as `verification_otp` or `verification_oauth`.
    #[serde(default)]
    pub object: Option<String>,
    /// Current state.
    pub status: VerificationStatus,
    /// Strategy used, such as `email_code`, `admin`, `oauth_google` or `saml`.
    pub strategy: String,
    /// Number of attempts made so far, if tracked.
    #[serde(default)]
    pub attempts: Option<i64>,
    /// When the verification expires (unix ms), if it does.
    #[serde(default)]
    pub expire_at: Option<i64>,
    /// Channel a code was delivered over (phone codes only).
    #[serde(default)]
    pub channel: Option<String>,
    /// Client that completed the verification, if recorded.
    #[serde(default)]
    pub verified_at_client: Option<String>,
    /// Error reported by the external provider (OAuth and SAML), as raw JSON.
    #[serde(default)]
    pub error: Option<serde_json::Value>,
    /// URL to send the user to for an external verification (OAuth and SAML).
    #[serde(default)]
    pub external_verification_redirect_url: Option<String>,
    /// Nonce to sign (web3 and passkeys).
    #[serde(default)]
    pub nonce: Option<String>,
    /// Message to sign (web3 and passkeys).
    #[serde(default)]
    pub message: Option<String>,
}

string_enum! {
    /// The `object` value of an [`ExternalAccount`].
    pub enum ExternalAccountObject {
        /// A generic OAuth account.
        ExternalAccount = "external_account",
        /// A Facebook account (legacy value).
        FacebookAccount = "facebook_account",
        /// A Google account (legacy value).
        GoogleAccount = "google_account",
    }
}

/// An account from an OAuth provider linked to a user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ExternalAccount {
    /// Kind of object, usually `external_account`.
    pub object: ExternalAccountObject,
    /// Unique id of the external account.
    pub id: String,
    /// Provider key, such as `oauth_google`.
    pub provider: String,
    /// Id of the identification backing this account (`idn_...`).
    pub identification_id: String,
    /// Id of the user at the provider.
    pub provider_user_id: String,
    /// Space-separated OAuth scopes the user granted.
    pub approved_scopes: String,
    /// Email address reported by the provider.
    pub email_address: String,
    /// Whether the provider said the email was verified; `None` when unknown.
    #[serde(default)]
    pub email_address_verified: Option<bool>,
    /// Given name reported by the provider.
    pub first_name: String,
    /// Family name reported by the provider.
    pub last_name: String,
    /// Deprecated by Clerk: use [`image_url`](Self::image_url) instead.
    #[serde(default)]
    pub avatar_url: Option<String>,
    /// Profile image URL from the provider, if any.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Username at the provider, if any.
    #[serde(default)]
    pub username: Option<String>,
    /// Phone number reported by the provider, if any.
    #[serde(default)]
    pub phone_number: Option<String>,
    /// Public metadata of the external account.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Display label, if any.
    #[serde(default)]
    pub label: Option<String>,
    /// When the account was linked (unix ms).
    pub created_at: i64,
    /// When the account was last modified (unix ms).
    pub updated_at: i64,
    /// State of the OAuth (or Google One Tap) verification.
    #[serde(default)]
    pub verification: Option<Verification>,
}

/// An account from a SAML connection linked to a user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SamlAccount {
    /// Unique id of the SAML account.
    pub id: String,
    /// Always `saml_account`.
    pub object: String,
    /// Identity provider, such as `saml_okta`.
    pub provider: String,
    /// Whether the account can currently be used.
    pub active: bool,
    /// Email address asserted by the identity provider.
    pub email_address: String,
    /// Given name from the identity provider, if any.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name from the identity provider, if any.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Id of the user at the identity provider, if any.
    #[serde(default)]
    pub provider_user_id: Option<String>,
    /// When the account last authenticated (unix ms), if ever.
    #[serde(default)]
    pub last_authenticated_at: Option<i64>,
    /// Public metadata of the account.
    #[serde(default)]
    pub public_metadata: Option<Metadata>,
    /// State of the SAML (or ticket) verification.
    #[serde(default)]
    pub verification: Option<Verification>,
    /// The connection the account belongs to, if still present.
    #[serde(
        default,
        deserialize_with = "crate::models::common::empty_object_as_none"
    )]
    pub saml_connection: Option<SamlAccountConnection>,
}

/// Summary of the SAML connection behind a [`SamlAccount`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct SamlAccountConnection {
    /// Unique id of the connection.
    pub id: String,
    /// Name of the connection.
    pub name: String,
    /// Deprecated by Clerk: single domain, replaced by [`domains`](Self::domains).
    #[serde(default)]
    pub domain: Option<String>,
    /// Email domains served by the connection.
    #[serde(default)]
    pub domains: Option<Vec<String>>,
    /// Whether the connection is enabled.
    pub active: bool,
    /// Identity provider, such as `saml_okta`.
    pub provider: String,
    /// Whether user attributes are refreshed on every sign-in.
    pub sync_user_attributes: bool,
    /// Whether subdomains of the domains are accepted.
    #[serde(default)]
    pub allow_subdomains: Option<bool>,
    /// Whether sign-ins started at the identity provider are accepted.
    #[serde(default)]
    pub allow_idp_initiated: Option<bool>,
    /// Whether users of the connection may not add other identifications.
    #[serde(default)]
    pub disable_additional_identifications: Option<bool>,
    /// When the connection was created (unix ms).
    pub created_at: i64,
    /// When the connection was last modified (unix ms).
    pub updated_at: i64,
}

string_enum! {
    /// Protocol behind an [`EnterpriseAccount`].
    pub enum EnterpriseAccountProtocol {
        /// OpenID Connect / OAuth.
        Oauth = "oauth",
        /// SAML.
        Saml = "saml",
    }
}

/// An account from an enterprise connection (SAML or OIDC) linked to a user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseAccount {
    /// Unique id of the enterprise account.
    pub id: String,
    /// Always `enterprise_account`.
    pub object: String,
    /// Protocol used to sign in, when reported.
    #[serde(default)]
    pub protocol: Option<EnterpriseAccountProtocol>,
    /// Identity provider key.
    pub provider: String,
    /// Whether the account can currently be used.
    pub active: bool,
    /// Email address asserted by the identity provider.
    pub email_address: String,
    /// Given name from the identity provider, if any.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name from the identity provider, if any.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Id of the user at the identity provider, if any.
    #[serde(default)]
    pub provider_user_id: Option<String>,
    /// Id of the enterprise connection, if still present.
    #[serde(default)]
    pub enterprise_connection_id: Option<String>,
    /// Public metadata of the account.
    #[serde(default)]
    pub public_metadata: Option<Metadata>,
    /// State of the verification (ticket, SAML or OAuth).
    #[serde(default)]
    pub verification: Option<Verification>,
    /// Summary of the enterprise connection, if still present.
    #[serde(
        default,
        deserialize_with = "crate::models::common::empty_object_as_none"
    )]
    pub enterprise_connection: Option<EnterpriseAccountConnection>,
    /// When the account last authenticated (unix ms), if ever.
    #[serde(default)]
    pub last_authenticated_at: Option<i64>,
}

/// Summary of the enterprise connection behind an [`EnterpriseAccount`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct EnterpriseAccountConnection {
    /// Unique id of the connection.
    pub id: String,
    /// Protocol of the connection, such as `saml` or `oauth`.
    pub protocol: String,
    /// Identity provider key.
    pub provider: String,
    /// Name of the connection.
    pub name: String,
    /// Public URL of the provider logo, if any.
    #[serde(default)]
    pub logo_public_url: Option<String>,
    /// Deprecated by Clerk: single domain, replaced by [`domains`](Self::domains).
    #[serde(default)]
    pub domain: Option<String>,
    /// Email domains served by the connection.
    #[serde(default)]
    pub domains: Option<Vec<String>>,
    /// Whether the connection is enabled.
    pub active: bool,
    /// Whether user attributes are refreshed on every sign-in.
    pub sync_user_attributes: bool,
    /// Whether subdomains of the domains are accepted.
    pub allow_subdomains: bool,
    /// Whether sign-ins started at the identity provider are accepted.
    pub allow_idp_initiated: bool,
    /// Whether users of the connection may not add other identifications.
    pub disable_additional_identifications: bool,
    /// When the connection was created (unix ms).
    pub created_at: i64,
    /// When the connection was last modified (unix ms).
    pub updated_at: i64,
}

/// How a user is linked to a directory (SCIM provisioning).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ScimUserMetadata {
    /// Id of the directory that provisions the user.
    pub directory_id: String,
    /// Whether the directory is enabled (omitted when it is not).
    #[serde(default)]
    pub directory_enabled: Option<bool>,
    /// Id of the user in the directory, if reported.
    #[serde(default)]
    pub external_id: Option<String>,
}

string_enum! {
    /// Sort order for [`UserListParams::order_by`]: a field with a `+` (ascending) or `-`
    /// (descending) prefix. A bare field name means ascending; the API default is
    /// `-created_at`. Only the `created_at` orders work with `starting_after`.
    pub enum UserOrderBy {
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// Least recently updated first.
        UpdatedAtAsc = "+updated_at",
        /// Most recently updated first.
        UpdatedAtDesc = "-updated_at",
        /// By primary email address, A to Z.
        EmailAddressAsc = "+email_address",
        /// By primary email address, Z to A.
        EmailAddressDesc = "-email_address",
        /// By primary web3 wallet, ascending.
        Web3WalletAsc = "+web3wallet",
        /// By primary web3 wallet, descending.
        Web3WalletDesc = "-web3wallet",
        /// By first name, A to Z.
        FirstNameAsc = "+first_name",
        /// By first name, Z to A.
        FirstNameDesc = "-first_name",
        /// By last name, A to Z.
        LastNameAsc = "+last_name",
        /// By last name, Z to A.
        LastNameDesc = "-last_name",
        /// By primary phone number, ascending.
        PhoneNumberAsc = "+phone_number",
        /// By primary phone number, descending.
        PhoneNumberDesc = "-phone_number",
        /// By username, A to Z.
        UsernameAsc = "+username",
        /// By username, Z to A.
        UsernameDesc = "-username",
        /// Least recently active first.
        LastActiveAtAsc = "+last_active_at",
        /// Most recently active first.
        LastActiveAtDesc = "-last_active_at",
        /// Least recently signed in first.
        LastSignInAtAsc = "+last_sign_in_at",
        /// Most recently signed in first.
        LastSignInAtDesc = "-last_sign_in_at",
    }
}

string_enum! {
    /// Algorithm that produced a `password_digest` given to Clerk.
    pub enum PasswordHasher {
        /// bcrypt.
        Bcrypt = "bcrypt",
        /// Django's `bcrypt_sha256`.
        BcryptSha256Django = "bcrypt_sha256_django",
        /// Plain MD5.
        Md5 = "md5",
        /// PBKDF2 with SHA-1.
        Pbkdf2Sha1 = "pbkdf2_sha1",
        /// PBKDF2 with SHA-256.
        Pbkdf2Sha256 = "pbkdf2_sha256",
        /// Django's PBKDF2 with SHA-256.
        Pbkdf2Sha256Django = "pbkdf2_sha256_django",
        /// PBKDF2 with SHA-512.
        Pbkdf2Sha512 = "pbkdf2_sha512",
        /// PBKDF2 with SHA-512, salt and hash hex-encoded.
        Pbkdf2Sha512Hex = "pbkdf2_sha512_hex",
        /// phpass portable hashes.
        Phpass = "phpass",
        /// MD5-based phpass hashes.
        Md5Phpass = "md5_phpass",
        /// Firebase's scrypt variant.
        ScryptFirebase = "scrypt_firebase",
        /// Werkzeug's scrypt format.
        ScryptWerkzeug = "scrypt_werkzeug",
        /// Plain SHA-256.
        Sha256 = "sha256",
        /// LDAP salted SHA-1 (`{SSHA}`).
        LdapSsha = "ldap_ssha",
        /// Argon2i.
        Argon2i = "argon2i",
        /// Argon2id.
        Argon2id = "argon2id",
        /// Symfony's legacy SHA-512 hasher.
        Sha512Symfony = "sha512_symfony",
    }
}

string_enum! {
    /// Status an email address or phone number is created with by `POST /users`.
    pub enum InitialIdentificationStatus {
        /// Created verified (the default).
        Verified = "verified",
        /// Created reserved: unverified, but usable for sign-in and unclaimable.
        Reserved = "reserved",
    }
}

/// Query parameters of `GET /users`. All filters are optional and combine with AND.
///
/// List filters accept up to 100 values; for `external_id`, `user_id` and
/// `organization_id` a value may be prefixed with `+` (include) or `-` (exclude).
#[derive(Debug, Clone, Default, Serialize)]
pub struct UserListParams {
    /// Only users with any of these email addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email_address: Vec<String>,
    /// Only users with any of these phone numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phone_number: Vec<String>,
    /// Only users with any of these external ids (`+`/`-` prefixes allowed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_id: Vec<String>,
    /// Only users with any of these usernames.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub username: Vec<String>,
    /// Only users with any of these web3 wallet addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub web3_wallet: Vec<String>,
    /// Only these users (`+`/`-` prefixes allowed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_id: Vec<String>,
    /// Only members of these organizations (`+`/`-` prefixes allowed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization_id: Vec<String>,
    /// Partial match on emails, phone numbers, usernames, wallets, ids and names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Case-insensitive partial match on email addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_address_query: Option<String>,
    /// Case-insensitive partial match on phone numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_query: Option<String>,
    /// Case-insensitive partial match on usernames.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_query: Option<String>,
    /// Case-insensitive partial match on first and last names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_query: Option<String>,
    /// Only banned (`true`) or only non-banned (`false`) users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banned: Option<bool>,
    /// Only users whose last session activity is before this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_before: Option<i64>,
    /// Only users whose last session activity is after this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_after: Option<i64>,
    /// Deprecated by Clerk in favor of `last_active_at_after`: activity since this time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_since: Option<i64>,
    /// Only users created before this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_before: Option<i64>,
    /// Only users created after this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_after: Option<i64>,
    /// Only users whose last sign-in is before this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sign_in_at_before: Option<i64>,
    /// Only users whose last sign-in is after this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sign_in_at_after: Option<i64>,
    /// OAuth provider (such as `oauth_google`); use together with `provider_user_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Only users with these user ids at `provider`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provider_user_id: Vec<String>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0); cannot be combined with `starting_after`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Cursor: id of the last user of the previous page (needs a `created_at` order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<UserOrderBy>,
}

setters! { UserListParams {
    list email_address: String,
    list phone_number: String,
    list external_id: String,
    list username: String,
    list web3_wallet: String,
    list user_id: String,
    list organization_id: String,
    opt query: String,
    opt email_address_query: String,
    opt phone_number_query: String,
    opt username_query: String,
    opt name_query: String,
    opt banned: bool,
    opt last_active_at_before: i64,
    opt last_active_at_after: i64,
    opt last_active_at_since: i64,
    opt created_at_before: i64,
    opt created_at_after: i64,
    opt last_sign_in_at_before: i64,
    opt last_sign_in_at_after: i64,
    opt provider: String,
    list provider_user_id: String,
    opt limit: i64,
    opt offset: i64,
    opt starting_after: String,
    opt order_by: UserOrderBy,
} }

/// Query parameters of `GET /users/count`: the filters of [`UserListParams`] without
/// ordering and pagination.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UserCountParams {
    /// Only users with any of these email addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email_address: Vec<String>,
    /// Only users with any of these phone numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phone_number: Vec<String>,
    /// Only users with any of these external ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_id: Vec<String>,
    /// Only users with any of these usernames.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub username: Vec<String>,
    /// Only users with any of these web3 wallet addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub web3_wallet: Vec<String>,
    /// Only these users.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_id: Vec<String>,
    /// Only members of these organizations (`+`/`-` prefixes allowed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization_id: Vec<String>,
    /// Partial match on emails, phone numbers, usernames, wallets, ids and names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Case-insensitive partial match on email addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_address_query: Option<String>,
    /// Case-insensitive partial match on phone numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_query: Option<String>,
    /// Case-insensitive partial match on usernames.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_query: Option<String>,
    /// Case-insensitive partial match on first and last names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_query: Option<String>,
    /// Only banned (`true`) or only non-banned (`false`) users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banned: Option<bool>,
    /// Only users whose last session activity is before this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_before: Option<i64>,
    /// Only users whose last session activity is after this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_after: Option<i64>,
    /// Deprecated by Clerk in favor of `last_active_at_after`: activity since this time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_since: Option<i64>,
    /// Only users created before this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_before: Option<i64>,
    /// Only users created after this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_after: Option<i64>,
    /// Only users whose last sign-in is before this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sign_in_at_before: Option<i64>,
    /// Only users whose last sign-in is after this time (unix ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_sign_in_at_after: Option<i64>,
    /// OAuth provider (such as `oauth_google`); use together with `provider_user_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Only users with these user ids at `provider`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provider_user_id: Vec<String>,
}

setters! { UserCountParams {
    list email_address: String,
    list phone_number: String,
    list external_id: String,
    list username: String,
    list web3_wallet: String,
    list user_id: String,
    list organization_id: String,
    opt query: String,
    opt email_address_query: String,
    opt phone_number_query: String,
    opt username_query: String,
    opt name_query: String,
    opt banned: bool,
    opt last_active_at_before: i64,
    opt last_active_at_after: i64,
    opt last_active_at_since: i64,
    opt created_at_before: i64,
    opt created_at_after: i64,
    opt last_sign_in_at_before: i64,
    opt last_sign_in_at_after: i64,
    opt provider: String,
    list provider_user_id: String,
} }

/// JSON body of `POST /users`. Every field is optional; which identifications are needed
/// depends on the instance settings. It also reads back from that JSON (a field this type
/// lacks is an error), as the stand-in's seed files do.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CreateUserParams {
    /// Id of the user in your own systems; unique within the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Preferred locale such as `en-US`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Email addresses to add; the first becomes the primary one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email_address: Vec<String>,
    /// Status of each email address, by position (default: all verified).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email_address_identification_status: Vec<InitialIdentificationStatus>,
    /// Phone numbers to add; the first becomes the primary one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phone_number: Vec<String>,
    /// Status of each phone number, by position (default: all verified).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phone_number_identification_status: Vec<InitialIdentificationStatus>,
    /// Web3 wallets to add; the first becomes the primary one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub web3_wallet: Vec<String>,
    /// Username; unique within the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Plaintext password (at least 8 characters, not a known leaked password); redacted in
    /// `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// Existing password digest to import instead of a plaintext password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_digest: Option<Secret>,
    /// Algorithm that produced `password_digest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_hasher: Option<PasswordHasher>,
    /// Skip the password policy checks (meant for migrations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_password_checks: Option<bool>,
    /// Allow creating the user without a password on a password-enabled instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_password_requirement: Option<bool>,
    /// Existing TOTP secret (30 s period, 6 digits, SHA-1) to enable TOTP right away.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totp_secret: Option<String>,
    /// Existing backup codes, plain or bcrypt digests.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub backup_codes: Vec<String>,
    /// Metadata readable from the Frontend API, writable only from the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Metadata visible only to the Backend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
    /// Metadata that the Frontend API can both read and write.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsafe_metadata: Option<Metadata>,
    /// Whether the user may delete themselves through the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_self_enabled: Option<bool>,
    /// When the user accepted the legal terms, as an RFC 3339 timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_accepted_at: Option<String>,
    /// Skip the legal acceptance checks (meant for migrations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_legal_checks: Option<bool>,
    /// Do not enforce the instance's required identification types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_user_requirement: Option<bool>,
    /// Whether the user may create organizations through the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_organization_enabled: Option<bool>,
    /// How many organizations the user may create (0 means no limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_organizations_limit: Option<i64>,
    /// Sign-up time to record, as an RFC 3339 timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Whether the user skips Device Trust checks when signing in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bypass_client_trust: Option<bool>,
    /// Create the user already banned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banned: Option<bool>,
    /// Create the user already locked (needs user lockout enabled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
}

setters! { CreateUserParams {
    opt external_id: String,
    opt first_name: String,
    opt last_name: String,
    opt locale: String,
    list email_address: String,
    list email_address_identification_status: InitialIdentificationStatus,
    list phone_number: String,
    list phone_number_identification_status: InitialIdentificationStatus,
    list web3_wallet: String,
    opt username: String,
    opt password: Secret,
    opt password_digest: Secret,
    opt password_hasher: PasswordHasher,
    opt skip_password_checks: bool,
    opt skip_password_requirement: bool,
    opt totp_secret: String,
    list backup_codes: String,
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
    opt unsafe_metadata: Metadata,
    opt delete_self_enabled: bool,
    opt legal_accepted_at: String,
    opt skip_legal_checks: bool,
    opt skip_user_requirement: bool,
    opt create_organization_enabled: bool,
    opt create_organizations_limit: i64,
    opt created_at: String,
    opt bypass_client_trust: bool,
    opt banned: bool,
    opt locked: bool,
} }

/// JSON body of `PATCH /users/{user_id}`. Only the fields that are set are changed.
/// Metadata is updated through the separate `/users/{user_id}/metadata` endpoints.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateUserParams {
    /// Id of the user in your own systems; unique within the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Preferred locale such as `en-US`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Id of a verified email address of the user to make primary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_email_address_id: Option<String>,
    /// Tell the user that their primary email address changed (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_primary_email_address_changed: Option<bool>,
    /// Id of a verified phone number of the user to make primary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_phone_number_id: Option<String>,
    /// Id of a verified web3 wallet of the user to make primary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_web3_wallet_id: Option<String>,
    /// New username; unique within the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Id of an uploaded image to use as profile image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_image_id: Option<String>,
    /// New plaintext password (at least 8 characters, not a known leaked password); redacted
    /// in `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// Existing password digest to import instead of a plaintext password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_digest: Option<Secret>,
    /// Algorithm that produced `password_digest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_hasher: Option<PasswordHasher>,
    /// Skip the password policy checks; only together with `password`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_password_checks: Option<bool>,
    /// End the user's other sessions after the password change; only with `password`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_out_of_other_sessions: Option<bool>,
    /// Existing TOTP secret to enable TOTP right away.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totp_secret: Option<String>,
    /// Existing backup codes to enable right away.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub backup_codes: Vec<String>,
    /// Whether the user may delete themselves through the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_self_enabled: Option<bool>,
    /// Whether the user may create organizations through the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_organization_enabled: Option<bool>,
    /// When the user accepted the legal terms, as an RFC 3339 timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_accepted_at: Option<String>,
    /// Skip the legal acceptance checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_legal_checks: Option<bool>,
    /// How many organizations the user may create (0 means no limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_organizations_limit: Option<i64>,
    /// Sign-up time to record, as an RFC 3339 timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Whether the user skips Device Trust checks when signing in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bypass_client_trust: Option<bool>,
}

setters! { UpdateUserParams {
    opt external_id: String,
    opt first_name: String,
    opt last_name: String,
    opt locale: String,
    opt primary_email_address_id: String,
    opt notify_primary_email_address_changed: bool,
    opt primary_phone_number_id: String,
    opt primary_web3_wallet_id: String,
    opt username: String,
    opt profile_image_id: String,
    opt password: Secret,
    opt password_digest: Secret,
    opt password_hasher: PasswordHasher,
    opt skip_password_checks: bool,
    opt sign_out_of_other_sessions: bool,
    opt totp_secret: String,
    list backup_codes: String,
    opt delete_self_enabled: bool,
    opt create_organization_enabled: bool,
    opt legal_accepted_at: String,
    opt skip_legal_checks: bool,
    opt create_organizations_limit: i64,
    opt created_at: String,
    opt bypass_client_trust: bool,
} }
