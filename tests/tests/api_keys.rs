//! API keys: the exact request of every operation, decoding of realistic responses, and
//! secrets kept out of `Debug`.

use clerk_backend::models::{
    ApiKey, ApiKeyListParams, CreateApiKeyParams, RevokeApiKeyParams, UpdateApiKeyParams,
    VerifyApiKeyParams,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

const KEY_ID: &str = "ak_3beecc9c60adb5f9b850e91a8ee1e992";
const KEY_PATH: &str = "/api_keys/ak_3beecc9c60adb5f9b850e91a8ee1e992";
const USER_ID: &str = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const SECRET: &str = "ak_live_7f3kQz9XbW2mN8vR4tY6uP1sL5dH0jCe";

/// Checks every field of `tests/fixtures/api_key.json`.
fn assert_is_the_fixture_key(key: &ApiKey) {
    assert_eq!(key.object, "api_key");
    assert_eq!(key.id, KEY_ID);
    assert_eq!(key.kind, "api_key");
    assert_eq!(key.subject, USER_ID);
    assert_eq!(key.name, "BILLING_SERVICE_KEY");
    assert_eq!(
        key.description.as_deref(),
        Some("Used by the billing service to read invoices")
    );
    assert_eq!(
        key.claims,
        Some(json!({"tier": "gold", "regions": ["eu", "us"]}))
    );
    assert_eq!(key.scopes, ["invoices:read", "invoices:write"]);
    assert!(!key.revoked);
    assert_eq!(key.revocation_reason, None);
    assert!(!key.expired);
    assert_eq!(key.expiration, Some(1750000000000.0));
    assert_eq!(key.created_by.as_deref(), Some(USER_ID));
    assert_eq!(key.last_used_at, Some(1718275260000.0));
    assert_eq!(key.created_at, 1715683260000.0);
    assert_eq!(key.updated_at, 1716883200000.0);
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key_list.json"));
    server.reply(Reply::fixture(200, "api_key_list.json"));
    let clerk = server.client();
    let page = clerk
        .api_keys()
        .list(
            ApiKeyListParams::new(USER_ID)
                .kind("api_key")
                .include_invalid(true)
                .limit(25)
                .offset(50)
                .query("billing"),
        )
        .await
        .expect("list api keys");
    clerk
        .api_keys()
        .list(ApiKeyListParams::new("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk"))
        .await
        .expect("list with the subject only");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/api_keys",
            Some(
                "type=api_key&subject=user_2xhFjEI5X2qWRvtV13BzSj8H6Dk&include_invalid=true\
                 &limit=25&offset=50&query=billing"
            )
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(
        reqs[1].line(),
        (
            "GET",
            "/api_keys",
            Some("subject=org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
        )
    );

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(2));
    let first = &page.data[0];
    assert_eq!(first.id, KEY_ID);
    assert_eq!(first.claims, Some(json!({"tier": "gold"})));
    assert_eq!(first.expiration, None);
    let second = &page.data[1];
    assert_eq!(second.name, "OLD_REPORTING_KEY");
    assert_eq!(second.description, None);
    assert_eq!(second.claims, None);
    assert!(second.scopes.is_empty());
    assert!(second.revoked);
    assert_eq!(second.revocation_reason.as_deref(), Some("Rotated"));
    assert_eq!(second.created_by, None);
    assert_eq!(second.last_used_at, None);
}

#[tokio::test]
async fn create_sends_every_field_and_keeps_the_secret_out_of_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key_created.json"));
    server.reply(Reply::fixture(200, "api_key_created.json"));
    let clerk = server.client();
    let created = clerk
        .api_keys()
        .create(
            CreateApiKeyParams::new("BILLING_SERVICE_KEY", USER_ID)
                .kind("api_key")
                .description("Used by the billing service")
                .claims(json!({"tier": "gold"}))
                .scopes(["invoices:read"])
                .scopes(["invoices:write"])
                .created_by(USER_ID)
                .seconds_until_expiration(86400),
        )
        .await
        .expect("create api key");
    clerk
        .api_keys()
        .create(CreateApiKeyParams::new("MINIMAL", USER_ID))
        .await
        .expect("create with the required fields only");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("POST", "/api_keys", None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "type": "api_key",
            "name": "BILLING_SERVICE_KEY",
            "description": "Used by the billing service",
            "subject": USER_ID,
            "claims": {"tier": "gold"},
            "scopes": ["invoices:read", "invoices:write"],
            "created_by": USER_ID,
            "seconds_until_expiration": 86400.0
        })
    );
    assert_eq!(
        reqs[1].json(),
        json!({"name": "MINIMAL", "subject": USER_ID})
    );

    assert_eq!(created.secret.expose(), SECRET);
    let printed = format!("{created:?}");
    assert!(!printed.contains(SECRET), "secret leaked: {printed}");
    assert!(printed.contains("Secret([redacted])"));
    let key = &created.api_key;
    assert_eq!(key.id, KEY_ID);
    assert_eq!(key.name, "BILLING_SERVICE_KEY");
    assert_eq!(key.description, None);
    assert_eq!(key.claims, None);
    assert!(key.scopes.is_empty());
    assert_eq!(key.expiration, None);
    assert_eq!(key.created_at, 1715683260000.0);
}

