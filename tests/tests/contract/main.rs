//! Contract test: every declared operation against a Prism mock of the official spec.
//!
//! Runs when `CLERK_API_URL` points at Prism (`.ci/run` starts it in static and in dynamic
//! mode); skipped otherwise. Prism rejects any request that violates the spec with a 4xx, so
//! a call that succeeds proves the request conforms, and the decode proves the models accept
//! what the spec allows. In dynamic mode (random conformant responses, nulls included) the
//! whole set runs `CLERK_CONTRACT_ROUNDS` times.

use std::collections::BTreeSet;

use clerk_backend::{Clerk, Request};

mod actor_tokens;
mod admin_portal_link_tokens;
mod agent_tasks;
mod allowlist;
mod api_keys;
mod beta_features;
mod billing;
mod clients;
mod directories;
mod domains;
mod email_addresses;
mod enterprise_connections;
mod instance_settings;
mod interstitial;
mod invitations;
mod jwks;
mod jwt_templates;
mod m2m_tokens;
mod machines;
mod oauth_access_tokens;
mod oauth_applications;
mod organization_domains;
mod organization_invitations;
mod organization_memberships;
mod organization_permissions;
mod organization_roles;
mod organizations;
mod phone_numbers;
mod proxy_checks;
mod redirect_urls;
mod retired;
mod role_sets;
mod saml_connections;
mod scim_directories;
mod sessions;
mod sign_in_tokens;
mod sign_ups;
mod templates;
mod testing_tokens;
mod users;
mod waitlist_entries;
mod webhooks;

/// Retired endpoints that no current spec lists: Prism must answer 404 for them.
const RETIRED: [&str; 3] = [
    "POST /emails",
    "POST /sms_messages",
    "POST /sessions/{session_id}/verify",
];

#[derive(Default)]
pub struct Run {
    seen: BTreeSet<String>,
    failures: Vec<String>,
}

impl Run {
    pub async fn ok<T: Send, M>(&mut self, request: Request<'_, T, M>) {
        let route = request.endpoint().map(|e| e.route()).unwrap_or_default();
        self.seen.insert(route.clone());
        if let Err(e) = request.await {
            self.failures.push(format!("{route}: {e}"));
        }
    }

    pub async fn retired<T: Send, M>(&mut self, request: Request<'_, T, M>) {
        let route = request.endpoint().map(|e| e.route()).unwrap_or_default();
        self.seen.insert(route.clone());
        match request.await {
            Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => {}
            other => self.failures.push(format!(
                "{route}: expected 404 from the mock, got {:?}",
                other.err()
            )),
        }
    }
}

/// One pass over every declared operation, resource by resource.
async fn every_operation(clerk: &Clerk, run: &mut Run) {
    actor_tokens::run(clerk, run).await;
    admin_portal_link_tokens::run(clerk, run).await;
    agent_tasks::run(clerk, run).await;
    allowlist::run(clerk, run).await;
    api_keys::run(clerk, run).await;
    beta_features::run(clerk, run).await;
    billing::run(clerk, run).await;
    clients::run(clerk, run).await;
    directories::run(clerk, run).await;
    domains::run(clerk, run).await;
    email_addresses::run(clerk, run).await;
    enterprise_connections::run(clerk, run).await;
    instance_settings::run(clerk, run).await;
    interstitial::run(clerk, run).await;
    invitations::run(clerk, run).await;
    jwks::run(clerk, run).await;
    jwt_templates::run(clerk, run).await;
    m2m_tokens::run(clerk, run).await;
    machines::run(clerk, run).await;
    oauth_access_tokens::run(clerk, run).await;
    oauth_applications::run(clerk, run).await;
    organization_domains::run(clerk, run).await;
    organization_invitations::run(clerk, run).await;
    organization_memberships::run(clerk, run).await;
    organization_permissions::run(clerk, run).await;
    organization_roles::run(clerk, run).await;
    organizations::run(clerk, run).await;
    phone_numbers::run(clerk, run).await;
    proxy_checks::run(clerk, run).await;
    redirect_urls::run(clerk, run).await;
    retired::run(clerk, run).await;
    role_sets::run(clerk, run).await;
    saml_connections::run(clerk, run).await;
    scim_directories::run(clerk, run).await;
    sessions::run(clerk, run).await;
    sign_in_tokens::run(clerk, run).await;
    sign_ups::run(clerk, run).await;
    templates::run(clerk, run).await;
    testing_tokens::run(clerk, run).await;
    users::run(clerk, run).await;
    waitlist_entries::run(clerk, run).await;
    webhooks::run(clerk, run).await;
}

#[tokio::test]
async fn every_declared_operation_conforms_to_the_spec() {
    let Ok(url) = std::env::var("CLERK_API_URL") else {
        eprintln!(
            "contract test skipped: CLERK_API_URL is not set (.ci/run starts Prism and sets it)"
        );
        return;
    };
    let rounds: usize = std::env::var("CLERK_CONTRACT_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let clerk = Clerk::builder()
        .secret_key("sk_test_contract")
        .base_url(url.clone())
        .retry_policy(clerk_backend::RetryPolicy::none())
        .build()
        .expect("client");

    let mut run = Run::default();
    for _ in 0..rounds {
        every_operation(&clerk, &mut run).await;
    }

    let declared: BTreeSet<String> = clerk_backend::catalog::endpoints()
        .map(|e| e.route())
        .collect();
    let missed: Vec<&String> = declared.difference(&run.seen).collect();
    assert!(
        missed.is_empty(),
        "declared operations the contract test does not call: {missed:#?}"
    );
    for retired in RETIRED {
        assert!(
            declared.contains(retired),
            "{retired} is no longer declared; update RETIRED"
        );
    }
    assert!(
        run.failures.is_empty(),
        "{} of {} calls failed against {url}:\n{}",
        run.failures.len(),
        run.seen.len() * rounds,
        run.failures.join("\n")
    );
    eprintln!(
        "contract: {} operations x {rounds} round(s) passed against {url}",
        run.seen.len()
    );
}
