//! The browser flow's decision table, case by case, against what @clerk/backend decides for
//! the same request: each case runs through `Authenticator::authenticate_page` and through
//! `authenticateRequest` of `@clerk/backend` (`.ci/official-client/pages.mjs`), and the
//! status, reason, `Location`, `Cache-Control` and `Set-Cookie` directives must agree. Case
//! names cite the rule of tokens/request.ts (or handshake.ts, authenticateContext.ts) they
//! exercise. Without node the Rust side still runs and checks the expected status and
//! reason of each case.

use base64::Engine as _;
use clerk_backend::auth::browser::{PageOptions, PageRequest, PageState};
use clerk_backend::auth::{cookie_suffix, Authenticator};
use clerk_backend::jwt::Verifier;
use clerk_backend::models::CreateUserParams;
use clerk_backend::testing::StandIn;
use clerk_tests::browser::signed_in_user;
use clerk_tests::official::run_cases;
use serde::Serialize;

const APP: &str = "http://app.test:3000";
const NAV: [(&str, &str); 2] = [
    ("accept", "text/html,application/xhtml+xml"),
    ("sec-fetch-dest", "document"),
];
const API: [(&str, &str); 1] = [("accept", "application/json")];

#[derive(Debug, Clone, Serialize)]
struct Case {
    name: String,
    method: &'static str,
    url: String,
    /// The URL the JavaScript side gets when it differs (a handshake nonce is single use).
    #[serde(skip_serializing_if = "Option::is_none")]
    js_url: Option<String>,
    headers: Vec<(String, String)>,
    publishable_key: String,
    is_satellite: bool,
    domain: Option<String>,
    proxy_url: Option<String>,
    sign_in_url: Option<String>,
    /// What this crate answers: status and reason.
    #[serde(skip)]
    expect: (&'static str, Option<String>),
    /// @clerk/backend throws here (a bad handshake payload on a development instance);
    /// this crate answers signed out instead.
    #[serde(skip)]
    js_throws: bool,
}

impl Case {
    fn new(
        name: &str,
        pk: &str,
        url: &str,
        headers: &[(&str, &str)],
        expect: (&'static str, Option<&str>),
    ) -> Self {
        Self {
            name: name.to_owned(),
            method: "GET",
            url: url.to_owned(),
            js_url: None,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            publishable_key: pk.to_owned(),
            is_satellite: false,
            domain: None,
            proxy_url: None,
            sign_in_url: None,
            expect: (expect.0, expect.1.map(str::to_owned)),
            js_throws: false,
        }
    }

    fn method(mut self, method: &'static str) -> Self {
        self.method = method;
        self
    }

    fn options(&self) -> PageOptions {
        let mut options = PageOptions::default();
        options.is_satellite = self.is_satellite;
        options.domain = self.domain.clone();
        options.proxy_url = self.proxy_url.clone();
        options.sign_in_url = self.sign_in_url.clone();
        options
    }
}

/// What both sides are compared on.
#[derive(Debug, PartialEq, serde::Deserialize)]
struct Outcome {
    status: String,
    reason: Option<String>,
    location: Option<String>,
    cache_control: Option<String>,
    set_cookie: Vec<String>,
}

/// Cookie values that are minted per call (tokens, `__client_uat`) are blanked; names,
/// attributes and the redirect counter stay.
fn normalize(mut outcome: Outcome) -> Outcome {
    outcome.set_cookie = outcome
        .set_cookie
        .iter()
        .map(|directive| {
            let (pair, attributes) = directive.split_once(';').unwrap_or((directive, ""));
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = if name == "__clerk_redirect_count" || value.is_empty() {
                value
            } else {
                "*"
            };
            format!("{name}={value};{attributes}")
        })
        .collect();
    outcome
}

async fn ours(standin: &StandIn, case: &Case) -> Outcome {
    let verifier = Verifier::from_pem(standin.jwt_public_key()).unwrap_or_else(|e| panic!("{e}"));
    let auth = Authenticator::new(verifier)
        .publishable_key(&case.publishable_key)
        .machine_client(standin.clerk().clone())
        .pages(case.options());
    let headers: Vec<(&str, &str)> = case
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let page = auth
        .authenticate_page(&PageRequest::new(case.method, &case.url, &headers[..]))
        .await;
    // Secrets never leave through `Debug`: no token, refresh token or dev browser.
    let debug = format!("{page:?}");
    for secret in ["eyJ", "rt_", "dvb_"] {
        assert!(
            !debug.contains(secret),
            "{}: Debug shows {secret}: {debug}",
            case.name
        );
    }
    let status = match page.state {
        PageState::SignedIn(_) => "signed-in",
        PageState::SignedOut(_) => "signed-out",
        PageState::Handshake => "handshake",
        _ => "unknown",
    };
    let text = |name: &str| {
        page.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    Outcome {
        status: status.to_owned(),
        reason: page.reason.clone(),
        location: text("location"),
        cache_control: text("cache-control"),
        set_cookie: page
            .headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect(),
    }
}

fn jwt_claims(token: &str) -> serde_json::Value {
    let payload = token.split('.').nth(1).unwrap_or_default();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn cookie(pairs: &[(&str, &str)]) -> (&'static str, String) {
    let line = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    ("cookie", line)
}

fn with(base: &[(&str, &str)], cookie: &(&'static str, String)) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = base
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    headers.push((cookie.0.to_owned(), cookie.1.clone()));
    headers
}

/// A handshake through the stand-in's Frontend API for this dev browser: the URL it sends
/// the browser back to.
async fn handshake_return(standin: &StandIn, dev_browser: &str, format: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut url = reqwest::Url::parse(&format!("{}/v1/client/handshake", standin.url()))
        .unwrap_or_else(|e| panic!("{e}"));
    url.query_pairs_mut()
        .append_pair("redirect_url", &format!("{APP}/dashboard"))
        .append_pair("format", format)
        .append_pair("__clerk_db_jwt", dev_browser);
    let answer = http.get(url).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answer.status(), 307);
    answer.headers()["location"]
        .to_str()
        .unwrap_or_else(|e| panic!("{e}"))
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_decisions_match_clerk_backend_js() {
    let standin = StandIn::start().await.unwrap_or_else(|e| panic!("{e}"));
    let browser = signed_in_user(
        &standin,
        CreateUserParams::default().email_address(["pages@example.com"]),
    )
    .await;
    let dev = standin.publishable_key();
    let host = standin.url().trim_start_matches("http://").to_owned();
    let live = format!(
        "pk_live_{}",
        base64::engine::general_purpose::STANDARD.encode(format!("{host}$"))
    );
    let fresh = browser.session_token.clone();
    let expired = browser.expired_session_token.clone();
    let iat = jwt_claims(&fresh)["iat"].as_i64().unwrap_or_default();
    let uat = browser.client_uat.to_string();
    let later_uat = (iat + 30).to_string();
    let db = browser.dev_browser.clone();
    let sfx = cookie_suffix(&dev);
    let page = format!("{APP}/dashboard?tab=1");

    let signed_in = cookie(&[
        ("__clerk_db_jwt", &db),
        ("__client_uat", &uat),
        ("__session", &fresh),
    ]);
    let expired_cookies = cookie(&[
        ("__clerk_db_jwt", &db),
        ("__client_uat", &uat),
        ("__session", &expired),
    ]);
    let refresh_name = format!("__refresh_{sfx}");
    let refreshable = cookie(&[
        ("__clerk_db_jwt", &db),
        ("__client_uat", &uat),
        ("__session", &expired),
        (refresh_name.as_str(), &browser.refresh_token),
    ]);
    let suffixed = cookie(&[
        (format!("__clerk_db_jwt_{sfx}").as_str(), &db),
        (format!("__client_uat_{sfx}").as_str(), &uat),
        (format!("__session_{sfx}").as_str(), &fresh),
        ("__client_uat", &uat),
    ]);
    let expired_reason = Some("session-token-expired-refresh-non-eligible-no-refresh-cookie");

    let mut cases = vec![
        Case::new("dev_browser_missing_on_a_navigation_is_a_handshake", &dev, &page, &NAV, ("handshake", Some("dev-browser-missing"))),
        Case::new("dev_browser_missing_on_an_api_request_is_signed_out", &dev, &page, &API, ("signed-out", Some("dev-browser-missing"))),
        Case::new("dev_browser_sync_from_the_query_is_a_handshake", &dev, &format!("{page}&__clerk_db_jwt={db}"), &NAV, ("handshake", Some("dev-browser-sync"))),
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db)])), ..Case::new("session_token_and_uat_missing_is_signed_out", &dev, &page, &[], ("signed-out", Some("session-token-and-uat-missing"))) },
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db), ("__client_uat", &uat)])), ..Case::new("client_uat_without_session_token_is_a_handshake", &dev, &page, &[], ("handshake", Some("client-uat-but-no-session-token"))) },
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db), ("__session", &fresh)])), ..Case::new("session_token_without_client_uat_is_a_handshake", &dev, &page, &[], ("handshake", Some("session-token-but-no-client-uat"))) },
        Case { headers: with(&NAV, &signed_in), ..Case::new("a_fresh_cookie_token_is_signed_in", &dev, &page, &[], ("signed-in", None)) },
        Case { headers: with(&API, &signed_in), ..Case::new("a_fresh_cookie_token_is_signed_in_for_api_requests_too", &dev, &page, &[], ("signed-in", None)) },
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db), ("__client_uat", &later_uat), ("__session", &fresh)])), ..Case::new("session_token_iat_before_client_uat_is_a_handshake", &dev, &page, &[], ("handshake", Some("session-token-iat-before-client-uat"))) },
        Case { headers: with(&NAV, &expired_cookies), ..Case::new("an_expired_cookie_without_refresh_cookie_is_a_handshake", &dev, &page, &[], ("handshake", expired_reason)) },
        Case { headers: with(&API, &expired_cookies), ..Case::new("an_expired_cookie_on_an_api_request_is_signed_out", &dev, &page, &[], ("signed-out", expired_reason)) },
        Case { headers: with(&NAV, &expired_cookies), ..Case::new("an_expired_cookie_on_a_post_is_not_refreshed_nor_redirected", &dev, &page, &[], ("signed-out", Some("session-token-expired-refresh-non-eligible-non-get"))) }.method("POST"),
        Case { headers: with(&[("sec-fetch-dest", "iframe")], &expired_cookies), ..Case::new("an_iframe_navigation_is_eligible_for_the_handshake", &dev, &page, &[], ("handshake", expired_reason)) },
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db), ("__client_uat", &uat), ("__session", &expired), ("__clerk_redirect_count", "3")])), ..Case::new("the_redirect_loop_guard_stops_at_three", &dev, &page, &[], ("signed-out", expired_reason)) },
        Case { headers: with(&NAV, &refreshable), ..Case::new("an_expired_cookie_with_a_refresh_cookie_is_refreshed", &dev, &page, &[], ("signed-in", None)) },
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db), ("__client_uat", &uat), ("__session", "not-a-jwt")])), ..Case::new("a_malformed_cookie_token_is_signed_out", &dev, &page, &[], ("signed-out", Some("token-invalid"))) },
        Case { headers: with(&NAV, &suffixed), ..Case::new("suffixed_cookies_are_read_when_usesuffixedcookies_says_so", &dev, &page, &[], ("signed-in", None)) },
        Case::new("a_bearer_token_is_signed_in", &dev, &page, &[("authorization", &format!("Bearer {fresh}"))], ("signed-in", None)),
        Case { headers: vec![("authorization".to_owned(), format!("Bearer {expired}")), ("accept".to_owned(), "text/html".to_owned())], ..Case::new("an_expired_bearer_token_on_a_navigation_is_a_handshake", &dev, &page, &[], ("handshake", expired_reason)) },
        Case { headers: with(&NAV, &cookie(&[("__client_uat", &uat), ("__session", &expired)])), ..Case::new("production_needs_no_dev_browser", &live, &page, &[], ("handshake", expired_reason)) },
        Case { headers: with(&NAV, &signed_in), proxy_url: Some("/__clerk".to_owned()), ..Case::new("a_relative_proxy_url_is_resolved_against_the_request", &live, &page, &[], ("signed-in", None)) },
        Case { headers: with(&NAV, &cookie(&[("__client_uat", &uat), ("__session", &expired)])), proxy_url: Some("/__clerk".to_owned()), ..Case::new("the_handshake_goes_through_the_proxy", &live, &page, &[], ("handshake", expired_reason)) },
        Case::new("primary_domain_cross_origin_sync_after_a_satellite_referrer", &live, &page, &[NAV[0], NAV[1], ("referer", "https://satellite.test/"), (signed_in.0, &signed_in.1)], ("handshake", Some("primary-domain-cross-origin-sync"))),
        Case { is_satellite: true, domain: Some("satellite.test".to_owned()), sign_in_url: Some("https://primary.test/sign-in".to_owned()), ..Case::new("a_satellite_without_cookies_skips_the_sync", &live, "https://satellite.test/page", &NAV, ("signed-out", Some("session-token-and-uat-missing"))) },
        Case { is_satellite: true, domain: Some("satellite.test".to_owned()), sign_in_url: Some("https://primary.test/sign-in".to_owned()), ..Case::new("a_satellite_asked_to_sync_handshakes_with_clerk_dot_domain", &live, "https://satellite.test/page?__clerk_synced=false", &NAV, ("handshake", Some("satellite-needs-syncing"))) },
        Case { is_satellite: true, domain: Some("satellite.test".to_owned()), sign_in_url: Some("https://primary.test/sign-in".to_owned()), ..Case::new("a_development_satellite_syncs_through_the_primary_sign_in", &dev, "https://satellite.test/page?__clerk_synced=false", &NAV, ("handshake", Some("satellite-needs-syncing"))) },
        Case { headers: with(&NAV, &cookie(&[("__clerk_db_jwt", &db)])), ..Case::new("the_development_primary_responds_to_a_satellite_sync", &dev, &format!("{APP}/sign-in?__clerk_redirect_url=https%3A%2F%2Fsatellite.test%2Fpage%3F__clerk_synced%3Dfalse"), &[], ("handshake", Some("primary-responds-to-syncing"))) },
    ];

    // Handshakes coming back: a signed payload (reusable), nonces (one per side).
    let token_return = handshake_return(&standin, &db, "token").await;
    let tampered = clerk_tests::browser::tamper(&token_return);
    let nonce_ours = handshake_return(&standin, &db, "nonce").await;
    let nonce_js = handshake_return(&standin, &db, "nonce").await;
    cases.push(Case::new(
        "resolvehandshake_a_signed_payload_sets_cookies_and_cleans_the_url",
        &dev,
        &token_return,
        &NAV,
        ("signed-in", None),
    ));
    cases.push(Case {
        js_url: Some(nonce_js),
        ..Case::new(
            "resolvehandshake_a_nonce_is_fetched_through_the_backend_api",
            &dev,
            &nonce_ours,
            &NAV,
            ("signed-in", None),
        )
    });
    cases.push(Case {
        js_throws: true,
        ..Case::new(
            "resolvehandshake_a_tampered_payload_is_refused",
            &dev,
            &tampered,
            &NAV,
            ("signed-out", Some("token-invalid-signature")),
        )
    });

    let mut mismatches = Vec::new();
    let mut our_outcomes = Vec::new();
    for case in &cases {
        let outcome = ours(&standin, case).await;
        let got = (outcome.status.as_str(), outcome.reason.clone());
        if got != (case.expect.0, case.expect.1.clone()) {
            mismatches.push(format!(
                "{}: expected {:?}, got {got:?}",
                case.name, case.expect
            ));
        }
        our_outcomes.push(outcome);
    }
    // The handshake's Location must be the one @clerk/backend builds; spot-check one here
    // (the comparison below checks all of them).
    let first = our_outcomes[0].location.clone().unwrap_or_default();
    assert!(
        first.starts_with(&format!("https://{host}/v1/client/handshake?redirect_url=http%3A%2F%2Fapp.test%3A3000%2Fdashboard%3Ftab%3D1&__clerk_api_version=2026-05-12&suffixed_cookies=false&__clerk_hs_reason=dev-browser-missing&format=nonce")),
        "{first}"
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));

    // The same cases through @clerk/backend.
    let js_cases: Vec<Case> = cases
        .iter()
        .map(|c| Case {
            url: c.js_url.clone().unwrap_or_else(|| c.url.clone()),
            ..c.clone()
        })
        .collect();
    let Some(theirs) = run_cases(&standin, "pages.mjs", &js_cases, "pages: done").await else {
        return;
    };
    assert_eq!(theirs.len(), cases.len(), "one answer per case");
    let mut differences = Vec::new();
    for ((case, ours), theirs) in cases.iter().zip(our_outcomes).zip(theirs) {
        if case.js_throws {
            if theirs["status"] != "error" {
                differences.push(format!(
                    "{}: @clerk/backend was expected to throw, answered {theirs}",
                    case.name
                ));
            }
            continue;
        }
        let theirs: Outcome =
            serde_json::from_value(theirs.clone()).unwrap_or_else(|e| panic!("{e}: {theirs}"));
        let (ours, theirs) = (normalize(ours), normalize(theirs));
        if ours != theirs {
            differences.push(format!(
                "{}:\n  ours   {ours:?}\n  theirs {theirs:?}",
                case.name
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "decisions differ from @clerk/backend:\n{}",
        differences.join("\n")
    );
}

/// Beyond @clerk/backend (whose `verifyJwt` does not assert `iss`): the page flow only signs
/// in tokens issued by the publishable key's Frontend API (or the proxy or satellite domain
/// the app reaches it through). A token of the stand-in presented to an app of another
/// instance that happens to trust the same key is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_issued_by_another_frontend_api_is_refused() {
    let standin = StandIn::start().await.unwrap_or_else(|e| panic!("{e}"));
    let browser = signed_in_user(
        &standin,
        CreateUserParams::default().email_address(["iss@example.com"]),
    )
    .await;
    let other = format!(
        "pk_live_{}",
        base64::engine::general_purpose::STANDARD.encode("clerk.other.test$")
    );
    let sfx = cookie_suffix(&other);
    let uat = browser.client_uat.to_string();
    let cookies = cookie(&[
        (format!("__client_uat_{sfx}").as_str(), &uat),
        (format!("__session_{sfx}").as_str(), &browser.session_token),
    ]);
    let case = Case {
        headers: with(&API, &cookies),
        ..Case::new(
            "issuer",
            &other,
            APP,
            &[],
            ("signed-out", Some("token-invalid-issuer")),
        )
    };
    let outcome = ours(&standin, &case).await;
    assert_eq!(
        (outcome.status.as_str(), outcome.reason.as_deref()),
        ("signed-out", Some("token-invalid-issuer"))
    );
    // The same token for the stand-in's own key is signed in.
    let own = standin.publishable_key();
    let case = Case {
        headers: with(
            &API,
            &cookie(&[
                ("__clerk_db_jwt", &browser.dev_browser),
                ("__client_uat", &uat),
                ("__session", &browser.session_token),
            ]),
        ),
        ..Case::new("own", &own, APP, &[], ("signed-in", None))
    };
    assert_eq!(ours(&standin, &case).await.status, "signed-in");
}

/// The gate's decision (`Admission`) prints header names and URLs without their query, never
/// the session token the handshake URL carries.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admissions_do_not_print_tokens() {
    use clerk_backend::auth::{Admission, Gate};
    let standin = StandIn::start().await.unwrap_or_else(|e| panic!("{e}"));
    let browser = signed_in_user(
        &standin,
        CreateUserParams::default().email_address(["debug@example.com"]),
    )
    .await;
    let verifier = Verifier::from_pem(standin.jwt_public_key()).unwrap_or_else(|e| panic!("{e}"));
    let auth = Authenticator::new(verifier)
        .publishable_key(standin.publishable_key())
        .machine_client(standin.clerk().clone())
        .pages(PageOptions::default().proxy_url(standin.url()));
    let gate = Gate::new(auth).pages().require_signed_in();
    let uat = browser.client_uat.to_string();
    let cookies = cookie(&[
        ("__clerk_db_jwt", &browser.dev_browser),
        ("__client_uat", &uat),
        ("__session", &browser.expired_session_token),
    ]);
    let headers = with(&NAV, &cookies);
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let admission = gate
        .admit_request(&PageRequest::new("GET", &format!("{APP}/x"), &headers[..]))
        .await;
    let Admission::Redirect(redirect) = &admission else {
        panic!("a handshake redirect: {admission:?}");
    };
    assert!(
        redirect.location().contains("__session=eyJ"),
        "the URL carries the token"
    );
    let debug = format!("{admission:?}");
    assert!(!debug.contains("eyJ") && !debug.contains("dvb_"), "{debug}");
    assert!(debug.contains("/v1/client/handshake"), "{debug}");
}

