//! Opaque machine tokens at service scale: the `Authenticator` keeps Clerk's answers, so a
//! busy route does not call the Backend API per request, and a flood of one bad token is one
//! call. Counted by the stand-in's request log, over real HTTP.

use std::time::Duration;

use clerk_backend::auth::{
    AuthState, Authenticator, MachineTokenCache, SignedIn, SignedOutReason, TokenKind,
};
use clerk_backend::models::{
    CreateApiKeyParams, CreateM2mTokenParams, CreateMachineParams, RevokeApiKeyParams,
};
use clerk_backend::testing::StandIn;
use clerk_tests::bearer;

fn calls(standin: &StandIn, path: &str) -> usize {
    standin.requests().iter().filter(|r| r.path == path).count()
}

fn is_machine(state: &AuthState) -> bool {
    matches!(state, AuthState::SignedIn(SignedIn::Machine(_)))
}

fn refused(state: &AuthState) -> bool {
    matches!(state, AuthState::SignedOut(out) if out.reason == SignedOutReason::InvalidMachineToken)
}

#[tokio::test]
async fn a_verified_api_key_is_asked_about_once_and_a_bad_one_once() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let owner = clerk
        .machines()
        .create(CreateMachineParams::new("owner"))
        .await
        .expect("owner");
    let key = clerk
        .api_keys()
        .create(CreateApiKeyParams::new("ci runner", &owner.machine.id))
        .await
        .expect("api key");
    let auth = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .accept([TokenKind::ApiKey]);

    for _ in 0..20 {
        assert!(is_machine(
            &auth.authenticate(&bearer(key.secret.expose())).await
        ));
    }
    assert_eq!(
        calls(&standin, "/api_keys/verify"),
        1,
        "one call for 20 requests"
    );

    // A flood of one unknown key costs one call too.
    standin.clear_requests();
    for _ in 0..20 {
        assert!(refused(
            &auth.authenticate(&bearer("ak_unknown_key_value")).await
        ));
    }
    assert_eq!(calls(&standin, "/api_keys/verify"), 1);

    // Clones of an authenticator share the answers.
    let clone = auth.clone();
    assert!(is_machine(
        &clone.authenticate(&bearer(key.secret.expose())).await
    ));
    assert_eq!(calls(&standin, "/api_keys/verify"), 1);
}

#[tokio::test]
async fn without_the_cache_every_request_is_verified_and_a_revocation_shows_at_once() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let owner = clerk
        .machines()
        .create(CreateMachineParams::new("owner"))
        .await
        .expect("owner");
    let key = clerk
        .api_keys()
        .create(CreateApiKeyParams::new("ci runner", &owner.machine.id))
        .await
        .expect("api key");
    let auth = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .machine_token_cache(MachineTokenCache::disabled())
        .accept([TokenKind::ApiKey]);
    for _ in 0..3 {
        assert!(is_machine(
            &auth.authenticate(&bearer(key.secret.expose())).await
        ));
    }
    assert_eq!(calls(&standin, "/api_keys/verify"), 3);
    clerk
        .api_keys()
        .revoke(&key.api_key.id, RevokeApiKeyParams::default())
        .await
        .expect("revoke");
    assert!(refused(
        &auth.authenticate(&bearer(key.secret.expose())).await
    ));
}

#[tokio::test]
async fn refusals_are_asked_again_once_their_time_is_up() {
    let standin = StandIn::start().await.expect("start");
    // `rejected_for` zero: refused tokens are never kept, verified ones still are.
    let auth = Authenticator::new(standin.verifier())
        .machine_client(standin.clerk().clone())
        .machine_token_cache(MachineTokenCache::default().rejected_for(Duration::ZERO))
        .accept([TokenKind::ApiKey]);
    for _ in 0..3 {
        assert!(refused(
            &auth.authenticate(&bearer("ak_unknown_key_value")).await
        ));
    }
    assert_eq!(calls(&standin, "/api_keys/verify"), 3);
}

#[tokio::test]
async fn m2m_tokens_are_verified_with_the_configured_machine_secret_key() {
    // @clerk/backend's `machineSecretKey`: the verify call authenticates as that machine, and
    // Clerk finds only tokens that may call it.
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let api = clerk
        .machines()
        .create(CreateMachineParams::new("api"))
        .await
        .expect("api");
    let other = clerk
        .machines()
        .create(CreateMachineParams::new("other"))
        .await
        .expect("other");
    let worker = clerk
        .machines()
        .create(CreateMachineParams::new("worker").scoped_machines([api.machine.id.clone()]))
        .await
        .expect("worker");
    let m2m = clerk
        .m2m_tokens()
        .create(CreateM2mTokenParams::default())
        .secret_key(worker.secret_key.expose())
        .await
        .expect("mint");

    let as_api = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .machine_secret_key(api.secret_key.expose())
        .accept([TokenKind::M2mToken]);
    match as_api.authenticate(&bearer(m2m.token.expose())).await {
        AuthState::SignedIn(SignedIn::Machine(m)) => assert_eq!(m.subject, worker.machine.id),
        other => panic!("the api machine may verify it: {other:?}"),
    }
    // The token may not call `other`, so `other`'s key does not find it.
    let as_other = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .machine_secret_key(other.secret_key.expose())
        .accept([TokenKind::M2mToken]);
    assert!(refused(
        &as_other.authenticate(&bearer(m2m.token.expose())).await
    ));
}
