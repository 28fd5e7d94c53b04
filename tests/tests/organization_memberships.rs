//! Organization memberships: the exact request of every operation, and decoding of realistic
//! responses.

use clerk_backend::models::{
    CreateOrganizationMembershipParams, InstanceOrganizationMembershipListParams,
    OrganizationMembership, OrganizationMembershipListParams, OrganizationMembershipOrderBy,
    UpdateOrganizationMembershipMetadataParams, UpdateOrganizationMembershipParams,
};
use clerk_tests::{MockServer, Reply};
use futures_util::TryStreamExt;

const ORG_ID: &str = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const USER_ID: &str = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const MEMBERSHIP_PATH: &str =
    "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/memberships/user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

use clerk_tests::metadata;

/// Checks every field of `tests/fixtures/organization_membership.json`.
fn assert_is_the_fixture_membership(m: &OrganizationMembership) {
    assert_eq!(m.object, "organization_membership");
    assert_eq!(m.id, "orgmem_2xhFkPq3RsT5uVwX7yZ9aBcDeFg");
    assert_eq!(m.role, "org:admin");
    assert_eq!(m.role_name.as_deref(), Some("Admin"));
    assert_eq!(m.permissions.len(), 4);
    assert_eq!(m.permissions[3], "org:sys_memberships:manage");
    assert_eq!(m.public_metadata["department"], "engineering");
    assert_eq!(
        m.private_metadata
            .as_ref()
            .and_then(|p| p["cost_center"].as_str()),
        Some("CC-1042")
    );
    assert_eq!(m.organization.id, ORG_ID);
    assert_eq!(m.organization.slug, "acme-corp");
    assert_eq!(m.organization.role_set_key.as_deref(), Some("default"));
    let user = m.public_user_data.as_ref().expect("public user data");
    assert_eq!(user.user_id, USER_ID);
    assert_eq!(user.first_name.as_deref(), Some("Ada"));
    assert_eq!(user.last_name.as_deref(), Some("Lovelace"));
    assert_eq!(
        user.profile_image_url.as_deref(),
        Some("https://www.gravatar.com/avatar?d=mp")
    );
    assert!(user.image_url.starts_with("https://img.clerk.com/"));
    assert!(user.has_image);
    assert_eq!(user.identifier.as_deref(), Some("ada@example.com"));
    assert_eq!(user.username.as_deref(), Some("ada_lovelace"));
    assert_eq!(user.banned, Some(false));
    assert_eq!(user.deprovisioned, Some(false));
    assert_eq!(m.created_at, 1715683260000);
    assert_eq!(m.updated_at, 1718275260000);
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_membership_list.json"));
    let params = OrganizationMembershipListParams::default()
        .order_by(OrganizationMembershipOrderBy::FirstNameAsc)
        .user_id(["+user_1", "-user_2"])
        .email_address(["ada@example.com", "grace@example.com"])
        .phone_number(["+15555550100"])
        .username(["ada_lovelace"])
        .web3_wallet(["0x52908400098527886E0F7030069857D2E4169EE7"])
        .role(["org:admin", "org:member"])
        .query("ada")
        .email_address_query("example")
        .phone_number_query("555")
        .username_query("ada")
        .name_query("love")
        .last_active_at_before(1700690400000_i64)
        .last_active_at_after(1600690400000_i64)
        .created_at_before(1730160000000_i64)
        .created_at_after(1630160000000_i64)
        .limit(20)
        .offset(40);
    let page = server
        .client()
        .organization_memberships()
        .list(ORG_ID, params)
        .await
        .expect("list memberships");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/memberships",
            Some(
                "order_by=%2Bfirst_name&user_id=%2Buser_1&user_id=-user_2\
                 &email_address=ada%40example.com&email_address=grace%40example.com\
                 &phone_number=%2B15555550100&username=ada_lovelace\
                 &web3_wallet=0x52908400098527886E0F7030069857D2E4169EE7\
                 &role=org%3Aadmin&role=org%3Amember&query=ada&email_address_query=example\
                 &phone_number_query=555&username_query=ada&name_query=love\
                 &last_active_at_before=1700690400000&last_active_at_after=1600690400000\
                 &created_at_before=1730160000000&created_at_after=1630160000000\
                 &limit=20&offset=40"
            )
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(14));
    let admin = &page.data[0];
    assert_eq!(admin.role, "org:admin");
    let admin_user = admin.public_user_data.as_ref().expect("user data");
    assert_eq!(admin_user.profile_image_url, None);
    assert_eq!(admin_user.username, None);
    assert_eq!(admin_user.banned, None);
    let member = &page.data[1];
    assert_eq!(member.role, "org:member");
    assert_eq!(member.role_name, None);
    assert!(member.permissions.is_empty());
    assert_eq!(member.private_metadata, None);
    assert_eq!(member.public_user_data, None);
    assert_eq!(member.organization.image_url, None);
}

