//! Webhooks from the stand-in: an app's `ClerkWebhook` handler, with the same signing secret,
//! receives and verifies a typed event for each state change made through the client, in
//! the order the changes happened; a failed delivery is retried and the events after it
//! wait; an endpoint that never answers is given up on without holding up another one.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{FromRef, State};
use axum::routing::post;
use axum::Router;
use clerk_backend::axum::ClerkWebhook;
use clerk_backend::models::{
    CreateOrganizationInvitationParams, CreateOrganizationMembershipParams,
    CreateOrganizationParams, CreateSessionParams, CreateUserParams, CreateWaitlistEntryParams,
    InviteWaitlistEntryParams, RevokeOrganizationInvitationParams, SessionStatus, UpdateUserParams,
};
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_backend::webhooks::{Event, EventData, Webhook};
use http::{HeaderMap, StatusCode};
use tokio::sync::mpsc;
use tokio::time::timeout;

/// Long enough for any delivery here; a hang fails the test instead of stalling it.
const WAIT: Duration = Duration::from_secs(20);

/// One delivery the app accepted: its `svix-id` and the verified event.
type Received = (String, Event);

/// The app's webhook endpoint: verifies with `webhook`, reports what it accepted on `seen`,
/// and answers 500 to the first delivery of `fail_once` (if any).
#[derive(Clone)]
struct App {
    webhook: Webhook,
    seen: mpsc::UnboundedSender<Received>,
    fail_once: Option<&'static str>,
    failed: Arc<AtomicBool>,
}

impl FromRef<App> for Webhook {
    fn from_ref(app: &App) -> Self {
        app.webhook.clone()
    }
}

async fn receive(
    State(app): State<App>,
    headers: HeaderMap,
    ClerkWebhook(event): ClerkWebhook,
) -> StatusCode {
    if app.fail_once == Some(event.type_name()) && !app.failed.swap(true, Ordering::SeqCst) {
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    let id = headers
        .get("svix-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // The test may have stopped listening; the delivery still succeeded.
    let _ = app.seen.send((id, event));
    StatusCode::NO_CONTENT
}

/// Serves the app on 127.0.0.1:0; answers its webhook URL and what it receives.
async fn serve_app(
    secret: &str,
    fail_once: Option<&'static str>,
) -> (String, mpsc::UnboundedReceiver<Received>) {
    let (seen, received) = mpsc::unbounded_channel();
    let app = App {
        webhook: Webhook::new(secret).expect("valid secret"),
        seen,
        fail_once,
        failed: Arc::new(AtomicBool::new(false)),
    };
    let router = Router::new()
        .route("/webhooks/clerk", post(receive))
        .with_state(app);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the app");
    let addr = listener.local_addr().expect("app address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}/webhooks/clerk"), received)
}

/// Waits until every queued event is delivered or given up, then takes what the app saw.
async fn settle(
    standin: &StandIn,
    received: &mut mpsc::UnboundedReceiver<Received>,
) -> Vec<Received> {
    timeout(WAIT, standin.webhooks_settled())
        .await
        .expect("webhooks settle");
    // The handler reports before it answers, so everything delivered is in the channel.
    let mut events = Vec::new();
    while let Ok(event) = received.try_recv() {
        events.push(event);
    }
    events
}

fn types(events: &[Received]) -> Vec<&str> {
    events.iter().map(|(_, e)| e.type_name()).collect()
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or_default())
        .unwrap_or_default()
}

