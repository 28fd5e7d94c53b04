//! The stand-in's sessions, through the real client: create, list, get, revoke, and session
//! tokens that the crate's own verifier accepts (through `GET /jwks` and through the PEM).

use clerk_backend::jwt::Verifier;
use clerk_backend::models::{
    CreateSessionParams, CreateSessionTokenParams, CreateUserParams, Session, SessionListParams,
    SessionStatus, User,
};
use clerk_backend::testing::StandIn;
use clerk_backend::{Error, Method};
use http::StatusCode;
use serde_json::{json, Value};

async fn standin() -> StandIn {
    StandIn::start().await.expect("stand-in starts")
}

async fn user(standin: &StandIn, username: &str) -> User {
    standin
        .clerk()
        .users()
        .create(CreateUserParams::default().username(username))
        .await
        .expect("user created")
}

async fn session(standin: &StandIn, user: &User) -> Session {
    standin
        .clerk()
        .sessions()
        .create(CreateSessionParams::new(user.id.clone()))
        .await
        .expect("session created")
}

fn status_and_code(err: &Error) -> (Option<StatusCode>, Option<&str>) {
    (err.status(), err.code())
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or_default())
        .unwrap_or_default()
}

#[tokio::test]
async fn create_makes_an_active_session_and_signs_the_user_in() {
    let standin = standin().await;
    let ada = user(&standin, "ada_l").await;
    let before = now_ms();
    let session = session(&standin, &ada).await;

    assert!(session.id.starts_with("sess_"));
    assert!(session.client_id.starts_with("client_"));
    assert_eq!(session.object, "session");
    assert_eq!(session.user_id, ada.id);
    assert_eq!(session.status, SessionStatus::Active);
    assert!(session.created_at >= before && session.last_active_at == session.created_at);
    let day = 24 * 60 * 60 * 1000;
    assert_eq!(session.expire_at - session.created_at, 7 * day);
    assert_eq!(session.abandon_at - session.created_at, 30 * day);

    let ada = standin.clerk().users().get(&ada.id).await.expect("user");
    assert_eq!(ada.last_sign_in_at, Some(session.created_at));
    assert_eq!(ada.last_active_at, Some(session.created_at));

    let post = standin
        .requests()
        .into_iter()
        .find(|r| r.line() == "POST /sessions")
        .expect("recorded");
    assert_eq!(post.json(), Some(json!({ "user_id": ada.id })));
}

#[tokio::test]
async fn create_refuses_unknown_banned_and_locked_users_and_bad_bodies() {
    let standin = standin().await;
    let sessions = standin.clerk().sessions();

    let err = sessions
        .create(CreateSessionParams::new("user_missing"))
        .await
        .expect_err("unknown user");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::NOT_FOUND), Some("resource_not_found"))
    );

    let banned = user(&standin, "banned").await;
    standin.clerk().users().ban(&banned.id).await.expect("ban");
    let err = sessions
        .create(CreateSessionParams::new(banned.id.clone()))
        .await
        .expect_err("banned");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::BAD_REQUEST), Some("user_banned"))
    );

    let locked = user(&standin, "locked").await;
    standin
        .clerk()
        .users()
        .lock(&locked.id)
        .await
        .expect("lock");
    let err = sessions
        .create(CreateSessionParams::new(locked.id.clone()))
        .await
        .expect_err("locked");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::BAD_REQUEST), Some("user_locked"))
    );

    let outsider = user(&standin, "outsider").await;
    let err = sessions
        .create(
            CreateSessionParams::new(outsider.id.clone()).active_organization_id("org_elsewhere"),
        )
        .await
        .expect_err("not a member");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_format_invalid")
        )
    );

    let err = standin
        .clerk()
        .raw::<Value>(Method::POST, "/sessions")
        .json(&json!({}))
        .await
        .expect_err("no user_id");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_missing")
        )
    );
}

