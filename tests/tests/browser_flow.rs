//! Browser sessions end to end on loopback: the pages example (clerk/examples/pages) in
//! page-route mode, the stand-in as Clerk (Backend and Frontend API, a development
//! instance), and a browser-like client with a cookie jar that follows redirects hop by hop.

#[path = "../../clerk/examples/pages/app.rs"]
mod app;

use axum::routing::get;
use clerk_backend::auth::browser::PageOptions;
use clerk_backend::auth::{cookie_suffix, Authenticator};
use clerk_backend::jwt::Verifier;
use clerk_backend::models::CreateUserParams;
use clerk_backend::testing::{BrowserSignIn, StandIn};
use clerk_tests::browser::{signed_in_user, Browser};

struct World {
    standin: StandIn,
    app: String,
    browser: BrowserSignIn,
}

/// The stand-in, a signed-in browser of Ada Lovelace, and the pages app whose Frontend API
/// is `fapi` (the stand-in's by default).
async fn world(fapi: Option<&str>) -> World {
    let standin = StandIn::start().await.unwrap_or_else(|e| panic!("{e}"));
    let browser = signed_in_user(
        &standin,
        CreateUserParams::default()
            .email_address(["ada@example.com"])
            .first_name("Ada")
            .last_name("Lovelace"),
    )
    .await;
    let verifier = Verifier::from_pem(standin.jwt_public_key()).unwrap_or_else(|e| panic!("{e}"));
    // The stand-in's publishable key names its host; plain HTTP means reaching its Frontend
    // API as a proxy URL would (a bare host is taken to be HTTPS, as @clerk/backend does).
    let auth = Authenticator::new(verifier)
        .publishable_key(standin.publishable_key())
        .machine_client(standin.clerk().clone())
        .pages(
            PageOptions::default()
                .proxy_url(fapi.unwrap_or(standin.url()))
                .sign_in_url("/sign-in"),
        );
    let router = app::router(auth, standin.clerk().clone())
        .route("/sign-in", get(|| async { "sign in here" }));
    let app = clerk_tests::serve(router).await;
    World {
        standin,
        app,
        browser,
    }
}

