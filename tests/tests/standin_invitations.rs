//! The stand-in's application invitations and its allow-list and block-list, driven through
//! the real client: what it decodes, and Clerk's status and code for each error.

use clerk_backend::models::{
    AllowlistIdentifierListParams, CreateAllowlistIdentifierParams,
    CreateBlocklistIdentifierParams, CreateInvitationParams, CreateUserParams, IdentifierType,
    InvitationListParams, InvitationOrderBy, InvitationStatus, InvitationTemplateSlug,
};
use clerk_backend::testing::StandIn;
use clerk_backend::Method;
use clerk_tests::refusal;
use serde_json::{json, Value};

#[tokio::test]
async fn invitations_are_created_pending_with_a_link_and_an_expiry() {
    let standin = StandIn::start().await.expect("start");
    let invitations = standin.clerk().invitations();
    let metadata = json!({"plan": "pro"}).as_object().cloned().expect("object");

    let invited = invitations
        .create(
            CreateInvitationParams::new("ada@example.com")
                .public_metadata(metadata)
                .redirect_url("https://app.example.com/welcome")
                .notify(false)
                .expires_in_days(3)
                .template_slug(InvitationTemplateSlug::Invitation),
        )
        .await
        .expect("invite");
    assert!(invited.id.starts_with("inv_"));
    assert_eq!(invited.object, "invitation");
    assert_eq!(invited.status, InvitationStatus::Pending);
    assert_eq!(invited.revoked, Some(false));
    assert_eq!(invited.public_metadata["plan"], "pro");
    let url = invited.url.as_deref().expect("a link");
    assert!(url.starts_with(standin.url()));
    assert!(url.contains("redirect_url=https%3A%2F%2Fapp%2Eexample%2Ecom%2Fwelcome"));
    assert_eq!(
        invited.expires_at.expect("expiry") - invited.created_at,
        3 * 86_400_000
    );
}

#[tokio::test]
async fn invitations_refuse_duplicates_existing_users_and_bad_input() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let invitations = clerk.invitations();
    invitations
        .create(CreateInvitationParams::new("ada@example.com"))
        .await
        .expect("invite");

    let duplicate = invitations
        .create(CreateInvitationParams::new("ADA@example.com"))
        .await;
    assert_eq!(
        refusal(duplicate),
        (400, "duplicate_record".into(), Some("email_address".into()))
    );
    let again = invitations
        .create(CreateInvitationParams::new("ada@example.com").ignore_existing(true))
        .await
        .expect("ignore_existing creates another");
    assert_eq!(again.status, InvitationStatus::Pending);

    clerk
        .users()
        .create(CreateUserParams::default().email_address(["bob@example.com"]))
        .await
        .expect("create user");
    let existing_user = invitations
        .create(CreateInvitationParams::new("bob@example.com"))
        .await;
    assert_eq!(
        refusal(existing_user),
        (
            422,
            "form_identifier_exists".into(),
            Some("email_address".into())
        )
    );

    let bad_email = invitations
        .create(CreateInvitationParams::new("not an email"))
        .await;
    assert_eq!(
        refusal(bad_email),
        (
            422,
            "form_param_format_invalid".into(),
            Some("email_address".into())
        )
    );
    let bad_days = invitations
        .create(CreateInvitationParams::new("carol@example.com").expires_in_days(0))
        .await;
    assert_eq!(
        refusal(bad_days),
        (
            422,
            "form_param_value_invalid".into(),
            Some("expires_in_days".into())
        )
    );
    let bad_template = invitations
        .create(
            CreateInvitationParams::new("carol@example.com")
                .template_slug(InvitationTemplateSlug::Unknown("welcome".into())),
        )
        .await;
    assert_eq!(refusal(bad_template).2.as_deref(), Some("template_slug"));
    let missing = clerk
        .raw::<Value>(Method::POST, "/invitations")
        .json(&json!({"notify": false}))
        .await;
    assert_eq!(
        refusal(missing),
        (
            422,
            "form_param_missing".into(),
            Some("email_address".into())
        )
    );
    let unknown_field = clerk
        .raw::<Value>(Method::POST, "/invitations")
        .json(&json!({"email_address": "dan@example.com", "role": "admin"}))
        .await;
    assert_eq!(
        refusal(unknown_field),
        (422, "form_param_unknown".into(), Some("role".into()))
    );
}

