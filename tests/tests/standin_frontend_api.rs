//! The stand-in's side of @clerk/backend's browser flows, over loopback HTTP: the Frontend
//! API handshake (`GET /v1/client/handshake`) in both formats, the nonce payload of the
//! Backend API, refreshing with cookies, and the signed-in browsers of
//! `StandIn::sign_in_browser` / `sign_out_browser`.

use clerk_backend::auth::cookie_suffix;
use clerk_backend::jwt::TokenError;
use clerk_backend::models::{CreateUserParams, RefreshSessionParams, SessionRefreshFormat};
use clerk_backend::testing::{BrowserSignIn, StandIn};
use reqwest::{StatusCode, Url};
use serde_json::{json, Value};

/// A client that shows redirects instead of following them.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// A stand-in with one user, and that user's id.
async fn standin_with_user() -> (StandIn, String) {
    let standin = StandIn::start().await.expect("stand-in starts");
    let user = standin
        .clerk()
        .users()
        .create(CreateUserParams::default().email_address(["ada@example.com"]))
        .await
        .expect("user");
    (standin, user.id)
}

/// `GET /v1/client/handshake` with `query`, as a browser sent there by the SDK.
async fn handshake(standin: &StandIn, query: &[(&str, &str)]) -> reqwest::Response {
    let url = Url::parse_with_params(&format!("{}/v1/client/handshake", standin.url()), query)
        .expect("URL");
    browser().get(url).send().await.expect("handshake")
}

/// The value of the query parameter `name` of the 307's `Location`.
fn location_param(response: &reqwest::Response, name: &str) -> String {
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("a Location");
    let url = Url::parse(location).expect("an absolute Location");
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| panic!("no {name} in {location}"))
}

/// `GET /v1/clients/handshake_payload?nonce=`, with the secret key unless `key` is `None`.
async fn payload(standin: &StandIn, nonce: &str, key: Option<&str>) -> (StatusCode, Value) {
    let url = Url::parse_with_params(
        &format!("{}/v1/clients/handshake_payload", standin.url()),
        [("nonce", nonce)],
    )
    .expect("URL");
    let mut request = browser().get(url);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.expect("payload");
    json_of(response).await
}

/// The status and JSON body of `response`.
async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let bytes = response.bytes().await.expect("a body");
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    (status, body)
}

/// The directives of a JSON array.
fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| d.as_str().expect("a string").to_owned())
        .collect()
}

/// The whole directive that sets the cookie `name`.
fn directive<'a>(directives: &'a [String], name: &str) -> Option<&'a str> {
    let prefix = format!("{name}=");
    directives
        .iter()
        .find(|d| d.starts_with(&prefix))
        .map(String::as_str)
}

/// The value the directive of cookie `name` sets.
fn cookie<'a>(directives: &'a [String], name: &str) -> &'a str {
    let found =
        directive(directives, name).unwrap_or_else(|| panic!("no {name} cookie in {directives:?}"));
    let value = &found[name.len() + 1..];
    value.split(';').next().unwrap_or_default()
}

/// The cookie-name suffix of this stand-in's publishable key.
fn suffix(standin: &StandIn) -> String {
    cookie_suffix(&standin.publishable_key())
}

/// A nonce handshake of `dev_browser`, and the directives collected for its nonce.
async fn nonce_handshake(standin: &StandIn, dev_browser: Option<&str>) -> Vec<String> {
    let mut query = vec![
        ("redirect_url", "http://127.0.0.1:3000/dashboard?tab=1"),
        ("__clerk_api_version", "2025-11-10"),
        ("suffixed_cookies", "false"),
        (
            "__clerk_hs_reason",
            "session-token-expired-refresh-non-eligible-no-refresh-cookie",
        ),
        ("format", "nonce"),
    ];
    if let Some(token) = dev_browser {
        query.push(("__clerk_db_jwt", token));
    }
    let response = handshake(standin, &query).await;
    let nonce = location_param(&response, "__clerk_handshake_nonce");
    let (status, body) = payload(standin, &nonce, Some(standin.secret_key())).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    strings(&body["directives"])
}

