//! Allow-list and block-list identifiers: the exact request of every operation, and decoding
//! of realistic responses.

use clerk_backend::models::{
    AllowlistIdentifierListParams, CreateAllowlistIdentifierParams,
    CreateBlocklistIdentifierParams, IdentifierType,
};
use clerk_tests::{fixture, MockServer, Reply};

#[tokio::test]
async fn allowlist_list_sends_paging_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "allowlist_identifier_list.json"));
    server.reply(Reply::fixture(200, "allowlist_identifier_list.json"));
    let clerk = server.client();
    let page = clerk
        .allowlist_identifiers()
        .list(
            AllowlistIdentifierListParams::default()
                .paginated(true)
                .limit(2)
                .offset(0),
        )
        .await
        .expect("list allow-list");
    clerk
        .allowlist_identifiers()
        .list(AllowlistIdentifierListParams::default())
        .await
        .expect("list allow-list without parameters");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/allowlist_identifiers",
            Some("paginated=true&limit=2&offset=0")
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("GET", "/allowlist_identifiers", None));
    assert!(reqs[1].body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
    let email = &page.data[0];
    assert_eq!(
        email.id.as_deref(),
        Some("alid_2xhHb7nQwE4rTyU8iOpA1sDf3Gh")
    );
    assert_eq!(email.identifier.as_deref(), Some("partner@example.com"));
    assert_eq!(email.identifier_type, Some(IdentifierType::EmailAddress));
    assert_eq!(
        email.invitation_id.as_deref(),
        Some("inv_2xhHb9mKjL2pQrS4tUvW6xYz8Ab")
    );
    let phone = &page.data[1];
    assert_eq!(phone.identifier_type, Some(IdentifierType::PhoneNumber));
    assert_eq!(phone.invitation_id, None);
}

#[tokio::test]
async fn allowlist_create_with_and_without_notify_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "allowlist_identifier.json"));
    server.reply(Reply::fixture(200, "allowlist_identifier.json"));
    server.reply(Reply::fixture(200, "deleted_allowlist_identifier.json"));
    let clerk = server.client();
    clerk
        .allowlist_identifiers()
        .create(CreateAllowlistIdentifierParams::new("+15555550123"))
        .await
        .expect("create without notify");
    let created = clerk
        .allowlist_identifiers()
        .create(CreateAllowlistIdentifierParams::new("partner@example.com").notify(true))
        .await
        .expect("create with notify");
    let deleted = clerk
        .allowlist_identifiers()
        .delete("alid_2xhHb7nQwE4rTyU8iOpA1sDf3Gh")
        .await
        .expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].line(), ("POST", "/allowlist_identifiers", None));
    assert_eq!(reqs[0].header("content-type"), Some("application/json"));
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "identifier": "+15555550123" })
    );
    assert_eq!(reqs[1].line(), ("POST", "/allowlist_identifiers", None));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "identifier": "partner@example.com", "notify": true })
    );
    assert_eq!(
        reqs[2].line(),
        (
            "DELETE",
            "/allowlist_identifiers/alid_2xhHb7nQwE4rTyU8iOpA1sDf3Gh",
            None
        )
    );
    assert!(reqs[2].body.is_empty());

    assert_eq!(created.object.as_deref(), Some("allowlist_identifier"));
    assert_eq!(created.identifier_type, Some(IdentifierType::EmailAddress));
    assert_eq!(
        created.instance_id.as_deref(),
        Some("ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    );
    assert_eq!(created.created_at, Some(1_718_361_600_000));
    assert_eq!(deleted.object, "allowlist_identifier");
    assert_eq!(
        deleted.id.as_deref(),
        Some("alid_2xhHb7nQwE4rTyU8iOpA1sDf3Gh")
    );
    assert!(deleted.deleted);
}

#[tokio::test]
async fn blocklist_list_sends_no_query_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "blocklist_identifier_list.json"));
    let page = server
        .client()
        .blocklist_identifiers()
        .list()
        .await
        .expect("list block-list");

    let req = server.single();
    assert_eq!(req.line(), ("GET", "/blocklist_identifiers", None));
    assert!(req.body.is_empty());
    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(2));
    assert_eq!(
        page.data[0].identifier.as_deref(),
        Some("spammer@example.net")
    );
    assert_eq!(
        page.data[1].identifier_type,
        Some(IdentifierType::Web3Wallet)
    );
}

#[tokio::test]
async fn blocklist_create_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "blocklist_identifier.json"));
    server.reply(Reply::fixture(200, "deleted_blocklist_identifier.json"));
    let clerk = server.client();
    let created = clerk
        .blocklist_identifiers()
        .create(CreateBlocklistIdentifierParams::new("spammer@example.net"))
        .await
        .expect("create");
    let deleted = clerk
        .blocklist_identifiers()
        .delete("blid_2xhJk3LmN5pQ7rS9tU1vW3xY5zA")
        .await
        .expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].line(), ("POST", "/blocklist_identifiers", None));
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "identifier": "spammer@example.net" })
    );
    assert_eq!(
        reqs[1].line(),
        (
            "DELETE",
            "/blocklist_identifiers/blid_2xhJk3LmN5pQ7rS9tU1vW3xY5zA",
            None
        )
    );
    assert!(reqs[1].body.is_empty());

    assert_eq!(created.object.as_deref(), Some("blocklist_identifier"));
    assert_eq!(
        created.id.as_deref(),
        Some("blid_2xhJk3LmN5pQ7rS9tU1vW3xY5zA")
    );
    assert_eq!(created.identifier_type, Some(IdentifierType::EmailAddress));
    assert_eq!(deleted.object, "blocklist_identifier");
    assert!(deleted.deleted);
}

#[tokio::test]
async fn an_unknown_identifier_type_decodes_into_the_open_variant() {
    let mut body: serde_json::Value =
        serde_json::from_str(&fixture("blocklist_identifier.json")).expect("fixture is JSON");
    body["identifier"] = "example.org".into();
    body["identifier_type"] = "email_domain".into();
    let server = MockServer::start().await;
    server.reply(Reply::json(200, body.to_string()));
    let created = server
        .client()
        .blocklist_identifiers()
        .create(CreateBlocklistIdentifierParams::new("example.org"))
        .await
        .expect("create");
    assert_eq!(
        created.identifier_type,
        Some(IdentifierType::Unknown("email_domain".into()))
    );
}

#[tokio::test]
async fn sparse_identifiers_decode_because_every_field_is_optional() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, r#"[{"identifier":"a@example.com"}, {}]"#));
    let page = server
        .client()
        .allowlist_identifiers()
        .list(AllowlistIdentifierListParams::default())
        .await
        .expect("list");
    assert_eq!(page.len(), 2);
    assert_eq!(page.data[0].identifier.as_deref(), Some("a@example.com"));
    assert_eq!(page.data[1].id, None);
}
