//! Organization memberships.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let memberships = clerk.organization_memberships();
    run.ok(memberships.list(
        "org_1",
        OrganizationMembershipListParams::default()
            .order_by(OrganizationMembershipOrderBy::CreatedAtDesc)
            .user_id(["+user_1", "-user_2"])
            .email_address(["ada@example.com"])
            .phone_number(["+15555550100"])
            .username(["ada"])
            .web3_wallet(["0x52908400098527886E0F7030069857D2E4169EE7"])
            .role(["org:admin"])
            .query("ada")
            .email_address_query("example")
            .phone_number_query("555")
            .username_query("ad")
            .name_query("love")
            .last_active_at_before(1700690400000_i64)
            .last_active_at_after(1600690400000_i64)
            .created_at_before(1730160000000_i64)
            .created_at_after(1630160000000_i64)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(memberships.list_instance(
        InstanceOrganizationMembershipListParams::default()
            .order_by(OrganizationMembershipOrderBy::EmailAddressAsc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(memberships.create(
        "org_1",
        CreateOrganizationMembershipParams::new("user_1", "org:member").public_metadata(
            serde_json::json!({ "team": "core" })
                .as_object()
                .cloned()
                .unwrap_or_default(),
        ),
    ))
    .await;
    run.ok(memberships.update(
        "org_1",
        "user_1",
        UpdateOrganizationMembershipParams::new("org:admin"),
    ))
    .await;
    run.ok(memberships.delete("org_1", "user_1")).await;
    run.ok(memberships.update_metadata(
        "org_1",
        "user_1",
        UpdateOrganizationMembershipMetadataParams::default()
            .private_metadata(Metadata::new())
            .public_metadata(Metadata::new()),
    ))
    .await;
}
