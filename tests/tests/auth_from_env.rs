//! `Authenticator::from_env` reads the keys as Clerk's SDKs do. One test in its own binary,
//! because it changes the process environment.

use clerk_backend::auth::{AuthConfigError, AuthState, Authenticator, SignedOutReason};
use clerk_backend::models::{CreateSessionParams, CreateSessionTokenParams, CreateUserParams};
use clerk_backend::testing::StandIn;
use clerk_tests::bearer;

#[tokio::test]
async fn keys_come_from_clerk_jwt_key_or_clerk_secret_key() {
    for name in [
        "CLERK_JWT_KEY",
        "CLERK_SECRET_KEY",
        "CLERK_API_URL",
        "CLERK_MACHINE_SECRET_KEY",
        "CLERK_PUBLISHABLE_KEY",
    ] {
        std::env::remove_var(name);
    }
    assert!(matches!(
        Authenticator::from_env(),
        Err(AuthConfigError::NoKey)
    ));
    std::env::set_var("CLERK_JWT_KEY", "not a pem");
    assert!(matches!(
        Authenticator::from_env(),
        Err(AuthConfigError::JwtKey(_))
    ));

    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = clerk
        .users()
        .create(CreateUserParams::default().username("ada_l"))
        .await
        .expect("user");
    let session = clerk
        .sessions()
        .create(CreateSessionParams::new(user.id.clone()))
        .await
        .expect("session");
    let token = clerk
        .sessions()
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect("token")
        .jwt
        .expect("jwt")
        .expose()
        .to_owned();

    // The PEM alone: networkless, session tokens only.
    std::env::set_var("CLERK_JWT_KEY", standin.jwt_public_key());
    let pem_only = Authenticator::from_env().expect("from the PEM");
    let state = pem_only.authenticate(&bearer(&token)).await;
    assert!(matches!(&state, AuthState::SignedIn(who) if who.user_id() == Some(user.id.as_str())));
    let api_key = "ak_not_accepted_here";
    let state = pem_only.authenticate(&bearer(api_key)).await;
    assert!(matches!(
        state,
        AuthState::SignedOut(out) if matches!(out.reason, SignedOutReason::TokenTypeNotAccepted(_))
    ));

    // The secret key alone: the JWKS of the API at CLERK_API_URL, and machine tokens too.
    std::env::remove_var("CLERK_JWT_KEY");
    std::env::set_var("CLERK_SECRET_KEY", standin.secret_key());
    std::env::set_var("CLERK_API_URL", standin.url());
    let with_secret = Authenticator::from_env().expect("from the secret key");
    let state = with_secret.authenticate(&bearer(&token)).await;
    assert!(matches!(state, AuthState::SignedIn(_)), "{state:?}");
    let state = with_secret.authenticate(&bearer(api_key)).await;
    assert!(matches!(
        state,
        AuthState::SignedOut(out) if out.reason == SignedOutReason::InvalidMachineToken
    ));
    assert!(standin
        .requests()
        .iter()
        .any(|r| r.path == "/jwks" || r.path == "/v1/jwks"));
}
