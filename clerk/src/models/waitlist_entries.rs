//! Entries of the waitlist, and the filters and bodies of their endpoints.

use clerk_macros::{Deserialize, Serialize};

use crate::models::common::empty_object_as_none;
use crate::models::Invitation;

string_enum! {
    /// State of a [`WaitlistEntry`].
    pub enum WaitlistEntryStatus {
        /// Waiting.
        Pending = "pending",
        /// Invited to sign up.
        Invited = "invited",
        /// Rejected.
        Rejected = "rejected",
        /// Signed up from the invitation.
        Completed = "completed",
    }
}

string_enum! {
    /// Sort order for [`WaitlistEntryListParams::order_by`]: a field with a `+` (ascending)
    /// or `-` (descending) prefix. The API default is `-created_at`.
    pub enum WaitlistEntryOrderBy {
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// By email address, A to Z.
        EmailAddressAsc = "+email_address",
        /// By email address, Z to A.
        EmailAddressDesc = "-email_address",
        /// Earliest invited first.
        InvitedAtAsc = "+invited_at",
        /// Latest invited first.
        InvitedAtDesc = "-invited_at",
    }
}

/// Query parameters of `GET /waitlist_entries`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WaitlistEntryListParams {
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Only entries whose email address or id matches this text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Only entries in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<WaitlistEntryStatus>,
    /// Sort order (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<WaitlistEntryOrderBy>,
}

setters! { WaitlistEntryListParams {
    opt limit: i64,
    opt offset: i64,
    opt query: String,
    opt status: WaitlistEntryStatus,
    opt order_by: WaitlistEntryOrderBy,
} }

/// JSON body of `POST /waitlist_entries`, and one item of `POST /waitlist_entries/bulk`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateWaitlistEntryParams {
    /// Email address to put on the waitlist.
    pub email_address: String,
    /// Send a confirmation email (the API default is `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

impl CreateWaitlistEntryParams {
    /// Puts `email_address` on the waitlist.
    pub fn new(email_address: impl Into<String>) -> Self {
        Self {
            email_address: email_address.into(),
            notify: None,
        }
    }
}

setters! { CreateWaitlistEntryParams {
    opt notify: bool,
} }

/// JSON body of `POST /waitlist_entries/{waitlist_entry_id}/invite`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InviteWaitlistEntryParams {
    /// Invite even when the address already has an invitation or belongs to a user (the
    /// API default is `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_existing: Option<bool>,
}

setters! { InviteWaitlistEntryParams {
    opt ignore_existing: bool,
} }

/// A person waiting for access to the application.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct WaitlistEntry {
    /// Always `waitlist_entry`.
    pub object: String,
    /// Unique id of the entry.
    pub id: String,
    /// Email address on the waitlist.
    pub email_address: String,
    /// Whether the entry is waiting, invited, rejected or completed.
    pub status: WaitlistEntryStatus,
    /// Whether a batch action is processing the entry (it accepts no other action then).
    #[serde(default)]
    pub is_locked: Option<bool>,
    /// When the entry was created (unix milliseconds).
    pub created_at: i64,
    /// When the entry was last modified (unix milliseconds).
    pub updated_at: i64,
    /// The invitation sent for the entry, once invited.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub invitation: Option<Invitation>,
}
