//! The stand-in's SSO connections through this crate's own client: legacy SAML connections
//! and enterprise connections, their shared domain rule, activation and test runs.

// SAML connections are deprecated by Clerk in favour of enterprise connections; the
// stand-in still serves them, and these tests call them on purpose.
#![allow(deprecated)]

use clerk_backend::models::{
    CreateEnterpriseConnectionParams, CreateOrganizationParams, CreateSamlConnectionParams,
    CreateUserParams, EnterpriseConnectionListParams, EnterpriseConnectionProvider,
    EnterpriseConnectionTestRunListParams, EnterpriseOidcParams, EnterpriseSamlParams,
    SamlConnectionListParams, SamlConnectionProvider, UpdateEnterpriseConnectionParams,
    UpdateEnterpriseSamlParams, UpdateSamlConnectionParams,
};
use clerk_backend::testing::StandIn;
use clerk_tests::refusal;

#[tokio::test]
async fn saml_connections_are_created_listed_updated_and_deleted() {
    let standin = StandIn::start().await.expect("start");
    let saml = standin.clerk().saml_connections();

    let okta = saml
        .create(
            CreateSamlConnectionParams::new(
                "Acme Okta",
                SamlConnectionProvider::SamlOkta,
                ["Acme.com"],
            )
            .idp_entity_id("https://idp.acme.com"),
        )
        .await
        .expect("create");
    let id = okta.id.clone().expect("an id");
    assert!(id.starts_with("samlc_"), "{id}");
    assert_eq!(
        okta.domains,
        Some(vec!["acme.com".to_owned()]),
        "lowercased"
    );
    assert_eq!(okta.active, Some(false), "created inactive");
    assert!(okta
        .acs_url
        .as_deref()
        .is_some_and(|u| u.starts_with(standin.url()) && u.ends_with(&id)));
    assert_eq!(saml.get(&id).await.expect("get"), okta);

    // Activation needs the SSO URL and certificate too.
    assert_eq!(
        refusal(
            saml.update(&id, UpdateSamlConnectionParams::default().active(true))
                .await
        ),
        (
            422,
            "form_param_missing".to_owned(),
            Some("idp_sso_url".to_owned())
        )
    );
    let active = saml
        .update(
            &id,
            UpdateSamlConnectionParams::default()
                .idp_sso_url("https://idp.acme.com/sso")
                .idp_certificate("MIIC...")
                .active(true),
        )
        .await
        .expect("activate");
    assert_eq!(active.active, Some(true));
    assert_eq!(active.name.as_deref(), Some("Acme Okta"), "untouched");
    assert_eq!(saml.get(&id).await.expect("get"), active);

    let page = saml
        .list(SamlConnectionListParams::default().query("acme"))
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(1));
    assert_eq!(page.data, vec![active]);

    let gone = saml.delete(&id).await.expect("delete");
    assert!(gone.deleted);
    assert_eq!(
        refusal(saml.get(&id).await),
        (404, "resource_not_found".to_owned(), None)
    );
}

#[tokio::test]
async fn a_domain_routes_to_one_connection_of_either_kind() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    clerk
        .saml_connections()
        .create(CreateSamlConnectionParams::new(
            "Acme",
            SamlConnectionProvider::SamlCustom,
            ["acme.com"],
        ))
        .await
        .expect("saml");

    let taken = CreateEnterpriseConnectionParams::new(
        "Acme again",
        EnterpriseConnectionProvider::OidcCustom,
        ["ACME.com"],
    );
    assert_eq!(
        refusal(clerk.enterprise_connections().create(taken).await),
        (
            409,
            "duplicate_record".to_owned(),
            Some("domains".to_owned())
        )
    );
    let not_a_domain = CreateEnterpriseConnectionParams::new(
        "Local",
        EnterpriseConnectionProvider::OidcCustom,
        ["localhost"],
    );
    assert_eq!(
        refusal(clerk.enterprise_connections().create(not_a_domain).await).1,
        "form_param_format_invalid"
    );
    let none = CreateEnterpriseConnectionParams::new(
        "None",
        EnterpriseConnectionProvider::OidcCustom,
        Vec::<String>::new(),
    );
    assert_eq!(
        refusal(clerk.enterprise_connections().create(none).await).1,
        "form_param_missing"
    );
    let no_org = CreateEnterpriseConnectionParams::new(
        "Beta",
        EnterpriseConnectionProvider::OidcGitlab,
        ["beta.com"],
    )
    .organization_id("org_missing");
    assert_eq!(
        refusal(clerk.enterprise_connections().create(no_org).await).0,
        404
    );
    let all = clerk
        .enterprise_connections()
        .list(EnterpriseConnectionListParams::default())
        .await
        .expect("list");
    assert_eq!(all.total_count, Some(0), "nothing was created");
}