#[tokio::test]
async fn invitations_list_as_a_bare_array_with_filters_order_and_paging() {
    let standin = StandIn::start().await.expect("start");
    let invitations = standin.clerk().invitations();
    let mut ids = Vec::new();
    for email in ["carol@example.com", "ada@example.com", "bob@other.org"] {
        let invited = invitations
            .create(CreateInvitationParams::new(email))
            .await
            .expect("invite");
        ids.push(invited.id);
    }
    invitations.revoke(&ids[2]).await.expect("revoke bob");

    let all = invitations
        .list(InvitationListParams::default())
        .await
        .expect("list");
    assert_eq!(all.total_count, None, "a bare array carries no count");
    let newest_first: Vec<&str> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(newest_first, [&ids[2], &ids[1], &ids[0]]);

    let pending = invitations
        .list(InvitationListParams::default().status(InvitationStatus::Pending))
        .await
        .expect("pending");
    assert_eq!(pending.len(), 2);
    let revoked = invitations
        .list(InvitationListParams::default().status(InvitationStatus::Revoked))
        .await
        .expect("revoked");
    assert_eq!(revoked.data[0].id, ids[2]);

    let by_email = invitations
        .list(
            InvitationListParams::default()
                .query("EXAMPLE.com")
                .order_by(InvitationOrderBy::EmailAddressAsc),
        )
        .await
        .expect("query and order");
    let emails: Vec<&str> = by_email.iter().map(|i| i.email_address.as_str()).collect();
    assert_eq!(emails, ["ada@example.com", "carol@example.com"]);

    let second_page = invitations
        .list(
            InvitationListParams::default()
                .order_by(InvitationOrderBy::CreatedAtAsc)
                .limit(1)
                .offset(1),
        )
        .await
        .expect("page");
    assert_eq!(second_page.len(), 1);
    assert_eq!(second_page.data[0].id, ids[1]);

    let bad_order = invitations
        .list(InvitationListParams::default().order_by(InvitationOrderBy::Unknown("+id".into())))
        .await;
    assert_eq!(
        refusal(bad_order),
        (
            422,
            "form_param_value_invalid".into(),
            Some("order_by".into())
        )
    );
}

#[tokio::test]
async fn invitations_revoke_once_and_unknown_ids_are_404() {
    let standin = StandIn::start().await.expect("start");
    let invitations = standin.clerk().invitations();
    let invited = invitations
        .create(CreateInvitationParams::new("ada@example.com"))
        .await
        .expect("invite");

    let revoked = invitations.revoke(&invited.id).await.expect("revoke");
    assert_eq!(revoked.status, InvitationStatus::Revoked);
    assert_eq!(revoked.revoked, Some(true));
    assert_eq!(
        refusal(invitations.revoke(&invited.id).await),
        (400, "invitation_already_revoked".into(), None)
    );
    assert_eq!(
        refusal(invitations.revoke("inv_missing").await),
        (404, "resource_not_found".into(), None)
    );
    // A revoked invitation no longer blocks a new one for the same address.
    invitations
        .create(CreateInvitationParams::new("ada@example.com"))
        .await
        .expect("invite again");
}

#[tokio::test]
async fn invitations_come_in_bulk_all_or_nothing() {
    let standin = StandIn::start().await.expect("start");
    let invitations = standin.clerk().invitations();
    let created = invitations
        .create_bulk(vec![
            CreateInvitationParams::new("a@example.com"),
            CreateInvitationParams::new("b@example.com"),
        ])
        .await
        .expect("bulk");
    assert_eq!(created.len(), 2);
    assert!(created
        .iter()
        .all(|i| i.status == InvitationStatus::Pending));

    let clash = invitations
        .create_bulk(vec![
            CreateInvitationParams::new("c@example.com"),
            CreateInvitationParams::new("c@example.com"),
        ])
        .await;
    assert_eq!(refusal(clash).1, "duplicate_record");
    let empty = invitations.create_bulk(Vec::new()).await;
    assert_eq!(refusal(empty).0, 422);
    let listed = invitations
        .list(InvitationListParams::default())
        .await
        .expect("list");
    assert_eq!(listed.len(), 2);
}

