//! User actions: bans and locks, metadata, credential checks and removals, trusted devices,
//! OAuth access tokens and the user's organizations. Each test asserts the exact request and
//! decodes a realistic response.

use clerk_backend::models::{
    Metadata, OAuthAccessTokenParams, OAuthProvider, OrganizationInvitationStatus,
    RemovePasswordParams, ReplaceUserMetadataParams, SetPasswordCompromisedParams, TotpCodeType,
    TrustedDevicePlatform, TrustedDeviceStatus, UpdateUserMetadataParams, UserIdsParams,
    UserOrganizationInvitationListParams, UserOrganizationMembershipListParams,
    VerifyPasswordParams, VerifyTotpParams,
};
use clerk_backend::{Error, PathParam};
use clerk_tests::{MockServer, Recorded, Reply};
use serde_json::json;

use clerk_tests::metadata;

fn assert_no_body(req: &Recorded) {
    assert!(req.body.is_empty(), "unexpected body on {}", req.path);
    assert_eq!(req.header("content-type"), None, "on {}", req.path);
}

#[tokio::test]
async fn ban_unban_lock_and_unlock_post_without_a_body() {
    let server = MockServer::start().await;
    for _ in 0..4 {
        server.reply(Reply::fixture(200, "user.json"));
    }
    let users = server.client();
    let users = users.users();
    let banned = users.ban("user_2abc").await.expect("ban");
    users.unban("user_2abc").await.expect("unban");
    users.lock("user_2abc").await.expect("lock");
    users.unlock("user_2abc").await.expect("unlock");

    let requests = server.requests();
    let lines: Vec<_> = requests.iter().map(Recorded::line).collect();
    assert_eq!(
        lines,
        [
            ("POST", "/users/user_2abc/ban", None),
            ("POST", "/users/user_2abc/unban", None),
            ("POST", "/users/user_2abc/lock", None),
            ("POST", "/users/user_2abc/unlock", None),
        ]
    );
    requests.iter().for_each(assert_no_body);
    assert!(banned.id.starts_with("user_"));
}

#[tokio::test]
async fn bulk_ban_and_unban_send_the_ids_and_decode_the_users() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user_list.json"));
    server.reply(Reply::fixture(200, "user_list.json"));
    let clerk = server.client();
    let banned = clerk
        .users()
        .bulk_ban(UserIdsParams::new(["user_1", "user_2"]))
        .await
        .expect("bulk ban");
    let unbanned = clerk
        .users()
        .bulk_unban(UserIdsParams::new(vec!["user_3".to_owned()]))
        .await
        .expect("bulk unban");

    let requests = server.requests();
    assert_eq!(requests[0].line(), ("POST", "/users/ban", None));
    assert_eq!(requests[0].header("content-type"), Some("application/json"));
    assert_eq!(
        requests[0].json(),
        json!({"user_ids": ["user_1", "user_2"]})
    );
    assert_eq!(requests[1].line(), ("POST", "/users/unban", None));
    assert_eq!(requests[1].json(), json!({"user_ids": ["user_3"]}));
    assert_eq!(banned.len(), 2);
    assert_eq!(unbanned.len(), 2);
}

#[tokio::test]
async fn update_metadata_patches_a_merge_and_replace_metadata_puts() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    server.reply(Reply::fixture(200, "user.json"));
    let clerk = server.client();
    let user = clerk
        .users()
        .update_metadata(
            "user_2abc",
            UpdateUserMetadataParams::default()
                .public_metadata(metadata(json!({"plan": "pro", "limits": {"seats": 5}})))
                .private_metadata(metadata(json!({"stripe_customer_id": null}))),
        )
        .await
        .expect("merge");
    clerk
        .users()
        .replace_metadata(
            "user_2abc",
            ReplaceUserMetadataParams::default().unsafe_metadata(Metadata::new()),
        )
        .await
        .expect("replace");

    let requests = server.requests();
    assert_eq!(
        requests[0].line(),
        ("PATCH", "/users/user_2abc/metadata", None)
    );
    assert_eq!(
        requests[0].json(),
        json!({
            "public_metadata": {"plan": "pro", "limits": {"seats": 5}},
            "private_metadata": {"stripe_customer_id": null}
        })
    );
    assert_eq!(
        requests[1].line(),
        ("PUT", "/users/user_2abc/metadata", None)
    );
    assert_eq!(requests[1].json(), json!({"unsafe_metadata": {}}));
    assert_eq!(user.public_metadata.get("plan"), Some(&json!("pro")));
}

