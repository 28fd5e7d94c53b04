//! OAuth applications against the stand-in, through this crate's client: their life cycle,
//! the client secret shown only on create and rotate, access tokens issued with
//! `StandIn::issue_oauth_access_token`, verified as @clerk/backend reads them, signed in by
//! the `Authenticator` and refused once revoked, expired or orphaned.

use std::time::Duration;

use clerk_backend::auth::{
    AuthState, Authenticator, MachineTokenCache, SignedIn, SignedOutReason, TokenKind,
};
use clerk_backend::models::{
    CreateOAuthApplicationParams, CreateUserParams, OAuthApplicationListParams,
    OAuthApplicationLogo, OAuthApplicationOrderBy, RevokeOAuthApplicationTokenParams,
    UpdateOAuthApplicationParams, VerifyOAuthAccessTokenParams,
};
use clerk_backend::multipart::FileUpload;
use clerk_backend::testing::{StandIn, STANDIN_SECRET_KEY};
use clerk_tests::bearer;
use clerk_tests::refusal;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR logo";

/// The JSON the stand-in answers `request` with, read past the crate's models.
async fn raw_json(request: reqwest::RequestBuilder) -> serde_json::Value {
    let text = request
        .bearer_auth(STANDIN_SECRET_KEY)
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("body");
    serde_json::from_str(&text).expect("json")
}

async fn user(standin: &StandIn) -> String {
    standin
        .clerk()
        .users()
        .create(CreateUserParams::default().email_address(["ada@example.com"]))
        .await
        .expect("user")
        .id
}

#[tokio::test]
async fn applications_are_created_with_the_spec_defaults_and_the_secret_shown_once() {
    let standin = StandIn::start().await.expect("start");
    let apps = standin.clerk().oauth_applications();
    let created = apps
        .create(
            CreateOAuthApplicationParams::new("Partner")
                .redirect_uris(["https://partner.example/cb", "partnerapp://callback"]),
        )
        .await
        .expect("create");
    let app = &created.application;
    assert!(app.id.starts_with("oa_"));
    assert!(app.instance_id.starts_with("ins_"));
    assert_eq!(app.client_id.len(), 16);
    assert_eq!(app.scopes, "profile email", "the spec's default scopes");
    assert!(app.consent_screen_enabled && !app.pkce_required && !app.public);
    assert_eq!(app.callback_url, "https://partner.example/cb");
    assert_eq!(app.redirect_uris.len(), 2);
    let origin = standin.url();
    assert_eq!(app.authorize_url, format!("{origin}/oauth/authorize"));
    assert_eq!(app.token_fetch_url, format!("{origin}/oauth/token"));
    assert_eq!(app.user_info_url, format!("{origin}/oauth/userinfo"));
    assert_eq!(
        app.discovery_url,
        format!("{origin}/.well-known/openid-configuration")
    );
    assert_eq!(
        app.token_introspection_url,
        format!("{origin}/oauth/token_info")
    );
    let secret = created.client_secret.as_ref().expect("a secret");
    assert_eq!(secret.expose().len(), 32);

    // A fetch shows no secret: Clerk returns it from create and rotate only.
    let raw =
        raw_json(reqwest::Client::new().get(format!("{origin}/oauth_applications/{}", app.id)))
            .await;
    assert_eq!(raw["client_id"], app.client_id.as_str());
    assert!(raw.get("client_secret").is_none());
    assert_eq!(apps.get(&app.id).await.expect("get"), *app);

    // A public client: no secret (the spec's "empty if public"), its callback URL kept as
    // its only redirect URI.
    let public = apps
        .create(
            CreateOAuthApplicationParams::new("CLI")
                .public(true)
                .callback_url("myapp://cb")
                .scopes("profile openid"),
        )
        .await
        .expect("public");
    assert!(public.application.public);
    assert_eq!(public.application.redirect_uris, ["myapp://cb"]);
    assert_eq!(public.client_secret.as_ref().map(|s| s.expose()), Some(""));

    assert_eq!(
        refusal(apps.create(CreateOAuthApplicationParams::new(" ")).await),
        (422, "form_param_missing".into(), Some("name".into()))
    );
    assert_eq!(
        refusal(
            apps.create(CreateOAuthApplicationParams::new("x").scopes("profile admin"))
                .await
        ),
        (
            422,
            "form_param_value_invalid".into(),
            Some("scopes".into())
        )
    );
    assert_eq!(
        refusal(
            apps.create(CreateOAuthApplicationParams::new("x").redirect_uris(["nope"]))
                .await
        ),
        (
            422,
            "form_param_format_invalid".into(),
            Some("redirect_uris".into())
        )
    );
}

