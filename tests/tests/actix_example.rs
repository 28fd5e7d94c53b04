//! The actix-web example (clerk/examples/actix) served on 127.0.0.1 and called over real HTTP
//! with tokens the stand-in mints: `GET /me` with valid, missing, forged and expired session
//! tokens, `GET /reports` for members with and without `org:reports:read`, `GET /tenant`
//! with a JWT-template token and a plain one, `POST /webhooks/clerk` with signed, tampered
//! and undecodable deliveries. Then the integration's pieces the example does not use:
//! `Option<Auth>`, the `AuthState` extractor, `require_signed_in` and the 500s of routes
//! missing their middleware or webhook, and the example's routes in page-route mode.

#[path = "../../clerk/examples/actix/app.rs"]
mod app;
mod jwt_support;

use std::time::{Duration, SystemTime};

use actix_web::{web, App, HttpResponse, HttpServer};
use clerk_backend::actix::{Auth, ClerkMiddleware, ClerkWebhook};
use clerk_backend::auth::{AuthState, Authenticator};
use clerk_backend::jwt::{KeySource, Verifier};
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_backend::webhooks::Webhook;
use clerk_tests::acme::{self, get_json, post_webhook, session, session_token, unix_now};
use clerk_tests::pages;
use jwt_support::TestKey;
use serde_json::{json, Value};

/// Serves the app `factory` builds on 127.0.0.1:<free port> with one worker and no signal
/// handling, on the test's runtime (actix-web runs under tokio): the URL.
macro_rules! serve {
    ($factory:expr) => {{
        let server = HttpServer::new($factory)
            .workers(1)
            .disable_signals()
            .bind(("127.0.0.1", 0))
            .expect("bind a loopback port");
        let url = format!("http://{}", server.addrs()[0]);
        tokio::spawn(server.run());
        url
    }};
}

/// The example's app, authenticating with `authenticator`.
fn serve_example(authenticator: Authenticator, webhook: Option<Webhook>) -> String {
    let clerk = ClerkMiddleware::new(authenticator);
    let webhook = webhook.map(web::Data::new);
    serve!(move || {
        let (clerk, webhook) = (clerk.clone(), webhook.clone());
        App::new().configure(|cfg| app::routes(cfg, clerk, webhook))
    })
}

/// The shared Acme fixture, with a session of the admin and of the member.
struct Acme {
    standin: StandIn,
    admin_session: String,
    member_session: String,
}

impl Acme {
    async fn start() -> Self {
        let fixture = acme::Acme::start().await;
        let org = Some(fixture.org_id());
        let admin_session = session(&fixture.standin, fixture.admin(), org).await;
        let member_session = session(&fixture.standin, fixture.member(), org).await;
        Self {
            standin: fixture.standin,
            admin_session,
            member_session,
        }
    }

    fn authenticator(&self) -> Authenticator {
        Authenticator::new(self.standin.verifier())
    }

    /// A plain session token of `session`.
    async fn token(&self, session: &str) -> String {
        session_token(&self.standin, session, None).await
    }

    /// A token of `session` from the `tenant` JWT template.
    async fn tenant_token(&self, session: &str) -> String {
        session_token(&self.standin, session, Some("tenant")).await
    }
}

/// `GET {url}{path}` with `token` as a bearer token: status, headers, JSON body.
async fn get(url: &str, path: &str, token: Option<&str>) -> (u16, http::HeaderMap, Value) {
    get_json(&format!("{url}{path}"), token).await
}

