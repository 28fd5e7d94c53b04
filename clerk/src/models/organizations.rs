//! Organizations: groups of users that share resources, roles and invitations.

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;
use crate::multipart::{FileUpload, Multipart, Part};

/// An organization of the instance.
///
/// Also the `data` of the `organization.created` and `organization.updated` webhooks (and
/// the `organization` of membership payloads), whose documented samples lack `has_image`,
/// `max_allowed_memberships` and `admin_delete_enabled`: those read as `false` / `0`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Organization {
    /// Always `organization`.
    pub object: String,
    /// Unique id of the organization (`org_...`).
    pub id: String,
    /// Display name of the organization.
    pub name: String,
    /// URL-friendly identifier, unique within the instance.
    pub slug: String,
    /// URL of the organization's logo or generated avatar.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Whether a custom logo was uploaded for the organization (`false` when absent).
    #[serde(default)]
    pub has_image: bool,
    /// Number of members; only present when the request asked for member counts.
    #[serde(default)]
    pub members_count: Option<i64>,
    /// Whether a user with elevated permissions is missing from the members; only present
    /// when the request asked for it.
    #[serde(default)]
    pub missing_member_with_elevated_permissions: Option<bool>,
    /// Number of invitations still waiting for an answer, when included.
    #[serde(default)]
    pub pending_invitations_count: Option<i64>,
    /// Upper bound on the number of memberships (`0`, no limit, when absent).
    #[serde(default)]
    pub max_allowed_memberships: i64,
    /// Whether admins may delete the organization through the Frontend API (`false` when
    /// absent).
    #[serde(default)]
    pub admin_delete_enabled: bool,
    /// Metadata readable from the Frontend API, writable only from the backend.
    #[serde(default)]
    pub public_metadata: Metadata,
    /// Metadata visible only to the Backend API.
    #[serde(default)]
    pub private_metadata: Option<Metadata>,
    /// Id of the user who created the organization, when known.
    #[serde(default)]
    pub created_by: Option<String>,
    /// When the organization was created (unix milliseconds).
    pub created_at: i64,
    /// When the organization was last modified (unix milliseconds).
    pub updated_at: i64,
    /// When the organization last saw activity (unix milliseconds), if ever.
    #[serde(default)]
    pub last_active_at: Option<i64>,
    /// Key of the role set assigned to the organization, if any.
    #[serde(default)]
    pub role_set_key: Option<String>,
}

string_enum! {
    /// Sort order for [`OrganizationListParams::order_by`]: a field with a `+` (ascending)
    /// or `-` (descending) prefix. The API default is `-created_at`.
    pub enum OrganizationOrderBy {
        /// By name, A to Z.
        NameAsc = "+name",
        /// By name, Z to A.
        NameDesc = "-name",
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
        /// Fewest members first.
        MembersCountAsc = "+members_count",
        /// Most members first.
        MembersCountDesc = "-members_count",
    }
}

/// Query parameters of `GET /organizations`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrganizationListParams {
    /// Include `members_count` in every returned organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_members_count: Option<bool>,
    /// Include `missing_member_with_elevated_permissions` in every returned organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_missing_member_with_elevated_permissions: Option<bool>,
    /// Match organizations by exact id, or partially by name or slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Only organizations having any of these users as members; prefix an id with `+` to
    /// include or `-` to exclude. Unknown ids are ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_id: Vec<String>,
    /// Only these organizations (up to 100 ids); prefix an id with `+` to include or `-`
    /// to exclude. Unknown ids are ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization_id: Vec<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrganizationOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { OrganizationListParams {
    opt include_members_count: bool,
    opt include_missing_member_with_elevated_permissions: bool,
    opt query: String,
    list user_id: String,
    list organization_id: String,
    opt order_by: OrganizationOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /organizations/{organization_id}` (the path segment accepts
/// either the organization id or its slug).
#[derive(Debug, Clone, Default, Serialize)]
pub struct GetOrganizationParams {
    /// Include `members_count` in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_members_count: Option<bool>,
    /// Include `missing_member_with_elevated_permissions` in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_missing_member_with_elevated_permissions: Option<bool>,
}

setters! { GetOrganizationParams {
    opt include_members_count: bool,
    opt include_missing_member_with_elevated_permissions: bool,
} }

/// JSON body of `POST /organizations`. It also reads back from that JSON (a field this type
/// lacks is an error), as the stand-in's seed files do.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganizationParams {
    /// Name of the new organization (no URLs or HTML, at most 256 characters).
    pub name: String,
    /// Id of the user who becomes the organization's admin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// Metadata visible only to the Backend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
    /// Metadata readable from the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Unique slug made of lowercase letters, digits and `-`; only when slugs are enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Upper bound on the number of memberships.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_allowed_memberships: Option<i64>,
    /// Backdated creation time as an RFC 3339 string, e.g. `2012-10-20T07:15:20.902Z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Key of the role set to assign to the organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_set_key: Option<String>,
}

