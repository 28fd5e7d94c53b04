//! OAuth applications and the verification of their access tokens: the exact request of every
//! operation, decoding of realistic responses, and secrets kept out of `Debug`.

use clerk_backend::models::{
    CreateOAuthApplicationParams, OAuthAccessTokenVerification, OAuthApplication,
    OAuthApplicationListParams, OAuthApplicationLogo, OAuthApplicationOrderBy,
    RevokeOAuthApplicationTokenParams, UpdateOAuthApplicationParams, VerifyOAuthAccessTokenParams,
};
use clerk_backend::multipart::{FileUpload, Multipart};
use clerk_tests::{MockServer, Recorded, Reply};
use serde_json::json;

const APP_ID: &str = "oa_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const APP_PATH: &str = "/oauth_applications/oa_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const CLIENT_SECRET: &str = "cs_Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz";
const ACCESS_TOKEN: &str = "oat_live_access_5Rt7Yu9Io1Pa3Sd5Fg7";

/// Checks every field of `tests/fixtures/oauth_application.json`.
fn assert_is_the_fixture_application(app: &OAuthApplication) {
    assert_eq!(app.object, "oauth_application");
    assert_eq!(app.id, APP_ID);
    assert_eq!(app.instance_id, "ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(app.name, "Partner Dashboard");
    assert_eq!(app.client_id, "Yx8Kq2LmN4pR6sT0");
    assert_eq!(
        app.client_uri.as_deref(),
        Some("https://partner.example.com")
    );
    assert_eq!(app.client_image_url, None);
    assert!(!app.dynamically_registered);
    assert!(app.consent_screen_enabled);
    assert!(!app.pkce_required);
    assert!(!app.public);
    assert_eq!(app.scopes, "profile email public_metadata");
    assert_eq!(
        app.redirect_uris,
        [
            "https://partner.example.com/oauth/callback",
            "partnerapp://callback"
        ]
    );
    assert_eq!(
        app.callback_url,
        "https://partner.example.com/oauth/callback"
    );
    assert_eq!(
        app.authorize_url,
        "https://clerk.example.com/oauth/authorize"
    );
    assert_eq!(app.token_fetch_url, "https://clerk.example.com/oauth/token");
    assert_eq!(
        app.user_info_url,
        "https://clerk.example.com/oauth/userinfo"
    );
    assert_eq!(
        app.discovery_url,
        "https://clerk.example.com/.well-known/openid-configuration"
    );
    assert_eq!(
        app.token_introspection_url,
        "https://clerk.example.com/oauth/token_info"
    );
    assert_eq!(app.created_at, 1715683260000);
    assert_eq!(app.updated_at, 1716883200000);
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application_list.json"));
    server.reply(Reply::fixture(200, "oauth_application_list.json"));
    let clerk = server.client();
    let page = clerk
        .oauth_applications()
        .list(
            OAuthApplicationListParams::default()
                .limit(20)
                .offset(40)
                .order_by(OAuthApplicationOrderBy::CreatedAtDesc)
                .name_query("Yx8Kq2LmN4pR6sT0"),
        )
        .await
        .expect("list oauth applications");
    clerk
        .oauth_applications()
        .list(OAuthApplicationListParams::default())
        .await
        .expect("list without filters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/oauth_applications",
            Some("limit=20&offset=40&order_by=-created_at&name_query=Yx8Kq2LmN4pR6sT0")
        )
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("GET", "/oauth_applications", None));

    assert_eq!(page.total_count, Some(9));
    assert_eq!(page.len(), 2);
    assert_is_the_fixture_application(&page.data[0]);
    let mobile = &page.data[1];
    assert_eq!(mobile.name, "Mobile App");
    assert!(mobile.public);
    assert!(mobile.pkce_required);
    assert!(mobile.dynamically_registered);
    assert_eq!(mobile.client_uri, None);
    assert_eq!(mobile.redirect_uris, ["mobileapp://callback"]);
}

