//! The rocket example (clerk/examples/rocket) served on loopback and called over real HTTP
//! with tokens from the stand-in: `GET /me` with valid, missing, forged and expired session
//! tokens, `GET /reports` for members with and without the permission, `GET /tenant` with
//! and without the JWT template's claim, and `POST /webhooks/clerk` with signed and tampered
//! deliveries. Then the guards the example does not use (`Option<Auth>`, `AuthState`), and
//! the sentinels that stop launch without managed state, and the example in page-route mode.

#[path = "../../clerk/examples/rocket/app.rs"]
mod app;
mod jwt_support;

use std::net::Ipv4Addr;

use clerk_backend::auth::{AuthState, Authenticator};
use clerk_backend::jwt::Verifier;
use clerk_backend::rocket::{catchers, Auth, ClerkFairing, ClerkWebhook};
use clerk_backend::testing::{generate_webhook_secret, Seeded, StandIn};
use clerk_backend::webhooks::Webhook;
use clerk_tests::acme::{
    get_json, post_webhook, session, session_token, unix_now, Acme, TENANT_ID,
};
use clerk_tests::pages;
use jwt_support::TestKey;
use rocket::config::{LogLevel, Shutdown};
use rocket::error::ErrorKind;
use rocket::fairing::AdHoc;
use rocket::{get, post, routes, Build, Config, Ignite, Rocket};
use serde_json::{json, Value};

/// The shared Acme fixture as the (stand-in, seeded data) pair these tests read.
async fn acme() -> (StandIn, Seeded) {
    let Acme { standin, seeded } = Acme::start().await;
    (standin, seeded)
}

/// Rocket's configuration for tests: 127.0.0.1, a port the OS picks, no logs, no signal
/// handlers.
fn loopback() -> Config {
    let mut shutdown = Shutdown {
        ctrlc: false,
        ..Shutdown::default()
    };
    #[cfg(unix)]
    shutdown.signals.clear();
    Config {
        address: Ipv4Addr::LOCALHOST.into(),
        port: 0,
        log_level: LogLevel::Off,
        shutdown,
        ..Config::debug_default()
    }
}

/// Launches `rocket` in a task and returns its URL once it listens: the liftoff fairing
/// reports the port rocket bound (its config carries the real port by then).
async fn launch(rocket: Rocket<Build>) -> String {
    let (bound, port) = tokio::sync::oneshot::channel();
    let rocket = rocket.attach(AdHoc::on_liftoff("report the port", move |rocket| {
        let port = rocket.config().port;
        Box::pin(async move {
            let _ = bound.send(port);
        })
    }));
    tokio::spawn(async move {
        if let Err(e) = rocket.launch().await {
            eprintln!("rocket did not launch: {e}");
        }
    });
    let port = port.await.expect("rocket lifted off");
    format!("http://127.0.0.1:{port}")
}

/// The example application on loopback.
async fn serve(authenticator: Authenticator, webhook: Option<Webhook>) -> String {
    launch(app::rocket(
        loopback(),
        ClerkFairing::new(authenticator),
        webhook,
    ))
    .await
}

async fn get(url: &str, path: &str, token: Option<&str>) -> (u16, http::HeaderMap, Value) {
    get_json(&format!("{url}{path}"), token).await
}