#[tokio::test]
async fn get_fetches_one_key_by_id() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key.json"));
    let key = server
        .client()
        .api_keys()
        .get(KEY_ID)
        .await
        .expect("get api key");
    let req = server.single();
    assert_eq!(req.line(), ("GET", KEY_PATH, None));
    assert!(req.body.is_empty());
    assert_is_the_fixture_key(&key);
}

#[tokio::test]
async fn update_sends_only_the_given_fields() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key.json"));
    server.reply(Reply::fixture(200, "api_key.json"));
    let clerk = server.client();
    let key = clerk
        .api_keys()
        .update(
            KEY_ID,
            UpdateApiKeyParams::default()
                .claims(json!({"tier": "gold", "regions": ["eu", "us"]}))
                .scopes(["invoices:read", "invoices:write"])
                .description("Used by the billing service to read invoices")
                .subject(USER_ID)
                .seconds_until_expiration(3600),
        )
        .await
        .expect("update api key");
    clerk
        .api_keys()
        .update(
            KEY_ID,
            UpdateApiKeyParams::default().scopes(Vec::<String>::new()),
        )
        .await
        .expect("clear the scopes");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("PATCH", KEY_PATH, None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "claims": {"tier": "gold", "regions": ["eu", "us"]},
            "scopes": ["invoices:read", "invoices:write"],
            "description": "Used by the billing service to read invoices",
            "subject": USER_ID,
            "seconds_until_expiration": 3600.0
        })
    );
    assert_eq!(reqs[1].json(), json!({"scopes": []}));
    assert_is_the_fixture_key(&key);
}

#[tokio::test]
async fn delete_sends_no_body_and_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key_deleted.json"));
    let deleted = server
        .client()
        .api_keys()
        .delete(KEY_ID)
        .await
        .expect("delete api key");
    let req = server.single();
    assert_eq!(req.line(), ("DELETE", KEY_PATH, None));
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "api_key");
    assert_eq!(deleted.id.as_deref(), Some(KEY_ID));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn revoke_sends_the_reason_or_an_empty_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key_revoked.json"));
    server.reply(Reply::fixture(200, "api_key_revoked.json"));
    let clerk = server.client();
    let revoked = clerk
        .api_keys()
        .revoke(
            KEY_ID,
            RevokeApiKeyParams::default().revocation_reason("Leaked in a public repository"),
        )
        .await
        .expect("revoke api key");
    clerk
        .api_keys()
        .revoke(KEY_ID, RevokeApiKeyParams::default())
        .await
        .expect("revoke without a reason");

    let reqs = server.requests();
    let revoke_path = format!("{KEY_PATH}/revoke");
    assert_eq!(reqs[0].line(), ("POST", revoke_path.as_str(), None));
    assert_eq!(
        reqs[0].json(),
        json!({"revocation_reason": "Leaked in a public repository"})
    );
    // The spec requires a body here, even an empty one.
    assert_eq!(reqs[1].json(), json!({}));

    assert!(revoked.revoked);
    assert!(revoked.expired);
    assert_eq!(
        revoked.revocation_reason.as_deref(),
        Some("Leaked in a public repository")
    );
    assert_eq!(revoked.subject, "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(revoked.description, None);
    assert_eq!(revoked.expiration, Some(1716883200000.0));
}

#[tokio::test]
async fn verify_sends_the_secret_in_the_body_and_never_prints_it() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key.json"));
    let params = VerifyApiKeyParams::new(SECRET);
    let printed = format!("{params:?}");
    assert!(!printed.contains(SECRET), "secret leaked: {printed}");
    assert!(printed.contains("[redacted]"));

    let key = server
        .client()
        .api_keys()
        .verify(params)
        .await
        .expect("verify api key");
    let req = server.single();
    assert_eq!(req.line(), ("POST", "/api_keys/verify", None));
    assert_eq!(req.json(), json!({"secret": SECRET}));
    assert_is_the_fixture_key(&key);
}

#[tokio::test]
async fn get_secret_decodes_a_secret_that_does_not_print() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key_secret.json"));
    let secret = server
        .client()
        .api_keys()
        .get_secret(KEY_ID)
        .await
        .expect("get api key secret");
    let req = server.single();
    let secret_path = format!("{KEY_PATH}/secret");
    assert_eq!(req.line(), ("GET", secret_path.as_str(), None));
    assert!(req.body.is_empty());
    assert_eq!(secret.secret.expose(), SECRET);
    let printed = format!("{secret:?}");
    assert!(!printed.contains(SECRET), "secret leaked: {printed}");
}

#[tokio::test]
async fn a_key_id_is_percent_encoded_into_its_path_segment() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key.json"));
    server
        .client()
        .api_keys()
        .get("ak_1/../users")
        .await
        .expect("get");
    assert_eq!(server.single().path, "/api_keys/ak_1%2F..%2Fusers");
}
