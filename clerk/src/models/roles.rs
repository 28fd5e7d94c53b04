//! Organization roles, the permissions they grant, and role sets (the named groups of roles
//! an organization draws from).

use std::collections::BTreeMap;

use clerk_macros::{Deserialize, Serialize};

use crate::models::common::empty_object_as_none;

/// A permission that organization roles can grant, such as `org:billing:manage`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Permission {
    /// Always `permission`.
    pub object: String,
    /// Unique id of the permission (`perm_...`).
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Key used in authorization checks, shaped `org:<feature>:<action>`.
    pub key: String,
    /// Free-text description.
    pub description: String,
    /// Origin of the permission: `system` for the built-in ones, `user` for custom ones.
    #[serde(rename = "type")]
    pub kind: String,
    /// When the permission was created (unix milliseconds).
    pub created_at: i64,
    /// When the permission was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A role that organization members can hold, with the permissions it grants.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Role {
    /// Always `role`.
    pub object: String,
    /// Unique id of the role (`role_...`).
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Key used in authorization checks, shaped `org:<name>`.
    pub key: String,
    /// Free-text description, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the role may be given to the creators of organizations.
    pub is_creator_eligible: bool,
    /// Permissions the role grants.
    pub permissions: Vec<Permission>,
    /// When the role was created (unix milliseconds).
    pub created_at: i64,
    /// When the role was last modified (unix milliseconds).
    pub updated_at: i64,
}

string_enum! {
    /// Kind of a [`RoleSet`].
    pub enum RoleSetType {
        /// The role set new organizations get; at most one per instance.
        Initial = "initial",
        /// Any other role set.
        Custom = "custom",
    }
}

/// A role as listed inside a [`RoleSet`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct RoleSetItem {
    /// Always `role_set_item`.
    pub object: String,
    /// Id of the role.
    pub id: String,
    /// Human-readable name of the role.
    pub name: String,
    /// Key of the role, such as `org:admin`.
    pub key: String,
    /// Free-text description of the role, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// Number of members holding the role within the role set, when reported.
    #[serde(default)]
    pub members_count: Option<i64>,
    /// Whether any member holds the role within the role set, when reported.
    #[serde(default)]
    pub has_members: Option<bool>,
    /// When the role was created (unix milliseconds).
    pub created_at: i64,
    /// When the role was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A migration of members from one role set (or role) to another, while it runs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct RoleSetMigration {
    /// Always `role_set_migration`.
    pub object: String,
    /// Unique id of the migration.
    pub id: String,
    /// Organization the migration is limited to, if any.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Instance the migration belongs to.
    pub instance_id: String,
    /// Id of the role set members are moved away from.
    pub source_role_set_id: String,
    /// Id of the role set members are moved to, if any.
    #[serde(default)]
    pub dest_role_set_id: Option<String>,
    /// What started the migration, e.g. `role_set_deletion` or `role_removal`.
    pub trigger_type: String,
    /// Progress, e.g. `enqueued`, `in_progress` or `completed`.
    pub status: String,
    /// Number of members migrated so far.
    pub migrated_members: i64,
    /// Source role keys mapped to destination role keys, if any.
    #[serde(default)]
    pub mappings: Option<BTreeMap<String, String>>,
    /// When the migration started (unix milliseconds), if it has.
    #[serde(default)]
    pub started_at: Option<i64>,
    /// When the migration finished (unix milliseconds), if it has.
    #[serde(default)]
    pub completed_at: Option<i64>,
    /// When the migration was created (unix milliseconds).
    pub created_at: i64,
    /// When the migration was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A named collection of roles that organizations draw their members' roles from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct RoleSet {
    /// Always `role_set`.
    pub object: String,
    /// Unique id of the role set.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Unique key, such as `role_set:default`.
    pub key: String,
    /// Free-text description, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// Roles in the set.
    pub roles: Vec<RoleSetItem>,
    /// Role new members get, if set.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub default_role: Option<RoleSetItem>,
    /// Role the creator of an organization gets, if set.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub creator_role: Option<RoleSetItem>,
    /// Whether this is the instance's initial role set or a custom one.
    #[serde(rename = "type")]
    pub kind: RoleSetType,
    /// The migration in progress, only while one is enqueued or running.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub role_set_migration: Option<RoleSetMigration>,
    /// When the role set was created (unix milliseconds).
    pub created_at: i64,
    /// When the role set was last modified (unix milliseconds).
    pub updated_at: i64,
}