#[tokio::test]
async fn me_answers_200_with_the_user_id_and_401_json_when_signed_out() {
    let acme = Acme::start().await;
    let url = serve_example(acme.authenticator(), None);
    let token = acme.token(&acme.admin_session).await;

    let (status, _, body) = get(&url, "/me", Some(&token)).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["user_id"]
            .as_str()
            .is_some_and(|id| id.starts_with("user_")),
        "{body}"
    );
    assert_eq!(body["session_id"], json!(acme.admin_session));

    // The same token in the session cookie, next to a signed-in `__client_uat`.
    let response = reqwest::Client::new()
        .get(format!("{url}/me"))
        .header(
            "cookie",
            format!("__session={token}; __client_uat={}", unix_now() - 60),
        )
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
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["x-clerk-auth-status"], "signed-out");
    assert_eq!(headers["x-clerk-auth-reason"], "token-missing");

    // The signature tampered with: a forgery.
    let (head, signature) = token.rsplit_once('.').expect("a JWT");
    let first = if signature.starts_with('A') { 'B' } else { 'A' };
    let forged = format!("{head}.{first}{}", &signature[1..]);
    let (status, _, body) = get(&url, "/me", Some(&forged)).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-invalid")));
    assert!(
        !body.to_string().contains(&forged),
        "the 401 echoes the token"
    );

    // An hour later (the verifier's clock), the 60-second token has expired.
    let later = Verifier::builder(KeySource::jwks(acme.standin.clerk().clone()))
        .clock(|| SystemTime::now() + Duration::from_secs(3600))
        .build();
    let url = serve_example(Authenticator::new(later), None);
    let (status, headers, body) = get(&url, "/me", Some(&token)).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-expired")));
    assert_eq!(headers["x-clerk-auth-reason"], "token-expired");
}

#[tokio::test]
async fn reports_require_the_permission_and_tenant_reads_the_template_claim() {
    let acme = Acme::start().await;
    let url = serve_example(acme.authenticator(), None);
    let admin = acme.token(&acme.admin_session).await;
    let member = acme.token(&acme.member_session).await;

    let (status, _, body) = get(&url, "/reports", Some(&admin)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["reports"], json!(["revenue", "churn"]));

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

    let tenant = acme.tenant_token(&acme.member_session).await;
    let (status, _, body) = get(&url, "/tenant", Some(&tenant)).await;
    assert_eq!((status, body), (200, json!({"tenant_id": "tenant_acme"})));

    let (status, _, body) = get(&url, "/tenant", Some(&member)).await;
    assert_eq!(
        (status, body),
        (
            403,
            json!({"error": "forbidden", "reason": "claims-mismatch"})
        )
    );
    let (status, _, body) = get(&url, "/tenant", None).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-missing")));
}

/// Posts `body` to `/webhooks/clerk` with the Svix headers: status and body text.
async fn deliver(url: &str, body: &[u8], signature: &str, timestamp: i64) -> (u16, String) {
    post_webhook(url, "msg_2actix", timestamp, signature, body).await
}

#[tokio::test]
async fn webhooks_answer_204_when_signed_and_400_when_not() {
    let key = TestKey::generate("ins_actix");
    let authenticator = Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem"));
    let webhook = Webhook::new(generate_webhook_secret()).expect("secret");
    let url = serve_example(authenticator, Some(webhook.clone()));
    let now = unix_now();
    let body = json!({
        "type": "user.deleted", "object": "event", "timestamp": 1_700_000_000_000_i64,
        "data": {"object": "user", "id": "user_2actix", "deleted": true},
    })
    .to_string()
    .into_bytes();
    let signature = webhook.sign("msg_2actix", now, &body);

    let (status, text) = deliver(&url, &body, &signature, now).await;
    assert_eq!(status, 204, "{text}");

    // The body changed after signing.
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    let (status, text) = deliver(&url, &tampered, &signature, now).await;
    assert_eq!(status, 400, "{text}");
    let error: Value = serde_json::from_str(&text).expect("a JSON error");
    assert_eq!(error["error"], "invalid_webhook");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("signature")),
        "{error}"
    );

    // Authentic, but `data` does not fit the model: the handler still gets it.
    let undecodable = json!({"type": "user.created", "object": "event", "data": {"id": "user_1"}})
        .to_string()
        .into_bytes();
    let signature = webhook.sign("msg_2actix", now, &undecodable);
    let (status, text) = deliver(&url, &undecodable, &signature, now).await;
    assert_eq!(status, 204, "{text}");

    // No signature headers at all.
    let response = reqwest::Client::new()
        .post(format!("{url}/webhooks/clerk"))
        .body(body)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);

    // Without a signing secret the example says what is missing.
    let url = serve_example(
        Authenticator::new(Verifier::from_pem(&key.pem()).expect("pem")),
        None,
    );
    let (status, text) = deliver(&url, b"{}", "v1,AAAA", now).await;
    assert_eq!(status, 503);
    assert!(text.contains("CLERK_WEBHOOK_SIGNING_SECRET"), "{text}");
}

