//! Enterprise connections (with their test runs) and the deprecated SAML connections: the
//! exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{
    CreateEnterpriseConnectionParams, CreateSamlConnectionParams, CustomAttributeParams,
    EnterpriseConnection, EnterpriseConnectionListParams, EnterpriseConnectionProvider,
    EnterpriseConnectionTestRunListParams, EnterpriseConnectionTestRunProtocol,
    EnterpriseConnectionTestRunStatus, EnterpriseOidcParams, EnterpriseSamlParams,
    SamlAttributeMappingParams, SamlConnection, SamlConnectionListParams, SamlConnectionProvider,
    SamlLoginHint, SamlLoginHintMode, UpdateEnterpriseConnectionParams, UpdateEnterpriseSamlParams,
    UpdateSamlConnectionParams,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

const CONNECTION_ID: &str = "ent_2yKp1hJ3kL5mN7pQ9rS1tU3vW5x";
const OIDC_CONNECTION_ID: &str = "ent_2yKq3wX5yZ7aB9cD1eF3gH5iJ7k";
const ORG_ID: &str = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const SAML_ID: &str = "samlc_2yKp5aB7cD9eF1gH3iJ5kL7mN9o";

/// Checks every field of `tests/fixtures/enterprise_connection_saml.json`.
fn assert_is_the_fixture_saml_connection(c: &EnterpriseConnection) {
    assert_eq!(c.object, "enterprise_connection");
    assert_eq!(c.id, CONNECTION_ID);
    assert_eq!(c.name, "Acme Okta");
    assert_eq!(c.provider, EnterpriseConnectionProvider::SamlOkta);
    assert_eq!(
        c.logo_public_url.as_deref(),
        Some("https://img.clerk.com/static/okta.svg")
    );
    assert!(c.active);
    assert_eq!(c.domains, ["acme.com", "acme.io"]);
    assert_eq!(c.organization_id.as_deref(), Some(ORG_ID));
    assert_eq!(c.sync_user_attributes, Some(true));
    assert_eq!(c.disable_additional_identifications, Some(false));
    assert_eq!(c.allow_organization_account_linking, Some(true));
    assert_eq!(c.authenticatable, Some(true));
    assert_eq!(c.disable_jit_provisioning, Some(false));
    let attrs = c.custom_attributes.as_deref().expect("custom attributes");
    assert_eq!(attrs.len(), 1);
    assert_eq!(attrs[0].name, "Department");
    assert_eq!(attrs[0].key, "department");
    assert_eq!(attrs[0].sso_path.as_deref(), Some("department"));
    assert_eq!(attrs[0].scim_path, attrs[0].directory_path);
    assert_eq!(attrs[0].multi_valued, Some(false));
    let saml = c.saml_connection.as_ref().expect("saml side");
    assert_eq!(saml.id.as_deref(), Some(SAML_ID));
    assert_eq!(saml.name.as_deref(), Some("Acme Okta"));
    assert_eq!(
        saml.idp_entity_id.as_deref(),
        Some("http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
    );
    assert!(saml
        .idp_sso_url
        .as_deref()
        .is_some_and(|u| u.ends_with("/sso/saml")));
    assert!(saml
        .idp_metadata_url
        .as_deref()
        .is_some_and(|u| u.ends_with("/metadata")));
    assert!(saml
        .acs_url
        .as_deref()
        .is_some_and(|u| u.ends_with(SAML_ID)));
    assert!(saml
        .sp_entity_id
        .as_deref()
        .is_some_and(|u| u.ends_with(SAML_ID)));
    assert!(saml
        .sp_metadata_url
        .as_deref()
        .is_some_and(|u| u.ends_with(SAML_ID)));
    assert_eq!(saml.active, Some(true));
    assert_eq!(saml.allow_idp_initiated, Some(false));
    assert_eq!(saml.allow_subdomains, Some(true));
    assert_eq!(saml.force_authn, Some(false));
    let hint = saml.login_hint.as_ref().expect("login hint");
    assert_eq!(hint.mode, SamlLoginHintMode::CustomAttribute);
    assert_eq!(hint.source.as_deref(), Some("upn"));
    assert_eq!(c.oauth_config, None);
    assert_eq!(c.created_at, 1729160000000);
    assert_eq!(c.updated_at, 1730160000000);
}

/// Checks every field of `tests/fixtures/enterprise_connection_oidc.json`.
fn assert_is_the_fixture_oidc_connection(c: &EnterpriseConnection) {
    assert_eq!(c.id, OIDC_CONNECTION_ID);
    assert_eq!(c.provider, EnterpriseConnectionProvider::OidcGitlab);
    assert_eq!(c.logo_public_url, None);
    assert!(!c.active);
    assert_eq!(c.domains, ["acme.dev"]);
    assert_eq!(c.organization_id, None);
    assert_eq!(c.sync_user_attributes, None);
    assert_eq!(c.authenticatable, None);
    assert_eq!(c.disable_jit_provisioning, None);
    assert_eq!(c.custom_attributes, None);
    assert_eq!(c.saml_connection, None);
    let oauth = c.oauth_config.as_ref().expect("oauth side");
    assert_eq!(oauth.id.as_deref(), Some("oac_2yKq4xY6zA8bC0dE2fG4hI6jK8l"));
    assert_eq!(oauth.name.as_deref(), Some("Acme GitLab"));
    assert_eq!(oauth.provider_key.as_deref(), Some("oidc_gitlab_ent_acme"));
    assert_eq!(oauth.client_id.as_deref(), Some("0b1c2d3e4f5a6b7c"));
    assert_eq!(
        oauth.discovery_url.as_deref(),
        Some("https://gitlab.acme.dev/.well-known/openid-configuration")
    );
    assert_eq!(
        oauth.auth_url.as_deref(),
        Some("https://gitlab.acme.dev/oauth/authorize")
    );
    assert_eq!(
        oauth.token_url.as_deref(),
        Some("https://gitlab.acme.dev/oauth/token")
    );
    assert_eq!(
        oauth.user_info_url.as_deref(),
        Some("https://gitlab.acme.dev/oauth/userinfo")
    );
    assert_eq!(oauth.requires_pkce, Some(true));
    assert_eq!(oauth.logo_public_url, None);
    assert_eq!(oauth.created_at, Some(1729260000000));
    assert_eq!(oauth.updated_at, Some(1729260000000));
}

// ---------------------------------------------------------------------------------------
// Enterprise connections
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn list_sends_the_filters_and_decodes_both_protocols() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "enterprise_connection_list.json"));
    server.reply(Reply::fixture(200, "enterprise_connection_list.json"));
    let clerk = server.client();
    let page = clerk
        .enterprise_connections()
        .list(
            EnterpriseConnectionListParams::default()
                .limit(20)
                .offset(40)
                .organization_id(ORG_ID)
                .active(false),
        )
        .await
        .expect("list");
    clerk
        .enterprise_connections()
        .list(EnterpriseConnectionListParams::default())
        .await
        .expect("list without filters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/enterprise_connections",
            Some("limit=20&offset=40&organization_id=org_2xhFjEI5X2qWRvtV13BzSj8H6Dk&active=false")
        )
    );
    assert_eq!(reqs[1].line(), ("GET", "/enterprise_connections", None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(page.total_count, Some(2));
    assert_is_the_fixture_saml_connection(&page.data[0]);
    assert_is_the_fixture_oidc_connection(&page.data[1]);
}

#[tokio::test]
async fn create_a_saml_connection_with_every_setting() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(201, "enterprise_connection_saml.json"));
    let created = server
        .client()
        .enterprise_connections()
        .create(
            CreateEnterpriseConnectionParams::new(
                "Acme Okta",
                EnterpriseConnectionProvider::SamlOkta,
                ["acme.com", "acme.io"],
            )
            .organization_id(ORG_ID)
            .allow_organization_account_linking(true)
            .active(true)
            .saml(
                EnterpriseSamlParams::default()
                    .idp_entity_id("http://www.okta.com/exk1")
                    .idp_sso_url("https://acme.okta.com/sso/saml")
                    .idp_certificate("MIIDqDCCApCgAwIBAgIGAYx1")
                    .idp_metadata_url("https://acme.okta.com/metadata")
                    .idp_metadata("<EntityDescriptor/>")
                    .attribute_mapping(
                        SamlAttributeMappingParams::default()
                            .user_id("uid")
                            .email_address("mail")
                            .first_name("givenName")
                            .last_name("sn"),
                    )
                    .allow_subdomains(true)
                    .allow_idp_initiated(false)
                    .force_authn(false)
                    .login_hint(
                        SamlLoginHint::new(SamlLoginHintMode::CustomAttribute).source("upn"),
                    ),
            )
            .custom_attributes([
                CustomAttributeParams::new("Department", "department")
                    .sso_path("department")
                    .scim_path("enterprise.department")
                    .directory_path("enterprise.department")
                    .multi_valued(false),
                CustomAttributeParams::new("Team", "team"),
            ]),
        )
        .await
        .expect("create");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/enterprise_connections", None));
    assert_eq!(
        req.json(),
        json!({
            "name": "Acme Okta",
            "provider": "saml_okta",
            "domains": ["acme.com", "acme.io"],
            "organization_id": ORG_ID,
            "allow_organization_account_linking": true,
            "active": true,
            "saml": {
                "idp_entity_id": "http://www.okta.com/exk1",
                "idp_sso_url": "https://acme.okta.com/sso/saml",
                "idp_certificate": "MIIDqDCCApCgAwIBAgIGAYx1",
                "idp_metadata_url": "https://acme.okta.com/metadata",
                "idp_metadata": "<EntityDescriptor/>",
                "attribute_mapping": {
                    "user_id": "uid",
                    "email_address": "mail",
                    "first_name": "givenName",
                    "last_name": "sn"
                },
                "allow_subdomains": true,
                "allow_idp_initiated": false,
                "force_authn": false,
                "login_hint": { "mode": "custom_attribute", "source": "upn" }
            },
            "custom_attributes": [
                {
                    "name": "Department",
                    "key": "department",
                    "sso_path": "department",
                    "scim_path": "enterprise.department",
                    "directory_path": "enterprise.department",
                    "multi_valued": false
                },
                { "name": "Team", "key": "team" }
            ]
        })
    );
    assert_is_the_fixture_saml_connection(&created);
}

