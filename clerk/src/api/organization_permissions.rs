//! Custom permissions that organization roles grant.

use crate::models::{
    CreatePermissionParams, DeletedObject, Permission, PermissionListParams, UpdatePermissionParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Custom permissions that organization roles grant.
    OrganizationPermissions {
        /// List the organization permissions of the instance.
        list = GET "/organization_permissions" query(PermissionListParams) -> Page<Permission>;
        /// Create a custom organization permission.
        create = POST "/organization_permissions" json(CreatePermissionParams) -> Permission;
        /// Fetch one organization permission by id.
        get = GET "/organization_permissions/{permission_id}" -> Permission;
        /// Change a custom permission's name, key or description (system ones are fixed).
        update = PATCH "/organization_permissions/{permission_id}" json(UpdatePermissionParams) -> Permission;
        /// Delete a custom permission (system ones cannot be deleted).
        delete = DELETE "/organization_permissions/{permission_id}" -> DeletedObject;
    }
}
