//! JWT templates: the exact request of every operation, decoding of realistic responses, and
//! the signing key kept out of `Debug`.

use clerk_backend::models::{JwtTemplate, JwtTemplateListParams, JwtTemplateParams, Metadata};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

const TEMPLATE_ID: &str = "jtmp_2xhS9tVwY1zAbD3fGhIjKlMnOpS";
const SIGNING_KEY: &str = "HS256-SIGNING-KEY-SECRET";

fn claims() -> Metadata {
    match json!({
        "aud": "authenticated",
        "role": "authenticated",
        "email": "{{user.primary_email_address}}",
        "app_metadata": {"org": "{{org.slug}}"}
    }) {
        serde_json::Value::Object(map) => map,
        other => panic!("claims must be an object, got {other}"),
    }
}

/// Checks every field of `tests/fixtures/jwt_template.json`.
fn assert_is_the_fixture_template(t: &JwtTemplate) {
    assert_eq!(t.object, "jwt_template");
    assert_eq!(t.id, TEMPLATE_ID);
    assert_eq!(t.name, "supabase");
    assert_eq!(t.claims, claims());
    assert_eq!(t.lifetime, 60);
    assert_eq!(t.allowed_clock_skew, 5);
    assert!(t.custom_signing_key);
    assert_eq!(t.signing_algorithm, "HS256");
    assert_eq!(t.created_at, 1718361600000);
    assert_eq!(t.updated_at, 1718365200000);
}

#[tokio::test]
async fn list_sends_pagination_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "jwt_template_list.json"));
    let page = server
        .client()
        .jwt_templates()
        .list(
            JwtTemplateListParams::default()
                .paginated(true)
                .limit(2)
                .offset(0),
        )
        .await
        .expect("list");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/jwt_templates",
            Some("paginated=true&limit=2&offset=0")
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(7));
    assert_eq!(page.data[0].claims["aud"], "authenticated");
    let hasura = &page.data[1];
    assert_eq!(hasura.name, "hasura");
    assert!(hasura.claims.is_empty());
    assert!(!hasura.custom_signing_key);
    assert_eq!(hasura.signing_algorithm, "RS256");
    assert_eq!(hasura.lifetime, 3600);
}

#[tokio::test]
async fn create_sends_every_field_and_hides_the_signing_key() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "jwt_template.json"));
    let params = JwtTemplateParams::new("supabase", claims())
        .lifetime(60_i64)
        .allowed_clock_skew(5_i64)
        .custom_signing("HS256", SIGNING_KEY);
    let debug = format!("{params:?}");
    assert!(!debug.contains(SIGNING_KEY), "{debug}");
    assert_eq!(
        params.signing_key.as_ref().map(|k| k.expose()),
        Some(SIGNING_KEY)
    );
    let template = server
        .client()
        .jwt_templates()
        .create(params)
        .await
        .expect("create");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/jwt_templates", None));
    assert_eq!(
        req.json(),
        json!({
            "name": "supabase",
            "claims": claims(),
            "lifetime": 60,
            "allowed_clock_skew": 5,
            "custom_signing_key": true,
            "signing_algorithm": "HS256",
            "signing_key": SIGNING_KEY
        })
    );
    assert_is_the_fixture_template(&template);
}

#[tokio::test]
async fn get_decodes_every_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "jwt_template.json"));
    let template = server
        .client()
        .jwt_templates()
        .get(TEMPLATE_ID)
        .await
        .expect("get");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/jwt_templates/jtmp_2xhS9tVwY1zAbD3fGhIjKlMnOpS",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_is_the_fixture_template(&template);
}

#[tokio::test]
async fn update_sends_name_and_claims_plus_the_given_fields() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "jwt_template.json"));
    let template = server
        .client()
        .jwt_templates()
        .update(
            TEMPLATE_ID,
            JwtTemplateParams::new("supabase", claims())
                .custom_signing_key(false)
                .signing_algorithm("RS256")
                .signing_key("RS256-KEY"),
        )
        .await
        .expect("update");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "PATCH",
            "/jwt_templates/jtmp_2xhS9tVwY1zAbD3fGhIjKlMnOpS",
            None
        )
    );
    assert_eq!(
        req.json(),
        json!({
            "name": "supabase",
            "claims": claims(),
            "custom_signing_key": false,
            "signing_algorithm": "RS256",
            "signing_key": "RS256-KEY"
        })
    );
    assert_is_the_fixture_template(&template);
}

#[tokio::test]
async fn delete_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "jwt_template_deleted.json"));
    let deleted = server
        .client()
        .jwt_templates()
        .delete(TEMPLATE_ID)
        .await
        .expect("delete");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "DELETE",
            "/jwt_templates/jtmp_2xhS9tVwY1zAbD3fGhIjKlMnOpS",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "jwt_template");
    assert_eq!(deleted.id.as_deref(), Some(TEMPLATE_ID));
    assert!(deleted.deleted);
}
