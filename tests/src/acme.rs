//! The organization every framework example test signs in to: a stand-in with "Acme", an
//! admin whose role grants `org:reports:read`, a plain member, and a JWT template `tenant`
//! that adds a `tenant_id` claim. One fixture, so each framework's test says only what is
//! particular to the framework.

use clerk_backend::models::{
    CreateOrganizationParams, CreatePermissionParams, CreateSessionParams,
    CreateSessionTokenParams, CreateUserParams, JwtTemplateParams,
};
use clerk_backend::testing::{Seed, Seeded, StandIn};
use serde_json::{json, Value};

/// The permission the examples' `GET /reports` requires.
pub const REPORTS_PERMISSION: &str = "org:reports:read";

/// The `tenant_id` a token from the `tenant` template carries: `tenant_` + the org's slug.
pub const TENANT_ID: &str = "tenant_acme";

/// A stand-in seeded with Acme; see the module doc.
pub struct Acme {
    /// The stand-in (its `verifier()` checks the tokens below).
    pub standin: StandIn,
    /// The seeded users (0: admin, 1: member) and the organization.
    pub seeded: Seeded,
}

impl Acme {
    /// Starts the stand-in and seeds it.
    pub async fn start() -> Self {
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
                REPORTS_PERMISSION,
            ))
            .await
            .expect("permission");
        let admin_role = clerk
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
            .assign_permission(&admin_role.id, &permission.id)
            .await
            .expect("assigned");
        let claims = json!({"tenant_id": "tenant_{{org.slug}}"});
        clerk
            .jwt_templates()
            .create(JwtTemplateParams::new(
                "tenant",
                claims.as_object().cloned().expect("an object"),
            ))
            .await
            .expect("template");
        Self { standin, seeded }
    }

    /// The admin's user id.
    pub fn admin(&self) -> &str {
        &self.seeded.users[0].id
    }

    /// The member's user id.
    pub fn member(&self) -> &str {
        &self.seeded.users[1].id
    }

    /// Acme's organization id.
    pub fn org_id(&self) -> &str {
        &self.seeded.organizations[0].id
    }

    /// A token of a new session of `user_id` with Acme active, from `template` if given.
    pub async fn token(&self, user_id: &str, template: Option<&str>) -> String {
        let session = session(&self.standin, user_id, Some(self.org_id())).await;
        session_token(&self.standin, &session, template).await
    }
}

/// A new session of `user_id`, with `org_id` active when given; its id.
pub async fn session(standin: &StandIn, user_id: &str, org_id: Option<&str>) -> String {
    let mut params = CreateSessionParams::new(user_id.to_owned());
    if let Some(org) = org_id {
        params = params.active_organization_id(org.to_owned());
    }
    let session = standin.clerk().sessions().create(params).await;
    session.expect("session").id
}

/// A session token of `session`, from the JWT template `template` when given.
pub async fn session_token(standin: &StandIn, session: &str, template: Option<&str>) -> String {
    let sessions = standin.clerk().sessions();
    let params = CreateSessionTokenParams::default();
    let token = match template {
        Some(name) => {
            sessions
                .create_token_from_template(session, name, params)
                .await
        }
        None => sessions.create_token(session, params).await,
    };
    token.expect("token").jwt.expect("jwt").expose().to_owned()
}

/// `GET url` with `token` as a bearer token: the status, the headers and the JSON body.
pub async fn get_json(url: &str, token: Option<&str>) -> (u16, http::HeaderMap, Value) {
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

/// The current time in unix seconds, as webhook timestamps and token claims carry it.
pub fn unix_now() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    i64::try_from(secs).expect("seconds fit")
}

/// POSTs `body` to `{url}/webhooks/clerk` with Svix headers (`svix-id` = `id`); the status
/// and the body of the answer.
pub async fn post_webhook(
    url: &str,
    id: &str,
    timestamp: i64,
    signature: &str,
    body: &[u8],
) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(format!("{url}/webhooks/clerk"))
        .header("svix-id", id)
        .header("svix-timestamp", timestamp.to_string())
        .header("svix-signature", signature)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}
