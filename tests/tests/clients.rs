//! Clients: the exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{ClientListParams, SessionStatus, VerifyClientParams};
use clerk_tests::{MockServer, Reply};

const CLIENT_ID: &str = "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const SESSION_ID: &str = "sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD";

#[tokio::test]
async fn deprecated_list_sends_paging_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "client_list.json"));
    server.reply(Reply::fixture(200, "client_list.json"));
    let clerk = server.client();
    #[allow(deprecated)]
    let page = clerk
        .clients()
        .list(
            ClientListParams::default()
                .paginated(true)
                .limit(2)
                .offset(10),
        )
        .await
        .expect("list clients");
    #[allow(deprecated)]
    clerk
        .clients()
        .list(ClientListParams::default())
        .await
        .expect("list clients without parameters");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        (reqs[0].method.as_str(), reqs[0].path.as_str()),
        ("GET", "/clients")
    );
    assert_eq!(
        reqs[0].query.as_deref(),
        Some("paginated=true&limit=2&offset=10")
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(
        (
            reqs[1].method.as_str(),
            reqs[1].path.as_str(),
            reqs[1].query.as_deref()
        ),
        ("GET", "/clients", None)
    );
    assert!(reqs[1].body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
    let first = &page.data[0];
    assert_eq!(first.id, CLIENT_ID);
    assert_eq!(first.session_ids, [SESSION_ID]);
    assert_eq!(first.sessions[0].status, SessionStatus::Active);
    assert_eq!(
        first.last_authentication_strategy.as_deref(),
        Some("oauth_google")
    );
    let second = &page.data[1];
    assert!(second.sessions.is_empty());
    assert_eq!(
        second.sign_in_id.as_deref(),
        Some("sia_2yQk9CdE2fG4hI6jK8lM0nO2pQ4")
    );
    assert_eq!(second.last_active_session_id, None);
}

#[tokio::test]
async fn get_sends_no_body_and_verify_posts_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "client.json"));
    server.reply(Reply::fixture(200, "client.json"));
    let clerk = server.client();
    let client = clerk.clients().get(CLIENT_ID).await.expect("get client");
    let verified = clerk
        .clients()
        .verify(VerifyClientParams::new(
            "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudCJ9.c2ln",
        ))
        .await
        .expect("verify client");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        (
            reqs[0].method.as_str(),
            reqs[0].path.as_str(),
            reqs[0].query.as_deref()
        ),
        ("GET", "/clients/client_2xhFjEI5X2qWRvtV13BzSj8H6Dk", None)
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(
        (
            reqs[1].method.as_str(),
            reqs[1].path.as_str(),
            reqs[1].query.as_deref()
        ),
        ("POST", "/clients/verify", None)
    );
    assert_eq!(reqs[1].header("content-type"), Some("application/json"));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "token": "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudCJ9.c2ln" })
    );

    assert_eq!(client.object, "client");
    assert_eq!(client.id, CLIENT_ID);
    assert_eq!(client.sessions.len(), 1);
    assert_eq!(client.sessions[0].id, SESSION_ID);
    assert_eq!(client.last_active_session_id.as_deref(), Some(SESSION_ID));
    assert_eq!(client.sign_in_id, None);
    assert_eq!(client.created_at, 1_719_590_000_000);
    assert_eq!(verified, client);
}

#[tokio::test]
async fn a_client_id_with_reserved_characters_stays_one_segment() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "client.json"));
    server
        .client()
        .clients()
        .get("verify?x=1")
        .await
        .expect("get client");
    let req = server.single();
    assert_eq!(
        (req.path.as_str(), req.query.as_deref()),
        ("/clients/verify%3Fx%3D1", None)
    );
}
