//! Organization memberships: which users belong to which organization, and with what role.

use clerk_macros::{Deserialize, Serialize};

use crate::models::{Metadata, Organization};

/// A user's membership in an organization.
///
/// Also the `data` of the `organizationMembership.*` webhooks, whose documented samples
/// lack `permissions` (read as empty) and the member's `has_image` (read as `false`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationMembership {
    /// Always `organization_membership`.
    pub object: String,
    /// Unique id of the membership (`orgmem_...`).
    pub id: String,
    /// Key of the member's role, e.g. `org:admin`.
    pub role: String,
    /// Human-readable name of the role, when returned.
    #[serde(default)]
    pub role_name: Option<String>,
    /// Permission keys the role grants, e.g. `org:sys_memberships:manage` (empty when
    /// absent).
    #[serde(default)]
    pub permissions: Vec<String>,
    /// Metadata readable from the Frontend API, writable only from the backend.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Metadata visible only to the Backend API.
    #[serde(default)]
    pub private_metadata: Option<Metadata>,
    /// The organization the membership belongs to.
    pub organization: Organization,
    /// Public profile data of the member, when returned.
    #[serde(default)]
    pub public_user_data: Option<OrganizationMembershipPublicUserData>,
    /// When the membership was created (unix milliseconds).
    pub created_at: i64,
    /// When the membership was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// The public profile of the user behind an [`OrganizationMembership`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationMembershipPublicUserData {
    /// Id of the member (`user_...`).
    pub user_id: String,
    /// Given name, if set.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name, if set.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Former name of `image_url`; deprecated by Clerk, read `image_url` instead.
    #[serde(default)]
    pub profile_image_url: Option<String>,
    /// URL of the member's profile image or generated avatar (empty when absent).
    #[serde(default)]
    pub image_url: String,
    /// Whether the member uploaded a profile image (`false` when absent).
    #[serde(default)]
    pub has_image: bool,
    /// The member's main identifier (email address, phone number or username), if any.
    #[serde(default)]
    pub identifier: Option<String>,
    /// The member's username, if set.
    #[serde(default)]
    pub username: Option<String>,
    /// Whether the member is banned, when returned.
    #[serde(default)]
    pub banned: Option<bool>,
    /// Whether the member was deprovisioned through enterprise SSO, when returned.
    #[serde(default)]
    pub deprovisioned: Option<bool>,
}

string_enum! {
    /// Sort order of membership lists: a field with a `+` (ascending) or `-` (descending)
    /// prefix.
    pub enum OrganizationMembershipOrderBy {
        /// Oldest membership first.
        CreatedAtAsc = "+created_at",
        /// Newest membership first.
        CreatedAtDesc = "-created_at",
        /// By the member's email address, A to Z.
        EmailAddressAsc = "+email_address",
        /// By the member's email address, Z to A.
        EmailAddressDesc = "-email_address",
        /// By the member's phone number, ascending.
        PhoneNumberAsc = "+phone_number",
        /// By the member's phone number, descending.
        PhoneNumberDesc = "-phone_number",
        /// By the member's username, A to Z.
        UsernameAsc = "+username",
        /// By the member's username, Z to A.
        UsernameDesc = "-username",
        /// By the member's first name, A to Z.
        FirstNameAsc = "+first_name",
        /// By the member's first name, Z to A.
        FirstNameDesc = "-first_name",
        /// By the member's last name, A to Z.
        LastNameAsc = "+last_name",
        /// By the member's last name, Z to A.
        LastNameDesc = "-last_name",
    }
}

/// Query parameters of `GET /organizations/{organization_id}/memberships`.
///
/// The list filters (`user_id`, `email_address`, ...) accept up to 100 values each; values
/// that match nobody are ignored.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrganizationMembershipListParams {
    /// Sort order of the results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrganizationMembershipOrderBy>,
    /// Only members with these user ids; prefix an id with `+` to include or `-` to exclude.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_id: Vec<String>,
    /// Only members with these email addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email_address: Vec<String>,
    /// Only members with these phone numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phone_number: Vec<String>,
    /// Only members with these usernames.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub username: Vec<String>,
    /// Only members with these web3 wallet addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub web3_wallet: Vec<String>,
    /// Only members with these role keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role: Vec<String>,
    /// Partial match against email addresses, phone numbers, usernames, web3 wallets, user
    /// ids and names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Case-insensitive partial match against email addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_address_query: Option<String>,
    /// Case-insensitive partial match against phone numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_query: Option<String>,
    /// Case-insensitive partial match against usernames.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_query: Option<String>,
    /// Case-insensitive partial match against first and last names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_query: Option<String>,
    /// Only members whose last session activity is before this time (unix milliseconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_before: Option<i64>,
    /// Only members whose last session activity is after this time (unix milliseconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active_at_after: Option<i64>,
    /// Only members whose user was created before this time (unix milliseconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_before: Option<i64>,
    /// Only members whose user was created after this time (unix milliseconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_after: Option<i64>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { OrganizationMembershipListParams {
    opt order_by: OrganizationMembershipOrderBy,
    list user_id: String,
    list email_address: String,
    list phone_number: String,
    list username: String,
    list web3_wallet: String,
    list role: String,
    opt query: String,
    opt email_address_query: String,
    opt phone_number_query: String,
    opt username_query: String,
    opt name_query: String,
    opt last_active_at_before: i64,
    opt last_active_at_after: i64,
    opt created_at_before: i64,
    opt created_at_after: i64,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /organization_memberships` (every membership of the instance).
#[derive(Debug, Clone, Default, Serialize)]
pub struct InstanceOrganizationMembershipListParams {
    /// Sort order of the results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrganizationMembershipOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { InstanceOrganizationMembershipListParams {
    opt order_by: OrganizationMembershipOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /organizations/{organization_id}/memberships`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateOrganizationMembershipParams {
    /// Id of the user to add; they must exist in the same instance and not be a member yet.
    pub user_id: String,
    /// Key of the role the new member gets, e.g. `org:member`.
    pub role: String,
    /// Metadata readable from the Frontend API, writable only from the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Metadata visible only to the Backend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
}

impl CreateOrganizationMembershipParams {
    /// Adds the user `user_id` with the role `role`; no metadata.
    pub fn new(user_id: impl Into<String>, role: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            role: role.into(),
            public_metadata: None,
            private_metadata: None,
        }
    }
}

setters! { CreateOrganizationMembershipParams {
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
} }

/// JSON body of `PATCH /organizations/{organization_id}/memberships/{user_id}`.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateOrganizationMembershipParams {
    /// Key of the member's new role.
    pub role: String,
}

impl UpdateOrganizationMembershipParams {
    /// Gives the member the role `role`.
    pub fn new(role: impl Into<String>) -> Self {
        Self { role: role.into() }
    }
}

/// JSON body of `PATCH /organizations/{organization_id}/memberships/{user_id}/metadata`:
/// each object given is deep-merged into the stored one (set a key to `null` to remove it).
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateOrganizationMembershipMetadataParams {
    /// Merged into the membership's public metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Merged into the membership's private metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
}

setters! { UpdateOrganizationMembershipMetadataParams {
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
} }

/// Query parameters of `GET /users/{user_id}/organization_memberships`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UserOrganizationMembershipListParams {
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { UserOrganizationMembershipListParams {
    opt limit: i64,
    opt offset: i64,
} }
