//! SCIM directories: the original name of directories, with SCIM-named fields.

use crate::models::{
    CreateScimDirectoryParams, CreateScimGroupRoleMappingParams, DeletedObject,
    DeletedScimGroupRoleMapping, ReplaceScimGroupRoleMappingsParams, ScimDirectory,
    ScimDirectoryListParams, ScimGroupRoleMapping, UpdateScimDirectoryParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// SCIM directories that provision users.
    ScimDirectories {
        /// List the SCIM directories of the instance.
        list = GET "/scim_directories" query(ScimDirectoryListParams) -> Page<ScimDirectory>;
        /// Create a SCIM directory for an enterprise connection; the answer carries its API
        /// key, shown only this once.
        create = POST "/scim_directories" json(CreateScimDirectoryParams) -> ScimDirectory;
        /// Fetch one SCIM directory.
        get = GET "/scim_directories/{scim_directory_id}" -> ScimDirectory;
        /// Change the given settings of a SCIM directory.
        update = PATCH "/scim_directories/{scim_directory_id}" json(UpdateScimDirectoryParams) -> ScimDirectory;
        /// Delete a SCIM directory: SCIM requests with its API key are rejected afterwards.
        delete = DELETE "/scim_directories/{scim_directory_id}" -> DeletedObject;
        /// Issue a new API key for a SCIM directory (returned once); the old one keeps
        /// working for a short grace period.
        rotate_api_key = POST "/scim_directories/{scim_directory_id}/rotate_api_key" -> ScimDirectory;
        /// List the SCIM group-to-role mappings of a directory, by precedence.
        list_group_role_mappings = GET "/scim_directories/{scim_directory_id}/group_role_mappings" -> Page<ScimGroupRoleMapping>;
        /// Map a SCIM group to an organization role (group role mapping must be on).
        create_group_role_mapping = POST "/scim_directories/{scim_directory_id}/group_role_mappings" json(CreateScimGroupRoleMappingParams) -> ScimGroupRoleMapping;
        /// Replace every SCIM group-to-role mapping of a directory; list order sets
        /// precedence.
        replace_group_role_mappings = PUT "/scim_directories/{scim_directory_id}/group_role_mappings" json(ReplaceScimGroupRoleMappingsParams) -> Page<ScimGroupRoleMapping>;
        /// Delete one SCIM group-to-role mapping of a directory.
        delete_group_role_mapping = DELETE "/scim_directories/{scim_directory_id}/group_role_mappings/{mapping_id}" -> DeletedScimGroupRoleMapping;
    }
}
