//! Machine auth against the stand-in, through this crate's client: machines, their scopes and
//! secret keys, M2M tokens minted with a machine's key, API keys, OAuth token verification,
//! and the `Authenticator` signing in what the stand-in minted.

use clerk_backend::auth::{
    AuthState, Authenticator, MachineTokenCache, SignedIn, SignedOutReason, TokenKind,
};
use clerk_backend::models::{
    AddMachineScopeParams, ApiKeyListParams, CreateApiKeyParams, CreateM2mTokenParams,
    CreateMachineParams, M2mTokenFormat, M2mTokenListParams, MachineListParams, MachineOrderBy,
    RevokeApiKeyParams, RevokeM2mTokenParams, RotateMachineSecretKeyParams, UpdateApiKeyParams,
    UpdateMachineParams, VerifyApiKeyParams, VerifyM2mTokenParams, VerifyOAuthAccessTokenParams,
};
use clerk_backend::testing::StandIn;
use clerk_backend::Error;
use clerk_tests::bearer;
use serde_json::json;

fn status(e: &Error) -> u16 {
    e.status().map(|s| s.as_u16()).unwrap_or_default()
}

#[tokio::test]
async fn machines_are_created_listed_changed_scoped_and_deleted() {
    let standin = StandIn::start().await.expect("start");
    let machines = standin.clerk().machines();
    let api = machines
        .create(CreateMachineParams::new("api"))
        .await
        .expect("create api");
    assert!(api.machine.id.starts_with("mch_"));
    assert!(api.secret_key.expose().starts_with("ak_"));
    assert_eq!(api.machine.default_token_ttl, Some(3600));
    let worker = machines
        .create(
            CreateMachineParams::new("worker")
                .scoped_machines([api.machine.id.clone()])
                .default_token_ttl(60),
        )
        .await
        .expect("create worker");
    assert_eq!(worker.machine.scoped_machines.len(), 1);
    assert_eq!(worker.machine.scoped_machines[0].name, "api");

    // An unknown machine in the scopes is a 404.
    let err = machines
        .create(CreateMachineParams::new("x").scoped_machines(["mch_nope"]))
        .await
        .expect_err("unknown scope");
    assert_eq!(status(&err), 404);
    // An empty name is Clerk's 422.
    let err = machines
        .create(CreateMachineParams::new(""))
        .await
        .expect_err("empty name");
    assert_eq!(
        (status(&err), err.code()),
        (422, Some("form_param_value_invalid"))
    );

    // Newest first by default; by name when asked; `query` matches part of the name.
    let page = machines
        .list(MachineListParams::default())
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.data[0].id, worker.machine.id);
    let page = machines
        .list(MachineListParams::default().order_by(MachineOrderBy::NameAsc))
        .await
        .expect("list by name");
    assert_eq!(page.data[0].name, "api");
    let page = machines
        .list(MachineListParams::default().query("WORK"))
        .await
        .expect("query");
    assert_eq!(page.data.len(), 1);
    assert_eq!(page.data[0].id, worker.machine.id);

    // A rename shows wherever the machine is a scope.
    let renamed = machines
        .update(
            &api.machine.id,
            UpdateMachineParams::default().name("api-v2"),
        )
        .await
        .expect("update");
    assert_eq!(renamed.name, "api-v2");
    let fetched = machines.get(&worker.machine.id).await.expect("get");
    assert_eq!(fetched.scoped_machines[0].name, "api-v2");

    // Scopes: add, refuse a duplicate with 409, remove, 404 once gone.
    let scope = machines
        .add_scope(
            &api.machine.id,
            AddMachineScopeParams::new(&worker.machine.id),
        )
        .await
        .expect("add scope");
    assert_eq!(scope.from_machine_id, api.machine.id);
    assert_eq!(scope.to_machine_id, worker.machine.id);
    let err = machines
        .add_scope(
            &api.machine.id,
            AddMachineScopeParams::new(&worker.machine.id),
        )
        .await
        .expect_err("duplicate scope");
    assert_eq!(status(&err), 409);
    let removed = machines
        .remove_scope(&api.machine.id, &worker.machine.id)
        .await
        .expect("remove scope");
    assert!(removed.deleted);
    let err = machines
        .remove_scope(&api.machine.id, &worker.machine.id)
        .await
        .expect_err("gone");
    assert_eq!(status(&err), 404);

    // Deleting a machine drops it from the scopes of the others.
    let gone = machines.delete(&api.machine.id).await.expect("delete");
    assert!(gone.deleted);
    let err = machines.get(&api.machine.id).await.expect_err("deleted");
    assert_eq!(
        (status(&err), err.code()),
        (404, Some("resource_not_found"))
    );
    let fetched = machines.get(&worker.machine.id).await.expect("get");
    assert!(fetched.scoped_machines.is_empty());
}

