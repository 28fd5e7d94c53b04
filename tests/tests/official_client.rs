//! Acceptance by Clerk's own JavaScript client: `.ci/official-client/check.mjs` drives
//! `@clerk/backend` (pinned by `.ci/package-lock.json`), configured as in production with
//! `createClerkClient({ secretKey, apiUrl })`, against an in-process stand-in.
//!
//! Needs `node` and `npm ci --prefix .ci`. Without them the test is skipped with a message,
//! unless `CLERK_REQUIRE_OFFICIAL_CLIENT=1` (as in `.ci/run`), which turns the skip into a
//! failure.

use clerk_backend::testing::StandIn;
use clerk_tests::official::run_script;

/// Runs `.ci/official-client/<script>` against a fresh stand-in; answers the stand-in (for
/// its request log) and the script's stdout, or `None` when the official client is absent
/// and not required.
async fn run(script: &str, done: &str) -> Option<(StandIn, String)> {
    let standin = StandIn::start().await.expect("start the stand-in");
    let stdout = run_script(&standin, script, &[], done).await?;
    Some((standin, stdout))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clerk_backend_js_works_against_the_stand_in() {
    let Some((standin, _)) = run("check.mjs", "official client: all checks passed").await else {
        return;
    };
    // It really went through /v1, as it would against Clerk.
    let requests = standin.requests();
    assert!(
        requests.iter().all(|r| r.path.starts_with("/v1/")),
        "every request of @clerk/backend carries /v1"
    );
    assert!(requests.iter().any(|r| r.line() == "GET /v1/jwks"));
    assert!(requests.iter().any(|r| r.line() == "GET /v1/invitations"
        && r.query
            .as_deref()
            .is_some_and(|q| q.contains("paginated=true"))));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clerk_backend_js_covers_machine_auth_identities_and_instance_resources() {
    let Some((standin, _)) = run(
        "breadth.mjs",
        "official client (breadth): all checks passed",
    )
    .await
    else {
        return;
    };
    // authenticateRequest verified the machine tokens through the Backend API, at the root:
    // @clerk/backend builds its `apiKeys`, `m2m` and `idPOAuthAccessToken` clients with
    // `skipApiVersionInUrl: true`, so the stand-in must answer them without `/v1` too.
    let lines: Vec<String> = standin.requests().iter().map(|r| r.line()).collect();
    for verify in ["POST /m2m_tokens/verify", "POST /api_keys/verify"] {
        assert!(lines.iter().any(|l| l == verify), "{verify} was not called");
    }
}