#[tokio::test]
async fn applications_are_listed_updated_given_a_logo_and_deleted() {
    let standin = StandIn::start().await.expect("start");
    let apps = standin.clerk().oauth_applications();
    let zeta = apps
        .create(CreateOAuthApplicationParams::new("Zeta"))
        .await
        .expect("zeta")
        .application;
    let alpha = apps
        .create(CreateOAuthApplicationParams::new("alpha"))
        .await
        .expect("alpha")
        .application;

    // The spec's default order is `+created_at`.
    let page = apps
        .list(OAuthApplicationListParams::default())
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.data, vec![zeta.clone(), alpha.clone()]);
    let page = apps
        .list(OAuthApplicationListParams::default().order_by(OAuthApplicationOrderBy::NameDesc))
        .await
        .expect("by name");
    assert_eq!(page.data[0].id, zeta.id);
    let page = apps
        .list(OAuthApplicationListParams::default().name_query("ALP"))
        .await
        .expect("query");
    assert_eq!(page.data, vec![alpha.clone()]);
    // An exact client id finds its application (the spec's way to look one up).
    let page = apps
        .list(OAuthApplicationListParams::default().name_query(&zeta.client_id))
        .await
        .expect("client id");
    assert_eq!(page.data, vec![zeta.clone()]);
    let page = apps
        .list(OAuthApplicationListParams::default().limit(1).offset(1))
        .await
        .expect("page");
    assert_eq!((page.data.len(), page.total_count), (1, Some(2)));

    let updated = apps
        .update(
            &alpha.id,
            UpdateOAuthApplicationParams::default()
                .name("Alpha")
                .scopes("profile email public_metadata")
                .consent_screen_enabled(false)
                .redirect_uris(["https://alpha.example/cb"]),
        )
        .await
        .expect("update");
    assert_eq!(updated.name, "Alpha");
    assert_eq!(updated.scopes, "profile email public_metadata");
    assert!(!updated.consent_screen_enabled);
    assert_eq!(updated.callback_url, "https://alpha.example/cb");
    assert_eq!(apps.get(&alpha.id).await.expect("get"), updated);
    assert_eq!(
        refusal(
            apps.update(
                &alpha.id,
                UpdateOAuthApplicationParams::default().scopes("root")
            )
            .await
        ),
        (
            422,
            "form_param_value_invalid".into(),
            Some("scopes".into())
        )
    );

    let with_logo = apps
        .set_logo(
            &alpha.id,
            OAuthApplicationLogo::new(FileUpload::from_bytes(PNG.to_vec(), "logo.png"))
                .uploader_user_id("user_x"),
        )
        .await
        .expect("logo");
    let url = with_logo.client_image_url.clone().expect("an image");
    assert!(url.ends_with(".png"), "{url}");
    assert_eq!(
        apps.get(&alpha.id).await.expect("get").client_image_url,
        Some(url)
    );
    assert_eq!(
        refusal(
            apps.set_logo(
                &alpha.id,
                OAuthApplicationLogo::new(FileUpload::from_bytes(b"%PDF-1.7".to_vec(), "a.pdf"))
            )
            .await
        )
        .0,
        400,
        "only JPEG, PNG, GIF and WebP images"
    );

    let gone = apps.delete(&zeta.id).await.expect("delete");
    assert!(gone.deleted);
    assert_eq!(
        refusal(apps.get(&zeta.id).await),
        (404, "resource_not_found".into(), None)
    );
    assert_eq!(refusal(apps.rotate_secret(&zeta.id).await).0, 404);
}