#[tokio::test]
async fn a_signed_in_browser_gets_its_cookies_through_a_single_use_nonce() {
    let (standin, user) = standin_with_user().await;
    let browser_sign_in = standin.sign_in_browser(&user).expect("signed in");
    let response = handshake(
        &standin,
        &[
            ("redirect_url", "http://127.0.0.1:3000/dashboard?tab=1"),
            ("__clerk_api_version", "2025-11-10"),
            ("suffixed_cookies", "false"),
            ("__clerk_hs_reason", "session-token-expired"),
            ("format", "nonce"),
            ("__clerk_db_jwt", &browser_sign_in.dev_browser),
        ],
    )
    .await;
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let location = Url::parse(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .expect("Location"),
    )
    .expect("absolute");
    assert_eq!(
        (location.host_str(), location.port(), location.path()),
        (Some("127.0.0.1"), Some(3000), "/dashboard")
    );
    assert!(location.query_pairs().any(|(k, v)| k == "tab" && v == "1"));
    let nonce = location_param(&response, "__clerk_handshake_nonce");

    // Without the secret key the payload is refused like any Backend API route.
    let (status, body) = payload(&standin, &nonce, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["errors"][0]["code"], "authorization_header_missing");

    let (status, body) = payload(&standin, &nonce, Some(standin.secret_key())).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let directives = strings(&body["directives"]);
    let jwt = cookie(&directives, "__session");
    let claims = standin.verifier().verify(jwt).await.expect("a valid token");
    assert_eq!(
        claims.session_id(),
        Some(browser_sign_in.session_id.as_str())
    );
    assert_eq!(claims.user_id(), user);
    let uat: i64 = cookie(&directives, "__client_uat")
        .parse()
        .expect("seconds");
    assert!(
        uat >= browser_sign_in.client_uat + 120,
        "now, not the old uat"
    );
    let refresh_name = format!("__refresh_{}", suffix(&standin));
    let refresh = directive(&directives, &refresh_name).expect("a refresh cookie");
    assert!(refresh.starts_with(&format!("{refresh_name}=rt_")) && refresh.ends_with("HttpOnly"));
    assert_eq!(
        cookie(&directives, "__clerk_db_jwt"),
        browser_sign_in.dev_browser
    );
    assert!(directives
        .iter()
        .all(|d| d.contains("Path=/") && d.contains("SameSite=Lax") && !d.contains("Secure")));
    // Not asked for suffixed cookies: no suffixed session.
    assert!(directive(&directives, &format!("__session_{}", suffix(&standin))).is_none());

    // The nonce is used up.
    let (status, body) = payload(&standin, &nonce, Some(standin.secret_key())).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["errors"][0]["code"], "resource_not_found");

    // Each handshake is in the request log; the root form of the payload route answers too.
    let handshakes = standin
        .requests()
        .iter()
        .filter(|r| r.line() == "GET /v1/client/handshake")
        .count();
    assert_eq!(handshakes, 1);
    let response = browser()
        .get(format!("{}/clients/handshake_payload", standin.url()))
        .bearer_auth(standin.secret_key())
        .send()
        .await
        .expect("payload without nonce");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, body) = json_of(response).await;
    assert_eq!(body["errors"][0]["code"], "form_param_missing");
}

#[tokio::test]
async fn an_unknown_dev_browser_is_signed_out_and_gets_a_new_one() {
    let (standin, _) = standin_with_user().await;
    for dev_browser in [None, Some("dvb_neverissued")] {
        let directives = nonce_handshake(&standin, dev_browser).await;
        let sfx = suffix(&standin);
        assert_eq!(
            directive(&directives, "__session"),
            Some("__session=; Path=/; SameSite=Lax; Max-Age=0")
        );
        assert_eq!(cookie(&directives, "__client_uat"), "0");
        assert_eq!(
            directive(&directives, &format!("__refresh_{sfx}")),
            Some(format!("__refresh_{sfx}=; Path=/; SameSite=Lax; Max-Age=0").as_str())
        );
        let fresh = cookie(&directives, "__clerk_db_jwt");
        assert!(fresh.starts_with("dvb_") && Some(fresh) != dev_browser);
    }
}