#[tokio::test]
async fn every_change_reaches_the_app_verified_typed_and_in_order() {
    let secret = generate_webhook_secret();
    let (url, mut received) = serve_app(&secret, None).await;
    let standin = StandIn::builder()
        .webhook(url.clone(), secret)
        .start()
        .await
        .expect("stand-in starts");
    let clerk = standin.clerk();
    let before = now_ms();

    let ada = clerk
        .users()
        .create(CreateUserParams::default().email_address(["ada@example.com"]))
        .await
        .expect("user created");
    let renamed = clerk
        .users()
        .update(&ada.id, UpdateUserParams::default().first_name("Ada"))
        .await
        .expect("user updated");
    let acme = clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme"))
        .await
        .expect("organization created");
    let membership = clerk
        .organization_memberships()
        .create(
            &acme.id,
            CreateOrganizationMembershipParams::new(ada.id.clone(), "org:admin"),
        )
        .await
        .expect("member added");
    let invitation = clerk
        .organization_invitations()
        .create(
            &acme.id,
            CreateOrganizationInvitationParams::new("bob@example.com", "org:member"),
        )
        .await
        .expect("invitation created");
    clerk
        .organization_invitations()
        .revoke(
            &acme.id,
            &invitation.id,
            RevokeOrganizationInvitationParams::default(),
        )
        .await
        .expect("invitation revoked");
    let session = clerk
        .sessions()
        .create(CreateSessionParams::new(ada.id.clone()))
        .await
        .expect("session created");
    let revoked = clerk
        .sessions()
        .revoke(&session.id)
        .await
        .expect("session revoked");
    let second = clerk
        .sessions()
        .create(CreateSessionParams::new(ada.id.clone()))
        .await
        .expect("second session");
    clerk.users().delete(&ada.id).await.expect("user deleted");
    clerk
        .organizations()
        .delete(&acme.id)
        .await
        .expect("organization deleted");

    let events = settle(&standin, &mut received).await;
    assert_eq!(
        types(&events),
        [
            "user.created",
            "user.updated",
            "organization.created",
            "organizationMembership.created",
            "organizationInvitation.created",
            "organizationInvitation.revoked",
            "session.created",
            "session.revoked",
            "session.created",
            // Deleting the user revokes the live session and ends the membership first.
            "session.revoked",
            "organizationMembership.deleted",
            "user.deleted",
            "organization.deleted",
        ]
    );

    // Each payload is typed and is what the API answered for the change.
    let data: Vec<&EventData> = events.iter().map(|(_, e)| &e.data).collect();
    assert!(matches!(data[0], EventData::UserCreated(u) if *u == ada));
    assert!(matches!(data[1], EventData::UserUpdated(u) if *u == renamed));
    assert!(matches!(data[2], EventData::OrganizationCreated(o) if *o == acme));
    assert!(matches!(data[3], EventData::OrganizationMembershipCreated(m) if *m == membership));
    assert!(matches!(data[4], EventData::OrganizationInvitationCreated(i) if *i == invitation));
    assert!(matches!(
        data[5],
        EventData::OrganizationInvitationRevoked(i) if i.id == invitation.id
    ));
    match data[6] {
        EventData::SessionCreated(p) => {
            assert_eq!(p.session, session);
            assert_eq!(
                p.user.as_ref().map(|u| u.id.as_str()),
                Some(ada.id.as_str())
            );
        }
        other => panic!("session.created: {other:?}"),
    }
    assert!(matches!(data[7], EventData::SessionRevoked(p) if p.session == revoked));
    match data[9] {
        EventData::SessionRevoked(p) => {
            assert_eq!(p.session.id, second.id);
            assert_eq!(p.session.status, SessionStatus::Revoked);
            // The user is gone by then; the event still names them.
            assert_eq!(
                p.user.as_ref().map(|u| u.id.as_str()),
                Some(ada.id.as_str())
            );
        }
        other => panic!("session.revoked on deletion: {other:?}"),
    }
    assert!(matches!(
        data[10],
        EventData::OrganizationMembershipDeleted(m) if m.id == membership.id
    ));
    match data[11] {
        EventData::UserDeleted(d) => {
            assert_eq!(
                (d.object.as_str(), d.id.as_deref(), d.deleted),
                ("user", Some(ada.id.as_str()), true)
            );
        }
        other => panic!("user.deleted: {other:?}"),
    }
    match data[12] {
        EventData::OrganizationDeleted(d) => {
            assert_eq!(d.id.as_deref(), Some(acme.id.as_str()));
            assert_eq!(d.slug.as_deref(), Some(acme.slug.as_str()));
            assert!(d.deleted);
        }
        other => panic!("organization.deleted: {other:?}"),
    }

    // Clerk's envelope around every one.
    let after = now_ms();
    for (id, event) in &events {
        assert!(id.starts_with("msg_"), "{id}");
        assert_eq!(event.object, "event");
        assert_eq!(event.instance_id.as_deref(), Some(standin.instance_id()));
        assert!(standin.instance_id().starts_with("ins_"));
        let at = event.timestamp.expect("timestamp");
        assert!((before..=after).contains(&at), "{at} in ms");
        assert_eq!(event.client_ip(), Some("127.0.0.1"));
        assert!(!event.user_agent().unwrap_or_default().is_empty());
    }
    let timestamps: Vec<i64> = events.iter().filter_map(|(_, e)| e.timestamp).collect();
    assert!(timestamps.windows(2).all(|w| w[0] <= w[1]));

    // One successful first attempt each, recorded against the app's URL.
    let attempts = standin.webhook_attempts();
    assert_eq!(attempts.len(), events.len());
    for (attempt, (id, event)) in attempts.iter().zip(&events) {
        assert_eq!(attempt.msg_id, *id);
        assert_eq!(attempt.event_type, event.type_name());
        assert_eq!(attempt.attempt, 1);
        assert_eq!(attempt.status, Some(StatusCode::NO_CONTENT));
        assert!(attempt.succeeded() && attempt.error.is_none());
        assert_eq!(attempt.url, url);
    }
}

