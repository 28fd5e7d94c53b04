//! Organization domains: email domains whose users can be invited into, or offered to join,
//! an organization.

use clerk_macros::{Deserialize, Serialize};
use serde::Serializer;

use crate::models::common::empty_object_as_none;
use crate::models::{
    EnrollmentMode, OrganizationInvitationPublicOrganizationData, VerificationStatus,
};

/// One enrollment-mode filter of a domain listing: keep domains with that mode
/// ([`include`](Self::include), also what an [`EnrollmentMode`] converts into) or drop them
/// ([`exclude`](Self::exclude), sent with a `-` prefix such as `-enterprise_sso`). Several
/// filters combine with AND.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EnrollmentModeFilter {
    /// The enrollment mode the filter is about.
    pub mode: EnrollmentMode,
    /// `true` to drop domains with this mode instead of keeping only them.
    pub exclude: bool,
}

impl EnrollmentModeFilter {
    /// Keeps only domains with this enrollment mode.
    pub fn include(mode: EnrollmentMode) -> Self {
        Self {
            mode,
            exclude: false,
        }
    }

    /// Drops domains with this enrollment mode.
    pub fn exclude(mode: EnrollmentMode) -> Self {
        Self {
            mode,
            exclude: true,
        }
    }

    /// The wire form: the mode, prefixed with `-` when excluding.
    fn wire(&self) -> String {
        if self.exclude {
            format!("-{}", self.mode)
        } else {
            self.mode.to_string()
        }
    }
}

impl From<EnrollmentMode> for EnrollmentModeFilter {
    fn from(mode: EnrollmentMode) -> Self {
        Self::include(mode)
    }
}

impl serde::Serialize for EnrollmentModeFilter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.wire())
    }
}

/// Sends a list of filters as one comma-separated value (`a,-b`), the `explode: false`
/// form the spec gives the `enrollment_mode` query parameter.
fn comma_separated<S: Serializer>(
    filters: &[EnrollmentModeFilter],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let joined: Vec<String> = filters.iter().map(EnrollmentModeFilter::wire).collect();
    serializer.serialize_str(&joined.join(","))
}

/// Progress of one of the two checks an [`OrganizationDomain`] goes through.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationDomainVerification {
    /// Current state: `unverified`, `verified`, `failed` or `expired`.
    pub status: VerificationStatus,
    /// Strategy used, e.g. `email_code`, a DNS TXT challenge or `manual_override`.
    pub strategy: String,
    /// Number of attempts made so far, if tracked.
    #[serde(default)]
    pub attempts: Option<i64>,
    /// When the pending attempt expires (unix milliseconds), if it does.
    #[serde(default)]
    pub expire_at: Option<i64>,
    /// When ownership was proven (unix milliseconds); only set on
    /// [`ownership_verification`](OrganizationDomain::ownership_verification).
    #[serde(default)]
    pub verified_at: Option<i64>,
}

/// An email domain attached to an organization.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OrganizationDomain {
    /// Always `organization_domain`.
    pub object: String,
    /// Unique id of the domain (`orgdmn_...`).
    pub id: String,
    /// Id of the organization owning the domain.
    pub organization_id: String,
    /// The domain name, e.g. `example.com`.
    pub name: String,
    /// How matching users join the organization.
    pub enrollment_mode: EnrollmentMode,
    /// Email address used to prove the affiliation between domain and organization, if any.
    #[serde(default)]
    pub affiliation_email_address: Option<String>,
    /// State of the user-facing affiliation check (such as an email code), if started.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub affiliation_verification: Option<OrganizationDomainVerification>,
    /// State of the DNS ownership proof (TXT challenge or dashboard override); `None` until
    /// ownership was attempted.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub ownership_verification: Option<OrganizationDomainVerification>,
    /// Deprecated alias of [`affiliation_verification`](Self::affiliation_verification),
    /// which should be preferred; the next API version drops it.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub verification: Option<OrganizationDomainVerification>,
    /// Number of pending invitations created through this domain.
    pub total_pending_invitations: i64,
    /// Number of pending membership suggestions created through this domain.
    pub total_pending_suggestions: i64,
    /// Public data of the owning organization, when included.
    #[serde(default, deserialize_with = "empty_object_as_none")]
    pub public_organization_data: Option<OrganizationInvitationPublicOrganizationData>,
    /// When the domain was added (unix milliseconds).
    pub created_at: i64,
    /// When the domain was last modified (unix milliseconds).
    pub updated_at: i64,
}

string_enum! {
    /// Sort order for [`OrganizationDomainListAllParams::order_by`]: a field with a `+`
    /// (ascending) or `-` (descending) prefix. The API default is `-created_at`.
    pub enum OrganizationDomainOrderBy {
        /// By domain name, A to Z.
        NameAsc = "+name",
        /// By domain name, Z to A.
        NameDesc = "-name",
        /// Oldest first.
        CreatedAtAsc = "+created_at",
        /// Newest first (the default).
        CreatedAtDesc = "-created_at",
    }
}

/// Query parameters of `GET /organizations/{organization_id}/domains`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct OrganizationDomainListParams {
    /// Only verified (`true`) or only unverified (`false`) domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Keep or drop domains by enrollment mode; several filters are sent comma-separated
    /// (e.g. `automatic_invitation,-enterprise_sso`) and combine with AND.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "comma_separated"
    )]
    pub enrollment_mode: Vec<EnrollmentModeFilter>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { OrganizationDomainListParams {
    opt verified: bool,
    list enrollment_mode: EnrollmentModeFilter,
    opt limit: i64,
    opt offset: i64,
} }

/// Query parameters of `GET /organization_domains` (domains of every organization).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct OrganizationDomainListAllParams {
    /// Only domains of this organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Only verified (`true`) or only unverified (`false`) domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Keep or drop domains by enrollment mode; sent as one comma-separated value (e.g.
    /// `automatic_invitation,-enterprise_sso`), the filters combining with AND.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "comma_separated"
    )]
    pub enrollment_mode: Vec<EnrollmentModeFilter>,
    /// Search text: an exact organization id when it starts with `org_`, otherwise a
    /// case-insensitive part of the domain name. Must not be empty or blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Only these exact domain names (sent as repeated `domains` keys).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Sort order of the results (default `-created_at`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OrganizationDomainOrderBy>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { OrganizationDomainListAllParams {
    opt organization_id: String,
    opt verified: bool,
    list enrollment_mode: EnrollmentModeFilter,
    opt query: String,
    list domains: String,
    opt order_by: OrganizationDomainOrderBy,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /organizations/{organization_id}/domains`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateOrganizationDomainParams {
    /// The domain name, e.g. `example.com`.
    pub name: String,
    /// How matching users join the organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrollment_mode: Option<EnrollmentMode>,
    /// Whether the domain starts out verified (the API defaults to `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

impl CreateOrganizationDomainParams {
    /// Starts a request adding the domain `name`; the enrollment mode and verification state
    /// are left to the API defaults.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            enrollment_mode: None,
            verified: None,
        }
    }
}

setters! { CreateOrganizationDomainParams {
    opt enrollment_mode: EnrollmentMode,
    opt verified: bool,
} }

/// JSON body of `PATCH /organizations/{organization_id}/domains/{domain_id}`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateOrganizationDomainParams {
    /// New enrollment mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrollment_mode: Option<EnrollmentMode>,
    /// New verification state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

setters! { UpdateOrganizationDomainParams {
    opt enrollment_mode: EnrollmentMode,
    opt verified: bool,
} }
