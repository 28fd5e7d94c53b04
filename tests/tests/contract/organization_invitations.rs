//! Organization invitations.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let invitations = clerk.organization_invitations();
    run.ok(invitations.list(
        "org_1",
        OrganizationInvitationListParams::default()
            .status(OrganizationInvitationStatus::Pending)
            .email_address("ada@example.com")
            .order_by(OrganizationInvitationOrderBy::CreatedAtDesc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(invitations.list_instance(
        InstanceOrganizationInvitationListParams::default()
            .order_by(OrganizationInvitationOrderBy::EmailAddressAsc)
            .status(OrganizationInvitationStatus::Accepted)
            .query("ada")
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(invitations.create(
        "org_1",
        CreateOrganizationInvitationParams::new("ada@example.com", "org:member")
            .inviter_user_id("user_1")
            .public_metadata(Metadata::new())
            .private_metadata(Metadata::new())
            .redirect_url("https://example.com/welcome")
            .expires_in_days(7)
            .notify(true),
    ))
    .await;
    run.ok(invitations.create_bulk(
        "org_1",
        vec![
            CreateOrganizationInvitationParams::new("a@example.com", "org:member"),
            CreateOrganizationInvitationParams::new("b@example.com", "org:admin").notify(false),
        ],
    ))
    .await;
    #[allow(deprecated)]
    run.ok(invitations.list_pending(
        "org_1",
        PendingOrganizationInvitationListParams::default()
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(invitations.get("org_1", "orginv_1")).await;
    run.ok(invitations.revoke(
        "org_1",
        "orginv_1",
        RevokeOrganizationInvitationParams::default().requesting_user_id("user_1"),
    ))
    .await;
    run.ok(invitations.revoke(
        "org_1",
        "orginv_1",
        RevokeOrganizationInvitationParams::default(),
    ))
    .await;
}
