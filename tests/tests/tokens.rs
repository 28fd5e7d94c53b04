//! Access-granting tokens: actor tokens, sign-in tokens, testing tokens, agent tasks and
//! admin portal link tokens. The exact request of every operation, decoding of realistic
//! responses, and secrets kept out of `Debug`.

use clerk_backend::models::{
    ActorTokenStatus, AgentTaskPermissions, CreateActorTokenParams,
    CreateAdminPortalLinkTokenParams, CreateAgentTaskParams, CreateSignInTokenParams, OnBehalfOf,
    RevokeAdminPortalLinkTokenParams, SignInTokenStatus,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

const USER_ID: &str = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const APLT_ID: &str = "aplt_3beecc9c60adb5f9b850e91a83beecc9";

#[tokio::test]
async fn actor_token_create_sends_the_actor_claims_and_hides_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "actor_token.json"));
    let params = CreateActorTokenParams::new(USER_ID, "user_2xhAdminQpR4sTuV6wXyZ8aBcD")
        .actor_claim("reason", "support ticket 4812")
        .expires_in_seconds(600_i64)
        .session_max_duration_in_seconds(900_i64);
    let token = server
        .client()
        .actor_tokens()
        .create(params)
        .await
        .expect("create actor token");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/actor_tokens", None));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({
            "user_id": USER_ID,
            "actor": {"sub": "user_2xhAdminQpR4sTuV6wXyZ8aBcD", "reason": "support ticket 4812"},
            "expires_in_seconds": 600,
            "session_max_duration_in_seconds": 900
        })
    );

    assert_eq!(token.object, "actor_token");
    assert_eq!(token.id, "act_2xhK7mQvR3sTuW9yZbCdEfGhJkL");
    assert_eq!(token.status, ActorTokenStatus::Pending);
    assert_eq!(token.user_id, USER_ID);
    assert_eq!(token.actor["sub"], "user_2xhAdminQpR4sTuV6wXyZ8aBcD");
    assert_eq!(token.actor["reason"], "support ticket 4812");
    assert_eq!(
        token.token.as_ref().map(|t| t.expose()),
        Some("eyJhbGciOiJSUzI1NiJ9.ACTOR-TOKEN-SECRET.sig")
    );
    assert_eq!(
        token.url.as_ref().map(|u| u.expose()),
        Some("https://accounts.example.com/v1/tickets/accept?ticket=ACTOR-URL-SECRET")
    );
    assert_eq!(token.created_at, 1718361600000);
    assert_eq!(token.updated_at, 1718361600000);
    let debug = format!("{token:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(debug.contains("Secret([redacted])"), "{debug}");
}

#[tokio::test]
async fn actor_token_create_sends_only_the_required_fields_by_default() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "actor_token.json"));
    server
        .client()
        .actor_tokens()
        .create(CreateActorTokenParams::new(USER_ID, "user_admin"))
        .await
        .expect("create actor token");
    assert_eq!(
        server.single().json(),
        json!({"user_id": USER_ID, "actor": {"sub": "user_admin"}})
    );
}

#[tokio::test]
async fn actor_token_revoke_sends_no_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "actor_token_revoked.json"));
    let token = server
        .client()
        .actor_tokens()
        .revoke("act_2xhK7mQvR3sTuW9yZbCdEfGhJkL")
        .await
        .expect("revoke actor token");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "POST",
            "/actor_tokens/act_2xhK7mQvR3sTuW9yZbCdEfGhJkL/revoke",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(token.status, ActorTokenStatus::Revoked);
    assert_eq!(token.token, None);
    assert_eq!(token.url, None);
    assert_eq!(token.updated_at, 1718365200000);
}

