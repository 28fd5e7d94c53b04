//! Organization invitations: emails inviting someone to join an organization with a role.

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;

string_enum! {
    /// Lifecycle state of an [`OrganizationInvitation`].
    pub enum OrganizationInvitationStatus {
        /// Sent and waiting for an answer.
        Pending = "pending",
        /// Accepted: the invitee became a member.
        Accepted = "accepted",
        /// Cancelled before it was accepted.
        Revoked = "revoked",
        /// No longer valid because its expiry passed.
        Expired = "expired",
    }
}

/// An invitation to join an organization.
///
/// The instance-wide list (`GET /organization_invitations`) also fills
/// [`public_organization_data`](Self::public_organization_data); other endpoints leave it
/// `None`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationInvitation {
    /// Always `organization_invitation`.
    pub object: String,
    /// Unique id of the invitation (`orginv_...`).
    pub id: String,
    /// Address the invitation was sent to.
    pub email_address: String,
    /// Key of the role the invitee gets on accepting, e.g. `org:member`.
    pub role: String,
    /// Human-readable name of that role.
    pub role_name: String,
    /// Id of the organization the invitation is for, when returned.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Id of the user who sent the invitation, if one was recorded.
    #[serde(default)]
    pub inviter_id: Option<String>,
    /// Public profile of the user who sent the invitation, if any.
    #[serde(
        default,
        deserialize_with = "crate::models::common::empty_object_as_none"
    )]
    pub public_inviter_data: Option<OrganizationInvitationPublicUserData>,
    /// Current state of the invitation, when returned.
    #[serde(default)]
    pub status: Option<OrganizationInvitationStatus>,
    /// Metadata copied to the membership once the invitation is accepted; readable from
    /// the Frontend API.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Metadata copied to the membership once the invitation is accepted; visible only to
    /// the Backend API.
    #[serde(default)]
    pub private_metadata: Option<Metadata>,
    /// Link the invitee follows to accept, when available.
    #[serde(default)]
    pub url: Option<String>,
    /// When the invitation stops being valid (unix milliseconds), if it expires.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// When the invitation was created (unix milliseconds).
    pub created_at: i64,
    /// When the invitation was last modified (unix milliseconds).
    pub updated_at: i64,
    /// Public data of the organization; only filled by the instance-wide list.
    #[serde(default)]
    pub public_organization_data: Option<OrganizationInvitationPublicOrganizationData>,
}

/// The public profile of the user who sent an [`OrganizationInvitation`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationInvitationPublicUserData {
    /// Id of the inviter (`user_...`).
    pub user_id: String,
    /// Given name, if set.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name, if set.
    #[serde(default)]
    pub last_name: Option<String>,
    /// URL of the inviter's profile image or generated avatar.
    pub image_url: String,
    /// Whether the inviter uploaded a profile image.
    pub has_image: bool,
    /// The inviter's main identifier (email address, phone number or username).
    pub identifier: String,
}

/// The public data of the organization an [`OrganizationInvitation`] is for.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationInvitationPublicOrganizationData {
    /// Id of the organization (`org_...`).
    pub id: String,
    /// Display name of the organization.
    pub name: String,
    /// URL-friendly identifier of the organization.
    pub slug: String,
    /// URL of the organization's logo or generated avatar, when returned.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Whether a custom logo was uploaded for the organization.
    pub has_image: bool,
}

/// The answer of `POST /organizations/{organization_id}/invitations/bulk`: the invitations
/// created, with their count.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationInvitationList {
    /// The invitations.
    pub data: Vec<OrganizationInvitation>,
    /// Number of invitations in `data`.
    pub total_count: i64,
}

string_enum! {
    /// Sort order of organization invitation lists: a field with a `+` (ascending) or `-`
    /// (descending) prefix. The API default is `-created_at`.
    pub enum OrganizationInvitationOrderBy {
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// By email address, A to Z.
        EmailAddressAsc = "+email_address",
        /// By email address, Z to A.
        EmailAddressDesc = "-email_address",
    }
}

/// Query parameters of `GET /organizations/{organization_id}/invitations`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrganizationInvitationListParams {
    /// Only invitations in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OrganizationInvitationStatus>,
    /// Only invitations sent to this email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrganizationInvitationOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { OrganizationInvitationListParams {
    opt status: OrganizationInvitationStatus,
    opt email_address: String,
    opt order_by: OrganizationInvitationOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /organization_invitations` (invitations of every organization
/// of the instance).
#[derive(Debug, Clone, Default, Serialize)]
pub struct InstanceOrganizationInvitationListParams {
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrganizationInvitationOrderBy>,
    /// Only invitations in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OrganizationInvitationStatus>,
    /// Match invitations by email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { InstanceOrganizationInvitationListParams {
    opt order_by: OrganizationInvitationOrderBy,
    opt status: OrganizationInvitationStatus,
    opt query: String,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of the deprecated `GET /organizations/{organization_id}/invitations/pending`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PendingOrganizationInvitationListParams {
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { PendingOrganizationInvitationListParams {
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /organizations/{organization_id}/invitations`;
/// `POST /organizations/{organization_id}/invitations/bulk` takes an array of these
/// (1 to 10 items).
#[derive(Debug, Clone, Serialize)]
pub struct CreateOrganizationInvitationParams {
    /// Address the invitation is sent to.
    pub email_address: String,
    /// Key of the role the invitee gets on accepting, e.g. `org:member`.
    pub role: String,
    /// Id of the user sending the invitation; they must be an admin of the organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inviter_user_id: Option<String>,
    /// Metadata moved to the membership on acceptance; readable from the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Metadata moved to the membership on acceptance; visible only to the Backend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
    /// Where the invitee lands after following the link in the email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// Validity in days, 1 to 365 (the API defaults to 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_days: Option<i64>,
    /// Whether to email the invitation (the API defaults to `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

impl CreateOrganizationInvitationParams {
    /// Invites `email_address` with the role `role`; every other field is unset.
    pub fn new(email_address: impl Into<String>, role: impl Into<String>) -> Self {
        Self {
            email_address: email_address.into(),
            role: role.into(),
            inviter_user_id: None,
            public_metadata: None,
            private_metadata: None,
            redirect_url: None,
            expires_in_days: None,
            notify: None,
        }
    }
}

setters! { CreateOrganizationInvitationParams {
    opt inviter_user_id: String,
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
    opt redirect_url: String,
    opt expires_in_days: i64,
    opt notify: bool,
} }

/// JSON body of `POST /organizations/{organization_id}/invitations/{invitation_id}/revoke`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RevokeOrganizationInvitationParams {
    /// Id of the user revoking the invitation; they must be an admin of the organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requesting_user_id: Option<String>,
}

setters! { RevokeOrganizationInvitationParams {
    opt requesting_user_id: String,
} }

/// Query parameters of `GET /users/{user_id}/organization_invitations`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UserOrganizationInvitationListParams {
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only invitations in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OrganizationInvitationStatus>,
}

setters! { UserOrganizationInvitationListParams {
    opt limit: i64,
    opt offset: i64,
    opt status: OrganizationInvitationStatus,
} }
