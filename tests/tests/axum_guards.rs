//! The axum example's guarded routes over real HTTP with the stand-in's tokens: `GET /reports`
//! behind `RequireLayer` (the permission `org:reports:read`) and `GET /tenant` reading
//! `Claims<Tenant>` (a claim a JWT template adds). Signed out is 401; signed in without the
//! permission or the claim is 403 naming the reason, never token contents.

#[path = "../../clerk/examples/axum/app.rs"]
mod app;

use clerk_backend::auth::Authenticator;
use clerk_backend::models::{
    CreateOrganizationParams, CreatePermissionParams, CreateSessionParams,
    CreateSessionTokenParams, CreateUserParams, JwtTemplateParams,
};
use clerk_backend::testing::{Seed, Seeded, StandIn};
use serde_json::{json, Value};

/// A stand-in with an admin (user 0) and a member (user 1) of "Acme", whose admin role grants
/// the custom permission `org:reports:read`, and the example served against it.
async fn acme() -> (StandIn, Seeded, String) {
    let standin = StandIn::start().await.expect("stand-in starts");
    let seeded = standin
        .seed(
            Seed::new()
                .user(CreateUserParams::default().username("ada_lovelace"))
                .user(CreateUserParams::default().username("grace_hopper"))
                .organization(CreateOrganizationParams::new("Acme").slug("acme"))
                .member(0, 0, "org:admin")
                .member(0, 1, "org:member"),
        )
        .await
        .expect("seeded");
    let clerk = standin.clerk();
    let permission = clerk
        .organization_permissions()
        .create(CreatePermissionParams::new(
            "Read reports",
            "org:reports:read",
        ))
        .await
        .expect("permission");
    let admin = clerk
        .organization_roles()
        .list(Default::default())
        .await
        .expect("roles")
        .data
        .into_iter()
        .find(|role| role.key == "org:admin")
        .expect("org:admin");
    clerk
        .organization_roles()
        .assign_permission(&admin.id, &permission.id)
        .await
        .expect("assigned");
    let url = clerk_tests::serve(app::router(Authenticator::new(standin.verifier()), None)).await;
    (standin, seeded, url)
}

/// A session token of `user_id` in `org_id`, from the JWT template `template` if given.
async fn token(standin: &StandIn, user_id: &str, org_id: &str, template: Option<&str>) -> String {
    let sessions = standin.clerk().sessions();
    let session = sessions
        .create(CreateSessionParams::new(user_id.to_owned()).active_organization_id(org_id))
        .await
        .expect("session");
    let params = CreateSessionTokenParams::default();
    let token = match template {
        Some(name) => {
            sessions
                .create_token_from_template(&session.id, name, params)
                .await
        }
        None => sessions.create_token(&session.id, params).await,
    };
    token.expect("token").jwt.expect("jwt").expose().to_owned()
}

async fn get(url: &str, token: Option<&str>) -> (u16, http::HeaderMap, Value) {
    let mut request = reqwest::Client::new().get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    (status, headers, body)
}

#[tokio::test]
async fn reports_need_the_permission_and_signed_out_is_401_not_403() {
    let (standin, seeded, url) = acme().await;
    let org = &seeded.organizations[0].id;
    let admin = token(&standin, &seeded.users[0].id, org, None).await;
    let member = token(&standin, &seeded.users[1].id, org, None).await;

    let (status, _, body) = get(&format!("{url}/reports"), Some(&admin)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["for"], json!(seeded.users[0].id));

    let (status, headers, body) = get(&format!("{url}/reports"), Some(&member)).await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({
            "error": "forbidden",
            "reason": "permission-missing",
            "requirement": "permission org:reports:read",
        })
    );
    assert_eq!(headers["x-clerk-auth-status"], "signed-in");
    assert!(!body.to_string().contains(&member), "no token contents");

    let (status, headers, body) = get(&format!("{url}/reports"), None).await;
    assert_eq!((status, &body["reason"]), (401, &json!("token-missing")));
    assert_eq!(headers["www-authenticate"], "Bearer");

    // The requirement is on /reports only: the member still reaches /me.
    let (status, _, _) = get(&format!("{url}/me"), Some(&member)).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn tenant_reads_a_jwt_template_claim_as_the_apps_type() {
    let (standin, seeded, url) = acme().await;
    standin
        .clerk()
        .jwt_templates()
        .create(JwtTemplateParams::new(
            "tenant",
            json!({"tenant_id": "tenant_{{org.slug}}"})
                .as_object()
                .cloned()
                .expect("an object"),
        ))
        .await
        .expect("template");
    let org = &seeded.organizations[0].id;
    let templated = token(&standin, &seeded.users[0].id, org, Some("tenant")).await;
    let (status, _, body) = get(&format!("{url}/tenant"), Some(&templated)).await;
    assert_eq!((status, body), (200, json!({"tenant_id": "tenant_acme"})));

    let plain = token(&standin, &seeded.users[0].id, org, None).await;
    let (status, headers, body) = get(&format!("{url}/tenant"), Some(&plain)).await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({"error": "forbidden", "reason": "claims-mismatch"})
    );
    assert_eq!(headers["x-clerk-auth-reason"], "claims-mismatch");
}