#[tokio::test]
async fn a_rotated_secret_key_replaces_the_old_one_after_its_grace_period() {
    let standin = StandIn::start().await.expect("start");
    let machines = standin.clerk().machines();
    let m = machines
        .create(CreateMachineParams::new("job"))
        .await
        .expect("create");
    let id = &m.machine.id;
    let fetched = machines.get_secret_key(id).await.expect("secret");
    assert_eq!(fetched.secret, m.secret_key);

    // Rotated with no grace period: the old key stops working at once.
    let rotated = machines
        .rotate_secret_key(id, RotateMachineSecretKeyParams::new(0))
        .await
        .expect("rotate");
    assert_ne!(rotated.secret, m.secret_key);
    assert_eq!(
        machines.get_secret_key(id).await.expect("secret").secret,
        rotated.secret
    );
    let old = standin
        .clerk()
        .m2m_tokens()
        .create(CreateM2mTokenParams::default())
        .secret_key(m.secret_key.expose())
        .await
        .expect_err("old key");
    assert_eq!((status(&old), old.code()), (401, Some("clerk_key_invalid")));

    // With a grace period, both keys work for now.
    let again = machines
        .rotate_secret_key(id, RotateMachineSecretKeyParams::new(600))
        .await
        .expect("rotate again");
    for key in [&rotated.secret, &again.secret] {
        standin
            .clerk()
            .m2m_tokens()
            .create(CreateM2mTokenParams::default())
            .secret_key(key.expose())
            .await
            .expect("a key within its grace period");
    }
    let err = machines
        .rotate_secret_key(id, RotateMachineSecretKeyParams::new(28_801))
        .await
        .expect_err("too long");
    assert_eq!(status(&err), 422);
}