#[tokio::test]
async fn issued_tokens_verify_as_clerk_backend_reads_them_and_sign_in_until_revoked() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user_id = user(&standin).await;
    let created = clerk
        .oauth_applications()
        .create(CreateOAuthApplicationParams::new("Partner"))
        .await
        .expect("app");
    let app = &created.application;
    let secret = created.client_secret.as_ref().map(|s| s.expose());
    let token = standin
        .issue_oauth_access_token(
            &app.client_id,
            secret,
            &user_id,
            "profile email",
            Duration::from_secs(3600),
        )
        .expect("issue");
    assert!(token.expose().starts_with("oat_"));

    let verified = clerk
        .oauth_access_tokens()
        .verify(VerifyOAuthAccessTokenParams::new(token.expose()))
        .await
        .expect("verify");
    assert!(verified.is_valid());
    let record = verified.token().expect("a record");
    assert_eq!(record.object, "clerk_idp_oauth_access_token");
    assert!(record.id.starts_with("oat_") && record.id.len() == 36);
    assert_ne!(record.id, token.expose(), "the id is not the secret");
    assert_eq!(record.client_id, app.client_id);
    assert_eq!(record.subject, user_id);
    assert_eq!(record.scopes, ["profile", "email"]);
    assert!(record.expiration.is_some_and(|e| e > record.created_at));
    // @clerk/backend's IdPOAuthAccessTokenJSON also reads `type`.
    let body = serde_json::json!({ "access_token": token.expose() }).to_string();
    let raw = raw_json(
        reqwest::Client::new()
            .post(format!(
                "{}/oauth_applications/access_tokens/verify",
                standin.url()
            ))
            .header(http::header::CONTENT_TYPE, "application/json")
            .body(body),
    )
    .await;
    assert_eq!(raw["type"], "oauth:access_token");
    assert_eq!(raw["revocation_reason"], serde_json::Value::Null);

    // Without the cache of answers, so the revocation below shows on the next request.
    let auth = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .machine_token_cache(MachineTokenCache::disabled())
        .accept([TokenKind::OAuthToken]);
    match auth.authenticate(&bearer(token.expose())).await {
        AuthState::SignedIn(SignedIn::Machine(m)) => {
            assert_eq!(m.kind, TokenKind::OAuthToken);
            assert_eq!(m.id, record.id);
            assert_eq!(m.subject, user_id);
            assert_eq!(m.scopes, ["profile", "email"]);
        }
        other => panic!("expected the OAuth token to sign in, got {other:?}"),
    }

    // Another application cannot revoke it, and an unknown token is a 404.
    let other = clerk
        .oauth_applications()
        .create(CreateOAuthApplicationParams::new("Other"))
        .await
        .expect("other");
    assert_eq!(
        refusal(
            clerk
                .oauth_applications()
                .revoke_token(
                    &other.application.id,
                    RevokeOAuthApplicationTokenParams::new(token.expose())
                )
                .await
        ),
        (404, "resource_not_found".into(), None)
    );
    clerk
        .oauth_applications()
        .revoke_token(
            &app.id,
            RevokeOAuthApplicationTokenParams::new(token.expose()),
        )
        .await
        .expect("revoke");
    // A revoked token is a 404, as Clerk answers: @clerk/backend takes any 200 as valid.
    assert_eq!(
        refusal(
            clerk
                .oauth_access_tokens()
                .verify(VerifyOAuthAccessTokenParams::new(token.expose()))
                .await
        ),
        (404, "resource_not_found".into(), None)
    );
    match auth.authenticate(&bearer(token.expose())).await {
        AuthState::SignedOut(out) => assert_eq!(out.reason, SignedOutReason::InvalidMachineToken),
        AuthState::SignedIn(s) => panic!("a revoked token signed in: {s:?}"),
    }
}

