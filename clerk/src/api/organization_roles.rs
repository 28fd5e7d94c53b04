//! Custom roles that organization members can hold.

use crate::models::{CreateRoleParams, DeletedObject, Role, RoleListParams, UpdateRoleParams};
use crate::Page;

clerk_macros::endpoints! {
    /// Custom roles that organization members can hold.
    OrganizationRoles {
        /// List the organization roles of the instance, newest first by default.
        list = GET "/organization_roles" query(RoleListParams) -> Page<Role>;
        /// Create an organization role, optionally with permissions.
        create = POST "/organization_roles" json(CreateRoleParams) -> Role;
        /// Fetch one organization role by id.
        get = GET "/organization_roles/{organization_role_id}" -> Role;
        /// Change a role's name, key, description or permissions.
        update = PATCH "/organization_roles/{organization_role_id}" json(UpdateRoleParams) -> Role;
        /// Delete a role that no member, invitation or organization setting uses.
        delete = DELETE "/organization_roles/{organization_role_id}" -> DeletedObject;
        /// Grant a permission through a role.
        assign_permission = POST "/organization_roles/{organization_role_id}/permissions/{permission_id}" -> Role;
        /// Stop granting a permission through a role.
        remove_permission = DELETE "/organization_roles/{organization_role_id}/permissions/{permission_id}" -> Role;
    }
}
