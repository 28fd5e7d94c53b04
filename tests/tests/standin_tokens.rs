//! The stand-in's token family through the real client: JWT templates and the tokens minted
//! from them, the organization permissions of session tokens, actor tokens and
//! impersonation sessions, and session refresh.

use clerk_backend::jwt::Check;
use clerk_backend::models::{
    CreateActorTokenParams, CreateOrganizationParams, CreatePermissionParams, CreateSessionParams,
    CreateSessionTokenParams, CreateUserParams, JwtTemplateParams, Metadata, RefreshSessionParams,
    SessionRefreshFormat,
};
use clerk_backend::testing::{Seed, StandIn};
use clerk_backend::Error;
use http::StatusCode;
use serde_json::{json, Value};

fn object(value: Value) -> Metadata {
    value.as_object().cloned().expect("a JSON object")
}

fn status_and_code(err: &Error) -> (Option<StatusCode>, Option<&str>) {
    (err.status(), err.code())
}

/// A stand-in with an admin (user 0) and a member (user 1) of organization "Acme".
async fn acme() -> (StandIn, clerk_backend::testing::Seeded) {
    let standin = StandIn::start().await.expect("stand-in starts");
    let seeded = standin
        .seed(
            Seed::new()
                .user(
                    CreateUserParams::default()
                        .first_name("Ada")
                        .last_name("Lovelace")
                        .email_address(["ada@example.com"])
                        .public_metadata(object(json!({"plan": "pro", "seats": 3})))
                        .unsafe_metadata(object(json!({"theme": "dark"}))),
                )
                .user(CreateUserParams::default().username("grace"))
                .organization(CreateOrganizationParams::new("Acme").slug("acme"))
                .member(0, 0, "org:admin")
                .member(0, 1, "org:member"),
        )
        .await
        .expect("seeded");
    (standin, seeded)
}

async fn session_in(standin: &StandIn, user_id: &str, org_id: Option<&str>) -> String {
    let mut params = CreateSessionParams::new(user_id.to_owned());
    if let Some(org) = org_id {
        params = params.active_organization_id(org.to_owned());
    }
    standin
        .clerk()
        .sessions()
        .create(params)
        .await
        .expect("session")
        .id
}

/// The payload of a JWT, without checking it (the checks are the verifier's).
fn payload(jwt: &str) -> Value {
    use base64::Engine as _;
    let part = jwt.split('.').nth(1).expect("three parts");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .expect("base64url");
    serde_json::from_slice(&bytes).expect("JSON")
}

#[tokio::test]
async fn jwt_templates_are_created_listed_updated_and_deleted() {
    let standin = StandIn::start().await.expect("start");
    let templates = standin.clerk().jwt_templates();
    let hasura = templates
        .create(JwtTemplateParams::new(
            "hasura",
            object(json!({"https://hasura.io/jwt/claims": {"x-hasura-user-id": "{{user.id}}"}})),
        ))
        .await
        .expect("created");
    assert!(hasura.id.starts_with("jtmp_"));
    assert_eq!(hasura.object, "jwt_template");
    assert_eq!((hasura.lifetime, hasura.allowed_clock_skew), (60, 5));
    assert_eq!(hasura.signing_algorithm, "RS256");
    assert!(!hasura.custom_signing_key);

    let fauna = templates
        .create(
            JwtTemplateParams::new("fauna", object(json!({"role": "{{org.role}}"})))
                .lifetime(300)
                .allowed_clock_skew(0),
        )
        .await
        .expect("created");
    assert_eq!((fauna.lifetime, fauna.allowed_clock_skew), (300, 0));

    let page = templates.list(Default::default()).await.expect("list");
    let names: Vec<&str> = page.data.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["hasura", "fauna"]);
    assert_eq!(templates.get(&fauna.id).await.expect("get"), fauna);

    let renamed = templates
        .update(
            &fauna.id,
            JwtTemplateParams::new("fauna_db", object(json!({"db": "{{org.slug}}"}))).lifetime(120),
        )
        .await
        .expect("updated");
    assert_eq!(renamed.name, "fauna_db");
    assert_eq!(renamed.claims, object(json!({"db": "{{org.slug}}"})));
    assert_eq!(renamed.lifetime, 120);
    assert_eq!(renamed.created_at, fauna.created_at);

    // Keeping its own name is fine; taking another template's is not.
    templates
        .update(
            &renamed.id,
            JwtTemplateParams::new("fauna_db", Metadata::new()),
        )
        .await
        .expect("same name");
    let err = templates
        .update(
            &renamed.id,
            JwtTemplateParams::new("hasura", Metadata::new()),
        )
        .await
        .expect_err("taken");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_identifier_exists")
        )
    );

    let deleted = templates.delete(&hasura.id).await.expect("deleted");
    assert!(deleted.deleted);
    let err = templates.get(&hasura.id).await.expect_err("gone");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::NOT_FOUND), Some("resource_not_found"))
    );
    let err = templates.delete(&hasura.id).await.expect_err("gone");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
}