#[tokio::test]
async fn create_an_oidc_connection_keeps_the_client_secret_out_of_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(201, "enterprise_connection_oidc.json"));
    let oidc = EnterpriseOidcParams::default()
        .client_id("0b1c2d3e4f5a6b7c")
        .client_secret("gloas-TOPSECRET")
        .discovery_url("https://gitlab.acme.dev/.well-known/openid-configuration")
        .auth_url("https://gitlab.acme.dev/oauth/authorize")
        .token_url("https://gitlab.acme.dev/oauth/token")
        .user_info_url("https://gitlab.acme.dev/oauth/userinfo")
        .requires_pkce(true);
    let params = CreateEnterpriseConnectionParams::new(
        "Acme GitLab",
        EnterpriseConnectionProvider::OidcGitlab,
        ["acme.dev"],
    )
    .oidc(oidc);
    let debug = format!("{params:?}");
    assert!(!debug.contains("TOPSECRET"), "{debug}");
    assert!(debug.contains("[redacted]"), "{debug}");

    let created = server
        .client()
        .enterprise_connections()
        .create(params)
        .await
        .expect("create");

    assert_eq!(
        server.single().json(),
        json!({
            "name": "Acme GitLab",
            "provider": "oidc_gitlab",
            "domains": ["acme.dev"],
            "oidc": {
                "client_id": "0b1c2d3e4f5a6b7c",
                "client_secret": "gloas-TOPSECRET",
                "discovery_url": "https://gitlab.acme.dev/.well-known/openid-configuration",
                "auth_url": "https://gitlab.acme.dev/oauth/authorize",
                "token_url": "https://gitlab.acme.dev/oauth/token",
                "user_info_url": "https://gitlab.acme.dev/oauth/userinfo",
                "requires_pkce": true
            }
        })
    );
    assert_is_the_fixture_oidc_connection(&created);
}

