//! Sessions: the exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{
    CreateSessionParams, CreateSessionTokenParams, RefreshSessionParams, SessionListParams,
    SessionRefreshFormat, SessionStatus, VerifySessionParams,
};
use clerk_tests::{fixture, MockServer, Reply};

const SESSION_ID: &str = "sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD";
const USER_ID: &str = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const CLIENT_ID: &str = "client_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

#[tokio::test]
async fn list_sends_every_filter_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session_list.json"));
    let params = SessionListParams::default()
        .client_id(CLIENT_ID)
        .user_id(USER_ID)
        .status(SessionStatus::Active)
        .paginated(true)
        .limit(20)
        .offset(40);
    let page = server
        .client()
        .sessions()
        .list(params)
        .await
        .expect("list sessions");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("GET", "/sessions")
    );
    assert_eq!(
        req.query.as_deref(),
        Some(
            "client_id=client_2xhFjEI5X2qWRvtV13BzSj8H6Dk&user_id=user_2xhFjEI5X2qWRvtV13BzSj8H6Dk\
             &status=active&paginated=true&limit=20&offset=40"
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
    let first = &page.data[0];
    assert_eq!(first.id, SESSION_ID);
    assert_eq!(first.status, SessionStatus::Active);
    assert_eq!(first.actor, None);
    let activity = first.latest_activity.as_ref().expect("latest activity");
    assert_eq!(activity.browser_name.as_deref(), Some("Chrome"));
    assert!(!activity.is_mobile);
    assert_eq!(first.tasks, None);
    let second = &page.data[1];
    assert_eq!(second.status, SessionStatus::Revoked);
    assert_eq!(
        second.actor.as_ref().and_then(|a| a["sub"].as_str()),
        Some("user_2yQk8RmZp4TnB6vX1cW3eD5fG7h")
    );
    assert_eq!(second.latest_activity, None);
    assert_eq!(second.tasks.as_deref(), Some(&[][..]));
}

#[tokio::test]
async fn list_with_only_a_user_id_sends_just_that() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, "[]"));
    let page = server
        .client()
        .sessions()
        .list(SessionListParams::default().user_id(USER_ID))
        .await
        .expect("list sessions");
    let req = server.single();
    assert_eq!(
        req.query.as_deref(),
        Some("user_id=user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    );
    assert!(page.is_empty());
}

#[tokio::test]
async fn get_and_revoke_send_no_body_and_decode_the_session() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session.json"));
    server.reply(Reply::fixture(200, "session_revoked.json"));
    let clerk = server.client();
    let session = clerk.sessions().get(SESSION_ID).await.expect("get");
    let revoked = clerk.sessions().revoke(SESSION_ID).await.expect("revoke");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        (
            reqs[0].method.as_str(),
            reqs[0].path.as_str(),
            reqs[0].query.as_deref()
        ),
        ("GET", "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD", None)
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(
        (
            reqs[1].method.as_str(),
            reqs[1].path.as_str(),
            reqs[1].query.as_deref()
        ),
        (
            "POST",
            "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/revoke",
            None
        )
    );
    assert!(reqs[1].body.is_empty());

    assert_eq!(session.object, "session");
    assert_eq!(session.id, SESSION_ID);
    assert_eq!(session.user_id, USER_ID);
    assert_eq!(session.client_id, CLIENT_ID);
    assert_eq!(session.status, SessionStatus::Active);
    assert_eq!(
        session.last_active_organization_id.as_deref(),
        Some("org_2xhFjQ4rS6tU8vW0xY2zA4bC6dE")
    );
    assert_eq!(session.expire_at, 1_720_195_200_000);

    assert_eq!(revoked.id, SESSION_ID);
    assert_eq!(revoked.status, SessionStatus::Revoked);
    assert_eq!(revoked.latest_activity, None);
}