#[tokio::test]
async fn m2m_tokens_are_minted_with_a_machine_key_listed_revoked_and_verified() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let api = clerk
        .machines()
        .create(CreateMachineParams::new("api"))
        .await
        .expect("api");
    let worker = clerk
        .machines()
        .create(CreateMachineParams::new("worker").scoped_machines([api.machine.id.clone()]))
        .await
        .expect("worker");
    let worker_key = worker.secret_key.expose();
    let tokens = clerk.m2m_tokens();

    // The instance key cannot mint, and a machine key is refused outside the M2M routes.
    let err = tokens
        .create(CreateM2mTokenParams::default())
        .await
        .expect_err("instance key");
    assert_eq!(status(&err), 400);
    let err = clerk
        .machines()
        .list(MachineListParams::default())
        .secret_key(worker_key)
        .await
        .expect_err("machine key on /machines");
    assert_eq!(status(&err), 401);

    let minted = tokens
        .create(CreateM2mTokenParams::default().claims(json!({"tier": "gold"})))
        .secret_key(worker_key)
        .await
        .expect("mint");
    let token = minted.token.expose().to_owned();
    assert!(token.starts_with("mt_") && minted.m2m_token.id.starts_with("mt_"));
    assert_ne!(token, minted.m2m_token.id);
    assert_eq!(minted.m2m_token.subject, worker.machine.id);
    assert_eq!(
        minted.m2m_token.scopes.as_deref(),
        Some(&[api.machine.id.clone()][..])
    );
    let lifetime = minted.m2m_token.expiration.unwrap_or_default() - minted.m2m_token.created_at;
    assert_eq!(lifetime, 3_600_000.0);

    // Reuse: a live token with the same claims and enough time left comes back.
    let reused = tokens
        .create(
            CreateM2mTokenParams::default()
                .claims(json!({"tier": "gold"}))
                .min_remaining_ttl_seconds(60),
        )
        .secret_key(worker_key)
        .await
        .expect("reuse");
    assert_eq!(reused.m2m_token.id, minted.m2m_token.id);
    let err = tokens
        .create(CreateM2mTokenParams::default().min_remaining_ttl_seconds(3600))
        .secret_key(worker_key)
        .await
        .expect_err("min ttl not below the lifetime");
    assert_eq!(status(&err), 400);

    // Verify: the instance key sees it; the machine it may call does too; another does not.
    let verified = tokens
        .verify(VerifyM2mTokenParams::new(&token))
        .await
        .expect("verify");
    assert_eq!(verified.id, minted.m2m_token.id);
    assert!(!verified.revoked && !verified.expired);
    assert!(verified.last_used_at.is_some());
    tokens
        .verify(VerifyM2mTokenParams::new(&token))
        .secret_key(api.secret_key.expose())
        .await
        .expect("verified by the machine it may call");
    let err = tokens
        .verify(VerifyM2mTokenParams::new(&token))
        .secret_key(worker_key)
        .await
        .expect_err("not scoped to itself");
    assert_eq!(status(&err), 404);
    let err = tokens
        .verify(VerifyM2mTokenParams::new("mt_unknown"))
        .await
        .expect_err("unknown");
    assert_eq!(
        (status(&err), err.code()),
        (404, Some("resource_not_found"))
    );

    // An expired token no longer verifies: Clerk answers 404, which @clerk/backend's
    // `verifyM2MToken` needs, as it takes every 200 for a valid token.
    let short = tokens
        .create(CreateM2mTokenParams::default().seconds_until_expiration(1e-9))
        .secret_key(worker_key)
        .await
        .expect("short-lived");
    let err = tokens
        .verify(VerifyM2mTokenParams::new(short.token.expose()))
        .await
        .expect_err("an expired token");
    assert_eq!(status(&err), 404);

    // Listing: the machine's own live tokens; another machine's key may not list them.
    let listed = tokens
        .list(M2mTokenListParams::new(&worker.machine.id))
        .await
        .expect("list");
    assert_eq!(listed.total_count, 1.0);
    let listed = tokens
        .list(M2mTokenListParams::new(&worker.machine.id).expired(true))
        .secret_key(worker_key)
        .await
        .expect("list own");
    assert_eq!(listed.total_count, 2.0);
    let err = tokens
        .list(M2mTokenListParams::new(&worker.machine.id))
        .secret_key(api.secret_key.expose())
        .await
        .expect_err("another machine's tokens");
    assert_eq!(status(&err), 403);

    // Revoke: it stops verifying and leaves the default listing.
    let revoked = tokens
        .revoke(
            &minted.m2m_token.id,
            RevokeM2mTokenParams::default().revocation_reason("rotated"),
        )
        .await
        .expect("revoke");
    assert!(revoked.revoked);
    assert_eq!(revoked.revocation_reason.as_deref(), Some("rotated"));
    let err = tokens
        .verify(VerifyM2mTokenParams::new(&token))
        .await
        .expect_err("a revoked token");
    assert_eq!(status(&err), 404);
    let listed = tokens
        .list(
            M2mTokenListParams::new(&worker.machine.id)
                .revoked(true)
                .expired(true),
        )
        .await
        .expect("list all");
    assert_eq!(listed.total_count, 2.0);
    let err = tokens
        .revoke("mt_unknown", RevokeM2mTokenParams::default())
        .await
        .expect_err("unknown");
    assert_eq!(status(&err), 404);
}