#[tokio::test]
async fn a_failed_delivery_is_retried_once_and_the_later_events_wait_for_it() {
    let secret = generate_webhook_secret();
    let (url, mut received) = serve_app(&secret, Some("user.created")).await;
    let standin = StandIn::builder()
        .webhook(url, secret)
        .start()
        .await
        .expect("stand-in starts");
    let clerk = standin.clerk();

    let ada = clerk
        .users()
        .create(CreateUserParams::default().username("ada_l"))
        .await
        .expect("user created");
    clerk
        .users()
        .update(&ada.id, UpdateUserParams::default().last_name("Lovelace"))
        .await
        .expect("user updated");
    clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme").created_by(ada.id.clone()))
        .await
        .expect("organization created");

    let events = settle(&standin, &mut received).await;
    assert_eq!(
        types(&events),
        [
            "user.created",
            "user.updated",
            "organization.created",
            "organizationMembership.created",
        ],
        "accepted exactly once each, in order"
    );

    let attempts = standin.webhook_attempts();
    let summary: Vec<(&str, u32, Option<StatusCode>)> = attempts
        .iter()
        .map(|a| (a.event_type.as_str(), a.attempt, a.status))
        .collect();
    assert_eq!(
        summary,
        [
            ("user.created", 1, Some(StatusCode::INTERNAL_SERVER_ERROR)),
            ("user.created", 2, Some(StatusCode::NO_CONTENT)),
            ("user.updated", 1, Some(StatusCode::NO_CONTENT)),
            ("organization.created", 1, Some(StatusCode::NO_CONTENT)),
            (
                "organizationMembership.created",
                1,
                Some(StatusCode::NO_CONTENT)
            ),
        ],
        "the retry went before anything queued after it"
    );
    assert_eq!(
        attempts[0].msg_id, attempts[1].msg_id,
        "a retry resends the message"
    );
    assert_eq!(attempts[1].msg_id, events[0].0);
    assert!(!attempts[0].succeeded());
    // The retry waited the schedule's second delay.
    let waited = attempts[1]
        .at
        .duration_since(attempts[0].at)
        .unwrap_or_default();
    assert!(waited >= Duration::from_millis(50), "{waited:?}");
}

