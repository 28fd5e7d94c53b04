//! Organization domains.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let domains = clerk.organization_domains();
    run.ok(domains.list_all(
        OrganizationDomainListAllParams::default()
            .organization_id("org_1")
            .verified(true)
            .enrollment_mode([
                EnrollmentModeFilter::include(EnrollmentMode::AutomaticInvitation),
                EnrollmentModeFilter::exclude(EnrollmentMode::EnterpriseSso),
            ])
            .query("acme")
            .domains(["acme.com", "acme.io"])
            .order_by(OrganizationDomainOrderBy::NameAsc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(domains.list(
        "org_1",
        OrganizationDomainListParams::default()
            .verified(false)
            .enrollment_mode([EnrollmentModeFilter::exclude(
                EnrollmentMode::ManualInvitation,
            )])
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(domains.create(
        "org_1",
        CreateOrganizationDomainParams::new("acme.com")
            .enrollment_mode(EnrollmentMode::AutomaticSuggestion)
            .verified(false),
    ))
    .await;
    run.ok(domains.update(
        "org_1",
        "orgdmn_1",
        UpdateOrganizationDomainParams::default()
            .enrollment_mode(EnrollmentMode::ManualInvitation)
            .verified(true),
    ))
    .await;
    run.ok(domains.delete("org_1", "orgdmn_1")).await;
    run.ok(domains.verify("org_1", "orgdmn_1")).await;
}