#[tokio::test]
async fn verify_password_sends_the_password_and_hides_it_from_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::json(200, r#"{"verified":true}"#));
    server.reply(Reply::json(422, r#"{"errors":[]}"#));
    let clerk = server.client();
    let params = VerifyPasswordParams::new("correct horse battery staple");
    assert!(!format!("{params:?}").contains("horse"));
    let ok = clerk
        .users()
        .verify_password("user_2abc", params.clone())
        .await
        .expect("verify");
    let wrong = clerk
        .users()
        .verify_password("user_2abc", VerifyPasswordParams::new("nope"))
        .await
        .expect_err("a wrong password is a 422");

    let requests = server.requests();
    assert_eq!(
        requests[0].line(),
        ("POST", "/users/user_2abc/verify_password", None)
    );
    assert_eq!(
        requests[0].json(),
        json!({"password": "correct horse battery staple"})
    );
    assert!(ok.is_verified());
    assert_eq!(ok.verified, Some(true));
    assert_eq!(wrong.status().map(|s| s.as_u16()), Some(422));
}

#[tokio::test]
async fn verify_totp_decodes_the_code_type() {
    let server = MockServer::start().await;
    server.reply(Reply::json(
        200,
        r#"{"verified":true,"code_type":"backup_code"}"#,
    ));
    server.reply(Reply::json(200, r#"{"verified":true,"code_type":"totp"}"#));
    let clerk = server.client();
    let params = VerifyTotpParams::new("a1b2c3d4");
    assert!(!format!("{params:?}").contains("a1b2"));
    let backup = clerk
        .users()
        .verify_totp("user_2abc", params)
        .await
        .expect("backup code");
    let totp = clerk
        .users()
        .verify_totp("user_2abc", VerifyTotpParams::new("123456"))
        .await
        .expect("totp");

    let requests = server.requests();
    assert_eq!(
        requests[0].line(),
        ("POST", "/users/user_2abc/verify_totp", None)
    );
    assert_eq!(requests[0].json(), json!({"code": "a1b2c3d4"}));
    assert_eq!(requests[1].json(), json!({"code": "123456"}));
    assert!(backup.is_verified());
    assert_eq!(backup.code_type, Some(TotpCodeType::BackupCode));
    assert_eq!(totp.code_type, Some(TotpCodeType::Totp));
}

#[tokio::test]
async fn mfa_removals_delete_and_decode_the_user_id() {
    let server = MockServer::start().await;
    for _ in 0..3 {
        server.reply(Reply::json(200, r#"{"user_id":"user_2abc"}"#));
    }
    let clerk = server.client();
    let users = clerk.users();
    let mfa = users.disable_mfa("user_2abc").await.expect("mfa");
    let codes = users
        .delete_backup_codes("user_2abc")
        .await
        .expect("backup codes");
    let totp = users.delete_totp("user_2abc").await.expect("totp");

    let requests = server.requests();
    let lines: Vec<_> = requests.iter().map(Recorded::line).collect();
    assert_eq!(
        lines,
        [
            ("DELETE", "/users/user_2abc/mfa", None),
            ("DELETE", "/users/user_2abc/backup_code", None),
            ("DELETE", "/users/user_2abc/totp", None),
        ]
    );
    requests.iter().for_each(assert_no_body);
    for done in [mfa, codes, totp] {
        assert_eq!(done.user_id.as_deref(), Some("user_2abc"));
    }
}

#[tokio::test]
async fn passkey_wallet_and_external_account_deletes_use_both_ids() {
    let server = MockServer::start().await;
    for object in ["passkey", "web3_wallet", "external_account"] {
        server.reply(Reply::json(
            200,
            json!({"object": object, "id": "idn_9", "deleted": true}).to_string(),
        ));
    }
    let clerk = server.client();
    let users = clerk.users();
    let passkey = users
        .delete_passkey("user_2abc", "idn_pk1")
        .await
        .expect("passkey");
    let wallet = users
        .delete_web3_wallet("user_2abc", "idn_w1")
        .await
        .expect("wallet");
    let account = users
        .delete_external_account("user_2abc", "eac_1")
        .await
        .expect("external account");

    let requests = server.requests();
    let lines: Vec<_> = requests.iter().map(Recorded::line).collect();
    assert_eq!(
        lines,
        [
            ("DELETE", "/users/user_2abc/passkeys/idn_pk1", None),
            ("DELETE", "/users/user_2abc/web3_wallets/idn_w1", None),
            ("DELETE", "/users/user_2abc/external_accounts/eac_1", None),
        ]
    );
    requests.iter().for_each(assert_no_body);
    assert!(passkey.deleted && wallet.deleted && account.deleted);
    assert_eq!(account.object, "external_account");
}

#[tokio::test]
async fn trusted_devices_are_listed_and_revoked() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user_trusted_devices.json"));
    server.reply(Reply::fixture(200, "user_trusted_device_revoked.json"));
    let clerk = server.client();
    let devices = clerk
        .users()
        .list_trusted_devices("user_2abc")
        .await
        .expect("list");
    let revoked = clerk
        .users()
        .revoke_trusted_device("user_2abc", "td_2xhG0aB1cD2eF3gH4iJ5kL6mN7o")
        .await
        .expect("revoke");

    let requests = server.requests();
    assert_eq!(
        requests[0].line(),
        ("GET", "/users/user_2abc/trusted_devices", None)
    );
    assert_eq!(
        requests[1].line(),
        (
            "DELETE",
            "/users/user_2abc/trusted_devices/td_2xhG0aB1cD2eF3gH4iJ5kL6mN7o",
            None
        )
    );
    requests.iter().for_each(assert_no_body);
    assert_eq!(devices.total_count, Some(2));
    assert_eq!(devices.data[0].platform, TrustedDevicePlatform::Ios);
    assert_eq!(devices.data[0].name.as_deref(), Some("Ada's iPhone"));
    assert_eq!(devices.data[1].platform, TrustedDevicePlatform::Android);
    assert_eq!(devices.data[1].last_used_at, None);
    assert_eq!(revoked.status, TrustedDeviceStatus::Revoked);
    assert_eq!(revoked.revoked_at, Some(1718450000000));
}

#[tokio::test]
async fn password_compromise_and_removal() {
    let server = MockServer::start().await;
    for _ in 0..4 {
        server.reply(Reply::fixture(200, "user.json"));
    }
    let clerk = server.client();
    let users = clerk.users();
    users
        .set_password_compromised(
            "user_2abc",
            SetPasswordCompromisedParams::default().revoke_all_sessions(true),
        )
        .await
        .expect("set");
    users
        .unset_password_compromised("user_2abc")
        .await
        .expect("unset");
    users
        .remove_password(
            "user_2abc",
            RemovePasswordParams::default().sign_out_of_other_sessions(true),
        )
        .await
        .expect("remove");
    users
        .remove_password("user_2abc", RemovePasswordParams::default())
        .await
        .expect("remove with defaults");

    let requests = server.requests();
    assert_eq!(
        requests[0].line(),
        ("POST", "/users/user_2abc/password/set_compromised", None)
    );
    assert_eq!(requests[0].json(), json!({"revoke_all_sessions": true}));
    assert_eq!(
        requests[1].line(),
        ("POST", "/users/user_2abc/password/unset_compromised", None)
    );
    assert_no_body(&requests[1]);
    assert_eq!(
        requests[2].line(),
        ("POST", "/users/user_2abc/remove_password", None)
    );
    assert_eq!(
        requests[2].json(),
        json!({"sign_out_of_other_sessions": true})
    );
    assert_eq!(requests[3].json(), json!({}));
}

#[test]
fn oauth_provider_accepts_both_forms_and_sends_the_prefixed_one() {
    let short = OAuthProvider::from("google");
    let long = OAuthProvider::from("oauth_google");
    assert_eq!(short, long);
    assert_eq!(short.as_str(), "oauth_google");
    assert_eq!(short.name(), "google");
    assert_eq!(short.to_string(), "oauth_google");
    assert_eq!(short.path_value(), Ok("oauth_google"));
    assert_eq!(
        OAuthProvider::from(String::from("custom_acme")).as_str(),
        "oauth_custom_acme"
    );
    assert!(OAuthProvider::new("oauth_").path_value().is_err());
    assert!(OAuthProvider::new("").path_value().is_err());
}

#[tokio::test]
async fn oauth_access_tokens_send_the_same_request_for_google_and_oauth_google() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user_oauth_access_tokens.json"));
    server.reply(Reply::fixture(200, "user_oauth_access_tokens.json"));
    server.reply(Reply::fixture(200, "user_oauth_access_tokens.json"));
    let clerk = server.client();
    let params = OAuthAccessTokenParams::default().limit(5).offset(0);
    let tokens = clerk
        .users()
        .get_oauth_access_token("user_2abc", "google", params.clone())
        .await
        .expect("google");
    clerk
        .users()
        .get_oauth_access_token("user_2abc", "oauth_google", params.clone())
        .await
        .expect("oauth_google");
    clerk
        .users()
        .get_oauth_access_token("user_2abc", OAuthProvider::new("google"), params)
        .await
        .expect("typed");

    let requests = server.requests();
    for req in &requests {
        assert_eq!(
            req.line(),
            (
                "GET",
                "/users/user_2abc/oauth_access_tokens/oauth_google",
                Some("limit=5&offset=0")
            )
        );
        assert_no_body(req);
    }
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens.total_count, None);
    let token = &tokens.data[0];
    assert_eq!(
        token.token(),
        "ya29.a0AfB_byC-SECRET-ACCESS-TOKEN-do-not-print"
    );
    assert_eq!(
        token.id_token(),
        Some("eyJhbGciOiJSUzI1NiJ9.SECRET-ID-TOKEN.sig")
    );
    assert_eq!(token.token_secret(), None);
    assert_eq!(token.provider, "oauth_google");
    assert_eq!(token.expires_at, Some(1718365200));
    assert_eq!(
        token.scopes.as_deref(),
        Some(
            &[
                "email".to_owned(),
                "profile".to_owned(),
                "openid".to_owned()
            ][..]
        )
    );

    let debug = format!("{token:?} {tokens:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(debug.contains(r#"token: "[redacted]""#), "{debug}");
    assert!(debug.contains("provider_user_id: \"108374628374650192837\""));
}

#[tokio::test]
async fn oauth_access_tokens_decode_the_paginated_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "user_oauth_access_tokens_paginated.json",
    ));
    let page = server
        .client()
        .users()
        .get_oauth_access_token(
            "user_2abc",
            "x",
            OAuthAccessTokenParams::default()
                .paginated(true)
                .limit(1)
                .offset(2),
        )
        .await
        .expect("paginated");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/users/user_2abc/oauth_access_tokens/oauth_x",
            Some("paginated=true&limit=1&offset=2")
        )
    );
    assert_eq!(page.total_count, Some(3));
    let token = &page.data[0];
    assert_eq!(token.token_secret(), Some("SECRET-OAUTH1-TOKEN-SECRET"));
    assert_eq!(token.label.as_deref(), Some("work"));
    assert_eq!(token.expires_at, None);
    assert_eq!(token.scopes, None);
    assert!(!format!("{token:?}").contains("SECRET"));
}