#[tokio::test]
async fn api_keys_are_created_listed_updated_revoked_and_verified() {
    let standin = StandIn::start().await.expect("start");
    let keys = standin.clerk().api_keys();
    let subject = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
    let created = keys
        .create(CreateApiKeyParams::new("ci key", subject).scopes(["read"]))
        .await
        .expect("create");
    let secret = created.secret.expose().to_owned();
    assert!(secret.starts_with("ak_") && created.api_key.id.starts_with("ak_"));
    assert_eq!(created.api_key.kind, "api_key");
    assert_eq!(
        keys.get_secret(&created.api_key.id)
            .await
            .expect("secret")
            .secret
            .expose(),
        secret
    );

    // Clerk's 400s and 409s.
    let err = keys
        .create(CreateApiKeyParams::new("ci key", subject))
        .await
        .expect_err("same name");
    assert_eq!(status(&err), 409);
    let err = keys
        .create(CreateApiKeyParams::new("ok name", "someone"))
        .await
        .expect_err("bad subject");
    assert_eq!((status(&err), err.code()), (400, Some("bad_request")));
    let err = keys
        .create(CreateApiKeyParams::new("ab", subject))
        .await
        .expect_err("short name");
    assert_eq!(status(&err), 400);

    let other = keys
        .create(CreateApiKeyParams::new("deploy", subject))
        .await
        .expect("second");
    let page = keys
        .list(ApiKeyListParams::new(subject))
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.data[0].id, other.api_key.id);
    let page = keys
        .list(ApiKeyListParams::new(subject).query("DEPLOY"))
        .await
        .expect("query");
    assert_eq!(page.data.len(), 1);

    let updated = keys
        .update(
            &created.api_key.id,
            UpdateApiKeyParams::default()
                .scopes(["read", "write"])
                .description("for CI"),
        )
        .await
        .expect("update");
    assert_eq!(updated.scopes, ["read", "write"]);
    assert_eq!(
        keys.get(&created.api_key.id)
            .await
            .expect("get")
            .description
            .as_deref(),
        Some("for CI")
    );

    let verified = keys
        .verify(VerifyApiKeyParams::new(&secret))
        .await
        .expect("verify");
    assert_eq!(verified.id, created.api_key.id);
    assert!(!verified.revoked);
    let revoked = keys
        .revoke(
            &created.api_key.id,
            RevokeApiKeyParams::default().revocation_reason("leaked"),
        )
        .await
        .expect("revoke");
    assert!(revoked.revoked);
    // Revoked keys no longer verify (@clerk/backend: `apiKeys.verify` throws for them).
    let err = keys
        .verify(VerifyApiKeyParams::new(&secret))
        .await
        .expect_err("a revoked key");
    assert_eq!(status(&err), 404);
    let page = keys
        .list(ApiKeyListParams::new(subject))
        .await
        .expect("list");
    assert_eq!(page.total_count, Some(1));
    let page = keys
        .list(ApiKeyListParams::new(subject).include_invalid(true))
        .await
        .expect("list all");
    assert_eq!(page.total_count, Some(2));

    let err = keys
        .verify(VerifyApiKeyParams::new("ak_unknown"))
        .await
        .expect_err("unknown");
    assert_eq!(
        (status(&err), err.code()),
        (404, Some("resource_not_found"))
    );
    keys.delete(&other.api_key.id).await.expect("delete");
    let err = keys.get(&other.api_key.id).await.expect_err("deleted");
    assert_eq!(status(&err), 404);
}

#[tokio::test]
async fn oauth_access_tokens_the_standin_never_issued_are_not_found() {
    let standin = StandIn::start().await.expect("start");
    let err = standin
        .clerk()
        .oauth_access_tokens()
        .verify(VerifyOAuthAccessTokenParams::new(
            "oat_0ef5a7a33d87ed87ee7954c845d80450",
        ))
        .await
        .expect_err("unknown");
    assert_eq!(
        (status(&err), err.code()),
        (404, Some("resource_not_found"))
    );
}

