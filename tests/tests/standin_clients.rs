//! The stand-in's clients through the crate's client: each session's device is a client,
//! fetched by id, listed newest first, and found from a token by `POST /clients/verify`.

use clerk_backend::models::{
    ClientListParams, CreateSessionParams, CreateSessionTokenParams, CreateUserParams,
    VerifyClientParams,
};
use clerk_backend::testing::StandIn;
use clerk_backend::Error;
use http::StatusCode;

fn refusal<T: std::fmt::Debug>(result: Result<T, Error>) -> (Option<StatusCode>, Option<String>) {
    let err = result.expect_err("refused");
    (err.status(), err.code().map(str::to_owned))
}

#[tokio::test]
async fn every_session_has_a_client_that_is_fetched_listed_and_verified_from_its_token() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let ada = clerk
        .users()
        .create(CreateUserParams::default().username("ada_l"))
        .await
        .expect("user");
    let first = clerk
        .sessions()
        .create(CreateSessionParams::new(ada.id.clone()))
        .await
        .expect("first session");
    let second = clerk
        .sessions()
        .create(CreateSessionParams::new(ada.id.clone()))
        .await
        .expect("second session");
    assert_ne!(first.client_id, second.client_id, "a sign-in per device");

    let client = clerk.clients().get(&first.client_id).await.expect("client");
    assert_eq!(client.object, "client");
    assert_eq!(client.session_ids, vec![first.id.clone()]);
    assert_eq!(client.sessions[0].id, first.id);
    assert_eq!(client.last_active_session_id.as_deref(), Some(&*first.id));

    // Newest first, bare or paginated (the route is deprecated but still answers).
    #[allow(deprecated)]
    let listed = clerk
        .clients()
        .list(ClientListParams::default())
        .await
        .expect("list");
    let ids: Vec<&str> = listed.data.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, [&*second.client_id, &*first.client_id]);
    #[allow(deprecated)]
    let page = clerk
        .clients()
        .list(ClientListParams {
            paginated: Some(true),
            limit: Some(1),
            offset: Some(1),
        })
        .await
        .expect("page");
    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.data[0].id, first.client_id);

    // A session token of the client's session finds it.
    let token = clerk
        .sessions()
        .create_token(&second.id, CreateSessionTokenParams::default())
        .await
        .expect("token");
    let jwt = token.jwt.expect("jwt").expose().to_owned();
    let verified = clerk
        .clients()
        .verify(VerifyClientParams::new(jwt.clone()))
        .await
        .expect("verify");
    assert_eq!(verified.id, second.client_id);

    // Once its session is revoked, the client has no live session.
    clerk.sessions().revoke(&second.id).await.expect("revoke");
    let after = clerk
        .clients()
        .get(&second.client_id)
        .await
        .expect("client");
    assert_eq!(after.last_active_session_id, None);
    assert_eq!(after.session_ids, vec![second.id.clone()]);

    // A token someone changed is not one of this instance's.
    let mut parts: Vec<String> = jwt.split('.').map(str::to_owned).collect();
    parts[1] = parts[1].chars().rev().collect();
    assert_eq!(
        refusal(
            clerk
                .clients()
                .verify(VerifyClientParams::new(parts.join(".")))
                .await
        ),
        (Some(StatusCode::BAD_REQUEST), Some("token_invalid".into()))
    );
    assert_eq!(
        refusal(clerk.clients().verify(VerifyClientParams::new("")).await),
        (
            Some(StatusCode::UNPROCESSABLE_ENTITY),
            Some("form_param_missing".into())
        )
    );
    assert_eq!(
        refusal(clerk.clients().get("client_missing").await),
        (
            Some(StatusCode::NOT_FOUND),
            Some("resource_not_found".into())
        )
    );
}
