//! Directories that provision users from an identity provider (directory sync), under both
//! their current name (`/directories`) and their original SCIM name (`/scim_directories`),
//! and the mappings from directory groups to organization roles.
//!
//! The two families carry the same data: the SCIM flavour names fields `scim_*`, the
//! current one `directory_*`, and the answers of both carry both names with equal values.

use std::collections::BTreeMap;

use clerk_macros::{Deserialize, Serialize};

use crate::models::Role;
use crate::Secret;

/// A custom attribute read from the identity provider into user metadata, as listed on a
/// directory. Every field is optional in the spec.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct DirectoryCustomAttribute {
    /// Display name of the attribute.
    #[serde(default)]
    pub name: Option<String>,
    /// Key the value is stored under in the user's metadata.
    #[serde(default)]
    pub key: Option<String>,
    /// Where the value is read from in SSO claims (SAML assertion or OIDC claims).
    #[serde(default)]
    pub sso_path: Option<String>,
    /// GJSON path of the value in provisioned user resources (the older name of
    /// `directory_path`, same value).
    #[serde(default)]
    pub scim_path: Option<String>,
    /// GJSON path of the value in provisioned user resources.
    #[serde(default)]
    pub directory_path: Option<String>,
    /// Whether the attribute holds several values (stored as an array in public metadata).
    #[serde(default)]
    pub multi_valued: Option<bool>,
}

/// A directory: where an identity provider pushes users (and groups) to be provisioned.
///
/// `Debug` never shows [`api_key`](Self::api_key).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Directory {
    /// Always `directory`.
    pub object: String,
    /// Unique id of the directory.
    pub id: String,
    /// Human-friendly name.
    pub name: String,
    /// Enterprise connection the directory belongs to, if any.
    #[serde(default)]
    pub enterprise_connection_id: Option<String>,
    /// URL the identity provider sends provisioning requests to.
    pub endpoint_url: String,
    /// Identity provider the directory is set up for (free text in the spec).
    pub provider: String,
    /// Whether provisioning is enabled.
    pub enabled: bool,
    /// Whether directory groups are mapped to organization roles.
    pub group_role_mapping_enabled: bool,
    /// User attributes mapped to the directory attribute paths they are read from.
    pub attribute_mapping: BTreeMap<String, String>,
    /// Custom attributes read from the identity provider, when the feature is on.
    #[serde(default)]
    pub custom_attributes: Option<Vec<DirectoryCustomAttribute>>,
    /// Key the identity provider authenticates with; only present in the answers of
    /// create and of [`rotate_api_key`](crate::api::Directories::rotate_api_key).
    #[serde(default)]
    pub api_key: Option<Secret>,
    /// When the directory was created (unix milliseconds).
    pub created_at: i64,
    /// When the directory was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// A SCIM directory: the same shape as a [`Directory`] (the spec defines the two schemas
/// identically).
pub type ScimDirectory = Directory;

/// Maps the members of one directory group to an organization role. When a user is in
/// several mapped groups, the mapping with the lowest precedence wins.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct DirectoryGroupRoleMapping {
    /// Always `directory_group_role_mapping`.
    pub object: String,
    /// Unique id of the mapping.
    pub id: String,
    /// Directory the mapping belongs to.
    pub directory_id: String,
    /// Older name of `directory_id` (same value).
    pub scim_directory_id: String,
    /// Group id at the identity provider.
    pub directory_group_id: String,
    /// Older name of `directory_group_id` (same value).
    pub scim_group_id: String,
    /// Group name as the identity provider reports it.
    pub directory_group_display_name: String,
    /// Older name of `directory_group_display_name` (same value).
    pub scim_group_display_name: String,
    /// Organization role given to the group's members, when included.
    #[serde(default)]
    pub role: Option<Role>,
    /// Rank of the mapping, from 1; lower wins.
    pub precedence: i64,
    /// When the mapping was created (unix milliseconds).
    pub created_at: i64,
    /// When the mapping was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// Maps the members of one SCIM group to an organization role (the SCIM flavour of
