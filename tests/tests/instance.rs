//! Instance settings and beta features: the exact request of every operation, and decoding of
//! realistic responses.

use bytes::Bytes;
use clerk_backend::models::{
    ChangeDomainParams, EnrollmentMode, PreferredSignInStrategy, UpdateInstanceAuthSettingsParams,
    UpdateInstanceCommunicationParams, UpdateInstanceOAuthApplicationSettingsParams,
    UpdateInstanceParams, UpdateInstanceProtectParams, UpdateInstanceRestrictionsParams,
    UpdateOrganizationSettingsParams,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

/// An answer with a status and no body (202 Accepted, 204 No Content).
fn empty(status: u16) -> Reply {
    Reply::Respond {
        status,
        headers: Vec::new(),
        body: Bytes::new(),
    }
}

#[tokio::test]
async fn get_instance() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "instance.json"));
    let instance = server
        .client()
        .instance_settings()
        .get()
        .await
        .expect("get instance");

    let req = server.single();
    assert_eq!(req.line(), ("GET", "/instance", None));
    assert!(req.body.is_empty());
    assert_eq!(instance.object, "instance");
    assert_eq!(instance.id, "ins_2xhJ1bB2cC3dD4eE5fF6gG7hH8i");
    assert_eq!(instance.environment_type, "production");
    assert_eq!(
        instance.allowed_origins.as_deref(),
        Some(
            &[
                "chrome-extension://abcdefghijklmnopabcdefghijklmnop".to_owned(),
                "capacitor://localhost".to_owned()
            ][..]
        )
    );
    assert_eq!(instance.workspace_id.as_deref(), Some("org_2abc123def456"));
}

#[test]
fn an_instance_without_a_workspace_or_origins_decodes() {
    let instance: clerk_backend::models::Instance = serde_json::from_value(json!({
        "object": "instance", "id": "ins_1", "environment_type": "development",
        "allowed_origins": null, "workspace_id": null
    }))
    .expect("decode");
    assert_eq!(
        (instance.allowed_origins, instance.workspace_id),
        (None, None)
    );
}

#[tokio::test]
async fn update_instance_sends_every_field_and_accepts_no_content() {
    let server = MockServer::start().await;
    server.reply(empty(204));
    server
        .client()
        .instance_settings()
        .update(
            UpdateInstanceParams::default()
                .test_mode(false)
                .hibp(true)
                .support_email("support@example.com")
                .clerk_js_version("5")
                .development_origin("http://localhost:3000")
                .allowed_origins([
                    "chrome-extension://abcdefghijklmnop",
                    "capacitor://localhost",
                ])
                .cookieless_dev(false)
                .url_based_session_syncing(true)
                .preferred_sign_in_strategy_when_password_required(PreferredSignInStrategy::Otp),
        )
        .await
        .expect("update instance");

    let req = server.single();
    assert_eq!(req.line(), ("PATCH", "/instance", None));
    assert_eq!(
        req.json(),
        json!({
            "test_mode": false,
            "hibp": true,
            "support_email": "support@example.com",
            "clerk_js_version": "5",
            "development_origin": "http://localhost:3000",
            "allowed_origins": ["chrome-extension://abcdefghijklmnop", "capacitor://localhost"],
            "cookieless_dev": false,
            "url_based_session_syncing": true,
            "preferred_sign_in_strategy_when_password_required": "otp"
        })
    );
}

#[tokio::test]
async fn update_instance_can_clear_the_origins_and_the_strategy_override() {
    let server = MockServer::start().await;
    server.reply(empty(204));
    server
        .client()
        .instance_settings()
        .update(
            UpdateInstanceParams::default()
                .allowed_origins(Vec::<String>::new())
                .preferred_sign_in_strategy_when_password_required(
                    PreferredSignInStrategy::ClearOverride,
                ),
        )
        .await
        .expect("update instance");
    assert_eq!(
        server.single().json(),
        json!({"allowed_origins": [], "preferred_sign_in_strategy_when_password_required": ""})
    );
}

#[tokio::test]
async fn update_restrictions() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "instance_restrictions.json"));
    let restrictions = server
        .client()
        .instance_settings()
        .update_restrictions(
            UpdateInstanceRestrictionsParams::default()
                .allowlist(true)
                .blocklist(false)
                .allowlist_blocklist_disabled_on_sign_in(true)
                .block_email_subaddresses(true)
                .block_disposable_email_domains(false),
        )
        .await
        .expect("update restrictions");

    let req = server.single();
    assert_eq!(req.line(), ("PATCH", "/instance/restrictions", None));
    assert_eq!(
        req.json(),
        json!({
            "allowlist": true,
            "blocklist": false,
            "allowlist_blocklist_disabled_on_sign_in": true,
            "block_email_subaddresses": true,
            "block_disposable_email_domains": false
        })
    );
    assert_eq!(restrictions.object, "instance_restrictions");
    assert!(restrictions.allowlist && !restrictions.blocklist);
    assert!(restrictions.allowlist_blocklist_disabled_on_sign_in);
    assert!(restrictions.block_email_subaddresses);
    assert!(!restrictions.block_disposable_email_domains);
}