string_enum! {
    /// Sort order of role, permission and role set listings: a field with a `+` (ascending)
    /// or `-` (descending) prefix. The API default is `-created_at`.
    pub enum RoleOrderBy {
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// By name, A to Z.
        NameAsc = "+name",
        /// By name, Z to A.
        NameDesc = "-name",
        /// By key, A to Z.
        KeyAsc = "+key",
        /// By key, Z to A.
        KeyDesc = "-key",
    }
}

/// Sort order of [`PermissionListParams::order_by`] (same fields as roles).
pub type PermissionOrderBy = RoleOrderBy;

/// Sort order of [`RoleSetListParams::order_by`] (same fields as roles).
pub type RoleSetOrderBy = RoleOrderBy;

/// Query parameters of `GET /organization_roles`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RoleListParams {
    /// Match roles by exact id, or partially by name or key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<RoleOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { RoleListParams {
    opt query: String,
    opt order_by: RoleOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /organization_roles`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateRoleParams {
    /// Name of the new role.
    pub name: String,
    /// Unique key: `org:` followed by lowercase letters, digits and underscores.
    pub key: String,
    /// Free-text description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ids of the permissions the role grants.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
    /// Whether to add the role to the initial role set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_in_initial_role_set: Option<bool>,
}

impl CreateRoleParams {
    /// Starts a request creating a role called `name` with the given `key`
    /// (e.g. `org:billing_manager`); every other field is unset.
    pub fn new(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            key: key.into(),
            description: None,
            permissions: Vec::new(),
            include_in_initial_role_set: None,
        }
    }
}

setters! { CreateRoleParams {
    opt description: String,
    list permissions: String,
    opt include_in_initial_role_set: bool,
} }

/// JSON body of `PATCH /organization_roles/{organization_role_id}`; only the fields set
/// are changed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateRoleParams {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New key: `org:` followed by lowercase letters, digits and underscores. Organization
    /// settings that name the role (creator or domain default role) follow the change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// New description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ids of the permissions the role grants, replacing the current ones; `Some(vec![])`
    /// removes them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
}

setters! { UpdateRoleParams {
    opt name: String,
    opt key: String,
    opt description: String,
} }

impl UpdateRoleParams {
    /// Sets [`permissions`](Self::permissions): the full new list of permission ids (an
    /// empty list removes every permission).
    #[must_use]
    pub fn permissions<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.permissions = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

/// Query parameters of `GET /organization_permissions`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PermissionListParams {
    /// Match permissions by exact id, or partially by name or key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Sort order of the results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<PermissionOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { PermissionListParams {
    opt query: String,
    opt order_by: PermissionOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /organization_permissions`.
#[derive(Debug, Clone, Serialize)]
pub struct CreatePermissionParams {
    /// Name of the new permission.
    pub name: String,
    /// Key shaped `org:<feature>:<action>` (lowercase letters, digits and underscores), e.g.
    /// `org:billing:manage`; the `org:sys_` prefix is reserved for system permissions.
    pub key: String,
    /// Free-text description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreatePermissionParams {
    /// Starts a request creating a permission called `name` with the given `key`.
    pub fn new(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            key: key.into(),
            description: None,
        }
    }
}

setters! { CreatePermissionParams {
    opt description: String,
} }

/// JSON body of `PATCH /organization_permissions/{permission_id}`; only the fields set are
/// changed. System permissions cannot be updated.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdatePermissionParams {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New key shaped `org:<feature>:<action>`; `org:sys_` is reserved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// New description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

setters! { UpdatePermissionParams {
    opt name: String,
    opt key: String,
    opt description: String,
} }

