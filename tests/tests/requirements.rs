//! Authorization requirements, checked by the core every integration uses: each kind of
//! `Requirement` against session tokens (organization role and permissions, features and
//! plans in Clerk's v2 claims, evaluated as `has()` does) and machine tokens (kind, scopes),
//! and the refusal each outcome becomes.

mod jwt_support;

use std::time::{SystemTime, UNIX_EPOCH};

use clerk_backend::auth::{
    authorize, AuthState, Authenticator, Denied, Refusal, Requirement, SignedIn, TokenKind,
};
use clerk_backend::jwt::Verifier;
use clerk_backend::models::{CreateApiKeyParams, CreateMachineParams};
use clerk_backend::testing::StandIn;
use clerk_tests::bearer;
use jwt_support::TestKey;
use serde_json::{json, Value};

fn now() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    i64::try_from(secs).expect("fits")
}

/// An admin of `acme` whose role grants `org:reports:read` (v2: the feature `reports` with
/// mask 1 = read), on the organization plan `pro`.
async fn admin_state() -> AuthState {
    let key = TestKey::generate("ins_requirements");
    let token = key.token(&json!({
        "sub": "user_admin", "sid": "sess_admin", "iat": now() - 5, "nbf": now() - 5,
        "exp": now() + 60, "v": 2,
        "o": {"id": "org_acme", "slg": "acme", "rol": "admin", "per": "read", "fpm": "1"},
        "fea": "o:reports", "pla": "o:pro",
    }));
    let verifier = Verifier::from_pem(&key.pem()).expect("pem");
    Authenticator::new(verifier)
        .authenticate(&bearer(&token))
        .await
}

fn unmet(state: &AuthState, requirement: Requirement) -> Option<&'static str> {
    match authorize(state, &[requirement]) {
        Ok(_) => None,
        Err(Denied::Unmet(r)) => Some(r.code()),
        Err(other) => panic!("expected met or unmet, got {other:?}"),
    }
}

#[tokio::test]
async fn session_requirements_follow_the_v2_claims_as_has_does() {
    let state = admin_state().await;
    assert!(
        matches!(state, AuthState::SignedIn(SignedIn::Session(_))),
        "{state:?}"
    );
    // Met: the role (with or without `org:`), the permission the feature mask grants, the
    // organization feature and plan, being signed in, being a session token.
    for met in [
        Requirement::signed_in(),
        Requirement::role("org:admin"),
        Requirement::role("admin"),
        Requirement::permission("org:reports:read"),
        Requirement::feature("reports"),
        Requirement::feature("o:reports"),
        Requirement::plan("pro"),
        Requirement::token_kind(TokenKind::SessionToken),
    ] {
        assert_eq!(unmet(&state, met.clone()), None, "{met}");
    }
    for (requirement, code) in [
        (Requirement::role("org:member"), "role-missing"),
        (
            Requirement::permission("org:reports:manage"),
            "permission-missing",
        ),
        (Requirement::feature("billing"), "feature-missing"),
        (Requirement::feature("u:reports"), "feature-missing"),
        (Requirement::plan("enterprise"), "plan-missing"),
        (
            Requirement::token_kind(TokenKind::ApiKey),
            "token-kind-not-allowed",
        ),
        (Requirement::scope("jobs:read"), "scope-missing"),
    ] {
        assert_eq!(
            unmet(&state, requirement.clone()),
            Some(code),
            "{requirement}"
        );
    }
    // All must hold: the first unmet one is reported.
    let first = authorize(
        &state,
        &[
            Requirement::role("admin"),
            Requirement::plan("enterprise"),
            Requirement::feature("billing"),
        ],
    );
    assert!(matches!(first, Err(Denied::Unmet(Requirement::Plan(p))) if p == "enterprise"));
}

#[tokio::test]
async fn machine_requirements_are_the_token_kind_and_its_scopes() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let owner = clerk
        .machines()
        .create(CreateMachineParams::new("jobs"))
        .await
        .expect("machine");
    let mut claims = serde_json::Map::new();
    claims.insert("team".into(), json!("data"));
    let key = clerk
        .api_keys()
        .create(
            CreateApiKeyParams::new("ci runner", &owner.machine.id)
                .scopes(["jobs:read"])
                .claims(claims),
        )
        .await
        .expect("api key");
    let state = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .accept([TokenKind::ApiKey])
        .authenticate(&bearer(key.secret.expose()))
        .await;

    assert_eq!(
        unmet(&state, Requirement::token_kind(TokenKind::ApiKey)),
        None
    );
    assert_eq!(unmet(&state, Requirement::scope("jobs:read")), None);
    assert_eq!(
        unmet(&state, Requirement::scope("jobs:write")),
        Some("scope-missing")
    );
    assert_eq!(
        unmet(&state, Requirement::token_kind(TokenKind::M2mToken)),
        Some("token-kind-not-allowed")
    );
    // Organization and billing requirements are for sessions only.
    assert_eq!(
        unmet(&state, Requirement::permission("org:reports:read")),
        Some("permission-missing")
    );

    // Its custom claims read as the app's own type.
    #[derive(serde::Deserialize)]
    struct Team {
        team: String,
    }
    let AuthState::SignedIn(who) = &state else {
        panic!("{state:?}")
    };
    assert_eq!(who.claims_as::<Team>().expect("fits").team, "data");
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Tenant {
        tenant_id: String,
    }
    let err = who.claims_as::<Tenant>().expect_err("no tenant_id");
    assert!(err.to_string().contains("tenant_id"), "{err}");
}

#[tokio::test]
async fn denials_become_401_or_403_with_only_codes_in_the_body() {
    let state = admin_state().await;
    let forbidden =
        authorize(&state, &[Requirement::permission("org:billing:manage")]).expect_err("unmet");
    let refusal = Refusal::denied(&forbidden);
    assert_eq!(refusal.status, 403);
    let body: Value = serde_json::from_str(&refusal.body).expect("json");
    assert_eq!(
        body,
        json!({
            "error": "forbidden",
            "reason": "permission-missing",
            "requirement": "permission org:billing:manage",
        })
    );
    assert!(refusal
        .headers
        .contains(&("x-clerk-auth-reason", "permission-missing")));

    let signed_out =
        Authenticator::new(Verifier::from_pem(&TestKey::generate("other").pem()).expect("pem"))
            .authenticate(&http::HeaderMap::new())
            .await;
    let denied = authorize(&signed_out, &[Requirement::role("admin")]).expect_err("signed out");
    assert!(matches!(denied, Denied::SignedOut(_)));
    let refusal = Refusal::denied(&denied);
    assert_eq!(refusal.status, 401);
    assert_eq!(
        serde_json::from_str::<Value>(&refusal.body).expect("json"),
        json!({"error": "unauthenticated", "reason": "token-missing"})
    );
    assert!(refusal.headers.contains(&("www-authenticate", "Bearer")));
}