#[tokio::test]
async fn list_filters_by_user_client_and_status_newest_first() {
    let standin = standin().await;
    let ada = user(&standin, "ada_l").await;
    let alan = user(&standin, "alan").await;
    let first = session(&standin, &ada).await;
    let second = session(&standin, &ada).await;
    let third = session(&standin, &ada).await;
    let other = session(&standin, &alan).await;
    let sessions = standin.clerk().sessions();
    sessions.revoke(&second.id).await.expect("revoke");

    let ids = |page: clerk_backend::Page<Session>| {
        page.data.into_iter().map(|s| s.id).collect::<Vec<_>>()
    };
    let mine = sessions
        .list(SessionListParams::default().user_id(ada.id.clone()))
        .await
        .expect("list");
    assert_eq!(mine.total_count, None, "a bare array by default");
    assert_eq!(
        ids(mine),
        [third.id.clone(), second.id.clone(), first.id.clone()]
    );

    let active = sessions
        .list(
            SessionListParams::default()
                .user_id(ada.id.clone())
                .status(SessionStatus::Active),
        )
        .await
        .expect("list");
    assert_eq!(ids(active), [third.id.clone(), first.id.clone()]);

    let by_client = sessions
        .list(SessionListParams::default().client_id(other.client_id.clone()))
        .await
        .expect("list");
    assert_eq!(ids(by_client), [other.id.as_str()]);

    let page = sessions
        .list(
            SessionListParams::default()
                .user_id(ada.id.clone())
                .paginated(true)
                .limit(1)
                .offset(1),
        )
        .await
        .expect("list");
    assert_eq!(
        page.total_count,
        Some(3),
        "the envelope with paginated=true"
    );
    assert_eq!(ids(page), [second.id.as_str()]);

    let err = sessions
        .list(SessionListParams::default())
        .await
        .expect_err("neither client_id nor user_id");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_missing")
        )
    );
    let err = sessions
        .list(
            SessionListParams::default()
                .user_id(ada.id.clone())
                .status(SessionStatus::Unknown("sleepy".into())),
        )
        .await
        .expect_err("unknown status");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_format_invalid")
        )
    );
}

#[tokio::test]
async fn get_and_revoke() {
    let standin = standin().await;
    let ada = user(&standin, "ada_l").await;
    let created = session(&standin, &ada).await;
    let sessions = standin.clerk().sessions();

    assert_eq!(sessions.get(&created.id).await.expect("get"), created);
    let err = sessions.get("sess_missing").await.expect_err("unknown");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::NOT_FOUND), Some("resource_not_found"))
    );

    let revoked = sessions.revoke(&created.id).await.expect("revoke");
    assert_eq!(revoked.status, SessionStatus::Revoked);
    assert_eq!(
        sessions.get(&created.id).await.expect("get").status,
        SessionStatus::Revoked
    );
    let err = sessions.revoke(&created.id).await.expect_err("twice");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::BAD_REQUEST), Some("session_not_active"))
    );
    let err = sessions.revoke("sess_missing").await.expect_err("unknown");
    assert_eq!(err.code(), Some("resource_not_found"));
}

#[tokio::test]
async fn tokens_verify_with_the_crates_own_verifier() {
    let standin = standin().await;
    let ada = user(&standin, "ada_l").await;
    let session = session(&standin, &ada).await;

    let token = standin
        .clerk()
        .sessions()
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect("token");
    assert_eq!(token.object.as_deref(), Some("token"));
    let jwt = token.jwt.expect("jwt").expose().to_owned();

    let claims = standin
        .verifier()
        .verify(&jwt)
        .await
        .expect("verified via JWKS");
    assert_eq!(claims.user_id(), ada.id);
    assert_eq!(claims.session_id(), Some(session.id.as_str()));
    assert_eq!(claims.iss.as_deref(), Some(standin.url()));
    assert_eq!(claims.v, Some(2));
    assert_eq!(claims.session_status().map(|s| s.as_str()), Some("active"));
    let iat = claims.iat.expect("iat");
    assert_eq!(claims.exp - iat, 60, "Clerk's default lifetime");
    assert_eq!(claims.nbf, Some(iat - 10));
    assert!(claims.get("jti").and_then(Value::as_str).is_some());
    assert!(claims.azp.is_none());

    let pem = Verifier::from_pem(standin.jwt_public_key()).expect("PEM");
    let claims = pem.verify(&jwt).await.expect("verified via PEM");
    assert_eq!(claims.user_id(), ada.id);

    // Only the issuer the stand-in names is accepted when issuers are checked.
    let strict = Verifier::builder(
        clerk_backend::jwt::KeySource::pem(standin.jwt_public_key()).expect("key"),
    )
    .issuers([standin.url()])
    .build();
    strict.verify(&jwt).await.expect("issuer matches");

    let long = standin
        .clerk()
        .sessions()
        .create_token(
            &session.id,
            CreateSessionTokenParams::default().expires_in_seconds(3600),
        )
        .await
        .expect("token")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();
    let claims = pem.verify(&long).await.expect("verified");
    assert_eq!(claims.exp - claims.iat.unwrap_or_default(), 3600);

    let err = standin
        .clerk()
        .sessions()
        .create_token(
            &session.id,
            CreateSessionTokenParams::default().expires_in_seconds(5),
        )
        .await
        .expect_err("too short");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_format_invalid")
        )
    );
}