impl CreateOrganizationParams {
    /// Starts a request creating an organization called `name`; every other field is unset.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            created_by: None,
            private_metadata: None,
            public_metadata: None,
            slug: None,
            max_allowed_memberships: None,
            created_at: None,
            role_set_key: None,
        }
    }
}

setters! { CreateOrganizationParams {
    opt created_by: String,
    opt private_metadata: Metadata,
    opt public_metadata: Metadata,
    opt slug: String,
    opt max_allowed_memberships: i64,
    opt created_at: String,
    opt role_set_key: String,
} }

/// JSON body of `PATCH /organizations/{organization_id}`. Metadata is not accepted here
/// (since API version 2026-05-12); use the organization metadata endpoints instead.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateOrganizationParams {
    /// New name (no URLs or HTML, at most 256 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New slug, unique within the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// New upper bound on the number of memberships.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_allowed_memberships: Option<i64>,
    /// Whether admins may delete the organization through the Frontend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_delete_enabled: Option<bool>,
    /// Backdated creation time as an RFC 3339 string, e.g. `2012-10-20T07:15:20.902Z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Key of the role set to assign to the organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_set_key: Option<String>,
}

setters! { UpdateOrganizationParams {
    opt name: String,
    opt slug: String,
    opt max_allowed_memberships: i64,
    opt admin_delete_enabled: bool,
    opt created_at: String,
    opt role_set_key: String,
} }

/// JSON body of `PATCH /organizations/{organization_id}/metadata` (deep merge into the stored
/// metadata; a key set to `null` is removed) and of `PUT /organizations/{organization_id}/metadata`
/// (the given objects replace the stored ones entirely). A field left unset is not touched.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateOrganizationMetadataParams {
    /// Metadata readable from the Frontend API, writable only from the backend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_metadata: Option<Metadata>,
    /// Metadata visible only to the Backend API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_metadata: Option<Metadata>,
}

setters! { UpdateOrganizationMetadataParams {
    opt public_metadata: Metadata,
    opt private_metadata: Metadata,
} }

/// The multipart body of `PUT /organizations/{organization_id}/logo`: the image in the
/// `file` field and, optionally, the user credited with the upload.
#[derive(Debug, Clone)]
pub struct OrganizationLogo {
    /// The image to upload.
    pub file: FileUpload,
    /// Id of the user credited with the upload.
    pub uploader_user_id: Option<String>,
}

impl OrganizationLogo {
    /// A logo upload of `file`, credited to nobody in particular.
    pub fn new(file: FileUpload) -> Self {
        Self {
            file,
            uploader_user_id: None,
        }
    }
}

setters! { OrganizationLogo {
    opt uploader_user_id: String,
} }

impl From<FileUpload> for OrganizationLogo {
    fn from(file: FileUpload) -> Self {
        Self::new(file)
    }
}

impl From<OrganizationLogo> for Multipart {
    fn from(logo: OrganizationLogo) -> Self {
        let mut form = Multipart::new();
        if let Some(uploader) = logo.uploader_user_id {
            form = form.part(Part::text("uploader_user_id", uploader));
        }
        form.part(logo.file.into_part("file"))
    }
}

/// Which organization `GET /organizations/{organization_id}` should fetch: the path accepts an
/// id or a slug. A string converts to [`OrganizationKey::IdOrSlug`] and lets the server decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganizationKey {
    /// An organization id (`org_...`).
    Id(String),
    /// An organization slug. Clerk reads values starting with `org_` as ids, so such a slug
    /// is rejected before sending rather than fetching the wrong organization.
    Slug(String),
    /// Either; the server reads `org_...` as an id and anything else as a slug.
    IdOrSlug(String),
}

impl OrganizationKey {
    /// An organization id (`org_...`).
    pub fn id(id: impl Into<String>) -> Self {
        Self::Id(id.into())
    }

    /// An organization slug.
    pub fn slug(slug: impl Into<String>) -> Self {
        Self::Slug(slug.into())
    }
}

impl From<&str> for OrganizationKey {
    fn from(value: &str) -> Self {
        Self::IdOrSlug(value.to_owned())
    }
}

impl From<String> for OrganizationKey {
    fn from(value: String) -> Self {
        Self::IdOrSlug(value)
    }
}

impl From<&String> for OrganizationKey {
    fn from(value: &String) -> Self {
        Self::IdOrSlug(value.clone())
    }
}

impl crate::PathParam for OrganizationKey {
    fn path_value(&self) -> Result<&str, String> {
        match self {
            Self::Id(id) if !id.starts_with("org_") => Err(format!(
                "`{id}` is not an organization id (they start with `org_`)"
            )),
            Self::Slug(slug) if slug.starts_with("org_") => Err(format!(
                "the slug `{slug}` starts with `org_`, which Clerk reads as an id"
            )),
            Self::Id(v) | Self::Slug(v) | Self::IdOrSlug(v) => Ok(v),
        }
    }
}