/// createRedirect.ts: sign-in goes to the configured URL, else the Account Portal derived
/// from the Frontend API (`clerk.` becomes `accounts.`); sign-up to its own URL, else
/// `<sign-in URL>/create`, else the Account Portal's `/sign-up`; `redirect_url` names the
/// page, and a development instance's dev browser rides along across origins only.
#[tokio::test]
async fn createredirect_sign_in_and_sign_up_urls() {
    // @clerk/backend's fixture key: Frontend API clerk.inspired.puma-74.lcl.dev.
    const PK_TEST: &str = "pk_test_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";
    let standin = StandIn::start().await.unwrap_or_else(|e| panic!("{e}"));
    let auth = |options: PageOptions| {
        let verifier =
            Verifier::from_pem(standin.jwt_public_key()).unwrap_or_else(|e| panic!("{e}"));
        Authenticator::new(verifier)
            .publishable_key(PK_TEST)
            .pages(options)
    };
    let headers: &[(&str, &str)] = &[("cookie", "__clerk_db_jwt=dvb_1")];
    let request = PageRequest::new("GET", "http://app.test/orders?id=7", headers);
    let back = "redirect_url=http%3A%2F%2Fapp.test%2Forders%3Fid%3D7";

    let portal = auth(PageOptions::default());
    assert_eq!(
        portal.sign_in_url(&request),
        Some(format!(
            "https://accounts.inspired.puma-74.lcl.dev/sign-in?{back}&__clerk_db_jwt=dvb_1"
        ))
    );
    assert_eq!(
        portal.sign_up_url(&request),
        Some(format!(
            "https://accounts.inspired.puma-74.lcl.dev/sign-up?{back}&__clerk_db_jwt=dvb_1"
        ))
    );
    let own = auth(PageOptions::default().sign_in_url("/login"));
    assert_eq!(
        own.sign_in_url(&request),
        Some(format!("http://app.test/login?{back}"))
    );
    assert_eq!(
        own.sign_up_url(&request),
        Some(format!("http://app.test/login/create?{back}"))
    );
    let both = auth(
        PageOptions::default()
            .sign_in_url("/login")
            .sign_up_url("/join"),
    );
    assert_eq!(
        both.sign_up_url(&request),
        Some(format!("http://app.test/join?{back}"))
    );
}