#[tokio::test]
async fn allowlist_adds_typed_identifiers_refuses_duplicates_and_deletes() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let allowlist = clerk.allowlist_identifiers();

    let email = allowlist
        .create(CreateAllowlistIdentifierParams::new("ada@example.com"))
        .await
        .expect("allow an email");
    assert!(email
        .id
        .as_deref()
        .is_some_and(|id| id.starts_with("alid_")));
    assert_eq!(email.identifier_type, Some(IdentifierType::EmailAddress));
    assert_eq!(email.invitation_id, None);
    let phone = allowlist
        .create(CreateAllowlistIdentifierParams::new("+15555550100"))
        .await
        .expect("allow a phone");
    assert_eq!(phone.identifier_type, Some(IdentifierType::PhoneNumber));
    let wallet = allowlist
        .create(CreateAllowlistIdentifierParams::new(
            "0x52908400098527886E0F7030069857D2E4169EE7",
        ))
        .await
        .expect("allow a wallet");
    assert_eq!(wallet.identifier_type, Some(IdentifierType::Web3Wallet));
    let invited = allowlist
        .create(CreateAllowlistIdentifierParams::new("bob@example.com").notify(true))
        .await
        .expect("allow and invite");
    let invitation_id = invited.invitation_id.expect("an invitation was sent");
    let sent = clerk
        .invitations()
        .list(InvitationListParams::default())
        .await
        .expect("invitations");
    assert_eq!(sent.data[0].id, invitation_id);

    let listed = allowlist
        .list(AllowlistIdentifierListParams::default())
        .await
        .expect("list");
    assert_eq!(listed.len(), 4);
    assert_eq!(listed.total_count, None, "the allow-list is a bare array");
    let paged = allowlist
        .list(AllowlistIdentifierListParams::default().limit(1).offset(1))
        .await
        .expect("page");
    assert_eq!(paged.len(), 1);

    let duplicate = allowlist
        .create(CreateAllowlistIdentifierParams::new("ADA@example.com"))
        .await;
    assert_eq!(
        refusal(duplicate),
        (400, "duplicate_record".into(), Some("identifier".into()))
    );
    let invalid = allowlist
        .create(CreateAllowlistIdentifierParams::new("nobody"))
        .await;
    assert_eq!(
        refusal(invalid),
        (
            422,
            "form_param_format_invalid".into(),
            Some("identifier".into())
        )
    );

    let id = email.id.expect("id");
    let deleted = allowlist.delete(&id).await.expect("delete");
    assert!(deleted.deleted);
    assert_eq!(deleted.object, "allowlist_identifier");
    assert_eq!(deleted.id.as_deref(), Some(id.as_str()));
    assert_eq!(
        refusal(allowlist.delete(&id).await),
        (404, "resource_not_found".into(), None)
    );
}

#[tokio::test]
async fn blocklist_adds_lists_with_a_count_refuses_duplicates_and_deletes() {
    let standin = StandIn::start().await.expect("start");
    let blocklist = standin.clerk().blocklist_identifiers();

    let spammer = blocklist
        .create(CreateBlocklistIdentifierParams::new("spam@example.com"))
        .await
        .expect("block an email");
    assert!(spammer
        .id
        .as_deref()
        .is_some_and(|id| id.starts_with("blid_")));
    assert_eq!(spammer.identifier_type, Some(IdentifierType::EmailAddress));
    let domain = blocklist
        .create(CreateBlocklistIdentifierParams::new("*@spam.example"))
        .await
        .expect("block a domain");
    assert_eq!(domain.identifier_type, Some(IdentifierType::EmailAddress));

    let listed = blocklist.list().await.expect("list");
    assert_eq!(listed.total_count, Some(2));
    assert_eq!(listed.data[0].id, domain.id, "newest first");

    let duplicate = blocklist
        .create(CreateBlocklistIdentifierParams::new("spam@example.com"))
        .await;
    assert_eq!(
        refusal(duplicate),
        (400, "duplicate_record".into(), Some("identifier".into()))
    );
    let invalid = blocklist
        .create(CreateBlocklistIdentifierParams::new("+12"))
        .await;
    assert_eq!(refusal(invalid).1, "form_param_format_invalid");

    let id = spammer.id.expect("id");
    let deleted = blocklist.delete(&id).await.expect("delete");
    assert!(deleted.deleted);
    assert_eq!(deleted.object, "blocklist_identifier");
    assert_eq!(
        refusal(blocklist.delete(&id).await),
        (404, "resource_not_found".into(), None)
    );
    assert_eq!(blocklist.list().await.expect("list").total_count, Some(1));
}

