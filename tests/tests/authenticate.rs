//! `Authenticator` over request headers: token selection (header, cookie, suffixed cookie,
//! other schemes), token kinds a route accepts, session verification, and machine tokens
//! verified through the Backend API on a loopback server.

mod jwt_support;

use std::sync::OnceLock;
use std::time::SystemTime;

use clerk_backend::auth::{
    cookie_suffix, AuthState, Authenticator, SignedIn, SignedOutReason, TokenKind,
};
use clerk_backend::jwt::{Clock, KeySource, Verifier};
use clerk_tests::{MockServer, Reply};
use jwt_support::{now, session_claims, TestKey};

fn key() -> &'static TestKey {
    static KEY: OnceLock<TestKey> = OnceLock::new();
    KEY.get_or_init(|| TestKey::generate("ins_auth_1"))
}

#[derive(Clone, Copy)]
struct Fixed;

impl Clock for Fixed {
    fn now(&self) -> SystemTime {
        now()
    }
}

fn authenticator() -> Authenticator {
    let source = KeySource::pem(&key().pem()).expect("pem");
    Authenticator::new(Verifier::builder(source).clock(Fixed).build())
}

fn headers(pairs: &[(&str, &str)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (k, v) in pairs {
        let name = http::header::HeaderName::from_bytes(k.as_bytes()).expect("name");
        map.append(name, v.parse().expect("value"));
    }
    map
}

fn signed_out(state: AuthState) -> SignedOutReason {
    match state {
        AuthState::SignedOut(out) => out.reason,
        AuthState::SignedIn(who) => panic!("signed in: {who:?}"),
    }
}

#[tokio::test]
async fn a_valid_bearer_session_token_signs_in() {
    let token = key().token(&session_claims());
    let state = authenticator()
        .authenticate(&headers(&[("authorization", &format!("Bearer {token}"))]))
        .await;
    let AuthState::SignedIn(who) = state else {
        panic!("{state:?}")
    };
    assert_eq!(who.user_id(), Some("user_2abc"));
    assert_eq!(
        who.session().and_then(|c| c.session_id()),
        Some("sess_2xyz")
    );
}

/// authenticateContext.ts `usesSuffixedCookies`: a plain `__session` of another instance
/// (its `iss` is not the publishable key's Frontend API) means the suffixed cookies are ours.
#[tokio::test]
async fn cookies_are_read_when_the_header_has_another_scheme() {
    let token = key().token(&session_claims());
    let pk = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"; // clerk.example.com
    let sfx = cookie_suffix(pk);
    let mut foreign = session_claims();
    foreign["iss"] = serde_json::json!("https://clerk.other-app.com");
    let foreign = TestKey::generate("ins_other").token(&foreign);
    let uat = jwt_support::NOW - 100;
    let cookie = format!(
        "__session={foreign}; __client_uat={uat}; __session_{sfx}={token}; __client_uat_{sfx}={uat}"
    );
    let request = headers(&[("authorization", "Basic dXNlcjpwdw=="), ("cookie", &cookie)]);
    let state = authenticator()
        .publishable_key(pk)
        .authenticate(&request)
        .await;
    assert!(
        matches!(state, AuthState::SignedIn(SignedIn::Session(_))),
        "{state:?}"
    );
    // Without the publishable key the plain cookie is read: another instance's token.
    let reason = signed_out(authenticator().authenticate(&request).await);
    assert_eq!(
        reason,
        SignedOutReason::InvalidSessionToken("token-invalid-signature")
    );
}

fn cookie_request(token: &str, client_uat: Option<&str>) -> http::HeaderMap {
    let cookie = match client_uat {
        Some(uat) => format!("__session={token}; __client_uat={uat}"),
        None => format!("__session={token}"),
    };
    headers(&[("cookie", &cookie)])
}

/// request.ts `authenticateRequestWithTokenInCookie`: `!hasActiveClient && hasSessionToken`
/// is `session-token-but-no-client-uat` (`clientUat` is `parseInt(__client_uat) || 0`): the
/// browser signed out, the `__session` cookie is left over.
#[tokio::test]
async fn session_token_but_no_client_uat_is_signed_out() {
    let token = key().token(&session_claims());
    for uat in [None, Some("0"), Some("signed-out"), Some("")] {
        let out = signed_out(
            authenticator()
                .authenticate(&cookie_request(&token, uat))
                .await,
        );
        assert_eq!(out, SignedOutReason::SessionSignedOut, "{uat:?}");
        assert_eq!(out.code(), "session-signed-out");
    }
    let uat = (jwt_support::NOW - 100).to_string();
    let state = authenticator()
        .authenticate(&cookie_request(&token, Some(&uat)))
        .await;
    assert!(matches!(state, AuthState::SignedIn(_)), "{state:?}");
    // A signed-in `__client_uat` without a session cookie: nothing to authenticate.
    let only_uat = headers(&[("cookie", &format!("__client_uat={uat}"))]);
    assert_eq!(
        signed_out(authenticator().authenticate(&only_uat).await),
        SignedOutReason::NoToken
    );
}

/// request.ts: `decodeResult.payload.iat < authenticateContext.clientUat` is
/// `session-token-iat-before-client-uat` (a handshake for page loads there; signed out with
/// `session-token-outdated` here), decided before verification.
#[tokio::test]
async fn session_token_iat_before_client_uat_is_outdated() {
    let iat = jwt_support::NOW - 10;
    let token = key().token(&session_claims());
    let newer_uat = (iat + 1).to_string();
    let out = signed_out(
        authenticator()
            .authenticate(&cookie_request(&token, Some(&newer_uat)))
            .await,
    );
    assert_eq!(out, SignedOutReason::SessionTokenOutdated);
    assert_eq!(out.code(), "session-token-outdated");
    // Issued at the very second of `__client_uat`: current.
    let same = iat.to_string();
    let state = authenticator()
        .authenticate(&cookie_request(&token, Some(&same)))
        .await;
    assert!(matches!(state, AuthState::SignedIn(_)), "{state:?}");
}

/// Header tokens carry no `__client_uat` semantics (request.ts
/// `authenticateRequestWithTokenInHeader` verifies the token only), even next to cookies
/// that would sign a cookie token out.
#[tokio::test]
async fn header_tokens_ignore_the_client_uat_rules() {
    let token = key().token(&session_claims());
    let far_future = (jwt_support::NOW + 86_400).to_string();
    for cookie in [
        "__client_uat=0".to_owned(),
        format!("__client_uat={far_future}"),
    ] {
        let request = headers(&[
            ("authorization", &format!("Bearer {token}")),
            ("cookie", &cookie),
        ]);
        let state = authenticator().authenticate(&request).await;
        assert!(
            matches!(state, AuthState::SignedIn(_)),
            "{cookie}: {state:?}"
        );
    }
}

/// authStatus.ts `signedIn(...).toAuth({ treatPendingAsSignedOut = true })` and
/// authObjects.ts `getAuthObjectForAcceptedToken`: a pending session (`sts: "pending"`) is
/// signed out unless the caller opts in.
#[tokio::test]
async fn pending_sessions_are_signed_out_unless_treat_pending_as_signed_out_is_false() {
    let mut claims = session_claims();
    claims["sts"] = serde_json::json!("pending");
    let token = key().token(&claims);
    let out = signed_out(authenticator().authenticate(&bearer(&token)).await);
    assert_eq!(out, SignedOutReason::SessionPending);
    assert_eq!(out.code(), "session-pending");
    // Through the cookie too.
    let uat = (jwt_support::NOW - 100).to_string();
    assert_eq!(
        signed_out(
            authenticator()
                .authenticate(&cookie_request(&token, Some(&uat)))
                .await
        ),
        SignedOutReason::SessionPending
    );

    let accepting = authenticator().treat_pending_as_signed_out(false);
    let AuthState::SignedIn(who) = accepting.authenticate(&bearer(&token)).await else {
        panic!("a pending session was refused though accepted")
    };
    assert_eq!(who.user_id(), Some("user_2abc"));
    assert!(who.session().is_some_and(|c| c.is_pending()));
    // Active sessions are signed in either way.
    let active = key().token(&session_claims());
    let state = authenticator().authenticate(&bearer(&active)).await;
    assert!(matches!(state, AuthState::SignedIn(_)), "{state:?}");
}

/// Every signed-out state's code is one of the documented, closed set.
#[tokio::test]
async fn reason_codes_are_a_closed_set() {
    let mut expired = session_claims();
    expired["exp"] = serde_json::json!(jwt_support::NOW - 3600);
    let mut pending = session_claims();
    pending["sts"] = serde_json::json!("pending");
    let cases = [
        (headers(&[]), "token-missing"),
        (bearer("not-a-jwt"), "token-invalid"),
        (bearer(&key().token(&expired)), "token-expired"),
        (bearer("ak_0123456789abcdef"), "token-kind-not-accepted"),
        (bearer(&key().token(&pending)), "session-pending"),
        (
            cookie_request(&key().token(&session_claims()), None),
            "session-signed-out",
        ),
        (
            cookie_request(&key().token(&session_claims()), Some("1999999999")),
            "session-token-outdated",
        ),
    ];
    for (request, code) in cases {
        let reason = signed_out(authenticator().authenticate(&request).await);
        assert_eq!(reason.code(), code, "{reason:?}");
        assert!(SignedOutReason::CODES.contains(&code));
    }
    assert_eq!(
        SignedOutReason::MachineVerificationFailed.code(),
        "internal"
    );
    assert_eq!(
        SignedOutReason::VerificationUnavailable("jwk-remote-failed-to-load").code(),
        "internal"
    );
}

#[tokio::test]
async fn bad_and_missing_tokens_sign_out_with_a_reason() {
    assert_eq!(
        signed_out(authenticator().authenticate(&headers(&[])).await),
        SignedOutReason::NoToken
    );
    let mut claims = session_claims();
    claims["exp"] = serde_json::json!(jwt_support::NOW - 3600);
    let expired = key().token(&claims);
    let state = authenticator()
        .authenticate(&headers(&[("authorization", &format!("Bearer {expired}"))]))
        .await;
    let AuthState::SignedOut(out) = state else {
        panic!("{state:?}")
    };
    assert_eq!(
        out.reason,
        SignedOutReason::InvalidSessionToken("token-expired")
    );
    assert!(
        !out.message.contains(&expired),
        "the message shows the token"
    );
}

#[tokio::test]
async fn machine_tokens_need_to_be_accepted_and_come_from_the_header() {
    let reason = signed_out(
        authenticator()
            .authenticate(&headers(&[("authorization", "Bearer ak_0123456789abcdef")]))
            .await,
    );
    assert_eq!(
        reason,
        SignedOutReason::TokenTypeNotAccepted(TokenKind::ApiKey)
    );
    // A machine-looking cookie is treated as a session token, never as an API key.
    let reason = signed_out(
        authenticator()
            .accept([TokenKind::ApiKey])
            .authenticate(&headers(&[(
                "cookie",
                "__session=ak_0123456789abcdef; __client_uat=1",
            )]))
            .await,
    );
    assert_eq!(
        reason,
        SignedOutReason::TokenTypeNotAccepted(TokenKind::SessionToken)
    );
}

#[tokio::test]
async fn an_api_key_is_verified_by_the_backend_api() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "api_key.json"));
    server.reply(Reply::clerk_error(
        404,
        "resource_not_found",
        "API key not found",
    ));
    let auth = authenticator()
        .machine_client(server.client())
        .accept([TokenKind::SessionToken, TokenKind::ApiKey]);

    let state = auth
        .authenticate(&headers(&[(
            "authorization",
            "Bearer ak_live_secret_value",
        )]))
        .await;
    let AuthState::SignedIn(SignedIn::Machine(machine)) = state else {
        panic!("{state:?}")
    };
    assert_eq!(machine.kind, TokenKind::ApiKey);
    assert!(machine.id.starts_with("ak_"));
    let req = &server.requests()[0];
    assert_eq!(req.line(), ("POST", "/api_keys/verify", None));
    assert_eq!(
        req.json(),
        serde_json::json!({"secret": "ak_live_secret_value"})
    );

    let reason = signed_out(
        auth.authenticate(&headers(&[("authorization", "Bearer ak_unknown")]))
            .await,
    );
    assert_eq!(reason, SignedOutReason::InvalidMachineToken);
}