#[tokio::test]
async fn jwt_template_bodies_are_checked() {
    let standin = StandIn::start().await.expect("start");
    let templates = standin.clerk().jwt_templates();
    templates
        .create(JwtTemplateParams::new("one", Metadata::new()))
        .await
        .expect("created");

    let cases = [
        (
            JwtTemplateParams::new("one", Metadata::new()),
            "form_identifier_exists",
            "name",
        ),
        (
            JwtTemplateParams::new("  ", Metadata::new()),
            "form_param_missing",
            "name",
        ),
        (
            JwtTemplateParams::new("two", object(json!({"sub": "someone"}))),
            "form_param_value_invalid",
            "claims",
        ),
        (
            JwtTemplateParams::new("two", Metadata::new()).lifetime(29),
            "form_param_value_invalid",
            "lifetime",
        ),
        (
            JwtTemplateParams::new("two", Metadata::new()).allowed_clock_skew(301),
            "form_param_value_invalid",
            "allowed_clock_skew",
        ),
        (
            JwtTemplateParams::new("two", Metadata::new()).custom_signing_key(true),
            "form_param_missing",
            "signing_algorithm",
        ),
        (
            JwtTemplateParams::new("two", Metadata::new()).custom_signing("XX999", "key"),
            "form_param_value_invalid",
            "signing_algorithm",
        ),
    ];
    for (params, code, param) in cases {
        let err = templates.create(params).await.expect_err(code);
        assert_eq!(
            err.status(),
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            "{code}"
        );
        assert_eq!(err.code(), Some(code));
        let named = err
            .as_api()
            .and_then(|e| e.errors.first())
            .and_then(|e| e.meta.as_ref())
            .and_then(|m| m.get("param_name"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        assert_eq!(named.as_deref(), Some(param), "{code}");
    }

    // claims that are not an object, through the raw route.
    let err = standin
        .clerk()
        .raw::<Value>(clerk_backend::Method::POST, "/jwt_templates")
        .json(&json!({"name": "two", "claims": ["not", "an", "object"]}))
        .send()
        .await
        .expect_err("an array");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_format_invalid")
        )
    );
}