/// Query parameters of `GET /role_sets`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RoleSetListParams {
    /// Match role sets by exact id, or partially by name or key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<RoleSetOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { RoleSetListParams {
    opt query: String,
    opt order_by: RoleSetOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /role_sets`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateRoleSetParams {
    /// Name of the new role set.
    pub name: String,
    /// Unique key: `role_set:` followed by lowercase letters, digits and underscores. The
    /// API derives one from the name when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Free-text description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Key of the role new members get; must be one of [`roles`](Self::roles).
    pub default_role_key: String,
    /// Key of the role organization creators get; must be one of [`roles`](Self::roles).
    pub creator_role_key: String,
    /// Kind of role set; making it [`RoleSetType::Initial`] gives it to new organizations
    /// (one per instance).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<RoleSetType>,
    /// Keys of the roles in the set (1 to 10).
    pub roles: Vec<String>,
}

impl CreateRoleSetParams {
    /// Starts a request creating a role set called `name` holding `roles` (role keys, 1 to
    /// 10), with the default role of new members and the role of organization creators
    /// (both among `roles`).
    pub fn new<I>(
        name: impl Into<String>,
        default_role_key: impl Into<String>,
        creator_role_key: impl Into<String>,
        roles: I,
    ) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self {
            name: name.into(),
            key: None,
            description: None,
            default_role_key: default_role_key.into(),
            creator_role_key: creator_role_key.into(),
            kind: None,
            roles: roles.into_iter().map(Into::into).collect(),
        }
    }
}

setters! { CreateRoleSetParams {
    opt key: String,
    opt description: String,
    opt kind: RoleSetType,
} }

/// JSON body of `PATCH /role_sets/{role_set_key_or_id}`; only the fields set are changed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateRoleSetParams {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New key: `role_set:` followed by lowercase letters, digits and underscores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// New description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Only [`RoleSetType::Initial`] is accepted: it makes this the role set of new
    /// organizations and turns the previous initial one into a custom one.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<RoleSetType>,
    /// Key of the role new members get; must already be in the set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_role_key: Option<String>,
    /// Key of the role organization creators get; must already be in the set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator_role_key: Option<String>,
}

setters! { UpdateRoleSetParams {
    opt name: String,
    opt key: String,
    opt description: String,
    opt kind: RoleSetType,
    opt default_role_key: String,
    opt creator_role_key: String,
} }

/// JSON body of `POST /role_sets/{role_set_key_or_id}/replace`: retires a role set, moving
/// its organizations to another one.
#[derive(Debug, Clone, Serialize)]
pub struct ReplaceRoleSetParams {
    /// Key of the role set the organizations move to.
    pub dest_role_set_key: String,
    /// Source role keys mapped to destination role keys; needed when members hold roles
    /// that have to be reassigned.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub reassignment_mappings: BTreeMap<String, String>,
}

impl ReplaceRoleSetParams {
    /// Starts a request moving the organizations to the role set `dest_role_set_key`, with
    /// no role mappings.
    pub fn new(dest_role_set_key: impl Into<String>) -> Self {
        Self {
            dest_role_set_key: dest_role_set_key.into(),
            reassignment_mappings: BTreeMap::new(),
        }
    }

    /// Adds one mapping: members holding `from_role_key` get `to_role_key`.
    #[must_use]
    pub fn map_role(
        mut self,
        from_role_key: impl Into<String>,
        to_role_key: impl Into<String>,
    ) -> Self {
        self.reassignment_mappings
            .insert(from_role_key.into(), to_role_key.into());
        self
    }
}

/// JSON body of `POST /role_sets/{role_set_key_or_id}/roles`.
#[derive(Debug, Clone, Serialize)]
pub struct AddRoleSetRolesParams {
    /// Keys of the roles to add (1 to 10).
    pub role_keys: Vec<String>,
    /// Make one of the added roles the default role of new members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_role_key: Option<String>,
    /// Make one of the added roles the role of organization creators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator_role_key: Option<String>,
}

impl AddRoleSetRolesParams {
    /// Starts a request adding the roles with these keys (1 to 10).
    pub fn new<I>(role_keys: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Self {
            role_keys: role_keys.into_iter().map(Into::into).collect(),
            default_role_key: None,
            creator_role_key: None,
        }
    }
}

setters! { AddRoleSetRolesParams {
    opt default_role_key: String,
    opt creator_role_key: String,
} }

/// JSON body of `POST /role_sets/{role_set_key_or_id}/roles/replace`: removes a role from
/// the set and moves its members to another role.
#[derive(Debug, Clone, Serialize)]
pub struct ReplaceRoleSetRoleParams {
    /// Key of the role to remove from the set.
    pub role_key: String,
    /// Key of the role its members get instead.
    pub to_role_key: String,
}

impl ReplaceRoleSetRoleParams {
    /// Removes `role_key` from the set, moving its members to `to_role_key`.
    pub fn new(role_key: impl Into<String>, to_role_key: impl Into<String>) -> Self {
        Self {
            role_key: role_key.into(),
            to_role_key: to_role_key.into(),
        }
    }
}