/// [`DirectoryGroupRoleMapping`]). The lowest precedence wins.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ScimGroupRoleMapping {
    /// Always `scim_group_role_mapping`.
    pub object: String,
    /// Unique id of the mapping.
    pub id: String,
    /// Directory the mapping belongs to.
    pub scim_directory_id: String,
    /// Newer name of `scim_directory_id` (same value).
    pub directory_id: String,
    /// SCIM group id at the identity provider.
    pub scim_group_id: String,
    /// Newer name of `scim_group_id` (same value).
    pub directory_group_id: String,
    /// Group name as the identity provider reports it.
    pub scim_group_display_name: String,
    /// Newer name of `scim_group_display_name` (same value).
    pub directory_group_display_name: String,
    /// Organization role given to the group's members, when included.
    #[serde(default)]
    pub role: Option<Role>,
    /// Rank of the mapping, from 1; lower wins.
    pub precedence: i64,
    /// When the mapping was created (unix milliseconds).
    pub created_at: i64,
    /// When the mapping was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// Answer of `DELETE /directories/{directory_id}/group_role_mappings/{mapping_id}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct DeletedDirectoryGroupRoleMapping {
    /// Always `directory_group_role_mapping`.
    pub object: String,
    /// Id of the deleted mapping.
    pub id: String,
    /// Always `true`.
    pub deleted: bool,
}

/// Answer of `DELETE /scim_directories/{scim_directory_id}/group_role_mappings/{mapping_id}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct DeletedScimGroupRoleMapping {
    /// Always `scim_group_role_mapping`.
    pub object: String,
    /// Id of the deleted mapping.
    pub id: String,
    /// Always `true`.
    pub deleted: bool,
}

