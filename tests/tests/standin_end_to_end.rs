//! End to end, with no Clerk account: a user and a session on the embedded stand-in, a
//! session token it signs, and the axum example (clerk/examples/axum) verifying that token
//! against the stand-in's JWKS over real HTTP. Then the session is revoked.

#[path = "../../clerk/examples/axum/app.rs"]
mod app;

use std::time::{Duration, SystemTime};

use clerk_backend::auth::Authenticator;
use clerk_backend::jwt::{Clock, Verifier};
use clerk_backend::models::{CreateSessionParams, CreateSessionTokenParams, CreateUserParams};
use clerk_backend::testing::{Seed, StandIn};
use serde_json::Value;

async fn serve(authenticator: Authenticator) -> String {
    clerk_tests::serve(app::router(authenticator, None)).await
}

async fn me(url: &str, token: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .get(format!("{url}/me"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let body = serde_json::from_str(&response.text().await.expect("body")).expect("JSON");
    (status, body)
}

/// The wall clock moved forward, to see a token after its lifetime without waiting.
#[derive(Clone, Copy)]
struct Later(Duration);

impl Clock for Later {
    fn now(&self) -> SystemTime {
        SystemTime::now() + self.0
    }
}

#[tokio::test]
async fn a_stand_in_session_token_opens_the_example_route_until_it_expires() {
    let standin = StandIn::start().await.expect("stand-in starts");
    let seeded = standin
        .seed(
            Seed::new().user(
                CreateUserParams::default()
                    .first_name("Edda")
                    .email_address(["edda@example.com"]),
            ),
        )
        .await
        .expect("seeded");
    let user = &seeded.users[0];
    let clerk = standin.clerk();
    let session = clerk
        .sessions()
        .create(CreateSessionParams::new(&user.id))
        .await
        .expect("session created");
    let token = clerk
        .sessions()
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect("token minted")
        .jwt
        .expect("a JWT in the response")
        .expose()
        .to_owned();

    // The example's router, verifying with the stand-in's JWKS.
    let url = serve(Authenticator::new(standin.verifier())).await;
    let (status, body) = me(&url, &token).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user_id"], user.id.as_str());
    assert_eq!(body["session_id"], session.id.as_str());
    // The JWKS was fetched from the stand-in, with its secret key.
    assert!(standin.requests().iter().any(|r| r.line() == "GET /jwks"));

    // Revoke the session.
    let revoked = clerk.sessions().revoke(&session.id).await.expect("revoked");
    assert_eq!(revoked.status.as_str(), "revoked");

    // No new token for a revoked session...
    let refused = clerk
        .sessions()
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect_err("a revoked session gets no token");
    assert!(
        refused.status().is_some_and(|s| s.is_client_error()),
        "{refused}"
    );

    // ...but a token already issued is verified without a network call, so it keeps
    // opening the route until it expires (60 s by default): that is why session tokens are
    // short-lived and why frontends refresh them.
    let (status, _) = me(&url, &token).await;
    assert_eq!(status, 200);

    // Two minutes later (past the 60 s lifetime and the 5 s of clock skew) it is refused.
    let later = Verifier::builder(clerk_backend::jwt::KeySource::jwks(clerk.clone()))
        .clock(Later(Duration::from_secs(120)))
        .build();
    let url_later = serve(Authenticator::new(later)).await;
    let (status, body) = me(&url_later, &token).await;
    assert_eq!(status, 401);
    assert_eq!(body["reason"], "token-expired");
}