fn handshakes(standin: &StandIn) -> usize {
    standin
        .requests()
        .iter()
        .filter(|r| r.path == "/v1/client/handshake")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_cookie_goes_through_the_handshake_and_ends_signed_in_on_the_same_url() {
    let w = world(None).await;
    let mut browser = Browser::new();
    browser.set_cookie("__clerk_db_jwt", &w.browser.dev_browser);
    browser.set_cookie("__client_uat", &w.browser.client_uat.to_string());
    browser.set_cookie("__session", &w.browser.expired_session_token);
    let page = format!("{}/dashboard?tab=2", w.app);

    let visit = browser.navigate(&page).await;

    assert_eq!(visit.status, 200, "{visit:#?}");
    assert_eq!(visit.url, page, "back on the page asked for");
    assert!(
        visit.body.contains("Welcome, Ada Lovelace."),
        "{}",
        visit.body
    );
    // app → handshake → app with the nonce → app's clean URL.
    let statuses: Vec<u16> = visit.hops.iter().map(|h| h.status).collect();
    assert_eq!(statuses, [307, 307, 307, 200], "{visit:#?}");
    assert!(visit.hops[1]
        .url
        .starts_with(&format!("{}/v1/client/handshake?", w.standin.url())));
    assert!(visit.hops[2].url.contains("__clerk_handshake_nonce="));
    assert_eq!(handshakes(&w.standin), 1);
    let fetched = w
        .standin
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/clients/handshake_payload"))
        .count();
    assert_eq!(
        fetched, 1,
        "the nonce was redeemed through the Backend API once"
    );
    // The jar now holds a fresh token the instance signed.
    let fresh = browser.cookie("__session").unwrap_or_default();
    assert_ne!(fresh, w.browser.expired_session_token);
    let claims = w
        .standin
        .verifier()
        .verify(&fresh)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(claims.session_id(), Some(w.browser.session_id.as_str()));
    assert!(browser
        .cookie(&format!(
            "__refresh_{}",
            cookie_suffix(&w.standin.publishable_key())
        ))
        .is_some());

    // The next page load needs no handshake.
    let again = browser.navigate(&page).await;
    assert_eq!(again.hops.len(), 1);
    assert_eq!(again.status, 200);
    assert_eq!(handshakes(&w.standin), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_cookie_with_a_refresh_cookie_is_refreshed_without_a_redirect() {
    let w = world(None).await;
    let suffix = cookie_suffix(&w.standin.publishable_key());
    let mut browser = Browser::new();
    browser.set_cookie("__clerk_db_jwt", &w.browser.dev_browser);
    browser.set_cookie("__client_uat", &w.browser.client_uat.to_string());
    browser.set_cookie("__session", &w.browser.expired_session_token);
    browser.set_cookie(&format!("__refresh_{suffix}"), &w.browser.refresh_token);

    let visit = browser.navigate(&format!("{}/dashboard", w.app)).await;

    assert_eq!(visit.hops.len(), 1, "{visit:#?}");
    assert_eq!(visit.status, 200);
    assert!(visit.body.contains("Ada Lovelace"));
    assert_eq!(handshakes(&w.standin), 0);
    let refreshes: Vec<_> = w
        .standin
        .requests()
        .into_iter()
        .filter(|r| {
            r.path
                .ends_with(&format!("/sessions/{}/refresh", w.browser.session_id))
        })
        .collect();
    assert_eq!(refreshes.len(), 1);
    let fresh = browser.cookie("__session").unwrap_or_default();
    assert!(w.standin.verifier().verify(&fresh).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_out_browser_ends_at_the_sign_in_url() {
    let w = world(None).await;
    let mut browser = Browser::new();
    let page = format!("{}/dashboard", w.app);

    let visit = browser.navigate(&page).await;

    // No dev browser yet: the handshake creates one, then the app sends it to sign in.
    assert_eq!(visit.status, 200, "{visit:#?}");
    let sign_in = format!("{}/sign-in?redirect_url={}", w.app, form_encode(&page));
    assert_eq!(visit.url, sign_in);
    assert_eq!(visit.body, "sign in here");
    assert_eq!(handshakes(&w.standin), 1);
    assert!(
        browser.cookie("__clerk_db_jwt").is_some(),
        "the dev browser was set"
    );
    assert_eq!(browser.cookie("__session"), None);

    // The public page is served signed out, without another handshake.
    let home = browser.navigate(&format!("{}/", w.app)).await;
    assert_eq!(home.hops.len(), 1);
    assert!(home.body.contains("Signed out."));
    assert_eq!(handshakes(&w.standin), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_handshake_payload_is_rejected() {
    let w = world(None).await;
    // A real payload for this browser, with its signature altered.
    let mut url = reqwest::Url::parse(&format!("{}/v1/client/handshake", w.standin.url()))
        .unwrap_or_else(|e| panic!("{e}"));
    url.query_pairs_mut()
        .append_pair("redirect_url", &format!("{}/dashboard", w.app))
        .append_pair("format", "token")
        .append_pair("__clerk_db_jwt", &w.browser.dev_browser);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let back = client
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let tampered =
        clerk_tests::browser::tamper(back.headers()["location"].to_str().unwrap_or_default());

    let mut browser = Browser::new();
    browser.set_cookie("__clerk_db_jwt", &w.browser.dev_browser);
    let visit = browser.navigate(&tampered).await;

    assert!(
        visit.url.starts_with(&format!("{}/sign-in?", w.app)),
        "{visit:#?}"
    );
    assert!(
        visit
            .hops
            .iter()
            .all(|h| h.set_cookie.iter().all(|c| !c.starts_with("__session="))),
        "no cookie of the payload was set: {visit:#?}"
    );
    assert_eq!(browser.cookie("__session"), None);
    assert_eq!(visit.hops[0].status, 307);
    assert_eq!(
        handshakes(&w.standin),
        1,
        "only the one this test asked for"
    );
}

/// A Frontend API that misbehaves: its handshake sends the browser straight back with
/// nothing, as a deployment with mismatched keys effectively does.
async fn broken_frontend_api() -> String {
    async fn bounce(
        axum::extract::Query(query): axum::extract::Query<
            std::collections::HashMap<String, String>,
        >,
    ) -> axum::response::Response {
        let back = query.get("redirect_url").cloned().unwrap_or_default();
        axum::response::Redirect::temporary(&back).into_response()
    }
    use axum::response::IntoResponse;
    clerk_tests::serve(axum::Router::new().route("/v1/client/handshake", get(bounce))).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_loop_is_cut_after_three_handshakes() {
    let fapi = broken_frontend_api().await;
    let w = world(Some(&fapi)).await;
    let mut browser = Browser::new();
    browser.set_cookie("__clerk_db_jwt", &w.browser.dev_browser);
    browser.set_cookie("__client_uat", &w.browser.client_uat.to_string());
    browser.set_cookie("__session", &w.browser.expired_session_token);

    let visit = browser.navigate(&format!("{}/dashboard", w.app)).await;

    assert_eq!(visit.hops_to("/v1/client/handshake"), 3, "{visit:#?}");
    assert!(
        visit.url.starts_with(&format!("{}/sign-in?", w.app)),
        "{visit:#?}"
    );
    assert_eq!(visit.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_requests_with_an_expired_cookie_get_401_json_not_a_redirect() {
    let w = world(None).await;
    let mut browser = Browser::new();
    browser.set_cookie("__clerk_db_jwt", &w.browser.dev_browser);
    browser.set_cookie("__client_uat", &w.browser.client_uat.to_string());
    browser.set_cookie("__session", &w.browser.expired_session_token);

    let visit = browser
        .visit(
            &format!("{}/dashboard", w.app),
            &[("accept", "application/json")],
        )
        .await;

    assert_eq!(visit.hops.len(), 1);
    assert_eq!(visit.status, 401);
    let body: serde_json::Value =
        serde_json::from_str(&visit.body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body["reason"], "token-expired");
    assert_eq!(handshakes(&w.standin), 0);
}

fn form_encode(value: &str) -> String {
    reqwest::Url::parse_with_params("http://x/", &[("v", value)])
        .map(|u| {
            u.query()
                .unwrap_or_default()
                .trim_start_matches("v=")
                .to_owned()
        })
        .unwrap_or_default()
}
