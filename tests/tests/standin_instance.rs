//! The stand-in's instance settings through this crate's own client: Clerk's defaults, PATCH
//! changing only the fields given, and the refusals of unknown fields and bad values.

use clerk_backend::models::{
    CreateRoleParams, EnrollmentMode, RoleListParams, UpdateInstanceCommunicationParams,
    UpdateInstanceOAuthApplicationSettingsParams, UpdateInstanceParams,
    UpdateInstanceProtectParams, UpdateInstanceRestrictionsParams,
    UpdateOrganizationSettingsParams,
};
use clerk_backend::testing::StandIn;
use clerk_tests::refusal;
use serde_json::{json, Value};

/// `PATCH <url><path>` with the stand-in's key and a raw JSON body: status and JSON body.
async fn raw_patch(standin: &StandIn, path: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .patch(format!("{}{path}", standin.url()))
        .bearer_auth(standin.secret_key())
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_instance_starts_as_a_development_instance_and_patch_answers_204() {
    let standin = StandIn::start().await.expect("start");
    let settings = standin.clerk().instance_settings();
    let instance = settings.get().await.expect("get");
    assert_eq!(instance.object, "instance");
    assert!(instance.id.starts_with("ins_"), "{}", instance.id);
    assert_eq!(instance.environment_type, "development");
    assert_eq!(instance.allowed_origins, None);

    // The spec answers `PATCH /instance` with 204 and no body; the client decodes `()`.
    settings
        .update(
            UpdateInstanceParams::default()
                .allowed_origins(["chrome-extension://abcdef", "capacitor://localhost"])
                .support_email("help@example.com"),
        )
        .await
        .expect("update");
    let after = settings.get().await.expect("get");
    assert_eq!(
        after.allowed_origins,
        Some(vec![
            "chrome-extension://abcdef".to_owned(),
            "capacitor://localhost".to_owned()
        ])
    );
    assert_eq!(after.id, instance.id);
    // A PATCH that leaves the origins out keeps them.
    settings
        .update(UpdateInstanceParams::default().hibp(false))
        .await
        .expect("update");
    assert_eq!(settings.get().await.expect("get"), after);

    let (status, body) = raw_patch(&standin, "/instance", json!({})).await;
    assert_eq!((status, body), (204, Value::Null));
}

#[tokio::test]
async fn instance_patches_refuse_unknown_fields_and_bad_values() {
    let standin = StandIn::start().await.expect("start");
    let settings = standin.clerk().instance_settings();

    let (status, body) = raw_patch(&standin, "/instance", json!({"sign_up_mode": "x"})).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "form_param_unknown");
    assert_eq!(body["errors"][0]["meta"]["param_name"], "sign_up_mode");

    assert_eq!(
        refusal(
            settings
                .update(UpdateInstanceParams::default().allowed_origins(["not an origin"]))
                .await
        ),
        (
            422,
            "form_param_format_invalid".to_owned(),
            Some("allowed_origins".to_owned())
        )
    );
    let (status, body) = raw_patch(
        &standin,
        "/instance",
        json!({"preferred_sign_in_strategy_when_password_required": "magic"}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "form_param_value_invalid");
    let (status, body) = raw_patch(
        &standin,
        "/instance/protect",
        json!({"rules_enabled": "yes"}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["meta"]["param_name"], "rules_enabled");
    // Nothing changed.
    assert_eq!(settings.get().await.expect("get").allowed_origins, None);
    assert!(!settings.get_protect().await.expect("protect").rules_enabled);
}

#[tokio::test]
async fn restrictions_and_protect_change_only_the_fields_given() {
    let standin = StandIn::start().await.expect("start");
    let settings = standin.clerk().instance_settings();

    let restrictions = settings
        .update_restrictions(UpdateInstanceRestrictionsParams::default().allowlist(true))
        .await
        .expect("restrictions");
    assert_eq!(restrictions.object, "instance_restrictions");
    assert!(restrictions.allowlist);
    assert!(!restrictions.blocklist);
    let restrictions = settings
        .update_restrictions(
            UpdateInstanceRestrictionsParams::default().block_email_subaddresses(true),
        )
        .await
        .expect("restrictions");
    assert!(restrictions.allowlist, "an earlier change stays");
    assert!(restrictions.block_email_subaddresses);

    let protect = settings.get_protect().await.expect("protect");
    assert_eq!(protect.object, "instance_protect");
    assert!(!protect.rules_enabled && !protect.specter_enabled && !protect.checks_bypassed);
    let changed = settings
        .update_protect(UpdateInstanceProtectParams::default().specter_enabled(true))
        .await
        .expect("protect");
    assert!(changed.specter_enabled);
    assert!(!changed.rules_enabled);
    assert_eq!(settings.get_protect().await.expect("protect"), changed);
}

#[tokio::test]
async fn the_sms_blocklist_is_replaced_whole_and_unknown_countries_are_dropped() {
    let standin = StandIn::start().await.expect("start");
    let settings = standin.clerk().instance_settings();
    let start = settings.get_communication().await.expect("communication");
    assert_eq!(start.object, "instance_communication");
    assert!(start.blocked_country_codes.is_empty());

    // The spec: codes not recognized as SMS countries are silently dropped.
    let blocked = settings
        .update_communication(
            UpdateInstanceCommunicationParams::default().blocked_country_codes(["RU", "ZZ", "KP"]),
        )
        .await
        .expect("communication");
    assert_eq!(blocked.blocked_country_codes, ["RU", "KP"]);
    // Omitting the list is a no-op.
    let same = settings
        .update_communication(UpdateInstanceCommunicationParams::default())
        .await
        .expect("communication");
    assert_eq!(same, blocked);
    // Lower case, or a code twice, is refused and changes nothing.
    assert_eq!(
        refusal(
            settings
                .update_communication(
                    UpdateInstanceCommunicationParams::default().blocked_country_codes(["ru"])
                )
                .await
        ),
        (
            422,
            "form_param_format_invalid".to_owned(),
            Some("blocked_country_codes".to_owned())
        )
    );
    assert_eq!(
        refusal(
            settings
                .update_communication(
                    UpdateInstanceCommunicationParams::default()
                        .blocked_country_codes(["US", "US"])
                )
                .await
        )
        .1,
        "form_param_value_invalid"
    );
    assert_eq!(settings.get_communication().await.expect("get"), blocked);
}

#[tokio::test]
async fn oauth_default_scopes_are_set_kept_and_reset_by_null() {
    let standin = StandIn::start().await.expect("start");
    let settings = standin.clerk().instance_settings();
    let start = settings
        .get_oauth_application_settings()
        .await
        .expect("oauth");
    assert_eq!(start.object, "oauth_application_settings");
    assert_eq!(start.default_scopes, None);
    assert!(!start.oauth_jwt_access_tokens);

    let set = settings
        .update_oauth_application_settings(
            UpdateInstanceOAuthApplicationSettingsParams::default()
                .default_scopes(["openid", "email"])
                .oauth_jwt_access_tokens(true),
        )
        .await
        .expect("oauth");
    assert_eq!(
        set.default_scopes,
        Some(vec!["openid".to_owned(), "email".to_owned()])
    );
    let kept = settings
        .update_oauth_application_settings(
            UpdateInstanceOAuthApplicationSettingsParams::default()
                .dynamic_oauth_client_registration(true),
        )
        .await
        .expect("oauth");
    assert_eq!(kept.default_scopes, set.default_scopes);
    assert!(kept.oauth_jwt_access_tokens && kept.dynamic_oauth_client_registration);
    // `"default_scopes": null` resets them to Clerk's defaults.
    let reset = settings
        .update_oauth_application_settings(
            UpdateInstanceOAuthApplicationSettingsParams::default().reset_default_scopes(),
        )
        .await
        .expect("oauth");
    assert_eq!(reset.default_scopes, None);
    assert_eq!(
        settings
            .get_oauth_application_settings()
            .await
            .expect("get"),
        reset
    );
}

#[tokio::test]
async fn organization_settings_name_roles_by_id_and_show_them_by_key() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let settings = clerk.instance_settings();
    let start = settings.get_organization_settings().await.expect("get");
    assert_eq!(start.object, "organization_settings");
    assert!(start.enabled);
    assert_eq!(start.creator_role, "org:admin");
    assert_eq!(start.domains_default_role, "org:member");
    assert_eq!(
        start.initial_role_set_key.as_deref(),
        Some("role_set:default")
    );

    let roles = clerk
        .organization_roles()
        .list(RoleListParams::default())
        .await
        .expect("roles");
    let member = roles
        .data
        .iter()
        .find(|r| r.key == "org:member")
        .expect("org:member");
    let support = clerk
        .organization_roles()
        .create(CreateRoleParams::new("Support", "org:support"))
        .await
        .expect("role");

    let changed = settings
        .update_organization_settings(
            UpdateOrganizationSettingsParams::default()
                .max_allowed_memberships(50)
                .domains_enabled(true)
                .domains_enrollment_modes([EnrollmentMode::AutomaticInvitation])
                .domains_default_role_id(&support.id),
        )
        .await
        .expect("update");
    assert_eq!(changed.max_allowed_memberships, 50);
    assert!(changed.domains_enabled);
    assert_eq!(
        changed.domains_enrollment_modes,
        vec![EnrollmentMode::AutomaticInvitation]
    );
    assert_eq!(changed.domains_default_role, "org:support");
    assert_eq!(changed.creator_role, "org:admin", "untouched");
    assert_eq!(
        settings.get_organization_settings().await.expect("get"),
        changed
    );

    // Unknown role id: 404; a creator role that cannot manage the organization: 422.
    assert_eq!(
        refusal(
            settings
                .update_organization_settings(
                    UpdateOrganizationSettingsParams::default().creator_role_id("role_missing")
                )
                .await
        )
        .0,
        404
    );
    assert_eq!(
        refusal(
            settings
                .update_organization_settings(
                    UpdateOrganizationSettingsParams::default().creator_role_id(&member.id)
                )
                .await
        ),
        (
            422,
            "form_param_value_invalid".to_owned(),
            Some("creator_role_id".to_owned())
        )
    );
    assert_eq!(
        refusal(
            settings
                .update_organization_settings(
                    UpdateOrganizationSettingsParams::default().max_allowed_memberships(-1)
                )
                .await
        )
        .1,
        "form_param_value_invalid"
    );
    assert_eq!(
        settings.get_organization_settings().await.expect("get"),
        changed
    );
}
