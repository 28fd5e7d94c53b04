//! Page-route mode, checked the same way for every framework's middleware: the stand-in as
//! a development instance (its publishable key, its URL as Frontend API proxy), and the four
//! answers a protected page gives a browser and an API client.

use clerk_backend::auth::browser::PageOptions;
use clerk_backend::auth::Authenticator;
use clerk_backend::testing::StandIn;
use reqwest::Url;
use serde_json::Value;

/// Where the page-mode apps send signed-out browsers, relative to the app.
pub const SIGN_IN_PATH: &str = "/sign-in";

/// An authenticator for page-route mode against `standin`: its keys, its publishable key (a
/// development instance), its Backend API client, and its URL as the Frontend API's proxy,
/// with sign-in at [`SIGN_IN_PATH`].
pub fn authenticator(standin: &StandIn) -> Authenticator {
    Authenticator::new(standin.verifier())
        .publishable_key(standin.publishable_key())
        .machine_client(standin.clerk().clone())
        .pages(
            PageOptions::default()
                .proxy_url(standin.url())
                .sign_in_url(SIGN_IN_PATH),
        )
}

/// `GET url` as a browser navigating to it (`Accept: text/html`, `Sec-Fetch-Dest:
/// document`), with `cookie` when given; redirects are not followed.
pub async fn navigate(url: &str, cookie: Option<&str>) -> reqwest::Response {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client");
    let mut request = client
        .get(url)
        .header("accept", "text/html,application/xhtml+xml")
        .header("sec-fetch-dest", "document");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.expect("request")
}

/// The `Location` of a response, as text.
fn location(response: &reqwest::Response) -> String {
    response.headers()["location"]
        .to_str()
        .expect("a text Location")
        .to_owned()
}

/// Asserts what the page at `{app}{path}`, which requires a signed-in user, answers in page
/// mode against `standin`'s development instance, `token` being a fresh session token
/// allowed to see it:
/// - a browser without cookies goes through the handshake (`dev-browser-missing`), back to
///   the page, with the redirect counter set;
/// - with a signed-in session cookie the page is served, with the flow's headers added;
/// - with a dev browser but no session the browser is sent to sign in, back to the page;
/// - an API client without cookies gets the 401 JSON, never a redirect.
pub async fn assert_page_mode(standin: &StandIn, app: &str, path: &str, token: &str) {
    let page = format!("{app}{path}");

    let response = navigate(&page, None).await;
    assert_eq!(response.status().as_u16(), 307, "{page}: no cookies");
    let handshake = location(&response);
    let prefix = format!("{}/v1/client/handshake?", standin.url());
    assert!(handshake.starts_with(&prefix), "{handshake}");
    let redirect_url = Url::parse(&handshake)
        .expect("a URL")
        .query_pairs()
        .find(|(name, _)| name == "redirect_url")
        .map(|(_, value)| value.into_owned());
    assert_eq!(redirect_url.as_deref(), Some(page.as_str()), "{handshake}");
    assert_eq!(
        response.headers()["x-clerk-auth-reason"],
        "dev-browser-missing"
    );
    let cookies: Vec<_> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("__clerk_redirect_count=1")),
        "{cookies:?}"
    );

    let signed_in = format!("__session={token}; __client_uat=1; __clerk_db_jwt=anything");
    let response = navigate(&page, Some(&signed_in)).await;
    let status = response.status().as_u16();
    // The flow's headers are added to the page's own response.
    assert_eq!(response.headers()["x-clerk-auth-status"], "signed-in");
    let body = response.text().await.expect("a body");
    assert_eq!(status, 200, "{page}: signed in: {body}");

    let response = navigate(&page, Some("__clerk_db_jwt=x")).await;
    assert_eq!(response.status().as_u16(), 307, "{page}: signed out");
    let mut sign_in = Url::parse(&format!("{app}{SIGN_IN_PATH}")).expect("a URL");
    sign_in.query_pairs_mut().append_pair("redirect_url", &page);
    assert_eq!(location(&response), sign_in.as_str());

    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
        .get(&page)
        .header("accept", "application/json")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 401, "{page}: API call");
    assert!(response.headers().get("location").is_none());
    let text = response.text().await.expect("a body");
    let body: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    assert_eq!(body["error"], "unauthenticated", "{body}");
}
