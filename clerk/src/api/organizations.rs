//! Organizations: groups of users sharing memberships, roles and invitations.

use crate::models::{
    CreateOrganizationParams, DeletedObject, GetOrganizationParams, Organization, OrganizationKey,
    OrganizationListParams, UpdateOrganizationParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Organizations of the instance.
    Organizations {
        /// List organizations, newest first by default.
        list   = GET    "/organizations"                   query(OrganizationListParams)  -> Page<Organization>;
        /// Create an organization.
        create = POST   "/organizations"                   json(CreateOrganizationParams) -> Organization;
        /// Fetch one organization by id or by slug: pass an [`OrganizationKey`], or a `&str`
        /// that the server reads as an id when it starts with `org_` and as a slug otherwise.
        get(organization_id: OrganizationKey) = GET "/organizations/{organization_id}" query(GetOrganizationParams) -> Organization;
        /// Change an organization's name, slug, limits or role set.
        update = PATCH  "/organizations/{organization_id}" json(UpdateOrganizationParams) -> Organization;
        /// Delete an organization with its memberships and invitations; irreversible.
        delete = DELETE "/organizations/{organization_id}"                                -> DeletedObject;
    }
}