/// A `{data, total_count}` page of copies of the fixture membership with the given ids.
fn membership_page(ids: &[&str], total_count: i64) -> Reply {
    let fixture: serde_json::Value =
        serde_json::from_str(&clerk_tests::fixture("organization_membership.json"))
            .expect("fixture is JSON");
    let data: Vec<_> = ids
        .iter()
        .map(|id| {
            let mut m = fixture.clone();
            m["id"] = serde_json::Value::from(*id);
            m
        })
        .collect();
    Reply::json(
        200,
        serde_json::json!({ "data": data, "total_count": total_count }).to_string(),
    )
}

#[tokio::test]
async fn list_without_filters_sends_no_query_and_streams_pages() {
    let server = MockServer::start().await;
    server.reply(membership_page(&["orgmem_1"], 1));
    server.reply(membership_page(&["orgmem_1", "orgmem_2"], 3));
    server.reply(membership_page(&["orgmem_3"], 3));
    let clerk = server.client();
    let first = clerk
        .organization_memberships()
        .list(ORG_ID, OrganizationMembershipListParams::default())
        .await
        .expect("list");
    let streamed: Vec<OrganizationMembership> = clerk
        .organization_memberships()
        .list(
            ORG_ID,
            OrganizationMembershipListParams::default()
                .role(["org:member"])
                .order_by(OrganizationMembershipOrderBy::CreatedAtDesc)
                .limit(2),
        )
        .stream()
        .try_collect()
        .await
        .expect("stream");

    assert_eq!(first.len(), 1);
    let ids: Vec<&str> = streamed.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["orgmem_1", "orgmem_2", "orgmem_3"]);
    let reqs = server.requests();
    let path = "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/memberships";
    assert_eq!(reqs[0].line(), ("GET", path, None));
    assert_eq!(
        reqs[1].line(),
        (
            "GET",
            path,
            Some("order_by=-created_at&role=org%3Amember&limit=2&offset=0")
        )
    );
    assert_eq!(
        reqs[2].line(),
        (
            "GET",
            path,
            Some("order_by=-created_at&role=org%3Amember&limit=2&offset=2")
        )
    );
    assert_eq!(reqs.len(), 3);
}

#[tokio::test]
async fn list_instance_sends_order_and_paging() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_membership_list.json"));
    server.reply(Reply::fixture(200, "organization_membership_list.json"));
    let clerk = server.client();
    let page = clerk
        .organization_memberships()
        .list_instance(
            InstanceOrganizationMembershipListParams::default()
                .order_by(OrganizationMembershipOrderBy::EmailAddressDesc)
                .limit(50)
                .offset(100),
        )
        .await
        .expect("instance list");
    clerk
        .organization_memberships()
        .list_instance(InstanceOrganizationMembershipListParams::default())
        .await
        .expect("instance list without parameters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/organization_memberships",
            Some("order_by=-email_address&limit=50&offset=100")
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("GET", "/organization_memberships", None));
    assert_eq!(page.total_count, Some(14));
    assert_eq!(page.data[1].id, "orgmem_2xhFmZz9YyX8wWv7UuT6sSr5QqP");
}

