//! `Authenticator` over request headers: token selection (header, cookie, suffixed cookie,
//! other schemes), token kinds a route accepts, session verification, and machine tokens
//! verified through the Backend API on a loopback server.

mod jwt_support;

use std::sync::OnceLock;
use std::time::SystemTime;

use clerk::auth::{cookie_suffix, AuthState, Authenticator, SignedIn, SignedOutReason, TokenKind};
use clerk::jwt::{Clock, KeySource, Verifier};
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

#[tokio::test]
async fn cookies_are_read_when_the_header_has_another_scheme() {
    let token = key().token(&session_claims());
    let pk = "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k";
    let cookie = format!("__session=garbage; __session_{}={token}", cookie_suffix(pk));
    let request = headers(&[("authorization", "Basic dXNlcjpwdw=="), ("cookie", &cookie)]);
    let state = authenticator()
        .publishable_key(pk)
        .authenticate(&request)
        .await;
    assert!(
        matches!(state, AuthState::SignedIn(SignedIn::Session(_))),
        "{state:?}"
    );
    // Without the publishable key the plain cookie is used, and it is not a valid token.
    let reason = signed_out(authenticator().authenticate(&request).await);
    assert_eq!(
        reason,
        SignedOutReason::InvalidSessionToken("token-invalid")
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
            .authenticate(&headers(&[("cookie", "__session=ak_0123456789abcdef")]))
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