#[tokio::test]
async fn tokens_are_refused_for_sessions_that_are_not_active() {
    let standin = standin().await;
    let ada = user(&standin, "ada_l").await;
    let session = session(&standin, &ada).await;
    let sessions = standin.clerk().sessions();
    sessions.revoke(&session.id).await.expect("revoke");

    let err = sessions
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect_err("revoked session");
    assert_eq!(
        status_and_code(&err),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("session_not_active")
        )
    );
    let long = err
        .as_api()
        .and_then(|e| e.errors.first())
        .and_then(|d| d.long_message.clone())
        .unwrap_or_default();
    assert!(long.contains("revoked"), "{long}");

    let err = sessions
        .create_token("sess_missing", CreateSessionTokenParams::default())
        .await
        .expect_err("unknown session");
    assert_eq!(
        status_and_code(&err),
        (Some(StatusCode::NOT_FOUND), Some("resource_not_found"))
    );
}

#[tokio::test]
async fn minted_tokens_refresh_activity_and_requests_are_recorded() {
    let standin = standin().await;
    let ada = user(&standin, "ada_l").await;
    let session = session(&standin, &ada).await;
    standin.clear_requests();

    standin
        .clerk()
        .sessions()
        .create_token(
            &session.id,
            CreateSessionTokenParams::default().expires_in_seconds(120),
        )
        .await
        .expect("token");
    let after = standin
        .clerk()
        .sessions()
        .get(&session.id)
        .await
        .expect("get");
    assert!(after.last_active_at >= session.last_active_at);

    let lines: Vec<String> = standin.requests().iter().map(|r| r.line()).collect();
    assert_eq!(
        lines,
        [
            format!("POST /sessions/{}/tokens", session.id),
            format!("GET /sessions/{}", session.id),
        ]
    );
    assert_eq!(
        standin.requests()[0].json(),
        Some(json!({ "expires_in_seconds": 120 }))
    );
}

#[tokio::test]
async fn a_session_can_start_in_an_organization_of_its_user() {
    let standin = standin().await;
    let seeded = standin
        .seed(
            clerk_backend::testing::Seed::new()
                .user(CreateUserParams::default().username("member"))
                .organization(clerk_backend::models::CreateOrganizationParams::new("Acme"))
                .member(0, 0, "org:member"),
        )
        .await
        .expect("seeded");
    let org = &seeded.organizations[0].id;
    let session = standin
        .clerk()
        .sessions()
        .create(
            CreateSessionParams::new(seeded.users[0].id.clone())
                .active_organization_id(org.clone()),
        )
        .await
        .expect("session");
    assert_eq!(
        session.last_active_organization_id.as_deref(),
        Some(org.as_str())
    );

    // Its tokens carry the organization in the v2 form, which the verifier reads back.
    let jwt = standin
        .clerk()
        .sessions()
        .create_token(
            &session.id,
            clerk_backend::models::CreateSessionTokenParams::default(),
        )
        .await
        .expect("token")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();
    let claims = standin.verifier().verify(&jwt).await.expect("verifies");
    assert_eq!(claims.org_id(), Some(org.as_str()));
    assert_eq!(
        claims.org_slug(),
        Some(seeded.organizations[0].slug.as_str())
    );
    assert_eq!(claims.org_role(), Some("org:member"));
    assert!(claims.has(clerk_backend::jwt::Check::role("org:member")));
}
