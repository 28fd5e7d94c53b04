//! The poem example (clerk/examples/poem) served on loopback and called over real HTTP with
//! the stand-in's tokens: `GET /me` with a valid, missing, forged and expired session token;
//! `GET /reports` for members with and without `org:reports:read`; `GET /tenant` with a
//! JWT-template token carrying `tenant_id` and a plain one; `POST /webhooks/clerk` with a
//! signed, a tampered and a misfit delivery; then the same routes in page-route mode.

#[path = "../../clerk/examples/poem/app.rs"]
mod app;

use std::time::{Duration, SystemTime};

use clerk_backend::auth::Authenticator;
use clerk_backend::jwt::{KeySource, Verifier};
use clerk_backend::poem::ClerkMiddleware;
use clerk_backend::testing::{generate_webhook_secret, Seeded, StandIn};
use clerk_backend::webhooks::Webhook;
use clerk_tests::acme::{
    get_json as get, post_webhook, session, session_token as token, unix_now, Acme,
};
use clerk_tests::pages;
use poem::listener::{Acceptor, Listener, TcpListener};
use serde_json::{json, Value};

/// The shared Acme fixture as the (stand-in, seeded data) pair these tests read.
async fn acme() -> (StandIn, Seeded) {
    let Acme { standin, seeded } = Acme::start().await;
    (standin, seeded)
}

/// The example's app on 127.0.0.1:<free port>, verifying with `verifier`; the server task
/// ends with the test's runtime.
async fn serve(verifier: Verifier, webhook: Option<Webhook>) -> String {
    serve_app(ClerkMiddleware::new(Authenticator::new(verifier)), webhook).await
}

/// The example's app behind `clerk` on 127.0.0.1:<free port>.
async fn serve_app(clerk: ClerkMiddleware, webhook: Option<Webhook>) -> String {
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .expect("bind a loopback port");
    let addr = *acceptor
        .local_addr()
        .first()
        .and_then(|addr| addr.as_socket_addr())
        .expect("a socket address");
    let app = app::app(clerk, webhook);
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));
    format!("http://{addr}")
}

#[tokio::test]
async fn me_answers_200_for_a_session_and_401_json_otherwise() {
    let (standin, seeded) = acme().await;
    let url = serve(standin.verifier(), None).await;
    let ada = &seeded.users[0];
    let sid = session(&standin, &ada.id, None).await;
    let jwt = token(&standin, &sid, None).await;

    let (status, headers, body) = get(&format!("{url}/me"), Some(&jwt)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user_id"], json!(ada.id));
    assert_eq!(body["session_id"], json!(sid));
    assert_eq!(headers["content-type"], "application/json; charset=utf-8");

    // No token at all.
    let (status, headers, body) = get(&format!("{url}/me"), None).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"error": "unauthenticated", "reason": "token-missing"})
    );
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert_eq!(headers["x-clerk-auth-status"], "signed-out");
    assert_eq!(headers["x-clerk-auth-reason"], "token-missing");

    // The signature tampered with: a forgery.
    let (head, signature) = jwt.rsplit_once('.').expect("three parts");
    let flipped = if signature.starts_with('A') { "B" } else { "A" };
    let forged = format!("{head}.{flipped}{}", &signature[1..]);
    let (status, _, body) = get(&format!("{url}/me"), Some(&forged)).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-invalid")));
    assert!(
        !body.to_string().contains(&forged),
        "the body echoes the token"
    );

    // Not a JWT at all.
    let (status, _, body) = get(&format!("{url}/me"), Some("not-a-jwt")).await;
    assert_eq!((status, &body["error"]), (401, &json!("unauthenticated")));
}

#[tokio::test]
async fn me_answers_401_token_expired_once_the_token_has_expired() {
    let (standin, seeded) = acme().await;
    // The same instance's keys, read ten minutes from now: the token's minute is over.
    let later = || SystemTime::now() + Duration::from_secs(600);
    let verifier = Verifier::builder(KeySource::jwks(standin.clerk().clone()))
        .clock(later)
        .build();
    let url = serve(verifier, None).await;
    let sid = session(&standin, &seeded.users[0].id, None).await;
    let jwt = token(&standin, &sid, None).await;

    let (status, headers, body) = get(&format!("{url}/me"), Some(&jwt)).await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(
        body,
        json!({"error": "unauthenticated", "reason": "token-expired"})
    );
    assert_eq!(headers["x-clerk-auth-reason"], "token-expired");
}

