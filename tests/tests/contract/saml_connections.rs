//! SAML connections (deprecated in favour of enterprise connections).

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

#[allow(deprecated)]
pub async fn run(clerk: &Clerk, run: &mut Run) {
    let saml = clerk.saml_connections();
    run.ok(saml.list(
        SamlConnectionListParams::default()
            .limit(10)
            .offset(0)
            .query("acme")
            .order_by("-created_at")
            .organization_id(["+org_1", "-org_2"]),
    ))
    .await;
    run.ok(saml.create(
        CreateSamlConnectionParams::new("Acme", SamlConnectionProvider::SamlGoogle, ["acme.com"])
            .idp_entity_id("https://accounts.google.com/o/saml2?idpid=C01")
            .idp_sso_url("https://accounts.google.com/o/saml2/idp?idpid=C01")
            .idp_certificate("MIIC...")
            .idp_metadata_url("https://example.com/metadata.xml")
            .idp_metadata("<EntityDescriptor/>")
            .organization_id("org_1")
            .attribute_mapping(
                SamlAttributeMappingParams::default()
                    .user_id("uid")
                    .email_address("mail")
                    .first_name("givenName")
                    .last_name("sn"),
            )
            .force_authn(false)
            .login_hint(SamlLoginHint::new(SamlLoginHintMode::EmailAddress)),
    ))
    .await;
    run.ok(saml.create(
        CreateSamlConnectionParams::new(
            "Legacy",
            SamlConnectionProvider::SamlCustom,
            Vec::<String>::new(),
        )
        .domain("legacy.example.com"),
    ))
    .await;
    run.ok(saml.get("samlc_1")).await;
    run.ok(saml.update(
        "samlc_1",
        UpdateSamlConnectionParams::default()
            .name("Acme")
            .domain("acme.com")
            .domains(["acme.com", "acme.io"])
            .idp_entity_id("entity")
            .idp_sso_url("https://idp.example.com/sso")
            .idp_certificate("MIIC...")
            .idp_metadata_url("https://idp.example.com/metadata")
            .idp_metadata("<EntityDescriptor/>")
            .organization_id("org_1")
            .attribute_mapping(SamlAttributeMappingParams::default().first_name("givenName"))
            .active(true)
            .sync_user_attributes(true)
            .allow_subdomains(false)
            .allow_idp_initiated(false)
            .disable_additional_identifications(true)
            .allow_organization_account_linking(false)
            .force_authn(true)
            .login_hint(SamlLoginHint::new(SamlLoginHintMode::CustomAttribute).source("upn"))
            .consent_verified_domains_deletion(true),
    ))
    .await;
    run.ok(saml.delete("samlc_1")).await;
}
