//! The email domains of organizations, on the generic table: add, list (paged, filtered by
//! verification and enrollment mode), change and remove, all under
//! `/organizations/{organization_id}/domains`.
//!
//! The rules of their own: a name is a lowercase host name with a dot and belongs to one
//! organization of the instance at most; the enrollment mode is `manual_invitation` unless
//! told otherwise, and the automatic modes need a verified domain; `enterprise_sso` needs an
//! enterprise connection, which the stand-in does not have. Domains start verified unless
//! `verified: false` is sent.

use axum::extract::{Path, State};
use axum::routing::{get, patch};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{deleted, ok, ApiError, Body, Params, Reply};
use super::resource::{answer_list, row_accessors, Key, ListQuery, Listing, Resource, Table};
use super::shared::{missing_resource, reject_unknown, value_invalid, Signed};
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{
    EnrollmentMode, OrganizationDomain, OrganizationDomainVerification,
    OrganizationInvitationPublicOrganizationData, VerificationStatus,
};

impl Resource for OrganizationDomain {
    const OBJECT: &'static str = "organization_domain";
    const NAME: &'static str = "organization domain";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "name"];
    fn order_key(&self, field: &str) -> Key {
        match field {
            "name" => Key::Text(self.name.clone()),
            _ => Key::Int(self.created_at),
        }
    }
    row_accessors!(organization_domains);
}

/// Whether `name` is a host name with at least two labels of letters, digits and inner
/// hyphens.
fn well_formed(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Reads an enrollment mode, refusing what the stand-in cannot honour.
fn enrollment_mode(raw: &str, verified: bool) -> Result<EnrollmentMode, ApiError> {
    let mode: EnrollmentMode = raw
        .parse()
        .unwrap_or(EnrollmentMode::Unknown(String::new()));
    match mode {
        EnrollmentMode::ManualInvitation => Ok(mode),
        EnrollmentMode::AutomaticInvitation | EnrollmentMode::AutomaticSuggestion if verified => {
            Ok(mode)
        }
        EnrollmentMode::AutomaticInvitation | EnrollmentMode::AutomaticSuggestion => Err(
            value_invalid("enrollment_mode", format!("{raw} needs a verified domain.")),
        ),
        EnrollmentMode::EnterpriseSso => Err(value_invalid(
            "enrollment_mode",
            "enterprise_sso needs an enterprise connection for the domain; the stand-in has none.",
        )),
        _ => Err(value_invalid(
            "enrollment_mode",
            format!(
                "{raw} does not match the allowed values for parameter enrollment_mode. Allowed \
                 values: manual_invitation, automatic_invitation, automatic_suggestion, \
                 enterprise_sso"
            ),
        )),
    }
}

/// The verification a domain shows: verified by an administrator, or none yet.
fn verification(verified: bool, now: i64) -> Option<OrganizationDomainVerification> {
    verified.then(|| OrganizationDomainVerification {
        status: VerificationStatus::Verified,
        strategy: "manual_override".to_owned(),
        attempts: None,
        expire_at: None,
        verified_at: Some(now),
    })
}

/// Whether the domain shows as verified.
fn is_verified(domain: &OrganizationDomain) -> bool {
    domain
        .affiliation_verification
        .as_ref()
        .is_some_and(|v| v.status == VerificationStatus::Verified)
}

/// The organization id a path names (its id or slug), or Clerk's 404.
fn organization_id(store: &Store, key: &str) -> Result<String, ApiError> {
    Ok(store.organization(key)?.id.clone())
}

/// Query of `GET /organizations/{organization_id}/domains`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListDomains {
    verified: Option<String>,
    /// Comma-separated modes; a `-` prefix excludes.
    enrollment_mode: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /organizations/{organization_id}/domains`: newest first, in the envelope.
async fn list(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Params(q): Params<ListDomains>,
) -> Reply {
    let store = inner.store();
    let org_id = organization_id(&store, &key)?;
    let verified = match q.verified.as_deref() {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(ApiError::invalid(
                "verified",
                format!("{other} is not true or false."),
            ))
        }
    };
    let modes: Vec<String> = q
        .enrollment_mode
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
        .collect();
    let modes = Signed::parse(&modes);
    let rows: Vec<OrganizationDomain> = store
        .organization_domains
        .rows()
        .iter()
        .filter(|d| d.organization_id == org_id)
        .filter(|d| verified.is_none_or(|v| is_verified(d) == v))
        .filter(|d| modes.admits(|m| d.enrollment_mode.as_str() == m))
        .cloned()
        .collect();
    answer_list(
        rows,
        &ListQuery {
            limit: q.limit,
            offset: q.offset,
            ..ListQuery::default()
        },
    )
}

/// Body of `POST /organizations/{organization_id}/domains`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: String,
    enrollment_mode: Option<String>,
    verified: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /organizations/{organization_id}/domains`.
async fn create(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    Body(body): Body<CreateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let org = store.organization(&key)?.clone();
    let name = body.name.trim().to_ascii_lowercase();
    if name.is_empty() {
        return Err(ApiError::missing("name"));
    }
    if !well_formed(&name) {
        return Err(ApiError::invalid(
            "name",
            format!("{name} is not a valid domain name, such as example.com."),
        ));
    }
    if store
        .organization_domains
        .find(|d| d.name == name)
        .is_some()
    {
        return Err(ApiError::identifier_exists("name", "domain"));
    }
    let verified = body.verified.unwrap_or(true);
    let mode = enrollment_mode(
        body.enrollment_mode
            .as_deref()
            .unwrap_or("manual_invitation"),
        verified,
    )?;
    let now = now_ms();
    let domain = OrganizationDomain {
        object: OrganizationDomain::OBJECT.to_owned(),
        id: new_id("orgdmn"),
        organization_id: org.id.clone(),
        name,
        enrollment_mode: mode,
        affiliation_email_address: None,
        affiliation_verification: verification(verified, now),
        ownership_verification: None,
        verification: verification(verified, now),
        total_pending_invitations: 0,
        total_pending_suggestions: 0,
        public_organization_data: Some(OrganizationInvitationPublicOrganizationData {
            id: org.id,
            name: org.name,
            slug: org.slug,
            image_url: org.image_url,
            has_image: org.has_image,
        }),
        created_at: now,
        updated_at: now,
    };
    ok(store.organization_domains.insert(domain))
}

/// The domain `id` of the organization, or a 404 for either.
fn locate<'s>(
    store: &'s mut Store,
    key: &str,
    id: &str,
) -> Result<&'s mut OrganizationDomain, ApiError> {
    let org_id = organization_id(store, key)?;
    let domain = store.organization_domains.get_mut(id)?;
    if domain.organization_id == org_id {
        Ok(domain)
    } else {
        Err(missing_resource(OrganizationDomain::NAME, id))
    }
}