#[tokio::test]
async fn template_tokens_carry_the_filled_in_claims() {
    let (standin, seeded) = acme().await;
    let ada = &seeded.users[0];
    let org = &seeded.organizations[0];
    let session = session_in(&standin, &ada.id, Some(&org.id)).await;
    let template = standin
        .clerk()
        .jwt_templates()
        .create(
            JwtTemplateParams::new(
                "app",
                object(json!({
                    "uid": "{{user.id}}",
                    "first": "{{user.first_name}}",
                    "last": "{{user.last_name}}",
                    "email": "{{user.primary_email_address}}",
                    "meta": "{{user.public_metadata}}",
                    "plan": "{{user.public_metadata.plan}}",
                    "seats": "{{user.public_metadata.seats}}",
                    "prefs": "{{user.unsafe_metadata}}",
                    "org": {"id": "{{org.id}}", "slug": "{{org.slug}}", "role": "{{org.role}}"},
                    "perms": "{{org_membership.permissions}}",
                    "greeting": "Hello {{user.first_name}} of {{org.slug}}",
                    "unknown": "{{user.shoe_size}}",
                    "fixed": 42,
                })),
            )
            .lifetime(600)
            .allowed_clock_skew(7),
        )
        .await
        .expect("template");

    let token = standin
        .clerk()
        .sessions()
        .create_token_from_template(
            &session,
            &template.name,
            CreateSessionTokenParams::default(),
        )
        .await
        .expect("minted");
    assert_eq!(token.object.as_deref(), Some("token"));
    let jwt = token.jwt.expect("jwt").expose().to_owned();

    // Signed with the stand-in's key: the crate's verifier accepts it.
    let claims = standin.verifier().verify(&jwt).await.expect("verifies");
    assert_eq!(claims.user_id(), ada.id);
    assert_eq!(claims.iss.as_deref(), Some(standin.url()));
    let iat = claims.iat.expect("iat");
    assert_eq!(claims.exp - iat, 600, "the template's lifetime");
    assert_eq!(claims.nbf, Some(iat - 7), "the template's clock skew");
    assert!(claims.get("jti").and_then(Value::as_str).is_some());

    let body = payload(&jwt);
    assert_eq!(body["uid"], json!(ada.id));
    assert_eq!(body["first"], json!("Ada"));
    assert_eq!(body["last"], json!("Lovelace"));
    assert_eq!(body["email"], json!("ada@example.com"));
    assert_eq!(body["meta"], json!({"plan": "pro", "seats": 3}));
    assert_eq!(body["plan"], json!("pro"));
    assert_eq!(body["seats"], json!(3));
    assert_eq!(body["prefs"], json!({"theme": "dark"}));
    assert_eq!(
        body["org"],
        json!({"id": org.id, "slug": "acme", "role": "org:admin"})
    );
    let perms = body["perms"].as_array().expect("a list");
    assert!(
        perms.contains(&json!("org:sys_memberships:manage")),
        "{perms:?}"
    );
    assert_eq!(body["greeting"], json!("Hello Ada of acme"));
    assert_eq!(body["unknown"], Value::Null);
    assert_eq!(body["fixed"], json!(42));

    // expires_in_seconds overrides the template's lifetime.
    let jwt = standin
        .clerk()
        .sessions()
        .create_token_from_template(
            &session,
            "app",
            CreateSessionTokenParams::default().expires_in_seconds(45),
        )
        .await
        .expect("minted")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();
    let body = payload(&jwt);
    assert_eq!(
        body["exp"]
            .as_i64()
            .zip(body["iat"].as_i64())
            .map(|(e, i)| e - i),
        Some(45)
    );

    // Without an active organization the org shortcodes are null.
    let plain = session_in(&standin, &ada.id, None).await;
    let jwt = standin
        .clerk()
        .sessions()
        .create_token_from_template(&plain, "app", CreateSessionTokenParams::default())
        .await
        .expect("minted")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();
    let body = payload(&jwt);
    assert_eq!(body["org"], json!({"id": null, "slug": null, "role": null}));
    assert_eq!(body["greeting"], json!("Hello Ada of "));
}

#[tokio::test]
async fn unknown_templates_and_sessions_are_404() {
    let (standin, seeded) = acme().await;
    let session = session_in(&standin, &seeded.users[0].id, None).await;
    let sessions = standin.clerk().sessions();
    let err = sessions
        .create_token_from_template(&session, "hasura", CreateSessionTokenParams::default())
        .await
        .expect_err("no such template");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::NOT_FOUND), Some("resource_not_found"))
    );
    let long = err
        .as_api()
        .and_then(|e| e.errors.first())
        .and_then(|d| d.long_message.clone())
        .unwrap_or_default();
    assert!(long.contains("hasura"), "{long}");

    standin
        .clerk()
        .jwt_templates()
        .create(JwtTemplateParams::new("hasura", Metadata::new()))
        .await
        .expect("template");
    let err = sessions
        .create_token_from_template(
            "sess_missing",
            "hasura",
            CreateSessionTokenParams::default(),
        )
        .await
        .expect_err("no such session");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));

    // A revoked session gets no template tokens either.
    sessions.revoke(&session).await.expect("revoked");
    let err = sessions
        .create_token_from_template(&session, "hasura", CreateSessionTokenParams::default())
        .await
        .expect_err("revoked");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("session_not_active")
        )
    );
}