#[tokio::test]
async fn get_and_update_protect() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "instance_protect.json"));
    server.reply(Reply::fixture(200, "instance_protect.json"));
    let clerk = server.client();
    let protect = clerk
        .instance_settings()
        .get_protect()
        .await
        .expect("get protect");
    clerk
        .instance_settings()
        .update_protect(
            UpdateInstanceProtectParams::default()
                .rules_enabled(true)
                .specter_enabled(false),
        )
        .await
        .expect("update protect");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("GET", "/instance/protect", None));
    assert_eq!(reqs[1].line(), ("PATCH", "/instance/protect", None));
    assert_eq!(
        reqs[1].json(),
        json!({"rules_enabled": true, "specter_enabled": false})
    );
    assert_eq!(protect.object, "instance_protect");
    assert!(protect.rules_enabled && !protect.specter_enabled && protect.checks_bypassed);
}

#[tokio::test]
async fn get_and_replace_the_sms_country_blocklist() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "instance_communication.json"));
    server.reply(Reply::fixture(200, "instance_communication.json"));
    server.reply(Reply::fixture(200, "instance_communication.json"));
    let clerk = server.client();
    let communication = clerk
        .instance_settings()
        .get_communication()
        .await
        .expect("get communication");
    clerk
        .instance_settings()
        .update_communication(
            UpdateInstanceCommunicationParams::default().blocked_country_codes(["KP", "IR", "CU"]),
        )
        .await
        .expect("update communication");
    clerk
        .instance_settings()
        .update_communication(
            UpdateInstanceCommunicationParams::default()
                .blocked_country_codes(Vec::<String>::new()),
        )
        .await
        .expect("unblock every country");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("GET", "/instance/communication", None));
    assert_eq!(reqs[1].line(), ("PATCH", "/instance/communication", None));
    assert_eq!(
        reqs[1].json(),
        json!({"blocked_country_codes": ["KP", "IR", "CU"]})
    );
    assert_eq!(reqs[2].json(), json!({"blocked_country_codes": []}));
    assert_eq!(communication.object, "instance_communication");
    assert_eq!(communication.blocked_country_codes, ["KP", "IR", "CU"]);
}

#[tokio::test]
async fn get_and_update_oauth_application_settings() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "instance_oauth_application_settings.json",
    ));
    server.reply(Reply::fixture(
        200,
        "instance_oauth_application_settings.json",
    ));
    server.reply(Reply::fixture(
        200,
        "instance_oauth_application_settings.json",
    ));
    let clerk = server.client();
    let settings = clerk
        .instance_settings()
        .get_oauth_application_settings()
        .await
        .expect("get oauth settings");
    clerk
        .instance_settings()
        .update_oauth_application_settings(
            UpdateInstanceOAuthApplicationSettingsParams::default()
                .dynamic_oauth_client_registration(true)
                .default_scopes(["openid", "profile", "email"])
                .oauth_jwt_access_tokens(false)
                .client_id_metadata_documents_advertised(true)
                .client_id_metadata_documents_only_allow_pre_registered_clients(false)
                .client_id_metadata_documents_block_implicitly_allowed_clients(true),
        )
        .await
        .expect("update oauth settings");
    clerk
        .instance_settings()
        .update_oauth_application_settings(
            UpdateInstanceOAuthApplicationSettingsParams::default().reset_default_scopes(),
        )
        .await
        .expect("reset default scopes");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        ("GET", "/instance/oauth_application_settings", None)
    );
    assert_eq!(
        reqs[1].line(),
        ("PATCH", "/instance/oauth_application_settings", None)
    );
    assert_eq!(
        reqs[1].json(),
        json!({
            "dynamic_oauth_client_registration": true,
            "default_scopes": ["openid", "profile", "email"],
            "oauth_jwt_access_tokens": false,
            "client_id_metadata_documents_advertised": true,
            "client_id_metadata_documents_only_allow_pre_registered_clients": false,
            "client_id_metadata_documents_block_implicitly_allowed_clients": true
        })
    );
    assert_eq!(reqs[2].json(), json!({"default_scopes": null}));

    assert_eq!(settings.object, "oauth_application_settings");
    assert!(settings.dynamic_oauth_client_registration);
    assert_eq!(
        settings.default_scopes.as_deref(),
        Some(
            &[
                "openid".to_owned(),
                "profile".to_owned(),
                "email".to_owned()
            ][..]
        )
    );
    assert!(!settings.oauth_jwt_access_tokens);
    assert!(settings.client_id_metadata_documents_advertised);
    assert!(!settings.client_id_metadata_documents_only_allow_pre_registered_clients);
    assert!(settings.client_id_metadata_documents_block_implicitly_allowed_clients);
}