/// `paginated=true` wraps the page in `{data, total_count}`; without it the page is a bare
/// array. `total_count` counts every match, not the page.
#[tokio::test]
async fn invitation_lists_honour_paginated() {
    let standin = StandIn::start().await.expect("start");
    let invitations = standin.clerk().invitations();
    let mut ids = Vec::new();
    for i in 0..12 {
        let invited = invitations
            .create(CreateInvitationParams::new(format!("guest{i}@example.com")).notify(false))
            .await
            .expect("invite");
        ids.push(invited.id);
    }

    let bare = invitations
        .list(InvitationListParams::default())
        .await
        .expect("bare list");
    assert_eq!(bare.total_count, None, "a bare array without paginated");
    assert_eq!(bare.len(), 10, "the spec's default limit");

    let paged = invitations
        .list(
            InvitationListParams::default()
                .paginated(true)
                .order_by(InvitationOrderBy::CreatedAtAsc)
                .limit(5)
                .offset(10),
        )
        .await
        .expect("paginated list");
    assert_eq!(paged.total_count, Some(12));
    let got: Vec<&str> = paged.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(got, [ids[10].as_str(), ids[11].as_str()]);

    // Filters narrow the count too.
    invitations.revoke(&ids[0]).await.expect("revoke");
    let revoked = invitations
        .list(
            InvitationListParams::default()
                .paginated(true)
                .status(InvitationStatus::Revoked),
        )
        .await
        .expect("revoked, paginated");
    assert_eq!(revoked.total_count, Some(1));
    assert_eq!(revoked.data[0].id, ids[0]);

    let raw = standin
        .clerk()
        .raw::<Value>(Method::GET, "/invitations")
        .query(&[("paginated", "true"), ("limit", "1")])
        .await
        .expect("raw");
    assert_eq!(raw["total_count"], 12, "{raw}");
    assert_eq!(raw["data"].as_array().map(Vec::len), Some(1), "{raw}");
}

#[tokio::test]
async fn allowlist_lists_honour_paginated() {
    let standin = StandIn::start().await.expect("start");
    let allowlist = standin.clerk().allowlist_identifiers();
    for i in 0..3 {
        allowlist
            .create(CreateAllowlistIdentifierParams::new(format!(
                "user{i}@example.com"
            )))
            .await
            .expect("allow");
    }
    let bare = allowlist
        .list(AllowlistIdentifierListParams::default())
        .await
        .expect("bare");
    assert_eq!((bare.len(), bare.total_count), (3, None));

    let paged = allowlist
        .list(
            AllowlistIdentifierListParams::default()
                .paginated(true)
                .limit(2)
                .offset(0),
        )
        .await
        .expect("paginated");
    assert_eq!((paged.len(), paged.total_count), (2, Some(3)));
    // Newest first.
    assert_eq!(
        paged.data[0].identifier.as_deref(),
        Some("user2@example.com")
    );

    let raw = standin
        .clerk()
        .raw::<Value>(Method::GET, "/allowlist_identifiers")
        .query(&[("paginated", "true")])
        .await
        .expect("raw");
    assert_eq!(raw["total_count"], 3, "{raw}");
    assert_eq!(raw["data"][0]["object"], "allowlist_identifier", "{raw}");
}