#[tokio::test]
async fn create_sends_user_and_role_with_optional_metadata() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_membership.json"));
    server.reply(Reply::fixture(200, "organization_membership.json"));
    let clerk = server.client();
    let created = clerk
        .organization_memberships()
        .create(
            ORG_ID,
            CreateOrganizationMembershipParams::new(USER_ID, "org:admin"),
        )
        .await
        .expect("create minimal");
    clerk
        .organization_memberships()
        .create(
            ORG_ID,
            CreateOrganizationMembershipParams::new(USER_ID, "org:admin")
                .public_metadata(metadata(serde_json::json!({ "department": "engineering" })))
                .private_metadata(metadata(serde_json::json!({ "cost_center": "CC-1042" }))),
        )
        .await
        .expect("create with metadata");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(
            req.line(),
            (
                "POST",
                "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/memberships",
                None
            )
        );
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "user_id": USER_ID, "role": "org:admin" })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "user_id": USER_ID,
            "role": "org:admin",
            "public_metadata": { "department": "engineering" },
            "private_metadata": { "cost_center": "CC-1042" }
        })
    );
    assert_is_the_fixture_membership(&created);
}

#[tokio::test]
async fn update_changes_the_role_and_delete_returns_the_membership() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_membership.json"));
    server.reply(Reply::fixture(200, "organization_membership.json"));
    let clerk = server.client();
    let updated = clerk
        .organization_memberships()
        .update(
            ORG_ID,
            USER_ID,
            UpdateOrganizationMembershipParams::new("org:admin"),
        )
        .await
        .expect("update role");
    let deleted = clerk
        .organization_memberships()
        .delete(ORG_ID, USER_ID)
        .await
        .expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("PATCH", MEMBERSHIP_PATH, None));
    assert_eq!(reqs[0].header("content-type"), Some("application/json"));
    assert_eq!(reqs[0].json(), serde_json::json!({ "role": "org:admin" }));
    assert_eq!(reqs[1].line(), ("DELETE", MEMBERSHIP_PATH, None));
    assert!(reqs[1].body.is_empty());
    assert_is_the_fixture_membership(&updated);
    assert_is_the_fixture_membership(&deleted);
}

#[tokio::test]
async fn update_metadata_patches_the_metadata_path_with_only_what_is_set() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_membership.json"));
    server.reply(Reply::fixture(200, "organization_membership.json"));
    let clerk = server.client();
    let updated = clerk
        .organization_memberships()
        .update_metadata(
            ORG_ID,
            USER_ID,
            UpdateOrganizationMembershipMetadataParams::default()
                .public_metadata(metadata(
                    serde_json::json!({ "department": "engineering", "old": null }),
                ))
                .private_metadata(metadata(serde_json::json!({ "cost_center": "CC-1042" }))),
        )
        .await
        .expect("merge metadata");
    clerk
        .organization_memberships()
        .update_metadata(
            ORG_ID,
            USER_ID,
            UpdateOrganizationMembershipMetadataParams::default()
                .private_metadata(metadata(serde_json::json!({ "cost_center": null }))),
        )
        .await
        .expect("merge private metadata");

    let reqs = server.requests();
    let path = format!("{MEMBERSHIP_PATH}/metadata");
    for req in &reqs {
        assert_eq!(req.line(), ("PATCH", path.as_str(), None));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({
            "public_metadata": { "department": "engineering", "old": null },
            "private_metadata": { "cost_center": "CC-1042" }
        })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "private_metadata": { "cost_center": null } })
    );
    assert_is_the_fixture_membership(&updated);
}

#[tokio::test]
async fn unknown_order_values_pass_through_verbatim() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_membership_list.json"));
    let order: OrganizationMembershipOrderBy = "+role".parse().unwrap_or_else(|e| match e {});
    server
        .client()
        .organization_memberships()
        .list_instance(InstanceOrganizationMembershipListParams::default().order_by(order))
        .await
        .expect("list");
    assert_eq!(server.single().query.as_deref(), Some("order_by=%2Brole"));
}