#[tokio::test]
async fn expired_tokens_and_tokens_of_deleted_applications_stop_verifying() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user_id = user(&standin).await;
    let created = clerk
        .oauth_applications()
        .create(CreateOAuthApplicationParams::new("Partner"))
        .await
        .expect("app");
    let client_id = created.application.client_id.clone();
    let secret = created.client_secret.as_ref().map(|s| s.expose());
    let expired = standin
        .issue_oauth_access_token(&client_id, secret, &user_id, "profile", Duration::ZERO)
        .expect("issue expired");
    let live = standin
        .issue_oauth_access_token(&client_id, secret, &user_id, "", Duration::from_secs(60))
        .expect("issue live");
    let verify = |token: String| async move {
        clerk
            .oauth_access_tokens()
            .verify(VerifyOAuthAccessTokenParams::new(token))
            .await
    };
    assert_eq!(
        refusal(verify(expired.expose().to_owned()).await),
        (404, "resource_not_found".into(), None)
    );
    let auth = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .accept([TokenKind::OAuthToken]);
    assert!(matches!(
        auth.authenticate(&bearer(expired.expose())).await,
        AuthState::SignedOut(ref out) if out.reason == SignedOutReason::InvalidMachineToken
    ));
    assert!(verify(live.expose().to_owned())
        .await
        .expect("live")
        .is_valid());

    clerk
        .oauth_applications()
        .delete(&created.application.id)
        .await
        .expect("delete");
    assert_eq!(
        refusal(verify(live.expose().to_owned()).await),
        (404, "resource_not_found".into(), None)
    );
    assert!(matches!(
        auth.authenticate(&bearer(live.expose())).await,
        AuthState::SignedOut(ref out) if out.reason == SignedOutReason::InvalidMachineToken
    ));
}

#[tokio::test]
async fn a_rotated_secret_replaces_the_old_one_at_once() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user_id = user(&standin).await;
    let created = clerk
        .oauth_applications()
        .create(CreateOAuthApplicationParams::new("Partner"))
        .await
        .expect("app");
    let app = &created.application;
    let old = created.client_secret.clone().expect("secret");
    let rotated = clerk
        .oauth_applications()
        .rotate_secret(&app.id)
        .await
        .expect("rotate");
    let new = rotated.client_secret.clone().expect("new secret");
    assert_ne!(new.expose(), old.expose());
    assert_eq!(rotated.application.client_id, app.client_id);

    let issue = |secret: Option<&str>| {
        standin.issue_oauth_access_token(
            &app.client_id,
            secret,
            &user_id,
            "email",
            Duration::from_secs(60),
        )
    };
    let err = issue(Some(old.expose())).expect_err("the old secret");
    assert!(err.starts_with("invalid_client"), "{err}");
    assert!(
        issue(None).is_err(),
        "a confidential client needs its secret"
    );
    assert!(issue(Some(new.expose())).is_ok());
}

#[tokio::test]
async fn issuing_checks_the_client_the_scopes_and_the_user() {
    let standin = StandIn::start().await.expect("start");
    let user_id = user(&standin).await;
    let public = standin
        .clerk()
        .oauth_applications()
        .create(CreateOAuthApplicationParams::new("CLI").public(true))
        .await
        .expect("public app")
        .application;
    let issue = |client_id: &str, scopes: &str, user: &str| {
        standin.issue_oauth_access_token(client_id, None, user, scopes, Duration::from_secs(60))
    };
    // A public client authenticates with no secret.
    assert!(issue(&public.client_id, "profile email", &user_id).is_ok());
    let err = issue(&public.client_id, "profile private_metadata", &user_id).expect_err("scope");
    assert!(err.starts_with("invalid_scope"), "{err}");
    let err = issue(&public.client_id, "profile", "user_missing").expect_err("user");
    assert!(err.starts_with("invalid_grant"), "{err}");
    let err = issue("unknown-client", "profile", &user_id).expect_err("client");
    assert!(err.starts_with("invalid_client"), "{err}");
}