#[test]
fn order_by_covers_the_spec_values() {
    let all = [
        (OAuthApplicationOrderBy::CreatedAtAsc, "+created_at"),
        (OAuthApplicationOrderBy::CreatedAtDesc, "-created_at"),
        (OAuthApplicationOrderBy::NameAsc, "+name"),
        (OAuthApplicationOrderBy::NameDesc, "-name"),
    ];
    for (value, wire) in all {
        assert_eq!(value.as_str(), wire);
        assert_eq!(wire.parse::<OAuthApplicationOrderBy>().ok(), Some(value));
    }
}

#[tokio::test]
async fn create_sends_every_field_and_keeps_the_client_secret_out_of_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application_with_secret.json"));
    server.reply(Reply::fixture(200, "oauth_application.json"));
    let clerk = server.client();
    let created = clerk
        .oauth_applications()
        .create(
            CreateOAuthApplicationParams::new("Partner Dashboard")
                .redirect_uris(["https://partner.example.com/oauth/callback"])
                .redirect_uris(["partnerapp://callback"])
                .callback_url("https://partner.example.com/oauth/callback")
                .scopes("profile email public_metadata")
                .consent_screen_enabled(true)
                .pkce_required(false)
                .public(false),
        )
        .await
        .expect("create oauth application");
    // A public client: the answer may carry no secret at all.
    let public = clerk
        .oauth_applications()
        .create(CreateOAuthApplicationParams::new("Mobile App"))
        .await
        .expect("create with the name only");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("POST", "/oauth_applications", None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "name": "Partner Dashboard",
            "redirect_uris": ["https://partner.example.com/oauth/callback", "partnerapp://callback"],
            "callback_url": "https://partner.example.com/oauth/callback",
            "scopes": "profile email public_metadata",
            "consent_screen_enabled": true,
            "pkce_required": false,
            "public": false
        })
    );
    assert_eq!(reqs[1].json(), json!({"name": "Mobile App"}));

    let secret = created.client_secret.as_ref().expect("client secret");
    assert_eq!(secret.expose(), CLIENT_SECRET);
    let printed = format!("{created:?}");
    assert!(!printed.contains(CLIENT_SECRET), "secret leaked: {printed}");
    assert!(printed.contains("Secret([redacted])"));
    assert_is_the_fixture_application(&created.application);
    assert_eq!(public.client_secret, None);
}

#[tokio::test]
async fn get_fetches_one_application() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application.json"));
    let app = server
        .client()
        .oauth_applications()
        .get(APP_ID)
        .await
        .expect("get oauth application");
    let req = server.single();
    assert_eq!(req.line(), ("GET", APP_PATH, None));
    assert!(req.body.is_empty());
    assert_is_the_fixture_application(&app);
}

#[tokio::test]
async fn update_sends_only_the_given_fields() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application.json"));
    server.reply(Reply::fixture(200, "oauth_application.json"));
    let clerk = server.client();
    let app = clerk
        .oauth_applications()
        .update(
            APP_ID,
            UpdateOAuthApplicationParams::default()
                .name("Partner Dashboard")
                .redirect_uris([
                    "https://partner.example.com/oauth/callback",
                    "partnerapp://callback",
                ])
                .callback_url("https://partner.example.com/oauth/callback")
                .scopes("profile email public_metadata")
                .consent_screen_enabled(true)
                .pkce_required(false)
                .public(false),
        )
        .await
        .expect("update oauth application");
    clerk
        .oauth_applications()
        .update(
            APP_ID,
            UpdateOAuthApplicationParams::default().pkce_required(true),
        )
        .await
        .expect("update one field");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("PATCH", APP_PATH, None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "name": "Partner Dashboard",
            "redirect_uris": ["https://partner.example.com/oauth/callback", "partnerapp://callback"],
            "callback_url": "https://partner.example.com/oauth/callback",
            "scopes": "profile email public_metadata",
            "consent_screen_enabled": true,
            "pkce_required": false,
            "public": false
        })
    );
    assert_eq!(reqs[1].json(), json!({"pkce_required": true}));
    assert_is_the_fixture_application(&app);
}