#[tokio::test]
async fn me_answers_200_for_a_session_and_401_json_otherwise() {
    let (standin, seeded) = acme().await;
    let url = serve(Authenticator::new(standin.verifier()), None).await;
    let ada = &seeded.users[0];
    let token = session_token(&standin, &session(&standin, &ada.id, None).await, None).await;

    let (status, _, body) = get(&url, "/me", Some(&token)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user_id"], json!(ada.id));

    // The session cookie next to a signed-in `__client_uat` no newer than the token.
    let cookie = format!("__session={token}; __client_uat={}", unix_now() - 60);
    let response = reqwest::Client::new()
        .get(format!("{url}/me"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200);

    let (status, headers, body) = get(&url, "/me", None).await;
    assert_eq!(
        (status, body),
        (
            401,
            json!({"error": "unauthenticated", "reason": "token-missing"})
        )
    );
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert_eq!(headers["x-clerk-auth-status"], "signed-out");
    assert_eq!(headers["x-clerk-auth-reason"], "token-missing");

    // The signature tampered with: one character of it changed.
    let (rest, signature) = token.rsplit_once('.').expect("a JWT");
    let mut forged_signature = signature.to_owned().into_bytes();
    forged_signature[4] = if forged_signature[4] == b'A' {
        b'B'
    } else {
        b'A'
    };
    let forged = format!(
        "{rest}.{}",
        String::from_utf8(forged_signature).expect("ascii")
    );
    let (status, headers, body) = get(&url, "/me", Some(&forged)).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-invalid")));
    assert_eq!(headers["x-clerk-auth-reason"], "token-invalid");
    assert!(
        !body.to_string().contains(&forged),
        "the 401 echoes the token"
    );
}

#[tokio::test]
async fn me_answers_401_token_expired_for_an_expired_token() {
    let key = TestKey::generate("ins_rocket");
    let verifier = Verifier::from_pem(&key.pem()).expect("pem");
    let url = serve(Authenticator::new(verifier), None).await;
    let now = unix_now();
    let expired = key.token(&json!({
        "sub": "user_2rocket", "sid": "sess_2rocket", "iat": now - 120, "nbf": now - 120,
        "exp": now - 60, "v": 2,
    }));
    let (status, headers, body) = get(&url, "/me", Some(&expired)).await;
    assert_eq!(
        (status, body),
        (
            401,
            json!({"error": "unauthenticated", "reason": "token-expired"})
        )
    );
    assert_eq!(headers["x-clerk-auth-reason"], "token-expired");
}

#[tokio::test]
async fn reports_require_the_permission() {
    let (standin, seeded) = acme().await;
    let url = serve(Authenticator::new(standin.verifier()), None).await;
    let org = &seeded.organizations[0].id;
    let (ada, grace) = (&seeded.users[0], &seeded.users[1]);

    let admin = session_token(&standin, &session(&standin, &ada.id, Some(org)).await, None).await;
    let (status, _, body) = get(&url, "/reports", Some(&admin)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["reader"], json!(ada.id));

    let member = session_token(
        &standin,
        &session(&standin, &grace.id, Some(org)).await,
        None,
    )
    .await;
    let (status, headers, body) = get(&url, "/reports", Some(&member)).await;
    assert_eq!(
        (status, body),
        (
            403,
            json!({
                "error": "forbidden",
                "reason": "permission-missing",
                "requirement": "permission org:reports:read",
            })
        )
    );
    assert_eq!(headers["x-clerk-auth-status"], "signed-in");
    assert_eq!(headers["x-clerk-auth-reason"], "permission-missing");

    let (status, _, body) = get(&url, "/reports", None).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-missing")));
}

#[tokio::test]
async fn tenant_reads_the_template_claims_or_answers_claims_mismatch() {
    let (standin, seeded) = acme().await;
    let url = serve(Authenticator::new(standin.verifier()), None).await;
    let ada = &seeded.users[0];
    let org = &seeded.organizations[0].id;
    let session = session(&standin, &ada.id, Some(org)).await;
    // The fixture's `tenant` template adds `tenant_id: tenant_{{org.slug}}`.
    let templated = session_token(&standin, &session, Some("tenant")).await;

    let (status, _, body) = get(&url, "/tenant", Some(&templated)).await;
    assert_eq!((status, body), (200, json!({ "tenant_id": TENANT_ID })));

    let plain = session_token(&standin, &session, None).await;
    let (status, headers, body) = get(&url, "/tenant", Some(&plain)).await;
    assert_eq!(
        (status, body),
        (
            403,
            json!({"error": "forbidden", "reason": "claims-mismatch"})
        )
    );
    assert_eq!(headers["x-clerk-auth-reason"], "claims-mismatch");
}

async fn deliver(url: &str, body: &[u8], timestamp: i64, signature: &str) -> (u16, String) {
    post_webhook(url, "msg_2rocket", timestamp, signature, body).await
}

#[tokio::test]
async fn webhooks_answer_204_when_signed_and_400_when_not() {
    let key = TestKey::generate("ins_rocket");
    let authenticator = Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem"));
    let webhook = Webhook::new(generate_webhook_secret()).expect("secret");
    let url = serve(authenticator, Some(webhook.clone())).await;
    let body = json!({
        "type": "user.deleted", "object": "event", "timestamp": 1_700_000_000_000_i64,
        "data": {"object": "user", "id": "user_2rocket", "deleted": true},
    })
    .to_string()
    .into_bytes();
    let now = unix_now();
    let good = webhook.sign("msg_2rocket", now, &body);

    let (status, text) = deliver(&url, &body, now, &good).await;
    assert_eq!(status, 204, "{text}");

    // The body changed after signing.
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    let (status, text) = deliver(&url, &tampered, now, &good).await;
    assert_eq!(status, 400);
    let error: Value = serde_json::from_str(&text).expect("JSON error");
    assert_eq!(error["error"], "invalid_webhook");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("signature")),
        "{error}"
    );

    // Authentic, but not in the model's shape: the handler still runs.
    let odd = json!({"type": "user.created", "object": "event", "data": {"id": "user_1"}})
        .to_string()
        .into_bytes();
    let signature = webhook.sign("msg_2rocket", now, &odd);
    let (status, text) = deliver(&url, &odd, now, &signature).await;
    assert_eq!(status, 204, "{text}");

    // No signature headers at all.
    let response = reqwest::Client::new()
        .post(format!("{url}/webhooks/clerk"))
        .body(body)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);
}