/// Query parameters of `GET /directories` and `GET /scim_directories`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DirectoryListParams {
    /// Page size (1 to 500, API default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of directories to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { DirectoryListParams {
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /scim_directories` (the same as for directories).
pub type ScimDirectoryListParams = DirectoryListParams;

/// One group-to-role mapping created together with a directory (an item of
/// [`CreateDirectoryParams::group_role_mappings`]). Exactly one of `directory_group_id` and
/// `scim_group_id` must be given (or both with the same value); [`new`](Self::new) sets
/// the first.
#[derive(Debug, Clone, Serialize)]
pub struct NewDirectoryGroupRoleMapping {
    /// Group id at the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_group_id: Option<String>,
    /// Older name of `directory_group_id`; if both are sent they must be equal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_group_id: Option<String>,
    /// Display name of the group (at most 255 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_group_display_name: Option<String>,
    /// Older name of `directory_group_display_name`; if both are sent they must be equal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_group_display_name: Option<String>,
    /// Id of the organization role the group's members get.
    pub role_id: String,
    /// Rank of the mapping (from 1, lower wins); defaults to the position in the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precedence: Option<i64>,
}

impl NewDirectoryGroupRoleMapping {
    /// Gives the members of group `directory_group_id` the role `role_id`.
    pub fn new(directory_group_id: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            directory_group_id: Some(directory_group_id.into()),
            scim_group_id: None,
            directory_group_display_name: None,
            scim_group_display_name: None,
            role_id: role_id.into(),
            precedence: None,
        }
    }
}

setters! { NewDirectoryGroupRoleMapping {
    opt directory_group_id: String,
    opt scim_group_id: String,
    opt directory_group_display_name: String,
    opt scim_group_display_name: String,
    opt precedence: i64,
} }

/// JSON body of `POST /directories`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateDirectoryParams {
    /// Enterprise connection the directory belongs to.
    pub enterprise_connection_id: String,
    /// Human-friendly name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Identity provider the directory is set up for.
    pub provider: String,
    /// Group-to-role mappings to create along with the directory.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub group_role_mappings: Vec<NewDirectoryGroupRoleMapping>,
}

impl CreateDirectoryParams {
    /// A directory for the enterprise connection `enterprise_connection_id`, fed by
    /// `provider`.
    pub fn new(enterprise_connection_id: impl Into<String>, provider: impl Into<String>) -> Self {
        Self {
            enterprise_connection_id: enterprise_connection_id.into(),
            name: None,
            provider: provider.into(),
            group_role_mappings: Vec::new(),
        }
    }
}

setters! { CreateDirectoryParams {
    opt name: String,
    list group_role_mappings: NewDirectoryGroupRoleMapping,
} }

/// One group-to-role mapping created together with a SCIM directory (an item of
/// [`CreateScimDirectoryParams::group_role_mappings`]).
#[derive(Debug, Clone, Serialize)]
pub struct NewScimGroupRoleMapping {
    /// SCIM group id at the identity provider.
    pub scim_group_id: String,
    /// Display name of the group (at most 255 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_group_display_name: Option<String>,
    /// Id of the organization role the group's members get.
    pub role_id: String,
    /// Rank of the mapping (from 1, lower wins); defaults to the position in the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precedence: Option<i64>,
}

impl NewScimGroupRoleMapping {
    /// Gives the members of SCIM group `scim_group_id` the role `role_id`.
    pub fn new(scim_group_id: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            scim_group_id: scim_group_id.into(),
            scim_group_display_name: None,
            role_id: role_id.into(),
            precedence: None,
        }
    }
}

setters! { NewScimGroupRoleMapping {
    opt scim_group_display_name: String,
    opt precedence: i64,
} }

/// JSON body of `POST /scim_directories`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateScimDirectoryParams {
    /// Enterprise connection the directory belongs to.
    pub enterprise_connection_id: String,
    /// Human-friendly name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Identity provider the directory is set up for.
    pub provider: String,
    /// SCIM group-to-role mappings to create along with the directory.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub group_role_mappings: Vec<NewScimGroupRoleMapping>,
}

impl CreateScimDirectoryParams {
    /// A SCIM directory for the enterprise connection `enterprise_connection_id`, fed by
    /// `provider`.
    pub fn new(enterprise_connection_id: impl Into<String>, provider: impl Into<String>) -> Self {
        Self {
            enterprise_connection_id: enterprise_connection_id.into(),
            name: None,
            provider: provider.into(),
            group_role_mappings: Vec::new(),
        }
    }
}

setters! { CreateScimDirectoryParams {
    opt name: String,
    list group_role_mappings: NewScimGroupRoleMapping,
} }

/// JSON body of `PATCH /directories/{directory_id}` and
/// `PATCH /scim_directories/{scim_directory_id}`: only the given fields change.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateDirectoryParams {
    /// New human-friendly name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Turns provisioning on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// New identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Entries merged into the attribute mapping (user attribute to directory path); a
    /// `None` value removes the entry. See [`map_attribute`](Self::map_attribute) and
    /// [`unmap_attribute`](Self::unmap_attribute).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_mapping: Option<BTreeMap<String, Option<String>>>,
    /// Turns group-to-role mapping on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_role_mapping_enabled: Option<bool>,
}

setters! { UpdateDirectoryParams {
    opt name: String,
    opt enabled: bool,
    opt provider: String,
    opt attribute_mapping: BTreeMap<String, Option<String>>,
    opt group_role_mapping_enabled: bool,
} }

impl UpdateDirectoryParams {
    /// Maps user attribute `attribute` to the directory path `path` (merged into the
    /// existing mapping).
    #[must_use]
    pub fn map_attribute(mut self, attribute: impl Into<String>, path: impl Into<String>) -> Self {
        self.attribute_mapping
            .get_or_insert_with(BTreeMap::new)
            .insert(attribute.into(), Some(path.into()));
        self
    }

    /// Removes user attribute `attribute` from the mapping (sent as `null`).
    #[must_use]
    pub fn unmap_attribute(mut self, attribute: impl Into<String>) -> Self {
        self.attribute_mapping
            .get_or_insert_with(BTreeMap::new)
            .insert(attribute.into(), None);
        self
    }
}

/// JSON body of `PATCH /scim_directories/{scim_directory_id}` (the same as for directories;
/// the paths of the attribute mapping are SCIM attribute paths).
pub type UpdateScimDirectoryParams = UpdateDirectoryParams;

/// JSON body of `POST /directories/{directory_id}/group_role_mappings`. Exactly one of
/// `directory_group_id` and `scim_group_id` must be given (or both with the same value);
/// [`new`](Self::new) sets the first.
#[derive(Debug, Clone, Serialize)]
pub struct CreateDirectoryGroupRoleMappingParams {
    /// Group id at the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_group_id: Option<String>,
    /// Older name of `directory_group_id`; if both are sent they must be equal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_group_id: Option<String>,
    /// Id of the organization role the group's members get.
    pub role_id: String,
    /// Rank of the mapping (from 1, lower wins); appended after the others by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precedence: Option<i64>,
}

impl CreateDirectoryGroupRoleMappingParams {
    /// Gives the members of group `directory_group_id` the role `role_id`.
    pub fn new(directory_group_id: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            directory_group_id: Some(directory_group_id.into()),
            scim_group_id: None,
            role_id: role_id.into(),
            precedence: None,
        }
    }
}

setters! { CreateDirectoryGroupRoleMappingParams {
    opt directory_group_id: String,
    opt scim_group_id: String,
    opt precedence: i64,
} }

/// One entry of [`ReplaceDirectoryGroupRoleMappingsParams`]: its position sets the
/// precedence. Exactly one of `directory_group_id` and `scim_group_id` must be given (or
/// both with the same value); [`new`](Self::new) sets the first.
#[derive(Debug, Clone, Serialize)]
pub struct DirectoryGroupRoleMappingEntry {
    /// Group id at the identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_group_id: Option<String>,
    /// Older name of `directory_group_id`; if both are sent they must be equal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scim_group_id: Option<String>,
    /// Id of the organization role the group's members get.
    pub role_id: String,
}

impl DirectoryGroupRoleMappingEntry {
    /// Gives the members of group `directory_group_id` the role `role_id`.
    pub fn new(directory_group_id: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            directory_group_id: Some(directory_group_id.into()),
            scim_group_id: None,
            role_id: role_id.into(),
        }
    }
}

setters! { DirectoryGroupRoleMappingEntry {
    opt directory_group_id: String,
    opt scim_group_id: String,
} }

/// JSON body of `PUT /directories/{directory_id}/group_role_mappings`: the complete new set
/// of mappings, in precedence order (the first gets 1). An empty list removes them all.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReplaceDirectoryGroupRoleMappingsParams {
    /// The mappings, highest priority first.
    pub mappings: Vec<DirectoryGroupRoleMappingEntry>,
}

impl ReplaceDirectoryGroupRoleMappingsParams {
    /// The given mappings, highest priority first (empty clears every mapping).
    pub fn new<I>(mappings: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<DirectoryGroupRoleMappingEntry>,
    {
        Self {
            mappings: mappings.into_iter().map(Into::into).collect(),
        }
    }
}

/// JSON body of `POST /scim_directories/{scim_directory_id}/group_role_mappings`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateScimGroupRoleMappingParams {
    /// SCIM group id at the identity provider.
    pub scim_group_id: String,
    /// Id of the organization role the group's members get.
    pub role_id: String,
    /// Rank of the mapping (from 1, lower wins); appended after the others by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precedence: Option<i64>,
}

impl CreateScimGroupRoleMappingParams {
    /// Gives the members of SCIM group `scim_group_id` the role `role_id`.
    pub fn new(scim_group_id: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            scim_group_id: scim_group_id.into(),
            role_id: role_id.into(),
            precedence: None,
        }
    }
}

setters! { CreateScimGroupRoleMappingParams {
    opt precedence: i64,
} }

/// One entry of [`ReplaceScimGroupRoleMappingsParams`]: its position sets the precedence.
#[derive(Debug, Clone, Serialize)]
pub struct ScimGroupRoleMappingEntry {
    /// SCIM group id at the identity provider.
    pub scim_group_id: String,
    /// Id of the organization role the group's members get.
    pub role_id: String,
}

impl ScimGroupRoleMappingEntry {
    /// Gives the members of SCIM group `scim_group_id` the role `role_id`.
    pub fn new(scim_group_id: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            scim_group_id: scim_group_id.into(),
            role_id: role_id.into(),
        }
    }
}

/// JSON body of `PUT /scim_directories/{scim_directory_id}/group_role_mappings`: the
/// complete new set of mappings, in precedence order (the first gets 1). An empty list
/// removes them all.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReplaceScimGroupRoleMappingsParams {
    /// The mappings, highest priority first.
    pub mappings: Vec<ScimGroupRoleMappingEntry>,
}

impl ReplaceScimGroupRoleMappingsParams {
    /// The given mappings, highest priority first (empty clears every mapping).
    pub fn new<I>(mappings: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<ScimGroupRoleMappingEntry>,
    {
        Self {
            mappings: mappings.into_iter().map(Into::into).collect(),
        }
    }
}