#[tokio::test]
async fn sign_in_token_create_sends_every_field_and_hides_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "sign_in_token.json"));
    let token = server
        .client()
        .sign_in_tokens()
        .create(
            CreateSignInTokenParams::new(USER_ID)
                .org_id("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
                .expires_in_seconds(3600_i64),
        )
        .await
        .expect("create sign-in token");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/sign_in_tokens", None));
    assert_eq!(
        req.json(),
        json!({
            "user_id": USER_ID,
            "org_id": "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            "expires_in_seconds": 3600
        })
    );

    assert_eq!(token.object, "sign_in_token");
    assert_eq!(token.id, "sit_2xhL3nPqS5tUvX7zAbCdEfGhJkM");
    assert_eq!(token.status, SignInTokenStatus::Pending);
    assert_eq!(token.user_id, USER_ID);
    assert_eq!(
        token.token.as_ref().map(|t| t.expose()),
        Some("eyJhbGciOiJSUzI1NiJ9.SIGN-IN-TOKEN-SECRET.sig")
    );
    assert_eq!(
        token.url.as_ref().map(|u| u.expose()),
        Some("https://accounts.example.com/sign-in?__clerk_ticket=SIGN-IN-URL-SECRET")
    );
    assert_eq!(token.created_at, 1718361600000);
    let debug = format!("{token:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
}

#[tokio::test]
async fn sign_in_token_create_minimal_and_revoke() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "sign_in_token.json"));
    server.reply(Reply::fixture(200, "sign_in_token_revoked.json"));
    let clerk = server.client();
    clerk
        .sign_in_tokens()
        .create(CreateSignInTokenParams::new(USER_ID))
        .await
        .expect("create");
    let revoked = clerk
        .sign_in_tokens()
        .revoke("sit_2xhL3nPqS5tUvX7zAbCdEfGhJkM")
        .await
        .expect("revoke");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].json(), json!({"user_id": USER_ID}));
    assert_eq!(
        reqs[1].line(),
        (
            "POST",
            "/sign_in_tokens/sit_2xhL3nPqS5tUvX7zAbCdEfGhJkM/revoke",
            None
        )
    );
    assert!(reqs[1].body.is_empty());
    assert_eq!(revoked.status, SignInTokenStatus::Revoked);
    assert_eq!(revoked.token, None);
    assert_eq!(revoked.url, None);
    assert_eq!(revoked.updated_at, 1718368800000);
}

#[tokio::test]
async fn testing_token_create_sends_no_body_and_hides_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "testing_token.json"));
    let token = server
        .client()
        .testing_tokens()
        .create()
        .await
        .expect("create testing token");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/testing_tokens", None));
    assert!(req.body.is_empty());
    assert_eq!(token.object, "testing_token");
    assert_eq!(token.token.expose(), "1713877200-c_TESTING-TOKEN-SECRET");
    assert_eq!(token.expires_at, 1713880800);
    let debug = format!("{token:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
}

#[tokio::test]
async fn agent_task_create_sends_the_user_and_hides_the_url() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "agent_task.json"));
    server.reply(Reply::fixture(200, "agent_task.json"));
    let clerk = server.client();
    let task = clerk
        .agent_tasks()
        .create(
            CreateAgentTaskParams::new(
                OnBehalfOf::user_id(USER_ID),
                "billing-bot",
                "Download the June invoice",
                "https://app.example.com/agent/done",
            )
            .session_max_duration_in_seconds(600_i64),
        )
        .await
        .expect("create agent task");
    clerk
        .agent_tasks()
        .create(CreateAgentTaskParams::new(
            OnBehalfOf::identifier("ada@example.com"),
            "billing-bot",
            "Check the plan",
            "https://app.example.com/agent/done",
        ))
        .await
        .expect("create agent task by identifier");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].line(), ("POST", "/agents/tasks", None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "on_behalf_of": {"user_id": USER_ID},
            "permissions": "*",
            "agent_name": "billing-bot",
            "task_description": "Download the June invoice",
            "redirect_url": "https://app.example.com/agent/done",
            "session_max_duration_in_seconds": 600
        })
    );
    assert_eq!(
        reqs[1].json(),
        json!({
            "on_behalf_of": {"identifier": "ada@example.com"},
            "permissions": "*",
            "agent_name": "billing-bot",
            "task_description": "Check the plan",
            "redirect_url": "https://app.example.com/agent/done"
        })
    );

    assert_eq!(task.object, "agent_task");
    assert_eq!(task.agent_id, "agent_2xhM4oQrT6uVwY8aBcDeFgHiJkN");
    assert_eq!(task.agent_task_id, "agtask_2xhN5pRsU7vWxZ9bCdEfGhIjKlO");
    assert_eq!(task.task_id, task.agent_task_id);
    assert_eq!(
        task.url.as_ref().map(|u| u.expose()),
        Some("https://accounts.example.com/v1/tickets/accept?ticket=AGENT-URL-SECRET")
    );
    let debug = format!("{task:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert_eq!(AgentTaskPermissions::All.as_str(), "*");
}