#[tokio::test]
async fn create_sends_the_user_and_optional_organization() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session.json"));
    server.reply(Reply::fixture(200, "session_pending.json"));
    let clerk = server.client();
    let created = clerk
        .sessions()
        .create(CreateSessionParams::new(USER_ID))
        .await
        .expect("create");
    let pending = clerk
        .sessions()
        .create(
            CreateSessionParams::new(USER_ID)
                .active_organization_id("org_2xhFjQ4rS6tU8vW0xY2zA4bC6dE"),
        )
        .await
        .expect("create with organization");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(
            (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
            ("POST", "/sessions", None)
        );
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(reqs[0].json(), serde_json::json!({ "user_id": USER_ID }));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "user_id": USER_ID,
            "active_organization_id": "org_2xhFjQ4rS6tU8vW0xY2zA4bC6dE"
        })
    );

    assert_eq!(created.status, SessionStatus::Active);
    assert_eq!(pending.status, SessionStatus::Pending);
    let tasks = pending.tasks.as_ref().expect("tasks");
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].key, "choose-organization");
    let activity = pending.latest_activity.as_ref().expect("activity");
    assert!(activity.is_mobile);
    assert_eq!(activity.device_type, None);
    assert_eq!(activity.city, None);
}

#[tokio::test]
async fn refresh_sends_required_and_optional_fields_and_decodes_both_formats() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session_refresh_token.json"));
    server.reply(Reply::fixture(200, "session_refresh_cookies.json"));
    let clerk = server.client();
    let token = clerk
        .sessions()
        .refresh(
            SESSION_ID,
            RefreshSessionParams::new("expired.jwt.value", "refresh_tok_1", "https://example.com"),
        )
        .await
        .expect("refresh as token");

    let mut headers = serde_json::Map::new();
    headers.insert(
        "User-Agent".into(),
        serde_json::json!(["Mozilla/5.0 (Macintosh)"]),
    );
    headers.insert(
        "Cookie".into(),
        serde_json::json!(["__session=expired.jwt.value"]),
    );
    let cookies = clerk
        .sessions()
        .refresh(
            SESSION_ID,
            RefreshSessionParams::new("expired.jwt.value", "refresh_tok_1", "https://example.com")
                .request_headers(headers)
                .format(SessionRefreshFormat::Cookie)
                .request_originating_ip("203.0.113.42"),
        )
        .await
        .expect("refresh as cookies");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(
            (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
            (
                "POST",
                "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/refresh",
                None
            )
        );
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({
            "expired_token": "expired.jwt.value",
            "refresh_token": "refresh_tok_1",
            "request_origin": "https://example.com"
        })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "expired_token": "expired.jwt.value",
            "refresh_token": "refresh_tok_1",
            "request_origin": "https://example.com",
            "request_headers": {
                "User-Agent": ["Mozilla/5.0 (Macintosh)"],
                "Cookie": ["__session=expired.jwt.value"]
            },
            "format": "cookie",
            "request_originating_ip": "203.0.113.42"
        })
    );

    assert_eq!(token.object, "token");
    assert!(token
        .jwt
        .as_ref()
        .map(|j| j.expose())
        .is_some_and(|j| j.starts_with("eyJ")));
    assert_eq!(token.cookies, None);
    assert_eq!(cookies.object, "cookies");
    assert_eq!(cookies.jwt, None);
    let directives = cookies.cookies.expect("cookie directives");
    assert_eq!(directives.len(), 2);
    assert!(directives[0].starts_with("__session="));
    assert!(directives[1].starts_with("__client_uat="));
}

