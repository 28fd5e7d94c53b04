//! Organization invitations: the exact request of every operation, and decoding of realistic
//! responses.

use clerk_backend::models::{
    CreateOrganizationInvitationParams, InstanceOrganizationInvitationListParams,
    OrganizationInvitation, OrganizationInvitationListParams, OrganizationInvitationOrderBy,
    OrganizationInvitationStatus, PendingOrganizationInvitationListParams,
    RevokeOrganizationInvitationParams,
};
use clerk_tests::{MockServer, Reply};

const ORG_ID: &str = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const INVITATION_ID: &str = "orginv_2xhFnAa1BbC2cDd3EeF4fGg5HhI";
const INVITATIONS_PATH: &str = "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/invitations";

use clerk_tests::metadata;

/// Checks every field of `tests/fixtures/organization_invitation.json`.
fn assert_is_the_fixture_invitation(inv: &OrganizationInvitation) {
    assert_eq!(inv.object, "organization_invitation");
    assert_eq!(inv.id, INVITATION_ID);
    assert_eq!(inv.email_address, "grace@example.com");
    assert_eq!(inv.role, "org:member");
    assert_eq!(inv.role_name, "Member");
    assert_eq!(inv.organization_id.as_deref(), Some(ORG_ID));
    assert_eq!(
        inv.inviter_id.as_deref(),
        Some("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    );
    let inviter = inv.public_inviter_data.as_ref().expect("inviter data");
    assert_eq!(inviter.user_id, "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(inviter.first_name.as_deref(), Some("Ada"));
    assert_eq!(inviter.last_name, None);
    assert!(inviter.image_url.starts_with("https://img.clerk.com/"));
    assert!(inviter.has_image);
    assert_eq!(inviter.identifier, "ada@example.com");
    assert_eq!(inv.status, Some(OrganizationInvitationStatus::Pending));
    assert_eq!(inv.public_metadata["team"], "compilers");
    assert_eq!(
        inv.private_metadata
            .as_ref()
            .and_then(|m| m["referral"].as_str()),
        Some("conf-2024")
    );
    assert!(inv
        .url
        .as_deref()
        .is_some_and(|u| u.contains("__clerk_ticket=")));
    assert_eq!(inv.expires_at, Some(1720867200000));
    assert_eq!(inv.created_at, 1718275200000);
    assert_eq!(inv.updated_at, 1718275200000);
    assert_eq!(inv.public_organization_data, None);
}

#[tokio::test]
async fn list_sends_status_email_order_and_paging() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_invitation_list.json"));
    server.reply(Reply::fixture(200, "organization_invitation_list.json"));
    let clerk = server.client();
    let page = clerk
        .organization_invitations()
        .list(
            ORG_ID,
            OrganizationInvitationListParams::default()
                .status(OrganizationInvitationStatus::Accepted)
                .email_address("grace@example.com")
                .order_by(OrganizationInvitationOrderBy::EmailAddressAsc)
                .limit(5)
                .offset(10),
        )
        .await
        .expect("list");
    clerk
        .organization_invitations()
        .list(ORG_ID, OrganizationInvitationListParams::default())
        .await
        .expect("list without parameters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            INVITATIONS_PATH,
            Some(
                "status=accepted&email_address=grace%40example.com&order_by=%2Bemail_address\
                 &limit=5&offset=10"
            )
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("GET", INVITATIONS_PATH, None));

    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.len(), 2);
    let accepted = &page.data[1];
    assert_eq!(
        accepted.status,
        Some(OrganizationInvitationStatus::Accepted)
    );
    assert_eq!(accepted.role_name, "Admin");
    assert_eq!(accepted.inviter_id, None);
    assert_eq!(accepted.public_inviter_data, None);
    assert_eq!(accepted.url, None);
    assert_eq!(accepted.expires_at, None);
    assert_eq!(accepted.private_metadata, None);
}

#[tokio::test]
async fn list_instance_sends_filters_and_decodes_the_organization_data() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "organization_invitation_instance_list.json",
    ));
    server.reply(Reply::fixture(
        200,
        "organization_invitation_instance_list.json",
    ));
    let clerk = server.client();
    let page = clerk
        .organization_invitations()
        .list_instance(
            InstanceOrganizationInvitationListParams::default()
                .order_by(OrganizationInvitationOrderBy::CreatedAtAsc)
                .status(OrganizationInvitationStatus::Pending)
                .query("grace")
                .limit(25)
                .offset(0),
        )
        .await
        .expect("instance list");
    clerk
        .organization_invitations()
        .list_instance(InstanceOrganizationInvitationListParams::default())
        .await
        .expect("instance list without parameters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/organization_invitations",
            Some("order_by=%2Bcreated_at&status=pending&query=grace&limit=25&offset=0")
        )
    );
    assert_eq!(reqs[1].line(), ("GET", "/organization_invitations", None));

    assert_eq!(page.total_count, Some(31));
    let inv = &page.data[0];
    let org = inv
        .public_organization_data
        .as_ref()
        .expect("public organization data");
    assert_eq!(org.id, ORG_ID);
    assert_eq!(org.name, "Acme Corporation");
    assert_eq!(org.slug, "acme-corp");
    assert!(org.image_url.is_some());
    assert!(!org.has_image);
}