fn bearer(token: &str) -> http::HeaderMap {
    headers(&[("authorization", &format!("Bearer {token}"))])
}

fn m2m_claims() -> serde_json::Value {
    serde_json::json!({
        "sub": "mch_2worker",
        "jti": "mt_0123456789abcdef0123456789abcdef",
        "iss": "https://clerk.example.com",
        "exp": jwt_support::NOW + 60,
        "iat": jwt_support::NOW - 10,
        "scopes": "mch_2billing mch_2reports",
        "tier": "gold",
    })
}

#[tokio::test]
async fn an_m2m_jwt_is_verified_locally_when_accepted() {
    let token = key().token(&m2m_claims());
    // No machine client: the JWT needs no Backend API call.
    let auth = authenticator().accept([TokenKind::SessionToken, TokenKind::M2mToken]);
    let AuthState::SignedIn(SignedIn::Machine(machine)) = auth.authenticate(&bearer(&token)).await
    else {
        panic!("not signed in as a machine")
    };
    assert_eq!(machine.kind, TokenKind::M2mToken);
    assert_eq!(machine.subject, "mch_2worker");
    assert_eq!(machine.id, "mt_0123456789abcdef0123456789abcdef");
    assert_eq!(machine.scopes, ["mch_2billing", "mch_2reports"]);
    assert_eq!(
        machine.claims,
        Some(serde_json::json!({"scopes": "mch_2billing mch_2reports", "tier": "gold"}))
    );

    // A session-only route refuses it by kind, before any verification.
    assert_eq!(
        signed_out(authenticator().authenticate(&bearer(&token)).await),
        SignedOutReason::TokenTypeNotAccepted(TokenKind::M2mToken)
    );
}