#[tokio::test]
async fn reports_require_the_org_reports_read_permission() {
    let (standin, seeded) = acme().await;
    let url = serve(standin.verifier(), None).await;
    let org = &seeded.organizations[0];
    let admin = session(&standin, &seeded.users[0].id, Some(&org.id)).await;
    let member = session(&standin, &seeded.users[1].id, Some(&org.id)).await;

    let (status, _, body) = get(
        &format!("{url}/reports"),
        Some(&token(&standin, &admin, None).await),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["org_id"], json!(org.id));

    let (status, headers, body) = get(
        &format!("{url}/reports"),
        Some(&token(&standin, &member, None).await),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({
            "error": "forbidden",
            "reason": "permission-missing",
            "requirement": "permission org:reports:read",
        })
    );
    assert_eq!(headers["x-clerk-auth-status"], "signed-in");
    assert_eq!(headers["x-clerk-auth-reason"], "permission-missing");

    // Signed out is 401, not 403.
    let (status, _, body) = get(&format!("{url}/reports"), None).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-missing")));
}

#[tokio::test]
async fn tenant_reads_the_claims_a_jwt_template_adds() {
    let (standin, seeded) = acme().await;
    let url = serve(standin.verifier(), None).await;
    // The fixture's `tenant` template adds `tenant_id: tenant_{{org.slug}}`.
    let org = &seeded.organizations[0];
    let sid = session(&standin, &seeded.users[0].id, Some(&org.id)).await;

    let templated = token(&standin, &sid, Some("tenant")).await;
    let (status, _, body) = get(&format!("{url}/tenant"), Some(&templated)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({"tenant_id": "tenant_acme"}));

    let plain = token(&standin, &sid, None).await;
    let (status, headers, body) = get(&format!("{url}/tenant"), Some(&plain)).await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({"error": "forbidden", "reason": "claims-mismatch"})
    );
    assert_eq!(headers["x-clerk-auth-reason"], "claims-mismatch");

    let (status, _, body) = get(&format!("{url}/tenant"), None).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-missing")));
}

/// Posts with the timestamp that was signed (a fresh clock reading could cross a second).
async fn deliver(url: &str, body: &[u8], timestamp: i64, signature: &str) -> (u16, String) {
    post_webhook(url, "msg_2poem", timestamp, signature, body).await
}

#[tokio::test]
async fn webhooks_answer_204_when_signed_and_400_when_not() {
    let standin = StandIn::start().await.expect("stand-in starts");
    let webhook = Webhook::new(generate_webhook_secret()).expect("secret");
    let url = serve(standin.verifier(), Some(webhook.clone())).await;
    let body = json!({
        "type": "user.deleted", "object": "event", "timestamp": 1_700_000_000_000_i64,
        "data": {"object": "user", "id": "user_2poem", "deleted": true},
    })
    .to_string()
    .into_bytes();
    let now = unix_now();
    let good = webhook.sign("msg_2poem", now, &body);

    let (status, text) = deliver(&url, &body, now, &good).await;
    assert_eq!((status, text.as_str()), (204, ""));

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

    // No signature headers at all.
    let response = reqwest::Client::new()
        .post(format!("{url}/webhooks/clerk"))
        .body(body)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 400);
    assert_eq!(response.headers()["content-type"], "application/json");

    // Over the 2 MiB limit: refused before verification.
    let huge = vec![b' '; 2 * 1024 * 1024 + 1];
    let signature = webhook.sign("msg_2poem", now, &huge);
    let (status, text) = deliver(&url, &huge, now, &signature).await;
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("payload too large"), "{text}");

    // Authentic but not the model's shape: still the handler's, as `Undecoded`.
    let misfit = json!({"type": "user.created", "object": "event", "data": {"id": "user_1"}})
        .to_string()
        .into_bytes();
    let signature = webhook.sign("msg_2poem", now, &misfit);
    let (status, text) = deliver(&url, &misfit, now, &signature).await;
    assert_eq!(status, 204, "{text}");
}

