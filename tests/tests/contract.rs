//! Contract test: every declared operation against a Prism mock of the official spec.
//!
//! Runs when `CLERK_API_URL` points at Prism (`.ci/run` starts it in static and in dynamic
//! mode); skipped otherwise. Prism rejects any request that violates the spec with a 4xx, so
//! a call that succeeds proves the request conforms, and the decode proves the models accept
//! what the spec allows. In dynamic mode (random conformant responses, nulls included) the
//! whole set runs `CLERK_CONTRACT_ROUNDS` times.

use std::collections::BTreeSet;

use clerk::models::*;
use clerk::multipart::FileUpload;
use clerk::{Clerk, Request};

/// Retired endpoints that no current spec lists: Prism must answer 404 for them.
const RETIRED: [&str; 3] = [
    "POST /emails",
    "POST /sms_messages",
    "POST /sessions/{session_id}/verify",
];

#[derive(Default)]
struct Run {
    seen: BTreeSet<String>,
    failures: Vec<String>,
}

impl Run {
    async fn ok<T: Send>(&mut self, request: Request<'_, T>) {
        let route = request.endpoint().map(|e| e.route()).unwrap_or_default();
        self.seen.insert(route.clone());
        if let Err(e) = request.await {
            self.failures.push(format!("{route}: {e}"));
        }
    }

    async fn retired<T: Send>(&mut self, request: Request<'_, T>) {
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

#[allow(deprecated)]
async fn every_operation(clerk: &Clerk, run: &mut Run) {
    // Allow-list and block-list identifiers.
    run.ok(clerk
        .allowlist_identifiers()
        .list(AllowlistIdentifierListParams::default().limit(10)))
        .await;
    run.ok(clerk
        .allowlist_identifiers()
        .create(CreateAllowlistIdentifierParams::new("ada@example.com").notify(false)))
        .await;
    run.ok(clerk.allowlist_identifiers().delete("alid_1")).await;
    run.ok(clerk.blocklist_identifiers().list()).await;
    run.ok(clerk
        .blocklist_identifiers()
        .create(CreateBlocklistIdentifierParams::new("spam@example.com")))
        .await;
    run.ok(clerk.blocklist_identifiers().delete("blid_1")).await;

    // Clients.
    run.ok(clerk
        .clients()
        .list(ClientListParams::default().limit(5).offset(0)))
        .await;
    run.ok(clerk.clients().get("client_1")).await;
    run.ok(clerk
        .clients()
        .verify(VerifyClientParams::new("client-token")))
        .await;

    // Invitations.
    run.ok(clerk.invitations().list(
        InvitationListParams::default()
            .status(InvitationStatus::Pending)
            .order_by(InvitationOrderBy::CreatedAtDesc)
            .limit(10),
    ))
    .await;
    run.ok(clerk.invitations().create(
        CreateInvitationParams::new("ada@example.com")
            .redirect_url("https://example.com/welcome")
            .notify(true)
            .ignore_existing(true)
            .expires_in_days(7),
    ))
    .await;
    run.ok(clerk.invitations().create_bulk(vec![
        CreateInvitationParams::new("a@example.com"),
        CreateInvitationParams::new("b@example.com").notify(false),
    ]))
    .await;
    run.ok(clerk.invitations().revoke("inv_1")).await;

    // Organizations.
    run.ok(clerk.organizations().list(
        OrganizationListParams::default()
            .include_members_count(true)
            .limit(10),
    ))
    .await;
    run.ok(clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme").slug("acme")))
        .await;
    run.ok(clerk.organizations().get(
        "org_1",
        GetOrganizationParams::default().include_members_count(true),
    ))
    .await;
    run.ok(clerk.organizations().update(
        "org_1",
        UpdateOrganizationParams::default().name("Acme Inc"),
    ))
    .await;
    run.ok(clerk.organizations().delete("org_1")).await;

    // Sessions.
    run.ok(clerk.sessions().list(
        SessionListParams::default()
            .user_id("user_1")
            .status(SessionStatus::Active)
            .limit(10),
    ))
    .await;
    run.ok(clerk.sessions().get("sess_1")).await;
    run.ok(clerk.sessions().create(CreateSessionParams::new("user_1")))
        .await;
    run.ok(clerk.sessions().refresh(
        "sess_1",
        RefreshSessionParams::new("expired.jwt.token", "refresh-token", "https://example.com"),
    ))
    .await;
    run.ok(clerk.sessions().revoke("sess_1")).await;
    run.ok(clerk.sessions().create_token(
        "sess_1",
        CreateSessionTokenParams::default().expires_in_seconds(60),
    ))
    .await;
    run.ok(clerk.sessions().create_token_from_template(
        "sess_1",
        "supabase",
        CreateSessionTokenParams::default(),
    ))
    .await;

    // Users.
    run.ok(clerk.users().list(
        UserListParams::default()
            .email_address(["ada@example.com"])
            .order_by(UserOrderBy::CreatedAtDesc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.users().count(UserCountParams::default().query("ada")))
        .await;
    run.ok(clerk.users().get("user_1")).await;
    run.ok(clerk.users().create(
        CreateUserParams::default()
            .email_address(["ada@example.com"])
            .password_digest("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")
            .password_hasher(PasswordHasher::Bcrypt),
    ))
    .await;
    run.ok(clerk
        .users()
        .update("user_1", UpdateUserParams::default().first_name("Ada")))
        .await;
    run.ok(clerk.users().delete("user_1")).await;
    run.ok(clerk.users().set_profile_image(
        "user_1",
        FileUpload::from_bytes(b"\x89PNG\r\n\x1a\n".to_vec(), "avatar.png")
            .content_type("image/png"),
    ))
    .await;
    run.ok(clerk.users().delete_profile_image("user_1")).await;

    // Retired: declared for users of older API versions, unknown to the current spec.
    run.retired(
        clerk
            .emails()
            .create(CreateEmailParams::new("hello", "Hi", "<p>Hi</p>", "idn_1")),
    )
    .await;
    run.retired(
        clerk
            .sms_messages()
            .create(CreateSmsMessageParams::new("Hi", "idn_1")),
    )
    .await;
    run.retired(
        clerk
            .sessions()
            .verify("sess_1", VerifySessionParams::new("jwt")),
    )
    .await;
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
        .retry_policy(clerk::RetryPolicy::none())
        .build()
        .expect("client");

    let mut run = Run::default();
    for _ in 0..rounds {
        every_operation(&clerk, &mut run).await;
    }

    let declared: BTreeSet<String> = clerk::catalog::endpoints().map(|e| e.route()).collect();
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
