//! Links into the admin portal for an organization.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.admin_portal_link_tokens().create(
        CreateAdminPortalLinkTokenParams::default()
            .organization_id("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
            .it_contact_id("it-contact-17")
            .scopes(["admin_portal:read"])
            .seconds_until_expiration(3600_i64),
    ))
    .await;
    run.ok(clerk.admin_portal_link_tokens().revoke(
        "aplt_3beecc9c60adb5f9b850e91a83beecc9",
        RevokeAdminPortalLinkTokenParams::default().revocation_reason("Contact left"),
    ))
    .await;
}
