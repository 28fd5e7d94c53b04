//! Invitations: the exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{
    CreateInvitationParams, InvitationListParams, InvitationOrderBy, InvitationStatus,
    InvitationTemplateSlug,
};
use clerk_tests::{fixture, MockServer, Reply};

use clerk_tests::metadata;

#[tokio::test]
async fn list_sends_status_query_order_and_paging_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "invitation_list.json"));
    let params = InvitationListParams::default()
        .status(InvitationStatus::Pending)
        .query("example.com")
        .order_by(InvitationOrderBy::EmailAddressAsc)
        .paginated(true)
        .limit(25)
        .offset(50);
    let page = server
        .client()
        .invitations()
        .list(params)
        .await
        .expect("list invitations");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("GET", "/invitations")
    );
    assert_eq!(
        req.query.as_deref(),
        Some("status=pending&query=example.com&order_by=%2Bemail_address&paginated=true&limit=25&offset=50")
    );
    assert!(req.body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
    let first = &page.data[0];
    assert_eq!(first.id, "inv_2xhGq4pVbN8sLkT3mRy7cWdZ1aE");
    assert_eq!(first.status, InvitationStatus::Pending);
    assert_eq!(first.public_metadata["department"], "engineering");
    assert_eq!(first.expires_at, Some(1_720_953_600_000));
    let second = &page.data[1];
    assert_eq!(second.status, InvitationStatus::Accepted);
    assert_eq!(second.url, None);
    assert_eq!(second.expires_at, None);
    assert!(second.public_metadata.is_empty());
}

#[tokio::test]
async fn list_orders_descending_and_sends_nothing_when_unfiltered() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, "[]"));
    server.reply(Reply::json(200, "[]"));
    let clerk = server.client();
    clerk
        .invitations()
        .list(
            InvitationListParams::default()
                .status(InvitationStatus::Expired)
                .order_by(InvitationOrderBy::ExpiresAtDesc)
                .limit(5),
        )
        .await
        .expect("list expired");
    let all = clerk
        .invitations()
        .list(InvitationListParams::default())
        .await
        .expect("list all");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].query.as_deref(),
        Some("status=expired&order_by=-expires_at&limit=5")
    );
    assert_eq!(
        (reqs[1].path.as_str(), reqs[1].query.as_deref()),
        ("/invitations", None)
    );
    assert!(all.is_empty());
}

#[tokio::test]
async fn create_sends_only_the_email_by_default() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "invitation.json"));
    let invitation = server
        .client()
        .invitations()
        .create(CreateInvitationParams::new("new.hire@example.com"))
        .await
        .expect("create invitation");
    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/invitations", None)
    );
    assert_eq!(
        req.json(),
        serde_json::json!({ "email_address": "new.hire@example.com" })
    );
    assert_eq!(invitation.email_address, "new.hire@example.com");
    assert_eq!(invitation.status, InvitationStatus::Pending);
    assert_eq!(invitation.revoked, Some(false));
}

#[tokio::test]
async fn create_sends_every_optional_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "invitation.json"));
    let params = CreateInvitationParams::new("new.hire@example.com")
        .public_metadata(metadata(serde_json::json!({
            "department": "engineering",
            "onboarding": { "buddy": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "week": 1 }
        })))
        .redirect_url("https://example.com/accept-invitation")
        .notify(false)
        .ignore_existing(true)
        .expires_in_days(14)
        .template_slug(InvitationTemplateSlug::WaitlistInvitation);
    let invitation = server
        .client()
        .invitations()
        .create(params)
        .await
        .expect("create invitation");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/invitations", None)
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        serde_json::json!({
            "email_address": "new.hire@example.com",
            "public_metadata": {
                "department": "engineering",
                "onboarding": { "buddy": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "week": 1 }
            },
            "redirect_url": "https://example.com/accept-invitation",
            "notify": false,
            "ignore_existing": true,
            "expires_in_days": 14,
            "template_slug": "waitlist_invitation"
        })
    );
    assert_eq!(invitation.object, "invitation");
    assert_eq!(invitation.id, "inv_2xhGq4pVbN8sLkT3mRy7cWdZ1aE");
    assert!(invitation
        .url
        .as_deref()
        .is_some_and(|u| u.contains("__clerk_ticket=")));
}

#[tokio::test]
async fn create_bulk_sends_a_json_array_and_decodes_the_invitations() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "invitation_bulk.json"));
    let invitations = server
        .client()
        .invitations()
        .create_bulk(vec![
            CreateInvitationParams::new("first@example.com")
                .public_metadata(metadata(serde_json::json!({ "team": "design" })))
                .template_slug(InvitationTemplateSlug::Invitation)
                .expires_in_days(30),
            CreateInvitationParams::new("second@example.com")
                .notify(false)
                .ignore_existing(true),
        ])
        .await
        .expect("create bulk");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("POST", "/invitations/bulk", None)
    );
    assert_eq!(
        req.json(),
        serde_json::json!([
            {
                "email_address": "first@example.com",
                "public_metadata": { "team": "design" },
                "expires_in_days": 30,
                "template_slug": "invitation"
            },
            {
                "email_address": "second@example.com",
                "notify": false,
                "ignore_existing": true
            }
        ])
    );

    assert_eq!(invitations.len(), 2);
    assert_eq!(invitations[0].email_address, "first@example.com");
    assert_eq!(invitations[0].public_metadata["team"], "design");
    assert_eq!(invitations[1].email_address, "second@example.com");
    assert!(invitations
        .iter()
        .all(|i| i.status == InvitationStatus::Pending));
}

#[tokio::test]
async fn revoke_sends_no_body_and_decodes_the_revoked_invitation() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "invitation_revoked.json"));
    let invitation = server
        .client()
        .invitations()
        .revoke("inv_2xhGq4pVbN8sLkT3mRy7cWdZ1aE")
        .await
        .expect("revoke");
    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        (
            "POST",
            "/invitations/inv_2xhGq4pVbN8sLkT3mRy7cWdZ1aE/revoke",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(invitation.status, InvitationStatus::Revoked);
    assert_eq!(invitation.revoked, Some(true));
    assert_eq!(invitation.url, None);
}

#[tokio::test]
async fn an_unknown_invitation_status_decodes_into_the_open_variant() {
    let mut body: serde_json::Value =
        serde_json::from_str(&fixture("invitation.json")).expect("fixture is JSON");
    body["status"] = "awaiting_approval".into();
    let server = MockServer::start().await;
    server.reply(Reply::json(200, format!("[{body}]")));
    let page = server
        .client()
        .invitations()
        .list(InvitationListParams::default())
        .await
        .expect("list");
    assert_eq!(
        page.data[0].status,
        InvitationStatus::Unknown("awaiting_approval".into())
    );
}