#[tokio::test]
async fn create_sends_email_and_role_alone_or_with_every_option() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_invitation.json"));
    server.reply(Reply::fixture(200, "organization_invitation.json"));
    let clerk = server.client();
    clerk
        .organization_invitations()
        .create(
            ORG_ID,
            CreateOrganizationInvitationParams::new("grace@example.com", "org:member"),
        )
        .await
        .expect("create minimal");
    let created = clerk
        .organization_invitations()
        .create(
            ORG_ID,
            CreateOrganizationInvitationParams::new("grace@example.com", "org:member")
                .inviter_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
                .public_metadata(metadata(serde_json::json!({ "team": "compilers" })))
                .private_metadata(metadata(serde_json::json!({ "referral": "conf-2024" })))
                .redirect_url("https://example.com/welcome")
                .expires_in_days(14)
                .notify(false),
        )
        .await
        .expect("create full");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(req.line(), ("POST", INVITATIONS_PATH, None));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "email_address": "grace@example.com", "role": "org:member" })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "email_address": "grace@example.com",
            "role": "org:member",
            "inviter_user_id": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            "public_metadata": { "team": "compilers" },
            "private_metadata": { "referral": "conf-2024" },
            "redirect_url": "https://example.com/welcome",
            "expires_in_days": 14,
            "notify": false
        })
    );
    assert_is_the_fixture_invitation(&created);
}

#[tokio::test]
async fn create_bulk_sends_an_array_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_invitation_list.json"));
    let created = server
        .client()
        .organization_invitations()
        .create_bulk(
            ORG_ID,
            vec![
                CreateOrganizationInvitationParams::new("grace@example.com", "org:member")
                    .inviter_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"),
                CreateOrganizationInvitationParams::new("alan@example.com", "org:admin")
                    .notify(false)
                    .expires_in_days(3),
            ],
        )
        .await
        .expect("bulk create");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "POST",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/invitations/bulk",
            None
        )
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        serde_json::json!([
            {
                "email_address": "grace@example.com",
                "role": "org:member",
                "inviter_user_id": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"
            },
            {
                "email_address": "alan@example.com",
                "role": "org:admin",
                "expires_in_days": 3,
                "notify": false
            }
        ])
    );
    assert_eq!(created.total_count, 2);
    assert_eq!(created.data.len(), 2);
    assert_eq!(created.data[1].email_address, "alan@example.com");
}

#[tokio::test]
#[allow(deprecated)]
async fn list_pending_uses_the_deprecated_path_with_paging() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_invitation_list.json"));
    server.reply(Reply::fixture(200, "organization_invitation_list.json"));
    let clerk = server.client();
    let page = clerk
        .organization_invitations()
        .list_pending(
            ORG_ID,
            PendingOrganizationInvitationListParams::default()
                .limit(10)
                .offset(20),
        )
        .await
        .expect("pending");
    clerk
        .organization_invitations()
        .list_pending(ORG_ID, PendingOrganizationInvitationListParams::default())
        .await
        .expect("pending without parameters");

    let reqs = server.requests();
    let path = format!("{INVITATIONS_PATH}/pending");
    assert_eq!(
        reqs[0].line(),
        ("GET", path.as_str(), Some("limit=10&offset=20"))
    );
    assert_eq!(reqs[1].line(), ("GET", path.as_str(), None));
    assert_eq!(page.len(), 2);
}

#[tokio::test]
async fn get_fetches_one_invitation() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_invitation.json"));
    let inv = server
        .client()
        .organization_invitations()
        .get(ORG_ID, INVITATION_ID)
        .await
        .expect("get");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/invitations/orginv_2xhFnAa1BbC2cDd3EeF4fGg5HhI",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_is_the_fixture_invitation(&inv);
}

#[tokio::test]
async fn revoke_sends_the_requesting_user_or_an_empty_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_invitation_revoked.json"));
    server.reply(Reply::fixture(200, "organization_invitation_revoked.json"));
    let clerk = server.client();
    let revoked = clerk
        .organization_invitations()
        .revoke(
            ORG_ID,
            INVITATION_ID,
            RevokeOrganizationInvitationParams::default()
                .requesting_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"),
        )
        .await
        .expect("revoke");
    clerk
        .organization_invitations()
        .revoke(
            ORG_ID,
            INVITATION_ID,
            RevokeOrganizationInvitationParams::default(),
        )
        .await
        .expect("revoke without a requesting user");

    let reqs = server.requests();
    let path = "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/invitations/orginv_2xhFnAa1BbC2cDd3EeF4fGg5HhI/revoke";
    for req in &reqs {
        assert_eq!(req.line(), ("POST", path, None));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "requesting_user_id": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk" })
    );
    assert_eq!(reqs[1].json(), serde_json::json!({}));

    assert_eq!(revoked.status, Some(OrganizationInvitationStatus::Revoked));
    assert_eq!(revoked.public_inviter_data, None);
    assert_eq!(revoked.url, None);
    assert_eq!(revoked.expires_at, None);
    assert_eq!(revoked.updated_at, 1718361600000);
}

#[tokio::test]
async fn unknown_statuses_decode_into_the_open_enum() {
    let server = MockServer::start().await;
    let mut body: serde_json::Value =
        serde_json::from_str(&clerk_tests::fixture("organization_invitation.json"))
            .expect("fixture is JSON");
    body["status"] = serde_json::Value::from("completed");
    body["public_inviter_data"] = serde_json::json!({});
    server.reply(Reply::json(200, body.to_string()));
    let inv = server
        .client()
        .organization_invitations()
        .get(ORG_ID, INVITATION_ID)
        .await
        .expect("get");
    assert_eq!(
        inv.status,
        Some(OrganizationInvitationStatus::Unknown("completed".into()))
    );
    assert_eq!(inv.public_inviter_data, None, "`{{}}` reads as no inviter");
}