#[tokio::test]
async fn get_and_update_organization_settings() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "instance_organization_settings.json"));
    server.reply(Reply::fixture(200, "instance_organization_settings.json"));
    let clerk = server.client();
    let settings = clerk
        .instance_settings()
        .get_organization_settings()
        .await
        .expect("get organization settings");
    clerk
        .instance_settings()
        .update_organization_settings(
            UpdateOrganizationSettingsParams::default()
                .enabled(true)
                .max_allowed_memberships(25)
                .admin_delete_enabled(false)
                .domains_enabled(true)
                .slug_disabled(false)
                .domains_enrollment_modes([
                    EnrollmentMode::AutomaticInvitation,
                    EnrollmentMode::AutomaticSuggestion,
                ])
                .creator_role_id("role_2xhM1aA2bB3cC4dD5eE6fF7gG8h")
                .domains_default_role_id("role_2xhM2bB3cC4dD5eE6fF7gG8hH9i"),
        )
        .await
        .expect("update organization settings");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        ("GET", "/instance/organization_settings", None)
    );
    assert_eq!(
        reqs[1].line(),
        ("PATCH", "/instance/organization_settings", None)
    );
    assert_eq!(
        reqs[1].json(),
        json!({
            "enabled": true,
            "max_allowed_memberships": 25,
            "admin_delete_enabled": false,
            "domains_enabled": true,
            "slug_disabled": false,
            "domains_enrollment_modes": ["automatic_invitation", "automatic_suggestion"],
            "creator_role_id": "role_2xhM1aA2bB3cC4dD5eE6fF7gG8h",
            "domains_default_role_id": "role_2xhM2bB3cC4dD5eE6fF7gG8hH9i"
        })
    );

    assert_eq!(settings.object, "organization_settings");
    assert!(settings.enabled);
    assert_eq!(
        (
            settings.max_allowed_memberships,
            settings.max_allowed_roles,
            settings.max_role_sets_allowed,
            settings.max_allowed_domains,
            settings.max_allowed_permissions
        ),
        (25, 10, Some(3), 5, Some(50))
    );
    assert_eq!(settings.creator_role, "org:admin");
    assert_eq!(settings.domains_default_role, "org:member");
    assert!(!settings.admin_delete_enabled && settings.domains_enabled);
    assert_eq!(settings.slug_disabled, Some(false));
    assert_eq!(
        settings.domains_enrollment_modes,
        [
            EnrollmentMode::ManualInvitation,
            EnrollmentMode::AutomaticInvitation,
            EnrollmentMode::AutomaticSuggestion
        ]
    );
    assert_eq!(settings.initial_role_set_key, None);
}

#[tokio::test]
async fn beta_update_instance_settings() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "instance_auth_settings.json"));
    let settings = server
        .client()
        .beta_features()
        .update_instance_settings(
            UpdateInstanceAuthSettingsParams::default()
                .restricted_to_allowlist(true)
                .from_email_address("auth")
                .progressive_sign_up(false)
                .test_mode(true),
        )
        .await
        .expect("update instance settings");

    let req = server.single();
    assert_eq!(
        req.line(),
        ("PATCH", "/beta_features/instance_settings", None)
    );
    assert_eq!(
        req.json(),
        json!({
            "restricted_to_allowlist": true,
            "from_email_address": "auth",
            "progressive_sign_up": false,
            "test_mode": true
        })
    );
    assert_eq!(settings.object.as_deref(), Some("instance_settings"));
    assert_eq!(
        settings.id.as_deref(),
        Some("ins_2xhJ1bB2cC3dD4eE5fF6gG7hH8i")
    );
    assert_eq!(settings.restricted_to_allowlist, Some(true));
    assert_eq!(settings.from_email_address.as_deref(), Some("auth"));
    assert_eq!(settings.progressive_sign_up, Some(false));
    assert_eq!(settings.enhanced_email_deliverability, Some(false));

    let bare: clerk_backend::models::InstanceAuthSettings =
        serde_json::from_value(json!({})).expect("every field is optional");
    assert_eq!(bare.id, None);
}

#[tokio::test]
async fn change_domain_and_its_deprecated_twin_send_the_same_body() {
    let server = MockServer::start().await;
    server.reply(empty(202));
    server.reply(empty(202));
    let clerk = server.client();
    clerk
        .beta_features()
        .change_domain(ChangeDomainParams::new("https://www.example.com").is_secondary(false))
        .await
        .expect("change domain");
    #[allow(deprecated)]
    clerk
        .beta_features()
        .update_domain(ChangeDomainParams::new("https://app.example.com").is_secondary(true))
        .await
        .expect("update domain");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("POST", "/instance/change_domain", None));
    assert_eq!(
        reqs[0].json(),
        json!({"home_url": "https://www.example.com", "is_secondary": false})
    );
    assert_eq!(reqs[1].line(), ("PUT", "/beta_features/domain", None));
    assert_eq!(
        reqs[1].json(),
        json!({"home_url": "https://app.example.com", "is_secondary": true})
    );
}