#[tokio::test]
async fn enterprise_connections_keep_protocol_settings_and_filter_lists() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = clerk
        .users()
        .create(CreateUserParams::default().email_address(["ada@example.com"]))
        .await
        .expect("user");
    let org = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme").created_by(&user.id))
        .await
        .expect("org");
    let connections = clerk.enterprise_connections();

    // An active SAML connection needs its identity provider.
    let bare = CreateEnterpriseConnectionParams::new(
        "Acme SAML",
        EnterpriseConnectionProvider::SamlMicrosoft,
        ["acme.com"],
    )
    .active(true);
    assert_eq!(
        refusal(connections.create(bare).await).1,
        "form_param_missing"
    );
    let saml = connections
        .create(
            CreateEnterpriseConnectionParams::new(
                "Acme SAML",
                EnterpriseConnectionProvider::SamlMicrosoft,
                ["acme.com"],
            )
            .organization_id(&org.id)
            .active(true)
            .saml(EnterpriseSamlParams::default().idp_metadata_url("https://idp.acme.com/meta")),
        )
        .await
        .expect("saml");
    assert!(saml.active);
    let settings = saml.saml_connection.as_ref().expect("SAML settings");
    assert_eq!(
        settings.idp_metadata_url.as_deref(),
        Some("https://idp.acme.com/meta")
    );
    assert!(saml.oauth_config.is_none());

    let oidc = connections
        .create(
            CreateEnterpriseConnectionParams::new(
                "Beta OIDC",
                EnterpriseConnectionProvider::OidcCustom,
                ["beta.com"],
            )
            .oidc(
                EnterpriseOidcParams::default()
                    .client_id("client-1")
                    .client_secret("s3cret")
                    .discovery_url("https://beta.com/.well-known/openid-configuration"),
            ),
        )
        .await
        .expect("oidc");
    let config = oidc.oauth_config.as_ref().expect("OIDC settings");
    assert_eq!(config.client_id.as_deref(), Some("client-1"));
    assert!(oidc.saml_connection.is_none());
    assert!(!serde_json::to_string(&oidc)
        .expect("json")
        .contains("s3cret"));

    let only_org = connections
        .list(EnterpriseConnectionListParams::default().organization_id(&org.id))
        .await
        .expect("list");
    assert_eq!(only_org.data, vec![saml.clone()]);
    let inactive = connections
        .list(EnterpriseConnectionListParams::default().active(false))
        .await
        .expect("list");
    assert_eq!(inactive.data, vec![oidc.clone()]);

    // PATCH: an empty domain list is ignored, SAML settings apply to the SAML connection.
    let changed = connections
        .update(
            &saml.id,
            UpdateEnterpriseConnectionParams::default()
                .domains(Vec::<String>::new())
                .name("Acme Entra")
                .saml(UpdateEnterpriseSamlParams::default().allow_idp_initiated(true)),
        )
        .await
        .expect("update");
    assert_eq!(changed.domains, ["acme.com"]);
    assert_eq!(changed.name, "Acme Entra");
    assert_eq!(
        changed
            .saml_connection
            .as_ref()
            .and_then(|s| s.allow_idp_initiated),
        Some(true)
    );
    assert_eq!(connections.get(&saml.id).await.expect("get"), changed);
    // Moving OIDC onto the SAML connection's domain is refused.
    assert_eq!(
        refusal(
            connections
                .update(
                    &oidc.id,
                    UpdateEnterpriseConnectionParams::default().domains(["acme.com"])
                )
                .await
        )
        .0,
        409
    );

    assert!(connections.delete(&oidc.id).await.expect("delete").deleted);
    assert_eq!(refusal(connections.get(&oidc.id).await).0, 404);
}

#[tokio::test]
async fn test_runs_need_the_connection_and_start_with_a_url() {
    let standin = StandIn::start().await.expect("start");
    let connections = standin.clerk().enterprise_connections();
    let conn = connections
        .create(CreateEnterpriseConnectionParams::new(
            "Acme",
            EnterpriseConnectionProvider::SamlCustom,
            ["acme.com"],
        ))
        .await
        .expect("create");

    let start = connections.create_test_run(&conn.id).await.expect("start");
    assert!(start.url.starts_with(standin.url()), "{}", start.url);
    let runs = connections
        .list_test_runs(&conn.id, EnterpriseConnectionTestRunListParams::default())
        .await
        .expect("runs");
    assert_eq!(runs.total_count, Some(0));
    assert!(runs.data.is_empty());
    assert_eq!(
        refusal(
            connections
                .list_test_runs(
                    "entc_missing",
                    EnterpriseConnectionTestRunListParams::default()
                )
                .await
        )
        .0,
        404
    );
    assert_eq!(
        refusal(connections.create_test_run("entc_missing").await).0,
        404
    );
}