/// Body of `PATCH /organizations/{organization_id}/domains/{domain_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdateBody {
    enrollment_mode: Option<String>,
    verified: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /organizations/{organization_id}/domains/{domain_id}`.
async fn update(
    State(inner): State<Shared>,
    Path((key, id)): Path<(String, String)>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let domain = locate(&mut store, &key, &id)?;
    let now = now_ms();
    let verified = body.verified.unwrap_or_else(|| is_verified(domain));
    let mode = match body.enrollment_mode.as_deref() {
        Some(raw) => enrollment_mode(raw, verified)?,
        None => enrollment_mode(domain.enrollment_mode.as_str(), verified)?,
    };
    if body.verified.is_some_and(|v| v != is_verified(domain)) {
        domain.affiliation_verification = verification(verified, now);
        domain.verification = verification(verified, now);
    }
    domain.enrollment_mode = mode;
    domain.updated_at = now;
    ok(domain.clone())
}

/// `DELETE /organizations/{organization_id}/domains/{domain_id}`.
async fn remove(State(inner): State<Shared>, Path((key, id)): Path<(String, String)>) -> Reply {
    let mut store = inner.store();
    locate(&mut store, &key, &id)?;
    store.organization_domains.remove(&id)?;
    deleted(OrganizationDomain::OBJECT, &id)
}

/// The routes of organization domains.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/organizations/{organization_id}/domains",
            get(list).post(create),
        )
        .route(
            "/organizations/{organization_id}/domains/{domain_id}",
            patch(update).delete(remove),
        )
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn names_are_host_names() {
        assert!(well_formed("example.com"));
        assert!(well_formed("mail.my-company.co.uk"));
        assert!(!well_formed("localhost"));
        assert!(!well_formed("example..com"));
        assert!(!well_formed("-bad.com"));
        assert!(!well_formed("ada@example.com"));
    }
}
