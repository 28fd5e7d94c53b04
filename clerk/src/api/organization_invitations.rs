//! Invitations to join an organization.

use crate::models::{
    CreateOrganizationInvitationParams, InstanceOrganizationInvitationListParams,
    OrganizationInvitation, OrganizationInvitationList, OrganizationInvitationListParams,
    PendingOrganizationInvitationListParams, RevokeOrganizationInvitationParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Invitations to join an organization.
    OrganizationInvitations {
        /// List the invitations of one organization, optionally by state or email address.
        list = GET "/organizations/{organization_id}/invitations" query(OrganizationInvitationListParams) -> Page<OrganizationInvitation>;
        /// List the invitations of every organization of the instance, each with the public
        /// data of its organization.
        list_instance = GET "/organization_invitations" query(InstanceOrganizationInvitationListParams) -> Page<OrganizationInvitation>;
        /// Create an invitation to an organization and, unless told otherwise, email it.
        create = POST "/organizations/{organization_id}/invitations" json(CreateOrganizationInvitationParams) -> OrganizationInvitation;
        /// Create up to 10 invitations to an organization in one call.
        create_bulk = POST "/organizations/{organization_id}/invitations/bulk" json(Vec<CreateOrganizationInvitationParams>) -> OrganizationInvitationList;
        /// List the pending invitations of an organization.
        #[deprecated(note = "Clerk deprecated this endpoint; use `list` with `OrganizationInvitationStatus::Pending`")]
        list_pending = GET "/organizations/{organization_id}/invitations/pending" query(PendingOrganizationInvitationListParams) -> Page<OrganizationInvitation>;
        /// Fetch one invitation of an organization.
        get = GET "/organizations/{organization_id}/invitations/{invitation_id}" -> OrganizationInvitation;
        /// Revoke a pending invitation so its link stops working.
        revoke = POST "/organizations/{organization_id}/invitations/{invitation_id}/revoke" json(RevokeOrganizationInvitationParams) -> OrganizationInvitation;
    }
}
