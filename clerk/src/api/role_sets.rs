//! Named sets of roles that organizations draw from.
//!
//! Every `role_set_key_or_id` argument accepts either the role set's key (such as
//! `role_set:default`) or its id.

use crate::models::{
    AddRoleSetRolesParams, CreateRoleSetParams, DeletedObject, ReplaceRoleSetParams,
    ReplaceRoleSetRoleParams, RoleSet, RoleSetListParams, UpdateRoleSetParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Named sets of roles that organizations draw from.
    RoleSets {
        /// List the role sets of the instance, newest first by default.
        list = GET "/role_sets" query(RoleSetListParams) -> Page<RoleSet>;
        /// Create a role set from existing roles.
        create = POST "/role_sets" json(CreateRoleSetParams) -> RoleSet;
        /// Fetch one role set by key or id.
        get = GET "/role_sets/{role_set_key_or_id}" -> RoleSet;
        /// Change a role set's name, key, description, type, default or creator role.
        update = PATCH "/role_sets/{role_set_key_or_id}" json(UpdateRoleSetParams) -> RoleSet;
        /// Retire a role set, moving the organizations that use it to another one.
        replace = POST "/role_sets/{role_set_key_or_id}/replace" json(ReplaceRoleSetParams) -> DeletedObject;
        /// Add roles to a role set, optionally making one of them the default or creator role.
        add_roles = POST "/role_sets/{role_set_key_or_id}/roles" json(AddRoleSetRolesParams) -> RoleSet;
        /// Remove a role from a role set, moving its members to another role of the set.
        replace_role = POST "/role_sets/{role_set_key_or_id}/roles/replace" json(ReplaceRoleSetRoleParams) -> RoleSet;
    }
}