/// The same redirects built by @clerk/backend's `createRedirect` (`redirects.mjs`), across
/// instance types, relative and absolute URLs, and a satellite going to its primary.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn createredirect_urls_match_clerk_backend_js() {
    #[derive(Serialize)]
    struct Redirects {
        publishable_key: String,
        url: String,
        dev_browser: Option<String>,
        sign_in_url: Option<String>,
        sign_up_url: Option<String>,
        is_satellite: bool,
    }
    const PK_TEST: &str = "pk_test_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";
    const PK_LIVE: &str = "pk_live_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";
    let standin = StandIn::start().await.unwrap_or_else(|e| panic!("{e}"));
    let case = |pk: &str,
                url: &str,
                db: bool,
                sign_in: Option<&str>,
                sign_up: Option<&str>,
                satellite: bool| Redirects {
        publishable_key: pk.to_owned(),
        url: url.to_owned(),
        dev_browser: db.then(|| "dvb_1".to_owned()),
        sign_in_url: sign_in.map(str::to_owned),
        sign_up_url: sign_up.map(str::to_owned),
        is_satellite: satellite,
    };
    let cases = [
        case(
            PK_TEST,
            "http://app.test/orders?id=7",
            true,
            None,
            None,
            false,
        ),
        case(
            PK_LIVE,
            "https://app.test/orders?id=7",
            false,
            None,
            None,
            false,
        ),
        case(
            PK_TEST,
            "http://app.test:8080/a",
            true,
            Some("/login"),
            None,
            false,
        ),
        case(
            PK_TEST,
            "http://app.test:8080/a",
            true,
            Some("/login"),
            Some("/join"),
            false,
        ),
        case(
            PK_LIVE,
            "https://satellite.test/a?b=c",
            false,
            Some("https://primary.test/sign-in"),
            None,
            true,
        ),
        case(
            PK_TEST,
            "https://satellite.test/a",
            true,
            Some("https://primary.test/sign-in"),
            Some("https://primary.test/sign-up"),
            true,
        ),
    ];
    let mut ours = Vec::new();
    for c in &cases {
        let verifier =
            Verifier::from_pem(standin.jwt_public_key()).unwrap_or_else(|e| panic!("{e}"));
        let mut options = PageOptions::default();
        options.sign_in_url = c.sign_in_url.clone();
        options.sign_up_url = c.sign_up_url.clone();
        if c.is_satellite {
            options = options.satellite("satellite.test");
        }
        let auth = Authenticator::new(verifier)
            .publishable_key(&c.publishable_key)
            .pages(options);
        let cookie = c
            .dev_browser
            .as_ref()
            .map(|db| format!("__clerk_db_jwt={db}"))
            .unwrap_or_default();
        let headers: &[(&str, &str)] = &[("cookie", &cookie)];
        let request = PageRequest::new("GET", &c.url, headers);
        ours.push(serde_json::json!({
            "sign_in": auth.sign_in_url(&request),
            "sign_up": auth.sign_up_url(&request),
        }));
    }
    assert!(
        ours.iter()
            .all(|o| o["sign_in"].is_string() && o["sign_up"].is_string()),
        "{ours:?}"
    );
    let Some(theirs) = run_cases(&standin, "redirects.mjs", &cases, "redirects: done").await else {
        return;
    };
    assert_eq!(ours, theirs);
}