/// Custom permissions travel in `o.per`/`o.fpm`/`fea`; system ones (`org:sys_*`) do not:
/// Clerk leaves them out of session claims to keep tokens small (clerk/javascript #4816,
/// "System permissions are intentionally excluded from session claims").
#[tokio::test]
async fn session_tokens_carry_the_members_custom_permissions_in_the_v2_form() {
    let (standin, seeded) = acme().await;
    let org = &seeded.organizations[0];
    let clerk = standin.clerk();
    let permission = clerk
        .organization_permissions()
        .create(CreatePermissionParams::new(
            "Create invoices",
            "org:invoices:create",
        ))
        .await
        .expect("permission");
    let admin_role = clerk
        .organization_roles()
        .list(Default::default())
        .await
        .expect("roles")
        .data
        .into_iter()
        .find(|r| r.key == "org:admin")
        .expect("org:admin");
    clerk
        .organization_roles()
        .assign_permission(&admin_role.id, &permission.id)
        .await
        .expect("assigned");

    let mut verified = Vec::new();
    for user in &seeded.users {
        let session = session_in(&standin, &user.id, Some(&org.id)).await;
        let jwt = clerk
            .sessions()
            .create_token(&session, CreateSessionTokenParams::default())
            .await
            .expect("token")
            .jwt
            .expect("jwt")
            .expose()
            .to_owned();
        let body = payload(&jwt);
        // Only the admin holds a custom permission: its `o` carries `per` and `fpm`.
        let admin = verified.is_empty();
        assert_eq!(body["o"]["per"].is_string(), admin, "{body}");
        assert_eq!(body["o"]["fpm"].is_string(), admin, "{body}");
        assert!(!body.to_string().contains("sys_"), "{body}");
        verified.push(standin.verifier().verify(&jwt).await.expect("verifies"));
    }
    let (admin, member) = (&verified[0], &verified[1]);
    assert_eq!(admin.org_permissions(), ["org:invoices:create"]);
    assert!(admin.has(Check::permission("org:invoices:create")));
    assert!(!admin.has(Check::permission("org:sys_memberships:manage")));
    assert!(admin.has(Check::role("org:admin")));

    assert!(member.org_permissions().is_empty());
    assert!(!member.has(Check::permission("org:invoices:create")));
    assert!(!member.has(Check::role("org:admin")));
}

#[tokio::test]
async fn actor_tokens_start_impersonation_sessions_with_an_act_claim() {
    let (standin, seeded) = acme().await;
    let (ada, grace) = (&seeded.users[0], &seeded.users[1]);
    let actor_tokens = standin.clerk().actor_tokens();

    let created = actor_tokens
        .create(
            CreateActorTokenParams::new(grace.id.clone(), ada.id.clone())
                .actor_claim("reason", "support"),
        )
        .await
        .expect("created");
    assert!(created.id.starts_with("act_"));
    assert_eq!(created.object, "actor_token");
    assert_eq!(created.status.as_str(), "pending");
    assert_eq!(created.user_id, grace.id);
    assert_eq!(
        created.actor,
        object(json!({"sub": ada.id, "reason": "support"}))
    );
    let secret = created.token.as_ref().expect("token").expose().to_owned();
    let url = created.url.as_ref().expect("url").expose().to_owned();
    assert!(
        url.starts_with(standin.url()) && url.ends_with(&secret),
        "{url}"
    );

    // Using it starts a session as Grace, acted by Ada; it cannot be used twice.
    let session = standin.accept_actor_token(&secret).expect("accepted");
    assert_eq!(session.user_id, grace.id);
    assert_eq!(
        session.actor,
        Some(json!({"sub": ada.id, "reason": "support"}))
    );
    assert_eq!(session.expire_at - session.created_at, 1800 * 1000);
    assert!(standin.accept_actor_token(&secret).is_none());

    let jwt = standin
        .clerk()
        .sessions()
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect("token")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();
    let claims = standin.verifier().verify(&jwt).await.expect("verifies");
    assert_eq!(claims.user_id(), grace.id);
    let actor = claims.actor().expect("an act claim");
    assert_eq!(actor.sub, ada.id);
    assert_eq!(actor.claims.get("reason"), Some(&json!("support")));

    // An accepted token cannot be revoked; a pending one can, once.
    let err = actor_tokens
        .revoke(&created.id)
        .await
        .expect_err("accepted");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::BAD_REQUEST),
            Some("actor_token_cannot_be_revoked")
        )
    );
    let second = actor_tokens
        .create(CreateActorTokenParams::new(
            grace.id.clone(),
            ada.id.clone(),
        ))
        .await
        .expect("created");
    let revoked = actor_tokens.revoke(&second.id).await.expect("revoked");
    assert_eq!(revoked.status.as_str(), "revoked");
    assert!(revoked.token.is_none() && revoked.url.is_none());
    let second_secret = second.token.expect("token").expose().to_owned();
    assert!(standin.accept_actor_token(&second_secret).is_none());
    let err = actor_tokens
        .revoke("act_missing")
        .await
        .expect_err("unknown");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));

    // Ordinary sessions carry no act claim.
    let own = session_in(&standin, &grace.id, None).await;
    let jwt = standin
        .clerk()
        .sessions()
        .create_token(&own, CreateSessionTokenParams::default())
        .await
        .expect("token")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();
    assert!(standin
        .verifier()
        .verify(&jwt)
        .await
        .expect("verifies")
        .actor()
        .is_none());
}