#[tokio::test]
async fn the_token_format_carries_the_directives_in_a_jwt_of_the_instance_key() {
    let (standin, user) = standin_with_user().await;
    let signed_in = standin.sign_in_browser(&user).expect("signed in");
    // No `format`: token is the default.
    let response = handshake(
        &standin,
        &[
            ("redirect_url", "https://app.example.com/"),
            ("suffixed_cookies", "true"),
            ("__clerk_db_jwt", &signed_in.dev_browser),
        ],
    )
    .await;
    let token = location_param(&response, "__clerk_handshake");

    let key = jsonwebtoken::DecodingKey::from_rsa_pem(standin.jwt_public_key().as_bytes())
        .expect("the PEM");
    let validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    let mut validation = validation;
    validation.required_spec_claims.clear();
    let decoded =
        jsonwebtoken::decode::<Value>(&token, &key, &validation).expect("signed by the stand-in");
    let session_kid = jsonwebtoken::decode_header(&signed_in.session_token)
        .expect("header")
        .kid;
    assert_eq!(decoded.header.kid, session_kid);
    assert_eq!(decoded.header.typ.as_deref(), Some("JWT"));
    let claims = decoded.claims;
    let iat = claims["iat"].as_i64().expect("iat");
    assert_eq!(claims["exp"], json!(iat + 60));

    let directives = strings(&claims["handshake"]);
    let sfx = suffix(&standin);
    let jwt = cookie(&directives, "__session");
    assert_eq!(cookie(&directives, &format!("__session_{sfx}")), jwt);
    assert_eq!(
        cookie(&directives, &format!("__client_uat_{sfx}")),
        cookie(&directives, "__client_uat")
    );
    let claims = standin.verifier().verify(jwt).await.expect("valid");
    assert_eq!(claims.session_id(), Some(signed_in.session_id.as_str()));
    assert!(cookie(&directives, &format!("__refresh_{sfx}")).starts_with("rt_"));
    assert_eq!(cookie(&directives, "__clerk_db_jwt"), signed_in.dev_browser);
}

#[tokio::test]
async fn a_missing_relative_or_non_http_redirect_url_is_a_400() {
    let (standin, _) = standin_with_user().await;
    for (redirect_url, code) in [
        (None, "form_param_missing"),
        (Some("/dashboard"), "form_param_invalid"),
        (Some("ftp://files.example.com/"), "form_param_invalid"),
    ] {
        let mut query = vec![("format", "nonce")];
        if let Some(url) = redirect_url {
            query.push(("redirect_url", url));
        }
        let response = handshake(&standin, &query).await;
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{redirect_url:?}"
        );
        let (_, body) = json_of(response).await;
        assert_eq!(body["errors"][0]["code"], code, "{redirect_url:?}");
        assert_eq!(body["errors"][0]["meta"]["param_name"], "redirect_url");
    }
}

/// `POST /v1/sessions/{id}/refresh?suffixed_cookies=...` as @clerk/backend sends it.
async fn refresh_raw(
    standin: &StandIn,
    signed_in: &BrowserSignIn,
    refresh_token: &str,
) -> (StatusCode, Value) {
    let body = json!({
        "format": "cookie",
        "expired_token": signed_in.expired_session_token,
        "refresh_token": refresh_token,
        "request_origin": "http://127.0.0.1:3000",
    });
    let response = browser()
        .post(format!(
            "{}/v1/sessions/{}/refresh?suffixed_cookies=true",
            standin.url(),
            signed_in.session_id
        ))
        .bearer_auth(standin.secret_key())
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("refresh");
    json_of(response).await
}

