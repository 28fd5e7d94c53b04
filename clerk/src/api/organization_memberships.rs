//! Members of organizations and their roles.

use crate::models::{
    CreateOrganizationMembershipParams, InstanceOrganizationMembershipListParams,
    OrganizationMembership, OrganizationMembershipListParams,
    UpdateOrganizationMembershipMetadataParams, UpdateOrganizationMembershipParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Members of organizations and their roles.
    OrganizationMemberships {
        /// List the members of one organization, with filters on the members' identifiers.
        list = GET "/organizations/{organization_id}/memberships" query(OrganizationMembershipListParams) -> Page<OrganizationMembership>;
        /// List the memberships of every organization of the instance.
        list_instance = GET "/organization_memberships" query(InstanceOrganizationMembershipListParams) -> Page<OrganizationMembership>;
        /// Add an existing user to an organization with a role.
        create = POST "/organizations/{organization_id}/memberships" json(CreateOrganizationMembershipParams) -> OrganizationMembership;
        /// Change the role of a member.
        update = PATCH "/organizations/{organization_id}/memberships/{user_id}" json(UpdateOrganizationMembershipParams) -> OrganizationMembership;
        /// Remove a user from an organization; answers with the removed membership.
        delete = DELETE "/organizations/{organization_id}/memberships/{user_id}" -> OrganizationMembership;
        /// Deep-merge the given metadata into a membership's metadata (`null` removes a key).
        update_metadata = PATCH "/organizations/{organization_id}/memberships/{user_id}/metadata" json(UpdateOrganizationMembershipMetadataParams) -> OrganizationMembership;
    }
}