#[tokio::test]
async fn agent_task_revoke_sends_no_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "agent_task_revoked.json"));
    let task = server
        .client()
        .agent_tasks()
        .revoke("agtask_2xhN5pRsU7vWxZ9bCdEfGhIjKlO")
        .await
        .expect("revoke agent task");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "POST",
            "/agents/tasks/agtask_2xhN5pRsU7vWxZ9bCdEfGhIjKlO/revoke",
            None
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(task.url, None);
    assert_eq!(task.agent_task_id, "agtask_2xhN5pRsU7vWxZ9bCdEfGhIjKlO");
}

#[tokio::test]
async fn admin_portal_link_token_create_sends_every_field_and_hides_the_token() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(201, "admin_portal_link_token.json"));
    let token = server
        .client()
        .admin_portal_link_tokens()
        .create(
            CreateAdminPortalLinkTokenParams::default()
                .organization_id("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
                .it_contact_id("it-contact-17")
                .scopes(["admin_portal:read", "admin_portal:sso"])
                .seconds_until_expiration(3600_i64),
        )
        .await
        .expect("create admin portal link token");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/admin_portal_link_tokens", None));
    assert_eq!(
        req.json(),
        json!({
            "organization_id": "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            "it_contact_id": "it-contact-17",
            "scopes": ["admin_portal:read", "admin_portal:sso"],
            "seconds_until_expiration": 3600
        })
    );

    assert_eq!(token.object, "admin_portal_link_token");
    assert_eq!(token.id, APLT_ID);
    assert_eq!(
        token.admin_portal_link_id,
        "apl_3beecc9c60adb5f9b850e91a8d2"
    );
    assert_eq!(token.instance_id, "ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk");
    assert_eq!(
        token.organization_id.as_deref(),
        Some("org_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    );
    assert_eq!(token.it_contact_id.as_deref(), Some("it-contact-17"));
    assert_eq!(
        token.scopes.as_deref(),
        Some(
            &[
                "admin_portal:read".to_owned(),
                "admin_portal:sso".to_owned()
            ][..]
        )
    );
    assert_eq!(
        token.token.as_ref().map(|t| t.expose()),
        Some("aplt_ADMIN-PORTAL-TOKEN-SECRET")
    );
    assert!(!token.revoked);
    assert_eq!(token.revocation_reason, None);
    assert!(!token.expired);
    assert_eq!(token.expiration, Some(1716886800000.0));
    assert_eq!(token.created_at, 1716883200000.0);
    assert_eq!(token.updated_at, 1716883200000.0);
    let debug = format!("{token:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
}

#[tokio::test]
async fn admin_portal_link_token_create_with_no_fields_sends_an_empty_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(201, "admin_portal_link_token.json"));
    server
        .client()
        .admin_portal_link_tokens()
        .create(CreateAdminPortalLinkTokenParams::default())
        .await
        .expect("create");
    assert_eq!(server.single().json(), json!({}));
}

#[tokio::test]
async fn admin_portal_link_token_revoke_sends_the_reason() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "admin_portal_link_token_revoked.json"));
    let token = server
        .client()
        .admin_portal_link_tokens()
        .revoke(
            APLT_ID,
            RevokeAdminPortalLinkTokenParams::default()
                .revocation_reason("Contact left the company"),
        )
        .await
        .expect("revoke");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "POST",
            "/admin_portal_link_tokens/aplt_3beecc9c60adb5f9b850e91a83beecc9/revoke",
            None
        )
    );
    assert_eq!(
        req.json(),
        json!({"revocation_reason": "Contact left the company"})
    );
    assert!(token.revoked);
    assert_eq!(
        token.revocation_reason.as_deref(),
        Some("Contact left the company")
    );
    assert_eq!(token.token, None);
    assert_eq!(token.organization_id, None);
    assert_eq!(token.it_contact_id, None);
    assert_eq!(token.scopes, None);
    assert_eq!(token.expiration, None);
    assert_eq!(token.updated_at, 1716884100000.0);
}
