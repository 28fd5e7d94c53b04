//! Directory sync connections: directories that provision users from an identity provider,
//! and the mappings from their groups to organization roles.

use crate::models::{
    CreateDirectoryGroupRoleMappingParams, CreateDirectoryParams, DeletedDirectoryGroupRoleMapping,
    DeletedObject, Directory, DirectoryGroupRoleMapping, DirectoryListParams,
    ReplaceDirectoryGroupRoleMappingsParams, UpdateDirectoryParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Directory sync connections.
    Directories {
        /// List the directories of the instance.
        #[secret]
        list = GET "/directories" query(DirectoryListParams) -> Page<Directory>;
        /// Create a directory for an enterprise connection; the answer carries its API key,
        /// shown only this once.
        #[secret]
        create = POST "/directories" json(CreateDirectoryParams) -> Directory;
        /// Fetch one directory.
        #[secret]
        get = GET "/directories/{directory_id}" -> Directory;
        /// Change the given settings of a directory.
        #[secret]
        update = PATCH "/directories/{directory_id}" json(UpdateDirectoryParams) -> Directory;
        /// Delete a directory: provisioning with its API key stops.
        delete = DELETE "/directories/{directory_id}" -> DeletedObject;
        /// Issue a new API key for a directory (returned once); the old one keeps working
        /// for a short grace period.
        #[secret]
        rotate_api_key = POST "/directories/{directory_id}/rotate_api_key" -> Directory;
        /// List the group-to-role mappings of a directory, by precedence.
        list_group_role_mappings = GET "/directories/{directory_id}/group_role_mappings" -> Page<DirectoryGroupRoleMapping>;
        /// Map a directory group to an organization role (group role mapping must be on).
        create_group_role_mapping = POST "/directories/{directory_id}/group_role_mappings" json(CreateDirectoryGroupRoleMappingParams) -> DirectoryGroupRoleMapping;
        /// Replace every group-to-role mapping of a directory; list order sets precedence.
        replace_group_role_mappings = PUT "/directories/{directory_id}/group_role_mappings" json(ReplaceDirectoryGroupRoleMappingsParams) -> Page<DirectoryGroupRoleMapping>;
        /// Delete one group-to-role mapping of a directory.
        delete_group_role_mapping = DELETE "/directories/{directory_id}/group_role_mappings/{mapping_id}" -> DeletedDirectoryGroupRoleMapping;
    }
}
