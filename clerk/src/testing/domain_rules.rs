//! The rules of organization domains that both their changes (`organization_domains.rs`) and
//! their lists (`organization_domain_lists.rs`) apply: what a domain name looks like, which
//! enrollment modes the stand-in can honour, and how a verification reads.

use super::reply::ApiError;
use super::shared::{value_invalid, Signed};
use crate::models::{
    EnrollmentMode, OrganizationDomain, OrganizationDomainVerification, VerificationStatus,
};

/// Whether `name` is a host name with at least two labels of letters, digits and inner
/// hyphens.
pub(super) fn well_formed(name: &str) -> bool {
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
pub(super) fn enrollment_mode(raw: &str, verified: bool) -> Result<EnrollmentMode, ApiError> {
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

/// A verification done by an administrator (`manual_override`) at `now`, or none yet.
pub(super) fn verification(verified: bool, now: i64) -> Option<OrganizationDomainVerification> {
    verified.then(|| OrganizationDomainVerification {
        status: VerificationStatus::Verified,
        strategy: "manual_override".to_owned(),
        attempts: None,
        expire_at: None,
        verified_at: Some(now),
    })
}

/// Whether the domain's affiliation shows as verified (what `verified=` filters on).
pub(super) fn is_verified(domain: &OrganizationDomain) -> bool {
    domain
        .affiliation_verification
        .as_ref()
        .is_some_and(|v| v.status == VerificationStatus::Verified)
}

/// Whether the domain's DNS ownership shows as verified.
pub(super) fn ownership_verified(domain: &OrganizationDomain) -> bool {
    domain
        .ownership_verification
        .as_ref()
        .is_some_and(|v| v.status == VerificationStatus::Verified)
}

/// The `verified` filter of the lists: `true`, `false` or absent; anything else is a 422.
pub(super) fn verified_filter(raw: Option<&str>) -> Result<Option<bool>, ApiError> {
    match raw {
        None | Some("") => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(other) => Err(ApiError::invalid(
            "verified",
            format!("{other} is not true or false."),
        )),
    }
}

/// The `enrollment_mode` filter: repeated keys, each possibly comma-separated, a `-` prefix
/// excluding the mode.
pub(super) fn mode_filter(values: &[String]) -> Signed {
    let modes: Vec<String> = values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
        .collect();
    Signed::parse(&modes)
}

#[cfg(test)]
mod tests {
    use super::{mode_filter, verified_filter, well_formed};

    #[test]
    fn names_are_host_names() {
        assert!(well_formed("example.com"));
        assert!(well_formed("mail.my-company.co.uk"));
        assert!(!well_formed("localhost"));
        assert!(!well_formed("example..com"));
        assert!(!well_formed("-bad.com"));
        assert!(!well_formed("ada@example.com"));
    }

    #[test]
    fn filters_read_as_the_lists_send_them() {
        assert_eq!(verified_filter(Some("true")).ok(), Some(Some(true)));
        assert!(verified_filter(Some("yes")).is_err());
        let modes = mode_filter(&["manual_invitation,-enterprise_sso".to_owned()]);
        assert!(modes.admits(|m| m == "manual_invitation"));
        assert!(!modes.admits(|m| m == "enterprise_sso"));
    }
}
