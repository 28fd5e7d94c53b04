//! The axum example's guarded routes over real HTTP with the stand-in's tokens: `GET /reports`
//! behind `RequireLayer` (the permission `org:reports:read`) and `GET /tenant` reading
//! `Claims<Tenant>` (a claim a JWT template adds). Signed out is 401; signed in without the
//! permission or the claim is 403 naming the reason, never token contents.

#[path = "../../clerk/examples/axum/app.rs"]
mod app;

use clerk_backend::auth::Authenticator;
use clerk_tests::acme::{get_json as get, Acme, TENANT_ID};
use serde_json::json;

/// Acme, and the example served against its stand-in.
async fn acme() -> (Acme, String) {
    let acme = Acme::start().await;
    let router = app::router(Authenticator::new(acme.standin.verifier()), None);
    let url = clerk_tests::serve(router).await;
    (acme, url)
}

#[tokio::test]
async fn reports_need_the_permission_and_signed_out_is_401_not_403() {
    let (acme, url) = acme().await;
    let admin = acme.token(acme.admin(), None).await;
    let member = acme.token(acme.member(), None).await;

    let (status, _, body) = get(&format!("{url}/reports"), Some(&admin)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["for"], json!(acme.admin()));

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
    let (acme, url) = acme().await;
    let templated = acme.token(acme.admin(), Some("tenant")).await;
    let (status, _, body) = get(&format!("{url}/tenant"), Some(&templated)).await;
    assert_eq!((status, body), (200, json!({ "tenant_id": TENANT_ID })));

    let plain = acme.token(acme.admin(), None).await;
    let (status, headers, body) = get(&format!("{url}/tenant"), Some(&plain)).await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({"error": "forbidden", "reason": "claims-mismatch"})
    );
    assert_eq!(headers["x-clerk-auth-reason"], "claims-mismatch");
}
