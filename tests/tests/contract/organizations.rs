//! Organizations.

use clerk::models::*;
use clerk::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.organizations().list(
        OrganizationListParams::default()
            .include_members_count(true)
            .limit(10),
    ))
    .await;
    run.ok(clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme").slug("acme")))
        .await;
    run.ok(clerk.organizations().get(
        "org_1",
        GetOrganizationParams::default().include_members_count(true),
    ))
    .await;
    run.ok(clerk.organizations().update(
        "org_1",
        UpdateOrganizationParams::default().name("Acme Inc"),
    ))
    .await;
    run.ok(clerk.organizations().delete("org_1")).await;
}