#[tokio::test]
async fn the_authenticator_signs_in_what_the_standin_minted_and_refuses_it_once_revoked() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let api = clerk
        .machines()
        .create(CreateMachineParams::new("api"))
        .await
        .expect("api");
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
    let key = clerk
        .api_keys()
        .create(CreateApiKeyParams::new("ci key", &worker.machine.id).scopes(["read"]))
        .await
        .expect("api key");

    // Without the cache of answers, so a revocation shows on the next request.
    let auth = Authenticator::new(standin.verifier())
        .machine_client(clerk.clone())
        .machine_token_cache(MachineTokenCache::disabled())
        .accept([TokenKind::M2mToken, TokenKind::ApiKey]);
    let signed_in = |state: AuthState| match state {
        AuthState::SignedIn(SignedIn::Machine(m)) => m,
        other => panic!("expected a machine, got {other:?}"),
    };
    let m = signed_in(auth.authenticate(&bearer(m2m.token.expose())).await);
    assert_eq!(m.kind, TokenKind::M2mToken);
    assert_eq!(m.id, m2m.m2m_token.id);
    assert_eq!(m.subject, worker.machine.id);
    assert_eq!(m.scopes, std::slice::from_ref(&api.machine.id));
    let k = signed_in(auth.authenticate(&bearer(key.secret.expose())).await);
    assert_eq!(k.kind, TokenKind::ApiKey);
    assert_eq!(
        (k.subject.as_str(), k.scopes.as_slice()),
        (worker.machine.id.as_str(), &["read".to_owned()][..])
    );

    clerk
        .m2m_tokens()
        .revoke(&m2m.m2m_token.id, RevokeM2mTokenParams::default())
        .await
        .expect("revoke token");
    clerk
        .api_keys()
        .revoke(&key.api_key.id, RevokeApiKeyParams::default())
        .await
        .expect("revoke key");
    for token in [m2m.token.expose(), key.secret.expose()] {
        match auth.authenticate(&bearer(token)).await {
            AuthState::SignedOut(out) => {
                assert_eq!(out.reason, SignedOutReason::InvalidMachineToken)
            }
            AuthState::SignedIn(s) => panic!("a revoked token signed in: {s:?}"),
        }
    }
    // A token the stand-in never minted is refused too.
    match auth
        .authenticate(&bearer("mt_0123456789abcdef0123456789abcdef"))
        .await
    {
        AuthState::SignedOut(out) => assert_eq!(out.reason, SignedOutReason::InvalidMachineToken),
        AuthState::SignedIn(s) => panic!("an unknown token signed in: {s:?}"),
    }
}

#[tokio::test]
async fn an_m2m_jwt_from_the_standin_verifies_locally() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let api = clerk
        .machines()
        .create(CreateMachineParams::new("api"))
        .await
        .expect("api");
    let worker = clerk
        .machines()
        .create(CreateMachineParams::new("worker").scoped_machines([api.machine.id.clone()]))
        .await
        .expect("worker");
    let minted = clerk
        .m2m_tokens()
        .create(
            CreateM2mTokenParams::default()
                .token_format(M2mTokenFormat::Jwt)
                .claims(json!({"tier": "gold", "sub": "mch_forged"})),
        )
        .secret_key(worker.secret_key.expose())
        .await
        .expect("mint a JWT");
    let jwt = minted.token.expose();
    assert_eq!(jwt.split('.').count(), 3);

    let claims = standin
        .verifier()
        .verify_machine(jwt)
        .await
        .expect("verifies");
    assert_eq!(
        claims.subject, worker.machine.id,
        "a custom claim cannot replace sub"
    );
    assert_eq!(claims.id, minted.m2m_token.id);
    assert_eq!(claims.scopes, std::slice::from_ref(&api.machine.id));
    assert_eq!(claims.claims["tier"], "gold");

    // Through the authenticator, with no Backend API call for it.
    let auth = Authenticator::new(standin.verifier()).accept([TokenKind::M2mToken]);
    standin.clear_requests();
    match auth.authenticate(&bearer(jwt)).await {
        AuthState::SignedIn(SignedIn::Machine(m)) => {
            assert_eq!(m.subject, worker.machine.id);
            assert_eq!(m.kind, TokenKind::M2mToken);
        }
        other => panic!("expected a machine, got {other:?}"),
    }
    assert!(standin
        .requests()
        .iter()
        .all(|r| !r.path.contains("m2m_tokens")));

    // JWT tokens are not stored: not listed, not found by verify.
    let listed = clerk
        .m2m_tokens()
        .list(M2mTokenListParams::new(&worker.machine.id))
        .await
        .expect("list");
    assert_eq!(listed.total_count, 0.0);
    let err = clerk
        .m2m_tokens()
        .verify(VerifyM2mTokenParams::new(jwt))
        .await
        .expect_err("not stored");
    assert_eq!(status(&err), 404);
}