#[tokio::test]
async fn an_oauth_jwt_is_verified_locally_with_its_scopes() {
    let header = serde_json::json!({"alg": "RS256", "typ": "at+jwt", "kid": key().kid});
    let payload = serde_json::json!({
        "sub": "user_2abc", "jti": "oat_1", "client_id": "client_app",
        "scp": ["email", "profile"],
        "exp": jwt_support::NOW + 60, "iat": jwt_support::NOW - 10,
    });
    let token = key().sign(&header, &payload);
    let auth = authenticator().accept([TokenKind::OAuthToken]);
    let AuthState::SignedIn(who) = auth.authenticate(&bearer(&token)).await else {
        panic!("not signed in")
    };
    assert_eq!(who.user_id(), Some("user_2abc"));
    let SignedIn::Machine(machine) = who else {
        panic!("not a machine")
    };
    assert_eq!(machine.kind, TokenKind::OAuthToken);
    assert_eq!(machine.scopes, ["email", "profile"]);
}

#[tokio::test]
async fn machine_jwts_with_a_bad_signature_or_category_are_refused() {
    let other = TestKey::generate(&key().kid);
    let forged = other.token(&m2m_claims());
    let auth = authenticator().accept([TokenKind::M2mToken]);
    let AuthState::SignedOut(out) = auth.authenticate(&bearer(&forged)).await else {
        panic!("a forged M2M JWT signed in")
    };
    assert_eq!(out.reason, SignedOutReason::InvalidMachineToken);
    assert!(out.message.contains("signature"), "{}", out.message);

    // An M2M subject with the session category is not an M2M token.
    let header = serde_json::json!({"alg": "RS256", "kid": key().kid, "cat": "cl_B7d4PD111AAA"});
    let token = key().sign(&header, &m2m_claims());
    assert_eq!(
        signed_out(auth.authenticate(&bearer(&token)).await),
        SignedOutReason::InvalidMachineToken
    );

    // And an expired one is refused like an expired session token.
    let mut claims = m2m_claims();
    claims["exp"] = serde_json::json!(jwt_support::NOW - 60);
    let AuthState::SignedOut(out) = auth.authenticate(&bearer(&key().token(&claims))).await else {
        panic!("an expired M2M JWT signed in")
    };
    assert!(out.message.contains("expired"), "{}", out.message);
}