#[tokio::test]
async fn an_empty_oauth_provider_is_rejected_without_a_request() {
    let server = MockServer::start().await;
    let err = server
        .client()
        .users()
        .get_oauth_access_token("user_2abc", "oauth_", OAuthAccessTokenParams::default())
        .await
        .expect_err("empty provider");
    assert!(
        matches!(&err, Error::InvalidInput { message } if message.contains("provider")),
        "{err:?}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn organization_memberships_of_a_user_are_paginated() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user_organization_memberships.json"));
    let page = server
        .client()
        .users()
        .list_organization_memberships(
            "user_2abc",
            UserOrganizationMembershipListParams::default()
                .limit(20)
                .offset(40),
        )
        .await
        .expect("memberships");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/users/user_2abc/organization_memberships",
            Some("limit=20&offset=40")
        )
    );
    assert_eq!(page.total_count, Some(4));
    assert_eq!(page.data[0].organization.slug, "analytical-engines");
    assert_eq!(page.data[0].role, "org:member");
}

#[tokio::test]
async fn organization_invitations_of_a_user_filter_by_status() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user_organization_invitations.json"));
    let page = server
        .client()
        .users()
        .list_organization_invitations(
            "user_2abc",
            UserOrganizationInvitationListParams::default()
                .status(OrganizationInvitationStatus::Pending)
                .limit(10)
                .offset(0),
        )
        .await
        .expect("invitations");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/users/user_2abc/organization_invitations",
            Some("limit=10&offset=0&status=pending")
        )
    );
    assert_eq!(page.total_count, Some(1));
    let invitation = &page.data[0];
    assert_eq!(
        invitation.status,
        Some(OrganizationInvitationStatus::Pending)
    );
    let org = invitation
        .public_organization_data
        .as_ref()
        .expect("public organization data");
    assert_eq!(org.slug, "difference-engine");
    assert_eq!(org.image_url, None);
}