#[tokio::test]
async fn webhooks_answer_503_without_a_signing_secret() {
    let standin = StandIn::start().await.expect("stand-in starts");
    let url = serve(standin.verifier(), None).await;
    let (status, text) = deliver(&url, b"{}", unix_now(), "v1,AAAA").await;
    assert_eq!(status, 503);
    assert!(text.contains("CLERK_WEBHOOK_SIGNING_SECRET"), "{text}");
}

/// The pieces beyond the example: `Option<Auth>`, the `AuthState` extractor,
/// `ClerkMiddleware::require_signed_in`, and the 500 when a route reads auth without the
/// middleware.
#[tokio::test]
async fn optional_auth_the_auth_state_and_a_missing_middleware() {
    use clerk_backend::auth::AuthState;
    use clerk_backend::poem::{Auth, Require};
    use poem::{handler, EndpointExt, Route};

    #[handler]
    fn maybe(auth: Option<Auth>) -> String {
        auth.and_then(|a| a.user_id().map(str::to_owned))
            .unwrap_or_else(|| "anonymous".to_owned())
    }

    #[handler]
    fn state(state: AuthState) -> String {
        match state {
            AuthState::SignedIn(_) => "in".to_owned(),
            AuthState::SignedOut(out) => out.reason.code().to_owned(),
        }
    }

    #[handler]
    fn open_door() -> &'static str {
        "handler ran"
    }

    #[handler]
    fn me(Auth(who): Auth) -> String {
        who.user_id().unwrap_or_default().to_owned()
    }

    let (standin, seeded) = acme().await;
    let auth = || Authenticator::new(standin.verifier());
    let app = Route::new()
        .at(
            "/maybe",
            poem::get(maybe).with(ClerkMiddleware::new(auth())),
        )
        .at(
            "/state",
            poem::get(state).with(ClerkMiddleware::new(auth())),
        )
        .at(
            "/door",
            poem::get(open_door).with(ClerkMiddleware::new(auth()).require_signed_in()),
        )
        .at("/bare", poem::get(me))
        .at(
            "/bare-require",
            poem::get(open_door).with(Require::new(
                [clerk_backend::auth::Requirement::signed_in()],
            )),
        );
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .expect("bind a loopback port");
    let addr = *acceptor
        .local_addr()
        .first()
        .and_then(|addr| addr.as_socket_addr())
        .expect("a socket address");
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));
    let url = format!("http://{addr}");
    let sid = session(&standin, &seeded.users[0].id, None).await;
    let jwt = token(&standin, &sid, None).await;

    let text = |url: String, token: Option<String>| async move {
        let mut request = reqwest::Client::new().get(url);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    };
    assert_eq!(
        text(format!("{url}/maybe"), None).await,
        (200, "anonymous".into())
    );
    assert_eq!(
        text(format!("{url}/maybe"), Some(jwt.clone())).await,
        (200, seeded.users[0].id.clone())
    );
    assert_eq!(
        text(format!("{url}/state"), Some("not-a-jwt".into())).await,
        (200, "token-invalid".into())
    );
    // The middleware alone turns signed-out requests away before the handler.
    assert_eq!(
        text(format!("{url}/door"), None).await,
        (
            401,
            r#"{"error":"unauthenticated","reason":"token-missing"}"#.into()
        )
    );
    assert_eq!(
        text(format!("{url}/door"), Some(jwt.clone())).await,
        (200, "handler ran".into())
    );
    // No middleware: a server bug, told to the caller as a code only.
    let internal = r#"{"error":"server_error","reason":"internal"}"#.to_owned();
    for path in ["bare", "bare-require"] {
        assert_eq!(
            text(format!("{url}/{path}"), Some(jwt.clone())).await,
            (500, internal.clone()),
            "/{path}"
        );
    }
}

/// The example's app behind `ClerkMiddleware::pages`: the handshake for a browser without
/// cookies, the page for a signed-in one, the sign-in redirect of `Auth` (`/me`) and of
/// `Require` (`/reports`), and the 401 JSON for API calls.
#[tokio::test]
async fn page_mode_redirects_browsers_and_keeps_the_401_for_api_calls() {
    let acme = Acme::start().await;
    let clerk = ClerkMiddleware::new(pages::authenticator(&acme.standin)).pages();
    let url = serve_app(clerk, None).await;
    let token = acme.token(acme.admin(), None).await;
    for path in ["/me", "/reports"] {
        pages::assert_page_mode(&acme.standin, &url, path, &token).await;
    }
}