#[tokio::test]
async fn delete_sends_no_body_and_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application_deleted.json"));
    let deleted = server
        .client()
        .oauth_applications()
        .delete(APP_ID)
        .await
        .expect("delete oauth application");
    let req = server.single();
    assert_eq!(req.line(), ("DELETE", APP_PATH, None));
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "oauth_application");
    assert_eq!(deleted.id.as_deref(), Some(APP_ID));
    assert!(deleted.deleted);
}

/// One part of a multipart body as it went over the wire.
#[derive(Debug, PartialEq)]
struct WirePart {
    headers: Vec<String>,
    data: Vec<u8>,
}

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Splits a `multipart/form-data` body into its parts, checking the boundaries.
fn wire_parts(req: &Recorded) -> Vec<WirePart> {
    let content_type = req.header("content-type").expect("content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not multipart: {content_type}"));
    let first = format!("--{boundary}\r\n");
    let between = format!("\r\n--{boundary}\r\n");
    let last = format!("\r\n--{boundary}--\r\n");
    let body = req.body.as_ref();
    assert!(body.starts_with(first.as_bytes()), "missing first boundary");
    assert!(body.ends_with(last.as_bytes()), "missing last boundary");
    let mut rest = &body[first.len()..body.len() - last.len()];
    let mut parts = Vec::new();
    loop {
        let end = position(rest, between.as_bytes()).unwrap_or(rest.len());
        let part = &rest[..end];
        let blank = position(part, b"\r\n\r\n").expect("end of part headers");
        parts.push(WirePart {
            headers: String::from_utf8_lossy(&part[..blank])
                .split("\r\n")
                .map(str::to_owned)
                .collect(),
            data: part[blank + 4..].to_vec(),
        });
        if end == rest.len() {
            return parts;
        }
        rest = &rest[end + between.len()..];
    }
}

#[tokio::test]
async fn set_logo_sends_the_uploader_and_the_file_as_multipart_parts() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application_with_logo.json"));
    server.reply(Reply::fixture(200, "oauth_application_with_logo.json"));
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR app-logo \r\n--looks-like-a-boundary".to_vec();
    let clerk = server.client();
    let app = clerk
        .oauth_applications()
        .set_logo(
            APP_ID,
            OAuthApplicationLogo::new(
                FileUpload::from_bytes(png.clone(), "logo.png").content_type("image/png"),
            )
            .uploader_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"),
        )
        .await
        .expect("upload logo");
    clerk
        .oauth_applications()
        .set_logo(
            APP_ID,
            OAuthApplicationLogo::from(FileUpload::from_bytes(b"RIFF-webp".to_vec(), "logo.webp")),
        )
        .await
        .expect("upload logo without uploader");

    let reqs = server.requests();
    let path = format!("{APP_PATH}/logo");
    assert_eq!(reqs[0].line(), ("PUT", path.as_str(), None));
    assert_eq!(
        wire_parts(&reqs[0]),
        [
            WirePart {
                headers: vec![
                    "Content-Disposition: form-data; name=\"uploader_user_id\"".to_owned()
                ],
                data: b"user_2xhFjEI5X2qWRvtV13BzSj8H6Dk".to_vec(),
            },
            WirePart {
                headers: vec![
                    "Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\""
                        .to_owned(),
                    "Content-Type: image/png".to_owned(),
                ],
                data: png,
            },
        ]
    );
    assert_eq!(reqs[1].line(), ("PUT", path.as_str(), None));
    assert_eq!(
        wire_parts(&reqs[1]),
        [WirePart {
            headers: vec![
                "Content-Disposition: form-data; name=\"file\"; filename=\"logo.webp\"".to_owned()
            ],
            data: b"RIFF-webp".to_vec(),
        }]
    );

    assert_eq!(
        app.client_image_url.as_deref(),
        Some("https://img.clerk.com/oauth_app_logo.png")
    );
    assert_eq!(app.updated_at, 1718275260000);
}

#[test]
fn logo_converts_to_multipart_parts_in_order() {
    let form: Multipart =
        OAuthApplicationLogo::new(FileUpload::from_bytes(b"img".to_vec(), "a.png"))
            .uploader_user_id("user_1")
            .into();
    let names: Vec<&str> = form.parts().iter().map(|p| p.name()).collect();
    assert_eq!(names, ["uploader_user_id", "file"]);
    assert_eq!(form.parts()[0].data().as_ref(), b"user_1");
    assert_eq!(form.parts()[1].data().as_ref(), b"img");
}