#[tokio::test]
async fn webhooks_answer_503_without_a_signing_secret() {
    let key = TestKey::generate("ins_rocket");
    let authenticator = Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem"));
    let url = serve(authenticator, None).await;
    let (status, text) = deliver(&url, b"{}", unix_now(), "v1,AAAA").await;
    assert_eq!(status, 503);
    assert!(text.contains("CLERK_WEBHOOK_SIGNING_SECRET"), "{text}");
}

#[get("/maybe")]
fn maybe(auth: Option<Auth>) -> String {
    auth.and_then(|a| a.user_id().map(str::to_owned))
        .unwrap_or_else(|| "anonymous".to_owned())
}

#[get("/state")]
fn state(state: AuthState) -> String {
    match state {
        AuthState::SignedIn(_) => "in".to_owned(),
        AuthState::SignedOut(out) => out.reason.code().to_owned(),
    }
}

#[get("/twice")]
fn twice(first: Auth, second: Option<Auth>, state: AuthState) -> String {
    let same = second.is_some_and(|s| s.user_id() == first.user_id());
    format!("{same} {}", matches!(state, AuthState::SignedIn(_)))
}

#[tokio::test]
async fn optional_auth_and_the_auth_state_let_signed_out_requests_through() {
    let key = TestKey::generate("ins_rocket");
    let authenticator = Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem"));
    let rocket = rocket::custom(loopback())
        .attach(ClerkFairing::new(authenticator))
        .mount("/", routes![maybe, state, twice])
        .register("/", catchers());
    let url = launch(rocket).await;
    let now = unix_now();
    let token =
        key.token(&json!({"sub": "user_2rocket", "sid": "sess_1", "iat": now, "exp": now + 60}));
    let text = |path: &'static str, token: Option<String>| {
        let url = url.clone();
        async move {
            let mut request = reqwest::Client::new().get(format!("{url}{path}"));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.expect("request");
            let status = response.status().as_u16();
            (status, response.text().await.expect("body"))
        }
    };

    assert_eq!(text("/maybe", None).await, (200, "anonymous".into()));
    assert_eq!(
        text("/maybe", Some(token.clone())).await,
        (200, "user_2rocket".into())
    );
    assert_eq!(
        text("/state", Some("not-a-jwt".into())).await,
        (200, "token-invalid".into())
    );
    // Three guards, one authentication, the same answer.
    assert_eq!(text("/twice", Some(token)).await, (200, "true true".into()));
}

#[post("/hook", data = "<delivery>")]
fn hook(delivery: ClerkWebhook) -> String {
    delivery.0.type_name().to_owned()
}

/// Whether ignition failed because a sentinel aborted it (reading the kind marks rocket's
/// error as handled, so it does not panic when dropped).
fn sentinel_aborted(ignited: Result<Rocket<Ignite>, rocket::Error>) -> Vec<&'static str> {
    let error = match ignited {
        Ok(_) => return Vec::new(),
        Err(error) => error,
    };
    match error.kind() {
        ErrorKind::SentinelAborts(sentries) => sentries.iter().map(|s| s.type_name).collect(),
        other => panic!("ignition failed otherwise: {other:?}"),
    }
}

#[tokio::test]
async fn sentinels_stop_launch_without_the_managed_state() {
    let without_authenticator = rocket::custom(loopback()).mount("/", routes![maybe]);
    let aborted = sentinel_aborted(without_authenticator.ignite().await);
    assert!(
        aborted.iter().any(|t| t.contains("rocket::guards::Auth")),
        "{aborted:?}"
    );

    let without_webhook = rocket::custom(loopback()).mount("/", routes![hook]);
    let aborted = sentinel_aborted(without_webhook.ignite().await);
    assert!(
        aborted.iter().any(|t| t.ends_with("ClerkWebhook")),
        "{aborted:?}"
    );
}

/// The example's routes behind `ClerkFairing::pages`: the handshake for a browser without
/// cookies, the page for a signed-in one, the sign-in redirect (from the 401 catcher) of the
/// `Auth` (`/me`) and `Require` (`/reports`) guards, and the 401 JSON for API calls.
#[tokio::test]
async fn page_mode_redirects_browsers_and_keeps_the_401_for_api_calls() {
    let acme = Acme::start().await;
    let clerk = ClerkFairing::new(pages::authenticator(&acme.standin)).pages();
    let url = launch(app::rocket(loopback(), clerk, None)).await;
    let token = acme.token(acme.admin(), None).await;
    for path in ["/me", "/reports"] {
        pages::assert_page_mode(&acme.standin, &url, path, &token).await;
    }
}
