//! Enterprise connections and their test runs.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let connections = clerk.enterprise_connections();
    run.ok(connections.list(
        EnterpriseConnectionListParams::default()
            .limit(10)
            .offset(0)
            .organization_id("org_1")
            .active(true),
    ))
    .await;
    run.ok(connections.create(
        CreateEnterpriseConnectionParams::new(
            "Acme SAML",
            EnterpriseConnectionProvider::SamlOkta,
            ["acme.com", "acme.io"],
        )
        .organization_id("org_1")
        .allow_organization_account_linking(true)
        .active(false)
        .saml(
            EnterpriseSamlParams::default()
                .idp_entity_id("http://www.okta.com/exk1")
                .idp_sso_url("https://acme.okta.com/app/sso/saml")
                .idp_certificate("MIIC...")
                .idp_metadata_url("https://acme.okta.com/app/metadata")
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
                .force_authn(true)
                .login_hint(SamlLoginHint::new(SamlLoginHintMode::CustomAttribute).source("upn")),
        )
        .custom_attributes([CustomAttributeParams::new("Department", "department")
            .sso_path("department")
            .scim_path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department")
            .directory_path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department")
            .multi_valued(false)]),
    ))
    .await;
    run.ok(connections.create(
        CreateEnterpriseConnectionParams::new(
            "Acme OIDC",
            EnterpriseConnectionProvider::OidcCustom,
            ["acme.dev"],
        )
        .oidc(
            EnterpriseOidcParams::default()
                .client_id("client_1")
                .client_secret("shh")
                .discovery_url("https://idp.acme.dev/.well-known/openid-configuration")
                .auth_url("https://idp.acme.dev/authorize")
                .token_url("https://idp.acme.dev/token")
                .user_info_url("https://idp.acme.dev/userinfo")
                .requires_pkce(true),
        ),
    ))
    .await;
    run.ok(connections.get("ent_1")).await;
    run.ok(connections.update(
        "ent_1",
        UpdateEnterpriseConnectionParams::default()
            .name("Acme")
            .domains(["acme.com"])
            .active(true)
            .sync_user_attributes(true)
            .disable_additional_identifications(false)
            .allow_organization_account_linking(true)
            .organization_id("org_1")
            .saml(
                UpdateEnterpriseSamlParams::default()
                    .name("Acme SAML")
                    .idp_entity_id("http://www.okta.com/exk1")
                    .idp_sso_url("https://acme.okta.com/app/sso/saml")
                    .idp_certificate("MIIC...")
                    .idp_metadata_url("https://acme.okta.com/app/metadata")
                    .idp_metadata("<EntityDescriptor/>")
                    .attribute_mapping(SamlAttributeMappingParams::default().email_address("mail"))
                    .allow_subdomains(false)
                    .allow_idp_initiated(true)
                    .force_authn(false)
                    .login_hint(SamlLoginHint::new(SamlLoginHintMode::Off)),
            )
            .oidc(EnterpriseOidcParams::default().client_secret("rotated"))
            .custom_attributes([CustomAttributeParams::new("Team", "team")]),
    ))
    .await;
    run.ok(connections.update("ent_1", UpdateEnterpriseConnectionParams::default()))
        .await;
    run.ok(connections.delete("ent_1")).await;
    run.ok(connections.list_test_runs(
        "ent_1",
        EnterpriseConnectionTestRunListParams::default()
            .status([
                EnterpriseConnectionTestRunStatus::Success,
                EnterpriseConnectionTestRunStatus::Failed,
            ])
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(connections.create_test_run("ent_1")).await;
}
