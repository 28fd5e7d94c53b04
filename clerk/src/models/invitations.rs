//! Application invitations: emails inviting someone to sign up to the instance.

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;

string_enum! {
    /// Lifecycle state of an [`Invitation`].
    pub enum InvitationStatus {
        /// Sent and waiting to be used.
        Pending = "pending",
        /// Used to sign up.
        Accepted = "accepted",
        /// Cancelled before it was used.
        Revoked = "revoked",
        /// No longer valid because its expiry passed.
        Expired = "expired",
    }
}

/// An invitation to sign up to the application.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Invitation {
    /// Always `invitation`.
    pub object: String,
    /// Unique id of the invitation (`inv_...`).
    pub id: String,
    /// Address the invitation was sent to.
    pub email_address: String,
    /// Metadata copied into the user's public metadata once they sign up.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Whether the invitation was revoked.
    #[serde(default)]
    pub revoked: Option<bool>,
    /// Current state of the invitation.
    pub status: InvitationStatus,
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
}

string_enum! {
    /// Sort order for [`InvitationListParams::order_by`]: a field with a `+` (ascending) or
    /// `-` (descending) prefix. The API default is `-created_at`.
    pub enum InvitationOrderBy {
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// By email address, A to Z.
        EmailAddressAsc = "+email_address",
        /// By email address, Z to A.
        EmailAddressDesc = "-email_address",
        /// Soonest expiry first.
        ExpiresAtAsc = "+expires_at",
        /// Latest expiry first.
        ExpiresAtDesc = "-expires_at",
    }
}

/// Query parameters of `GET /invitations`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InvitationListParams {
    /// Only invitations in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<InvitationStatus>,
    /// Match invitations by email address or id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<InvitationOrderBy>,
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

setters! { InvitationListParams {
    opt status: InvitationStatus,
    opt query: String,
    opt order_by: InvitationOrderBy,
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

string_enum! {
    /// Email template used when sending an invitation.
    pub enum InvitationTemplateSlug {
        /// The regular invitation email.
        Invitation = "invitation",
        /// The email inviting someone off the waitlist.
        WaitlistInvitation = "waitlist_invitation",
    }
}

/// JSON body of `POST /invitations`; `POST /invitations/bulk` takes an array of these
/// (1 to 10 items).
#[derive(Debug, Clone, Serialize)]
pub struct CreateInvitationParams {
    /// Address the invitation is sent to.
    pub email_address: String,
    /// Metadata copied into the user's public metadata once they sign up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Where the invitation link sends the user; needed only for custom flows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// Whether to email the invitation (the API defaults to `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
    /// Create the invitation even if one already exists for this address or it is claimed
    /// by another user (the API defaults to `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_existing: Option<bool>,
    /// Validity in days, 1 to 365 (the API defaults to 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_days: Option<i64>,
    /// Email template to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template_slug: Option<InvitationTemplateSlug>,
}

impl CreateInvitationParams {
    /// Starts an invitation for `email_address`; every other field is unset.
    pub fn new(email_address: impl Into<String>) -> Self {
        Self {
            email_address: email_address.into(),
            public_metadata: None,
            redirect_url: None,
            notify: None,
            ignore_existing: None,
            expires_in_days: None,
            template_slug: None,
        }
    }
}

setters! { CreateInvitationParams {
    opt public_metadata: Metadata,
    opt redirect_url: String,
    opt notify: bool,
    opt ignore_existing: bool,
    opt expires_in_days: i64,
    opt template_slug: InvitationTemplateSlug,
} }