#[tokio::test]
async fn get_update_and_delete_hit_the_connection_path() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "enterprise_connection_saml.json"));
    server.reply(Reply::fixture(200, "enterprise_connection_saml.json"));
    server.reply(Reply::fixture(200, "enterprise_connection_oidc.json"));
    server.reply(Reply::fixture(200, "enterprise_connection_deleted.json"));
    let clerk = server.client();
    let connections = clerk.enterprise_connections();

    let got = connections.get(CONNECTION_ID).await.expect("get");
    let updated = connections
        .update(
            CONNECTION_ID,
            UpdateEnterpriseConnectionParams::default()
                .name("Acme Okta")
                .domains(["acme.com"])
                .active(true)
                .sync_user_attributes(true)
                .disable_additional_identifications(false)
                .allow_organization_account_linking(true)
                .organization_id(ORG_ID)
                .saml(
                    UpdateEnterpriseSamlParams::default()
                        .name("Acme Okta SAML")
                        .idp_entity_id("http://www.okta.com/exk2")
                        .idp_sso_url("https://acme.okta.com/sso/saml2")
                        .idp_certificate("MIIE")
                        .idp_metadata_url("https://acme.okta.com/metadata2")
                        .idp_metadata("<EntityDescriptor v='2'/>")
                        .attribute_mapping(SamlAttributeMappingParams::default().last_name("sn"))
                        .allow_subdomains(false)
                        .allow_idp_initiated(true)
                        .force_authn(true)
                        .login_hint(SamlLoginHint::new(SamlLoginHintMode::Off)),
                )
                .custom_attributes([CustomAttributeParams::new("Team", "team")]),
        )
        .await
        .expect("update");
    connections
        .update(
            OIDC_CONNECTION_ID,
            UpdateEnterpriseConnectionParams::default()
                .oidc(EnterpriseOidcParams::default().client_secret("rotated"))
                .custom_attributes([]),
        )
        .await
        .expect("update oidc");
    let deleted = connections.delete(CONNECTION_ID).await.expect("delete");

    let reqs = server.requests();
    let path = format!("/enterprise_connections/{CONNECTION_ID}");
    assert_eq!(reqs[0].line(), ("GET", path.as_str(), None));
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("PATCH", path.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        json!({
            "name": "Acme Okta",
            "domains": ["acme.com"],
            "active": true,
            "sync_user_attributes": true,
            "disable_additional_identifications": false,
            "allow_organization_account_linking": true,
            "organization_id": ORG_ID,
            "saml": {
                "name": "Acme Okta SAML",
                "idp_entity_id": "http://www.okta.com/exk2",
                "idp_sso_url": "https://acme.okta.com/sso/saml2",
                "idp_certificate": "MIIE",
                "idp_metadata_url": "https://acme.okta.com/metadata2",
                "idp_metadata": "<EntityDescriptor v='2'/>",
                "attribute_mapping": { "last_name": "sn" },
                "allow_subdomains": false,
                "allow_idp_initiated": true,
                "force_authn": true,
                "login_hint": { "mode": "off" }
            },
            "custom_attributes": [{ "name": "Team", "key": "team" }]
        })
    );
    let oidc_path = format!("/enterprise_connections/{OIDC_CONNECTION_ID}");
    assert_eq!(reqs[2].line(), ("PATCH", oidc_path.as_str(), None));
    assert_eq!(
        reqs[2].json(),
        json!({ "oidc": { "client_secret": "rotated" }, "custom_attributes": [] })
    );
    assert_eq!(reqs[3].line(), ("DELETE", path.as_str(), None));
    assert!(reqs[3].body.is_empty());

    assert_is_the_fixture_saml_connection(&got);
    assert_is_the_fixture_saml_connection(&updated);
    assert_eq!(deleted.object, "enterprise_connection");
    assert_eq!(deleted.id.as_deref(), Some(CONNECTION_ID));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn test_runs_list_with_repeated_statuses_and_hide_captured_tokens() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "enterprise_connection_test_runs.json"));
    server.reply(Reply::fixture(
        200,
        "enterprise_connection_test_run_url.json",
    ));
    let clerk = server.client();
    let runs = clerk
        .enterprise_connections()
        .list_test_runs(
            CONNECTION_ID,
            EnterpriseConnectionTestRunListParams::default()
                .status([
                    EnterpriseConnectionTestRunStatus::Success,
                    EnterpriseConnectionTestRunStatus::Failed,
                ])
                .limit(5)
                .offset(10),
        )
        .await
        .expect("list test runs");
    let started = clerk
        .enterprise_connections()
        .create_test_run(CONNECTION_ID)
        .await
        .expect("create test run");

    let reqs = server.requests();
    let path = format!("/enterprise_connections/{CONNECTION_ID}/test_runs");
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            path.as_str(),
            Some("status=success&status=failed&limit=5&offset=10")
        )
    );
    assert_eq!(reqs[1].line(), ("POST", path.as_str(), None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(runs.total_count, Some(3));
    let saml = &runs.data[0];
    assert_eq!(saml.id, "ectr_2yKu1aB3cD5eF7gH9iJ1kL3mN5o");
    assert_eq!(saml.status, EnterpriseConnectionTestRunStatus::Success);
    assert_eq!(
        saml.connection_type,
        EnterpriseConnectionTestRunProtocol::Saml
    );
    let user = saml.parsed_user_info.as_ref().expect("user info");
    assert_eq!(user.email_address.as_deref(), Some("ada@acme.com"));
    assert_eq!(user.first_name.as_deref(), Some("Ada"));
    assert_eq!(user.last_name.as_deref(), Some("Lovelace"));
    assert_eq!(user.user_id.as_deref(), Some("00u1a2b3c4d5e6f7g8h9"));
    let logs = saml.logs.as_deref().expect("logs");
    assert_eq!(logs[0].level, "info");
    assert_eq!(logs[0].code.as_deref(), Some("saml_response_validated"));
    assert_eq!(logs[0].short_message.as_deref(), Some("Response validated"));
    assert!(logs[0].message.starts_with("The SAML response"));
    let exchange = saml.saml.as_ref().expect("saml exchange");
    assert_eq!(
        exchange.saml_request.as_deref(),
        Some("PHNhbWxwOkF1dGhuUmVxdWVzdA==")
    );
    assert_eq!(
        exchange.saml_response.as_ref().map(|s| s.expose()),
        Some("PHNhbWxwOlJlc3BvbnNlIFNFQ1JFVEFTU0VSVElPTg==")
    );
    assert_eq!(exchange.relay_state.as_deref(), Some("rs_9f8e7d"));
    assert_eq!(saml.oauth, None);
    assert_eq!(saml.created_at, 1730300000000);

    let oauth_run = &runs.data[1];
    assert_eq!(oauth_run.status, EnterpriseConnectionTestRunStatus::Failed);
    assert_eq!(
        oauth_run.connection_type,
        EnterpriseConnectionTestRunProtocol::Oauth
    );
    assert_eq!(oauth_run.parsed_user_info, None);
    let log = &oauth_run.logs.as_deref().expect("logs")[0];
    assert_eq!(
        (log.code.as_deref(), log.short_message.as_deref()),
        (None, None)
    );
    let tokens = oauth_run.oauth.as_ref().expect("oauth exchange");
    assert_eq!(
        tokens.id_token.as_ref().map(|t| t.expose()),
        Some("eyJhbGciOiJSUzI1NiJ9.SECRETIDTOKEN.sig")
    );
    assert_eq!(
        tokens.access_token.as_ref().map(|t| t.expose()),
        Some("glpat-SECRETACCESSTOKEN")
    );
    assert_eq!(tokens.user_info.as_deref(), Some(r#"{"sub":"42"}"#));

    let pending = &runs.data[2];
    assert_eq!(pending.status, EnterpriseConnectionTestRunStatus::Pending);
    assert_eq!(pending.logs, None);
    assert_eq!(
        (pending.saml.is_none(), pending.oauth.is_none()),
        (true, true)
    );

    let debug = format!("{runs:?}");
    for secret in ["SECRETIDTOKEN", "SECRETACCESSTOKEN", "U0VDUkVUQVNTRVJUSU9O"] {
        assert!(!debug.contains(secret), "{secret} leaked: {debug}");
    }

    assert_eq!(
        started.url,
        "https://accounts.acme.com/enterprise-connection-test?token=ectt_2yKu4dE6fG8hI0jK"
    );
}

#[tokio::test]
async fn unknown_providers_and_statuses_still_decode() {
    let server = MockServer::start().await;
    let mut connection: serde_json::Value =
        serde_json::from_str(&clerk_tests::fixture("enterprise_connection_oidc.json"))
            .expect("fixture is JSON");
    connection["provider"] = json!("oidc_entra");
    server.reply(Reply::json(200, connection.to_string()));
    server.reply(Reply::json(
        200,
        json!({ "data": [{
            "id": "ectr_1", "status": "expired", "connection_type": "easie",
            "created_at": 1
        }], "total_count": 1 })
        .to_string(),
    ));
    let clerk = server.client();
    let got = clerk
        .enterprise_connections()
        .get(OIDC_CONNECTION_ID)
        .await
        .expect("get");
    let runs = clerk
        .enterprise_connections()
        .list_test_runs(
            OIDC_CONNECTION_ID,
            EnterpriseConnectionTestRunListParams::default(),
        )
        .await
        .expect("list");
    assert_eq!(
        got.provider,
        EnterpriseConnectionProvider::Unknown("oidc_entra".into())
    );
    assert_eq!(runs.data[0].status.as_str(), "expired");
    assert_eq!(runs.data[0].connection_type.as_str(), "easie");
    assert_eq!(
        server.requests()[1].query.as_deref(),
        None,
        "no filters, no query"
    );
}

// ---------------------------------------------------------------------------------------
// SAML connections (deprecated)
// ---------------------------------------------------------------------------------------

/// Checks every field of `tests/fixtures/saml_connection.json`.
fn assert_is_the_fixture_saml(c: &SamlConnection) {
    assert_eq!(c.object.as_deref(), Some("saml_connection"));
    assert_eq!(c.id.as_deref(), Some(SAML_ID));
    assert_eq!(c.name.as_deref(), Some("Acme Okta"));
    assert_eq!(c.domain, None);
    assert_eq!(
        c.domains.as_deref(),
        Some(&["acme.com".to_owned(), "acme.io".to_owned()][..])
    );
    assert_eq!(
        c.idp_entity_id.as_deref(),
        Some("http://www.okta.com/exk1a2b3c4d5e6f7g8h9")
    );
    assert!(c
        .idp_sso_url
        .as_deref()
        .is_some_and(|u| u.ends_with("/sso/saml")));
    assert_eq!(
        c.idp_certificate.as_deref(),
        Some("MIIDqDCCApCgAwIBAgIGAYx1")
    );
    assert_eq!(c.idp_certificate_issued_at, Some(1704067200000));
    assert_eq!(c.idp_certificate_expires_at, Some(2019600000000));
    assert_eq!(
        (c.idp_metadata_url.as_deref(), c.idp_metadata.as_deref()),
        (None, None)
    );
    assert!(c.acs_url.as_deref().is_some_and(|u| u.ends_with(SAML_ID)));
    assert!(c
        .sp_entity_id
        .as_deref()
        .is_some_and(|u| u.ends_with(SAML_ID)));
    assert!(c
        .sp_metadata_url
        .as_deref()
        .is_some_and(|u| u.ends_with(SAML_ID)));
    assert_eq!(c.organization_id.as_deref(), Some(ORG_ID));
    let mapping = c.attribute_mapping.as_ref().expect("attribute mapping");
    assert_eq!(
        (
            mapping.user_id.as_str(),
            mapping.email_address.as_str(),
            mapping.first_name.as_str(),
            mapping.last_name.as_str()
        ),
        ("uid", "mail", "givenName", "sn")
    );
    assert_eq!(c.active, Some(true));
    assert_eq!(c.provider, Some(SamlConnectionProvider::SamlOkta));
    assert_eq!(c.user_count, Some(128));
    assert_eq!(c.sync_user_attributes, Some(true));
    assert_eq!(c.allow_subdomains, Some(false));
    assert_eq!(c.allow_idp_initiated, Some(true));
    assert_eq!(c.disable_additional_identifications, Some(false));
    assert_eq!(c.allow_organization_account_linking, Some(false));
    assert_eq!(c.authenticatable, Some(true));
    assert_eq!(c.force_authn, Some(false));
    let hint = c.login_hint.as_ref().expect("login hint");
    assert_eq!(
        (&hint.mode, hint.source.as_deref()),
        (&SamlLoginHintMode::EmailAddress, None)
    );
    assert_eq!(c.disable_jit_provisioning, Some(false));
    assert_eq!(c.enterprise_connection_id.as_deref(), Some(CONNECTION_ID));
    assert_eq!(c.created_at, Some(1729160000000));
    assert_eq!(c.updated_at, Some(1730160000000));
}

#[tokio::test]
#[allow(deprecated)]
async fn saml_list_sends_the_filters_and_decodes_legacy_connections() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "saml_connection_list.json"));
    let page = server
        .client()
        .saml_connections()
        .list(
            SamlConnectionListParams::default()
                .limit(10)
                .offset(20)
                .query("acme")
                .order_by("-created_at")
                .organization_id(["+org_1", "-org_2"]),
        )
        .await
        .expect("list");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/saml_connections",
            Some("limit=10&offset=20&query=acme&order_by=-created_at&organization_id=%2Borg_1&organization_id=-org_2")
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(page.total_count, Some(2));
    assert_is_the_fixture_saml(&page.data[0]);
    let legacy = &page.data[1];
    assert_eq!(legacy.domain.as_deref(), Some("legacy.example.com"));
    assert_eq!(legacy.domains, None);
    assert_eq!(legacy.idp_certificate, None);
    assert_eq!(legacy.idp_certificate_issued_at, None);
    assert_eq!(legacy.attribute_mapping, None);
    assert_eq!(
        legacy.provider,
        Some(SamlConnectionProvider::Unknown("saml_adfs".into()))
    );
    assert_eq!(legacy.authenticatable, None);
    assert_eq!(legacy.disable_jit_provisioning, None);
    assert_eq!(
        legacy.login_hint.as_ref().map(|h| &h.mode),
        Some(&SamlLoginHintMode::Off)
    );
}

