//! Ids can never change the route: each becomes exactly one encoded path segment, and ids
//! that cannot be sent safely are rejected before anything is sent.

use clerk_backend::models::CreateSessionTokenParams;
use clerk_backend::Error;
use clerk_tests::{MockServer, Reply};

#[tokio::test]
async fn hostile_ids_stay_inside_their_segment() {
    let cases = [
        ("../users", "/users/..%2Fusers"),
        ("a/b", "/users/a%2Fb"),
        ("x?y", "/users/x%3Fy"),
        ("x#y", "/users/x%23y"),
        ("a b", "/users/a%20b"),
        ("%2F", "/users/%252F"),
        ("user_1/ban", "/users/user_1%2Fban"),
        ("é", "/users/%C3%A9"),
    ];
    let server = MockServer::start().await;
    let clerk = server.client();
    for (id, _) in cases {
        server.reply(Reply::fixture(200, "user.json"));
        clerk
            .users()
            .get(id)
            .await
            .unwrap_or_else(|e| panic!("{id:?}: {e}"));
    }
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    let expected: Vec<&str> = cases.iter().map(|(_, p)| *p).collect();
    assert_eq!(paths, expected);
}

#[tokio::test]
async fn every_parameter_of_a_two_parameter_path_is_encoded() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "session_token.json"));
    server
        .client()
        .sessions()
        .create_token_from_template("sess/1", "../tokens", CreateSessionTokenParams::default())
        .await
        .expect("token");
    assert_eq!(
        server.single().path,
        "/sessions/sess%2F1/tokens/..%2Ftokens"
    );
}

#[tokio::test]
async fn empty_and_dot_ids_are_rejected_without_a_request() {
    let server = MockServer::start().await;
    let clerk = server.client();
    for id in ["", "   ", ".", ".."] {
        let err = clerk.users().delete(id).await.expect_err("rejected");
        assert!(
            matches!(&err, Error::InvalidInput { message } if message.contains("user_id")),
            "{id:?}: {err:?}"
        );
        assert!(!err.is_retryable());
    }
    let err = clerk
        .sessions()
        .create_token_from_template("sess_1", "", CreateSessionTokenParams::default())
        .await
        .expect_err("empty template");
    assert!(err.to_string().contains("template_name"), "{err}");
    assert!(
        server.requests().is_empty(),
        "nothing may be sent: {:?}",
        server.requests()
    );
}

#[tokio::test]
async fn raw_requests_reject_paths_with_queries() {
    let server = MockServer::start().await;
    let clerk = server.client();
    let err = clerk
        .raw::<serde_json::Value>(clerk_backend::Method::GET, "/users?limit=1")
        .await
        .expect_err("query in path");
    assert!(matches!(err, Error::InvalidInput { .. }));
    server.reply(Reply::json(200, r#"{"object":"instance","id":"ins_1"}"#));
    let v: serde_json::Value = clerk
        .raw(clerk_backend::Method::GET, "/instance")
        .query(&[("x", "1")])
        .await
        .expect("raw");
    assert_eq!(v["id"], "ins_1");
    let req = server.single();
    assert_eq!(
        (req.path.as_str(), req.query.as_deref()),
        ("/instance", Some("x=1"))
    );
}

#[tokio::test]
async fn organization_keys_choose_id_or_slug_and_reject_contradictions() {
    use clerk_backend::models::{GetOrganizationParams, OrganizationKey};
    let server = MockServer::start().await;
    let clerk = server.client();
    for key in [
        OrganizationKey::id("org_1"),
        OrganizationKey::slug("acme/inc"),
    ] {
        server.reply(Reply::fixture(200, "organization.json"));
        clerk
            .organizations()
            .get(key, GetOrganizationParams::default())
            .await
            .expect("get");
    }
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/organizations/org_1", "/organizations/acme%2Finc"]);

    for bad in [
        OrganizationKey::id("acme"),
        OrganizationKey::slug("org_lookalike"),
    ] {
        let err = clerk
            .organizations()
            .get(bad, GetOrganizationParams::default())
            .await
            .expect_err("rejected");
        assert!(
            matches!(&err, Error::InvalidInput { message } if message.contains("organization_id")),
            "{err:?}"
        );
    }
    assert_eq!(server.requests().len(), 2, "rejected keys send nothing");
}
