//! Settings of the instance.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let settings = clerk.instance_settings();
    run.ok(settings.get()).await;
    run.ok(settings.update(
        UpdateInstanceParams::default()
            .test_mode(false)
            .hibp(true)
            .support_email("support@example.com")
            .clerk_js_version("5")
            .development_origin("http://localhost:3000")
            .allowed_origins(["capacitor://localhost"])
            .cookieless_dev(false)
            .url_based_session_syncing(true)
            .preferred_sign_in_strategy_when_password_required(
                PreferredSignInStrategy::ClearOverride,
            ),
    ))
    .await;
    run.ok(settings.update_restrictions(
        UpdateInstanceRestrictionsParams::default()
            .allowlist(true)
            .blocklist(false)
            .allowlist_blocklist_disabled_on_sign_in(true)
            .block_email_subaddresses(true)
            .block_disposable_email_domains(false),
    ))
    .await;
    run.ok(settings.get_protect()).await;
    run.ok(settings.update_protect(
        UpdateInstanceProtectParams::default()
            .rules_enabled(true)
            .specter_enabled(false),
    ))
    .await;
    run.ok(settings.get_communication()).await;
    run.ok(settings.update_communication(
        UpdateInstanceCommunicationParams::default().blocked_country_codes(["KP", "IR"]),
    ))
    .await;
    run.ok(settings.get_oauth_application_settings()).await;
    run.ok(settings.update_oauth_application_settings(
        UpdateInstanceOAuthApplicationSettingsParams::default()
            .dynamic_oauth_client_registration(true)
            .default_scopes(["openid", "email"])
            .oauth_jwt_access_tokens(false)
            .client_id_metadata_documents_advertised(true)
            .client_id_metadata_documents_only_allow_pre_registered_clients(false)
            .client_id_metadata_documents_block_implicitly_allowed_clients(true),
    ))
    .await;
    run.ok(settings.update_oauth_application_settings(
        UpdateInstanceOAuthApplicationSettingsParams::default().reset_default_scopes(),
    ))
    .await;
    run.ok(settings.get_organization_settings()).await;
    run.ok(settings.update_organization_settings(
        UpdateOrganizationSettingsParams::default()
            .enabled(true)
            .max_allowed_memberships(25)
            .admin_delete_enabled(false)
            .domains_enabled(true)
            .slug_disabled(false)
            .domains_enrollment_modes([EnrollmentMode::AutomaticInvitation])
            .creator_role_id("role_1")
            .domains_default_role_id("role_2"),
    ))
    .await;
}