#[tokio::test]
async fn actor_token_bodies_are_checked() {
    let (standin, seeded) = acme().await;
    let grace = &seeded.users[1].id;
    let actor_tokens = standin.clerk().actor_tokens();

    let mut no_sub = CreateActorTokenParams::new(grace.clone(), "");
    no_sub.actor.remove("sub");
    let err = actor_tokens.create(no_sub).await.expect_err("no sub");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_missing")
        )
    );
    let err = actor_tokens
        .create(CreateActorTokenParams::new(grace.clone(), "user_x").expires_in_seconds(0))
        .await
        .expect_err("no lifetime");
    assert_eq!(err.code(), Some("form_param_value_invalid"));
    let err = actor_tokens
        .create(CreateActorTokenParams::new("user_missing", "user_x"))
        .await
        .expect_err("no such user");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::NOT_FOUND), Some("resource_not_found"))
    );
}

#[tokio::test]
async fn refresh_mints_a_new_token_for_a_token_of_the_same_session() {
    let (standin, seeded) = acme().await;
    let sessions = standin.clerk().sessions();
    // A browser's session, with the refresh token of its `__refresh_<suffix>` cookie.
    let browser = standin
        .sign_in_browser(&seeded.users[0].id)
        .expect("signed in");
    let session = browser.session_id.clone();
    let refresh_token = browser.refresh_token.clone();
    let other = session_in(&standin, &seeded.users[1].id, None).await;
    let old = browser.expired_session_token.clone();

    let refreshed = sessions
        .refresh(
            &session,
            RefreshSessionParams::new(old.clone(), &*refresh_token, "https://app.example.com"),
        )
        .await
        .expect("refreshed");
    assert_eq!(refreshed.object, "token");
    let jwt = refreshed.jwt.expect("jwt").expose().to_owned();
    assert_ne!(jwt, old);
    let claims = standin.verifier().verify(&jwt).await.expect("verifies");
    assert_eq!(claims.session_id(), Some(session.as_str()));

    let mut cookie =
        RefreshSessionParams::new(old.clone(), &*refresh_token, "https://app.example.com");
    cookie.format = Some(SessionRefreshFormat::Cookie);
    let refreshed = sessions.refresh(&session, cookie).await.expect("cookies");
    assert_eq!(refreshed.object, "cookies");
    assert!(refreshed
        .cookies
        .expect("cookies")
        .first()
        .is_some_and(|c| c.starts_with("__session=")));

    // A token of another session, not signed by the stand-in, or with a refresh token the
    // stand-in did not issue for the session, is refused with 401.
    let err = sessions
        .refresh(
            &other,
            RefreshSessionParams::new(old.clone(), &*refresh_token, "https://app.example.com"),
        )
        .await
        .expect_err("another session's token");
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    let err = sessions
        .refresh(
            &session,
            RefreshSessionParams::new("not.a.jwt", &*refresh_token, "https://app.example.com"),
        )
        .await
        .expect_err("garbage");
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    let err = sessions
        .refresh(
            &session,
            RefreshSessionParams::new(old.clone(), "refresh_abc", "https://app.example.com"),
        )
        .await
        .expect_err("a refresh token never issued");
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    let err = sessions
        .refresh(
            &session,
            RefreshSessionParams::new(old.clone(), "", "https://app.example.com"),
        )
        .await
        .expect_err("no refresh token");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_missing")
        )
    );

    // A revoked session cannot be refreshed.
    sessions.revoke(&session).await.expect("revoked");
    let err = sessions
        .refresh(
            &session,
            RefreshSessionParams::new(old, &*refresh_token, "https://app.example.com"),
        )
        .await
        .expect_err("revoked");
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
}