#[tokio::test]
async fn refresh_with_cookies_answers_suffixed_directives_for_the_sessions_refresh_token() {
    let (standin, user) = standin_with_user().await;
    let signed_in = standin.sign_in_browser(&user).expect("signed in");
    let (status, body) = refresh_raw(&standin, &signed_in, &signed_in.refresh_token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["object"], "cookies");
    let directives = strings(&body["cookies"]);
    let sfx = suffix(&standin);
    let jwt = cookie(&directives, "__session");
    assert_eq!(cookie(&directives, &format!("__session_{sfx}")), jwt);
    assert!(!cookie(&directives, &format!("__client_uat_{sfx}")).is_empty());
    assert!(
        cookie(&directives, "__client_uat")
            .parse::<i64>()
            .expect("seconds")
            > 0
    );
    let claims = standin.verifier().verify(jwt).await.expect("a fresh token");
    assert_eq!(claims.session_id(), Some(signed_in.session_id.as_str()));

    // A refresh token the stand-in never issued, or one of another session, is refused.
    let other = standin.sign_in_browser(&user).expect("second browser");
    for wrong in ["rt_madeup", other.refresh_token.as_str()] {
        let (status, body) = refresh_raw(&standin, &signed_in, wrong).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{wrong}: {body}");
        assert_eq!(body["errors"][0]["code"], "unauthorized");
    }

    // Through the crate's client, the token format is unchanged.
    let refreshed = standin
        .clerk()
        .sessions()
        .refresh(
            &signed_in.session_id,
            RefreshSessionParams::new(
                signed_in.expired_session_token.clone(),
                signed_in.refresh_token.clone(),
                "http://127.0.0.1:3000",
            ),
        )
        .await
        .expect("refreshed");
    assert_eq!(refreshed.object, "token");
    let mut cookies = RefreshSessionParams::new(
        signed_in.expired_session_token.clone(),
        signed_in.refresh_token.clone(),
        "http://127.0.0.1:3000",
    );
    cookies.format = Some(SessionRefreshFormat::Cookie);
    let refreshed = standin
        .clerk()
        .sessions()
        .refresh(&signed_in.session_id, cookies)
        .await
        .expect("cookies");
    let plain = refreshed.cookies.expect("cookies");
    // Without `suffixed_cookies` only the plain names.
    assert!(directive(&plain, &format!("__session_{sfx}")).is_none());
    assert!(directive(&plain, "__session").is_some());
}

#[tokio::test]
async fn sign_in_browser_gives_a_fresh_token_and_one_already_expired() {
    let (standin, user) = standin_with_user().await;
    let signed_in = standin.sign_in_browser(&user).expect("signed in");
    let verifier = standin.verifier();
    let claims = verifier
        .verify(&signed_in.session_token)
        .await
        .expect("the fresh token verifies");
    assert_eq!(claims.session_id(), Some(signed_in.session_id.as_str()));
    let err = verifier
        .verify(&signed_in.expired_session_token)
        .await
        .expect_err("expired");
    assert!(matches!(err, TokenError::Expired { .. }), "{err:?}");

    let header = jsonwebtoken::decode_header(&signed_in.expired_session_token).expect("header");
    let key =
        jsonwebtoken::DecodingKey::from_rsa_pem(standin.jwt_public_key().as_bytes()).expect("PEM");
    let mut lenient = jsonwebtoken::Validation::new(header.alg);
    lenient.validate_exp = false;
    let old = jsonwebtoken::decode::<Value>(&signed_in.expired_session_token, &key, &lenient)
        .expect("signed")
        .claims;
    assert_eq!(old["iat"], json!(signed_in.client_uat));
    assert_eq!(old["exp"], json!(signed_in.client_uat + 60));
    assert_eq!(old["sid"], json!(signed_in.session_id));

    let session = standin
        .clerk()
        .sessions()
        .get(&signed_in.session_id)
        .await
        .expect("session");
    assert_eq!(session.client_id, signed_in.client_id);
    assert_eq!(session.user_id, user);

    // Debug redacts every token.
    let shown = format!("{signed_in:?}");
    for secret in [
        &signed_in.dev_browser,
        &signed_in.session_token,
        &signed_in.expired_session_token,
        &signed_in.refresh_token,
    ] {
        assert!(!shown.contains(secret.as_str()), "{shown}");
    }
    assert!(shown.contains(&signed_in.session_id));

    let err = standin
        .sign_in_browser("user_missing")
        .expect_err("no such user");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
}

#[tokio::test]
async fn after_sign_out_browser_the_handshake_is_signed_out() {
    let (standin, user) = standin_with_user().await;
    let signed_in = standin.sign_in_browser(&user).expect("signed in");
    let before = nonce_handshake(&standin, Some(&signed_in.dev_browser)).await;
    assert!(cookie(&before, "__session").starts_with("ey"));

    standin.sign_out_browser(&signed_in.dev_browser);
    let after = nonce_handshake(&standin, Some(&signed_in.dev_browser)).await;
    assert_eq!(cookie(&after, "__session"), "");
    assert_eq!(cookie(&after, "__client_uat"), "0");
    // The same dev browser, still known.
    assert_eq!(cookie(&after, "__clerk_db_jwt"), signed_in.dev_browser);
    let session = standin
        .clerk()
        .sessions()
        .get(&signed_in.session_id)
        .await
        .expect("session");
    assert_eq!(session.status.to_string(), "revoked");
    let (status, _) = refresh_raw(&standin, &signed_in, &signed_in.refresh_token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