fn test_token(key: &TestKey) -> String {
    let now = unix_now();
    key.token(&json!({"sub": "user_2actix", "sid": "sess_1", "iat": now, "exp": now + 60}))
}

#[tokio::test]
async fn optional_auth_auth_state_and_require_signed_in() {
    let key = TestKey::generate("ins_actix");
    let clerk = ClerkMiddleware::new(Authenticator::new(
        Verifier::from_pem(&key.pem()).expect("pem"),
    ));
    let url = serve!(move || {
        App::new()
            .service(
                web::scope("/locked")
                    .wrap(clerk.clone().require_signed_in())
                    .route(
                        "",
                        web::get().to(|| async { HttpResponse::Ok().json("handler ran") }),
                    ),
            )
            .service(
                web::scope("")
                    .wrap(clerk.clone())
                    .route(
                        "/maybe",
                        web::get().to(|auth: Option<Auth>| async move {
                            let who = auth
                                .as_ref()
                                .and_then(|a| a.user_id())
                                .unwrap_or("anonymous");
                            HttpResponse::Ok().json(who)
                        }),
                    )
                    .route(
                        "/state",
                        web::get().to(|state: AuthState| async move {
                            HttpResponse::Ok().json(match state {
                                AuthState::SignedIn(_) => "in",
                                AuthState::SignedOut(out) => out.reason.code(),
                            })
                        }),
                    ),
            )
    });
    let token = test_token(&key);

    assert_eq!(get(&url, "/maybe", None).await.2, json!("anonymous"));
    assert_eq!(
        get(&url, "/maybe", Some(&token)).await.2,
        json!("user_2actix")
    );
    assert_eq!(
        get(&url, "/state", Some("not-a-jwt")).await.2,
        json!("token-invalid")
    );
    assert_eq!(get(&url, "/state", Some(&token)).await.2, json!("in"));

    let (status, _, body) = get(&url, "/locked", None).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-missing")));
    let (status, _, body) = get(&url, "/locked", Some(&token)).await;
    assert_eq!((status, body), (200, json!("handler ran")));
}

#[tokio::test]
async fn routes_missing_their_middleware_or_webhook_answer_500_with_only_the_code() {
    let url = serve!(|| {
        App::new()
            .route(
                "/me",
                web::get().to(|Auth(_): Auth| async { HttpResponse::Ok().finish() }),
            )
            .route(
                "/webhook",
                web::post().to(|_: ClerkWebhook| async { HttpResponse::NoContent().finish() }),
            )
    });
    let internal = json!({"error": "server_error", "reason": "internal"});
    let (status, _, body) = get(&url, "/me", None).await;
    assert_eq!((status, &body), (500, &internal));

    let response = reqwest::Client::new()
        .post(format!("{url}/webhook"))
        .body("{}")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 500);
    let body: Value = serde_json::from_str(&response.text().await.expect("body")).expect("JSON");
    assert_eq!(body, internal);
}

/// The example's routes behind `ClerkMiddleware::pages`: the handshake for a browser without
/// cookies, the page for a signed-in one, the sign-in redirect of `Auth` (`/me`) and of
/// `Require` (`/reports`), and the 401 JSON for API calls.
#[tokio::test]
async fn page_mode_redirects_browsers_and_keeps_the_401_for_api_calls() {
    let acme = Acme::start().await;
    let clerk = ClerkMiddleware::new(pages::authenticator(&acme.standin)).pages();
    let url = serve!(move || {
        let clerk = clerk.clone();
        App::new().configure(|cfg| app::routes(cfg, clerk, None))
    });
    let token = acme.token(&acme.admin_session).await;
    for path in ["/me", "/reports"] {
        pages::assert_page_mode(&acme.standin, &url, path, &token).await;
    }
}