#[tokio::test]
#[allow(deprecated)]
async fn saml_create_get_update_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "saml_connection.json"));
    server.reply(Reply::fixture(200, "saml_connection.json"));
    server.reply(Reply::fixture(200, "saml_connection.json"));
    server.reply(Reply::fixture(200, "saml_connection.json"));
    server.reply(Reply::fixture(200, "saml_connection_deleted.json"));
    let clerk = server.client();
    let saml = clerk.saml_connections();

    let created = saml
        .create(
            CreateSamlConnectionParams::new(
                "Acme Okta",
                SamlConnectionProvider::SamlOkta,
                ["acme.com", "acme.io"],
            )
            .idp_entity_id("http://www.okta.com/exk1")
            .idp_sso_url("https://acme.okta.com/sso/saml")
            .idp_certificate("MIIDqDCCApCgAwIBAgIGAYx1")
            .idp_metadata_url("https://acme.okta.com/metadata")
            .idp_metadata("<EntityDescriptor/>")
            .organization_id(ORG_ID)
            .attribute_mapping(SamlAttributeMappingParams::default().email_address("mail"))
            .force_authn(true)
            .login_hint(SamlLoginHint::new(SamlLoginHintMode::EmailAddress)),
        )
        .await
        .expect("create");
    saml.create(
        CreateSamlConnectionParams::new(
            "Legacy ADFS",
            SamlConnectionProvider::SamlCustom,
            Vec::<String>::new(),
        )
        .domain("legacy.example.com"),
    )
    .await
    .expect("create with the deprecated domain");
    let got = saml.get(SAML_ID).await.expect("get");
    let updated = saml
        .update(
            SAML_ID,
            UpdateSamlConnectionParams::default()
                .name("Acme Okta")
                .domain("acme.com")
                .domains(["acme.com", "acme.io"])
                .idp_entity_id("e")
                .idp_sso_url("https://idp/sso")
                .idp_certificate("MII")
                .idp_metadata_url("https://idp/metadata")
                .idp_metadata("<x/>")
                .organization_id(ORG_ID)
                .attribute_mapping(SamlAttributeMappingParams::default().user_id("uid"))
                .active(true)
                .sync_user_attributes(false)
                .allow_subdomains(true)
                .allow_idp_initiated(false)
                .disable_additional_identifications(true)
                .allow_organization_account_linking(true)
                .force_authn(false)
                .login_hint(SamlLoginHint::new(SamlLoginHintMode::CustomAttribute).source("upn"))
                .consent_verified_domains_deletion(true),
        )
        .await
        .expect("update");
    let deleted = saml.delete(SAML_ID).await.expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("POST", "/saml_connections", None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "name": "Acme Okta",
            "domains": ["acme.com", "acme.io"],
            "provider": "saml_okta",
            "idp_entity_id": "http://www.okta.com/exk1",
            "idp_sso_url": "https://acme.okta.com/sso/saml",
            "idp_certificate": "MIIDqDCCApCgAwIBAgIGAYx1",
            "idp_metadata_url": "https://acme.okta.com/metadata",
            "idp_metadata": "<EntityDescriptor/>",
            "organization_id": ORG_ID,
            "attribute_mapping": { "email_address": "mail" },
            "force_authn": true,
            "login_hint": { "mode": "email_address" }
        })
    );
    assert_eq!(
        reqs[1].json(),
        json!({ "name": "Legacy ADFS", "domain": "legacy.example.com", "provider": "saml_custom" })
    );
    let path = format!("/saml_connections/{SAML_ID}");
    assert_eq!(reqs[2].line(), ("GET", path.as_str(), None));
    assert!(reqs[2].body.is_empty());
    assert_eq!(reqs[3].line(), ("PATCH", path.as_str(), None));
    assert_eq!(
        reqs[3].json(),
        json!({
            "name": "Acme Okta",
            "domain": "acme.com",
            "domains": ["acme.com", "acme.io"],
            "idp_entity_id": "e",
            "idp_sso_url": "https://idp/sso",
            "idp_certificate": "MII",
            "idp_metadata_url": "https://idp/metadata",
            "idp_metadata": "<x/>",
            "organization_id": ORG_ID,
            "attribute_mapping": { "user_id": "uid" },
            "active": true,
            "sync_user_attributes": false,
            "allow_subdomains": true,
            "allow_idp_initiated": false,
            "disable_additional_identifications": true,
            "allow_organization_account_linking": true,
            "force_authn": false,
            "login_hint": { "mode": "custom_attribute", "source": "upn" },
            "consent_verified_domains_deletion": true
        })
    );
    assert_eq!(reqs[4].line(), ("DELETE", path.as_str(), None));
    assert!(reqs[4].body.is_empty());

    assert_is_the_fixture_saml(&created);
    assert_is_the_fixture_saml(&got);
    assert_is_the_fixture_saml(&updated);
    assert_eq!(deleted.object, "saml_connection");
    assert_eq!(deleted.id.as_deref(), Some(SAML_ID));
    assert!(deleted.deleted);
}
