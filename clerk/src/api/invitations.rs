//! Invitations: emails inviting people to sign up to the application.

use crate::models::{CreateInvitationParams, Invitation, InvitationListParams};
use crate::Page;

clerk_macros::endpoints! {
    /// Application invitations (not organization invitations).
    Invitations {
        /// List invitations, newest first by default.
        list        = GET  "/invitations"                          query(InvitationListParams)       -> Page<Invitation>;
        /// Create an invitation and, unless told otherwise, email it.
        create      = POST "/invitations"                          json(CreateInvitationParams)      -> Invitation;
        /// Create up to 10 invitations in one call.
        create_bulk = POST "/invitations/bulk"                     json(Vec<CreateInvitationParams>) -> Vec<Invitation>;
        /// Revoke a pending invitation so its link stops working.
        revoke      = POST "/invitations/{invitation_id}/revoke"                                     -> Invitation;
    }
}