#[tokio::test]
async fn create_token_with_and_without_a_lifetime_and_from_a_template() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session_token.json"));
    server.reply(Reply::fixture(200, "session_token.json"));
    server.reply(Reply::fixture(200, "session_token.json"));
    let clerk = server.client();
    let plain = clerk
        .sessions()
        .create_token(SESSION_ID, CreateSessionTokenParams::default())
        .await
        .expect("token");
    clerk
        .sessions()
        .create_token(
            SESSION_ID,
            CreateSessionTokenParams::default().expires_in_seconds(3600),
        )
        .await
        .expect("token with lifetime");
    let templated = clerk
        .sessions()
        .create_token_from_template(
            SESSION_ID,
            "custom_hasura",
            CreateSessionTokenParams::default().expires_in_seconds(120),
        )
        .await
        .expect("token from template");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(
        (
            reqs[0].method.as_str(),
            reqs[0].path.as_str(),
            reqs[0].query.as_deref()
        ),
        (
            "POST",
            "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/tokens",
            None
        )
    );
    assert_eq!(reqs[0].json(), serde_json::json!({}));
    assert_eq!(
        reqs[1].path,
        "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/tokens"
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "expires_in_seconds": 3600 })
    );
    assert_eq!(
        (
            reqs[2].method.as_str(),
            reqs[2].path.as_str(),
            reqs[2].query.as_deref()
        ),
        (
            "POST",
            "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/tokens/custom_hasura",
            None
        )
    );
    assert_eq!(
        reqs[2].json(),
        serde_json::json!({ "expires_in_seconds": 120 })
    );

    assert_eq!(plain.object.as_deref(), Some("token"));
    assert!(plain
        .jwt
        .as_ref()
        .is_some_and(|j| j.expose().split('.').count() == 3));
    assert_eq!(templated, plain);
}

#[tokio::test]
async fn template_names_are_encoded_as_one_path_segment() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session_token.json"));
    server
        .client()
        .sessions()
        .create_token_from_template(
            SESSION_ID,
            "my template/v2",
            CreateSessionTokenParams::default(),
        )
        .await
        .expect("token from template");
    assert_eq!(
        server.single().path,
        "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/tokens/my%20template%2Fv2"
    );
}

#[tokio::test]
async fn deprecated_verify_sends_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session.json"));
    #[allow(deprecated)]
    let session = server
        .client()
        .sessions()
        .verify(
            SESSION_ID,
            VerifySessionParams::new("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
        )
        .await
        .expect("verify");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        (
            "POST",
            "/sessions/sess_2xhFjP1qR3sT5uV7wX9yZ1aB2cD/verify",
            None
        )
    );
    assert_eq!(
        req.json(),
        serde_json::json!({ "token": "eyJhbGciOiJSUzI1NiJ9.e30.c2ln" })
    );
    assert_eq!(session.id, SESSION_ID);
    assert_eq!(session.status, SessionStatus::Active);
}

#[tokio::test]
async fn an_unknown_status_decodes_into_the_open_variant_and_round_trips() {
    let mut body: serde_json::Value =
        serde_json::from_str(&fixture("session.json")).expect("fixture is JSON");
    body["status"] = "brand_new_status".into();

    let server = MockServer::start().await;
    server.reply(Reply::json(200, body.to_string()));
    let session = server
        .client()
        .sessions()
        .get(SESSION_ID)
        .await
        .expect("an unknown status still decodes");
    assert_eq!(
        session.status,
        SessionStatus::Unknown("brand_new_status".into())
    );
    assert_eq!(session.status.as_str(), "brand_new_status");
    // The unknown value is kept verbatim when the model is serialized again.
    let again = serde_json::to_value(&session).expect("serialize");
    assert_eq!(again["status"], "brand_new_status");
}

#[tokio::test]
async fn an_unknown_status_is_sent_verbatim_as_a_filter() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, "[]"));
    server
        .client()
        .sessions()
        .list(
            SessionListParams::default()
                .client_id(CLIENT_ID)
                .status(SessionStatus::Unknown("brand_new_status".into())),
        )
        .await
        .expect("list");
    assert_eq!(
        server.single().query.as_deref(),
        Some("client_id=client_2xhFjEI5X2qWRvtV13BzSj8H6Dk&status=brand_new_status")
    );
}