#[tokio::test]
async fn an_endpoint_that_never_answers_is_given_up_without_holding_up_another() {
    // A port nothing listens on: every attempt fails to connect.
    let dead = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr: SocketAddr = listener.local_addr().expect("address");
        format!("http://{addr}/hooks")
    };
    let secret = generate_webhook_secret();
    let (url, mut received) = serve_app(&secret, None).await;
    let standin = StandIn::builder()
        .webhook(dead.clone(), generate_webhook_secret())
        .webhook(url.clone(), secret)
        .webhook_retry_delays([Duration::ZERO, Duration::from_millis(10)])
        .start()
        .await
        .expect("stand-in starts");
    let clerk = standin.clerk();
    for name in ["ada_l", "bob_b"] {
        clerk
            .users()
            .create(CreateUserParams::default().username(name))
            .await
            .expect("user created");
    }

    let events = settle(&standin, &mut received).await;
    assert_eq!(types(&events), ["user.created", "user.created"]);

    let attempts = standin.webhook_attempts();
    let to_dead: Vec<_> = attempts.iter().filter(|a| a.url == dead).collect();
    assert_eq!(
        to_dead.iter().map(|a| a.attempt).collect::<Vec<_>>(),
        [1, 2, 1, 2],
        "two tries per message, then the next message"
    );
    assert!(to_dead
        .iter()
        .all(|a| a.status.is_none() && a.error.is_some() && !a.succeeded()));
    assert_ne!(to_dead[0].msg_id, to_dead[2].msg_id);
    assert_eq!(attempts.iter().filter(|a| a.url == url).count(), 2);

    standin.clear_webhook_attempts();
    assert!(standin.webhook_attempts().is_empty());
}

#[tokio::test]
async fn a_bad_endpoint_stops_the_start() {
    let bad_secret = StandIn::builder()
        .webhook("http://127.0.0.1:9/hooks", "not a secret!")
        .start()
        .await
        .expect_err("a secret that is not base64");
    assert_eq!(bad_secret.kind(), std::io::ErrorKind::InvalidInput);
    let bad_url = StandIn::builder()
        .webhook("no url", generate_webhook_secret())
        .start()
        .await
        .expect_err("not a URL");
    assert_eq!(bad_url.kind(), std::io::ErrorKind::InvalidInput);

    // Without endpoints nothing is queued and waiting returns at once.
    let quiet = StandIn::start().await.expect("stand-in starts");
    quiet
        .clerk()
        .users()
        .create(CreateUserParams::default().username("ada_l"))
        .await
        .expect("user created");
    timeout(WAIT, quiet.webhooks_settled())
        .await
        .expect("settled at once");
    assert!(quiet.webhook_attempts().is_empty());
}

#[tokio::test]
async fn waitlist_changes_send_waitlist_entry_created_and_updated() {
    // The webhooks spec has `waitlistEntry.created` and `.updated` (no `.deleted`); adding
    // an address already on the list changes nothing, so it sends nothing.
    let secret = generate_webhook_secret();
    let (url, mut received) = serve_app(&secret, None).await;
    let standin = StandIn::builder()
        .webhook(url, secret)
        .start()
        .await
        .expect("stand-in starts");
    let waitlist = standin.clerk().waitlist_entries();
    let ada = waitlist
        .create(CreateWaitlistEntryParams::new("ada@example.com"))
        .await
        .expect("add ada");
    let again = waitlist
        .create(CreateWaitlistEntryParams::new("ADA@example.com"))
        .await
        .expect("add ada again");
    assert_eq!(again.id, ada.id);
    let bob = waitlist
        .create(CreateWaitlistEntryParams::new("bob@example.com"))
        .await
        .expect("add bob");
    let invited = waitlist
        .invite(&ada.id, InviteWaitlistEntryParams::default())
        .await
        .expect("invite ada");
    let rejected = waitlist.reject(&bob.id).await.expect("reject bob");

    let events = settle(&standin, &mut received).await;
    assert_eq!(
        types(&events),
        [
            "waitlistEntry.created",
            "waitlistEntry.created",
            "waitlistEntry.updated",
            "waitlistEntry.updated",
        ]
    );
    let data: Vec<&EventData> = events.iter().map(|(_, e)| &e.data).collect();
    assert!(matches!(data[0], EventData::WaitlistEntryCreated(e) if *e == ada));
    assert!(matches!(data[1], EventData::WaitlistEntryCreated(e) if *e == bob));
    assert!(matches!(data[2], EventData::WaitlistEntryUpdated(e) if *e == invited));
    assert!(matches!(data[3], EventData::WaitlistEntryUpdated(e) if *e == rejected));
}