#[tokio::test]
async fn revoke_token_sends_the_token_and_accepts_an_empty_answer() {
    let server = MockServer::start().await;
    server.reply(Reply::Respond {
        status: 204,
        headers: Vec::new(),
        body: Default::default(),
    });
    let params = RevokeOAuthApplicationTokenParams::new(ACCESS_TOKEN);
    let printed = format!("{params:?}");
    assert!(!printed.contains(ACCESS_TOKEN), "token leaked: {printed}");
    assert!(printed.contains("[redacted]"));

    server
        .client()
        .oauth_applications()
        .revoke_token(APP_ID, params)
        .await
        .expect("revoke token");
    let req = server.single();
    let path = format!("{APP_PATH}/revoke_token");
    assert_eq!(req.line(), ("POST", path.as_str(), None));
    assert_eq!(req.json(), json!({"token": ACCESS_TOKEN}));
}

#[tokio::test]
async fn rotate_secret_sends_no_body_and_hides_the_new_secret() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_application_with_secret.json"));
    let rotated = server
        .client()
        .oauth_applications()
        .rotate_secret(APP_ID)
        .await
        .expect("rotate secret");
    let req = server.single();
    let path = format!("{APP_PATH}/rotate_secret");
    assert_eq!(req.line(), ("POST", path.as_str(), None));
    assert!(req.body.is_empty());
    assert_eq!(
        rotated.client_secret.as_ref().map(|s| s.expose()),
        Some(CLIENT_SECRET)
    );
    assert!(!format!("{rotated:?}").contains(CLIENT_SECRET));
    assert_is_the_fixture_application(&rotated.application);
}

#[tokio::test]
async fn verify_access_token_decodes_a_known_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_access_token_verified.json"));
    let params = VerifyOAuthAccessTokenParams::new(ACCESS_TOKEN);
    let printed = format!("{params:?}");
    assert!(!printed.contains(ACCESS_TOKEN), "token leaked: {printed}");
    assert!(printed.contains("[redacted]"));

    let verified = server
        .client()
        .oauth_access_tokens()
        .verify(params)
        .await
        .expect("verify access token");
    let req = server.single();
    assert_eq!(
        req.line(),
        ("POST", "/oauth_applications/access_tokens/verify", None)
    );
    assert_eq!(req.json(), json!({"access_token": ACCESS_TOKEN}));

    assert!(verified.is_valid());
    let OAuthAccessTokenVerification::Token(token) = &verified else {
        panic!("expected token details, got {verified:?}");
    };
    assert_eq!(token.object, "clerk_idp_oauth_access_token");
    assert_eq!(token.id, "oat_0ef5a7a33d87ed87ee7954c845d80450");
    assert_eq!(token.client_id, "Yx8Kq2LmN4pR6sT0");
    assert_eq!(token.subject, "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(token.scopes, ["profile", "email"]);
    assert!(!token.revoked);
    assert_eq!(token.revocation_reason, None);
    assert!(!token.expired);
    assert_eq!(token.expiration, Some(1716886800000.0));
    assert_eq!(token.created_at, 1716883200000.0);
    assert_eq!(token.updated_at, 1716883200000.0);
}

#[tokio::test]
async fn verify_access_token_decodes_an_inactive_jwt_and_the_deprecated_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "oauth_access_token_inactive.json"));
    let params = VerifyOAuthAccessTokenParams::default().secret(ACCESS_TOKEN);
    assert!(!format!("{params:?}").contains(ACCESS_TOKEN));
    let verified = server
        .client()
        .oauth_access_tokens()
        .verify(params)
        .await
        .expect("verify access token");
    let req = server.single();
    assert_eq!(req.json(), json!({"secret": ACCESS_TOKEN}));
    assert!(!verified.is_valid());
    assert!(verified.token().is_none());
    match verified {
        OAuthAccessTokenVerification::Inactive(inactive) => assert!(!inactive.active),
        other => panic!("expected an inactive token, got {other:?}"),
    }
}
