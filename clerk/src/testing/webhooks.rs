//! Webhooks from the stand-in: every state change it serves becomes a Clerk event, signed
//! the way Svix signs Clerk's deliveries and POSTed to each configured endpoint in order,
//! with retries.
//!
//! Handlers queue events through the store's [`Outbox`] while they still hold the store lock,
//! so the queue order is the order the changes happened in; queueing never waits. One task per
//! stand-in drains the queues: per endpoint, one message at a time, each retried on the
//! schedule of [`StandInBuilder::webhook_retry_delays`](super::StandInBuilder::webhook_retry_delays)
//! before the next one is tried.

use std::collections::VecDeque;
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;
use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use super::store::{new_id, now_ms, Store};
use crate::models::{Session, SessionStatus, User};
use crate::webhooks::{SessionPayload, Webhook};

/// How long the stand-in waits before each delivery attempt of one message unless
/// [`StandInBuilder::webhook_retry_delays`](super::StandInBuilder::webhook_retry_delays) says
/// otherwise: at once, then 50 ms, 200 ms, 1 s and 5 s later, five attempts in all. This is
/// Svix's schedule (immediately, 5 s, 5 min, 30 min, 2 h, ...) shrunk to test time.
pub const DEFAULT_WEBHOOK_RETRY_DELAYS: [Duration; 5] = [
    Duration::ZERO,
    Duration::from_millis(50),
    Duration::from_millis(200),
    Duration::from_secs(1),
    Duration::from_secs(5),
];

/// How long one delivery attempt may take, connection included, before it counts as failed.
pub const WEBHOOK_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(2);

/// How many attempts [`StandIn::webhook_attempts`](super::StandIn::webhook_attempts) keeps:
/// the latest ones.
pub const MAX_RECORDED_WEBHOOK_ATTEMPTS: usize = 1000;

/// One try at delivering one event to one endpoint, as
/// [`StandIn::webhook_attempts`](super::StandIn::webhook_attempts) reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookAttempt {
    /// The endpoint's URL.
    pub url: String,
    /// The event type, e.g. `user.created`.
    pub event_type: String,
    /// The message id sent as `svix-id` (`msg_...`), the same on every attempt of a message.
    pub msg_id: String,
    /// 1 for the first try of this message at this endpoint, 2 for the first retry, ...
    pub attempt: u32,
    /// The endpoint's answer, when it answered.
    pub status: Option<StatusCode>,
    /// Why no answer came (refused connection, timeout...), when none did.
    pub error: Option<String>,
    /// When the attempt finished.
    pub at: SystemTime,
}

impl WebhookAttempt {
    /// Whether the endpoint accepted the message (answered 2xx), which ends its retries.
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| s.is_success())
    }
}

/// A fresh signing secret, `whsec_` and the base64 of 24 random bytes: the form Clerk's
/// Dashboard shows, accepted by [`Webhook::new`] and by
/// [`StandInBuilder::webhook`](super::StandInBuilder::webhook).
pub fn generate_webhook_secret() -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    let mut key = [0u8; 24];
    if aws_lc_rs::rand::fill(&mut key).is_err() {
        // The system generator failing is not worth failing a test run over.
        key.iter_mut().for_each(|b| *b = fastrand::u8(..));
    }
    format!("whsec_{}", STANDARD.encode(key))
}

/// One endpoint as the builder was given it: checked when the stand-in starts.
#[derive(Debug, Clone)]
pub(crate) struct EndpointSetting {
    pub url: String,
    pub secret: String,
}

/// What the stand-in and its delivery task share: the count of messages not yet settled and
/// the attempt log.
#[derive(Debug)]
pub(crate) struct Deliveries {
    /// Messages queued or being tried, over all endpoints.
    pending: watch::Sender<usize>,
    attempts: Mutex<VecDeque<WebhookAttempt>>,
}

impl Deliveries {
    fn new() -> Self {
        Self {
            pending: watch::Sender::new(0),
            attempts: Mutex::new(VecDeque::new()),
        }
    }

    fn attempts_log(&self) -> MutexGuard<'_, VecDeque<WebhookAttempt>> {
        self.attempts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every recorded attempt, oldest first.
    pub fn attempts(&self) -> Vec<WebhookAttempt> {
        self.attempts_log().iter().cloned().collect()
    }

    /// Forgets the recorded attempts.
    pub fn clear_attempts(&self) {
        self.attempts_log().clear();
    }

    /// Resolves once no message is queued or being tried.
    pub async fn settled(&self) {
        let mut pending = self.pending.subscribe();
        // The sender lives as long as `self`, so waiting cannot fail.
        let _ = pending.wait_for(|n| *n == 0).await;
    }

    fn record(&self, attempt: WebhookAttempt) {
        let mut log = self.attempts_log();
        if log.len() == MAX_RECORDED_WEBHOOK_ATTEMPTS {
            log.pop_front();
        }
        log.push_back(attempt);
    }

    fn done(&self) {
        self.pending.send_modify(|n| *n = n.saturating_sub(1));
    }
}

/// One signed-to-be message: the same id and body on every attempt.
#[derive(Debug, Clone)]
struct Message {
    id: String,
    event_type: String,
    body: Bytes,
}

/// The sending side of the delivery queues, kept in the store so that any code changing
/// state can queue the event it causes. Without endpoints it drops every event.
#[derive(Default)]
pub(crate) struct Outbox {
    instance_id: String,
    queues: Vec<mpsc::UnboundedSender<Message>>,
    deliveries: Option<Arc<Deliveries>>,
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox")
            .field("instance_id", &self.instance_id)
            .field("endpoints", &self.queues.len())
            .finish()
    }
}

impl Outbox {
    /// Queues one event for every endpoint. Never waits, so it may run under the store lock.
    fn emit(&self, event_type: &str, data: Value) {
        let Some(deliveries) = &self.deliveries else {
            return;
        };
        if self.queues.is_empty() {
            return;
        }
        let envelope = json!({
            "data": data,
            "event_attributes": CALLER
                .try_with(|caller| json!({ "http_request": caller }))
                .unwrap_or_else(|_| json!({})),
            "instance_id": self.instance_id,
            "object": "event",
            "timestamp": now_ms(),
            "type": event_type,
        });
        let message = Message {
            id: new_id("msg"),
            event_type: event_type.to_owned(),
            body: Bytes::from(serde_json::to_vec(&envelope).unwrap_or_default()),
        };
        for queue in &self.queues {
            deliveries.pending.send_modify(|n| *n += 1);
            if queue.send(message.clone()).is_err() {
                // The delivery task is gone (the stand-in is stopping): nothing will settle it.
                deliveries.done();
            }
        }
    }
}

impl Store {
    /// Queues `event_type` with `data` serialized as the API serializes it.
    pub(super) fn emit(&self, event_type: &str, data: impl Serialize) {
        if self.webhooks.queues.is_empty() {
            return;
        }
        match serde_json::to_value(data) {
            Ok(data) => self.webhooks.emit(event_type, data),
            Err(e) => tracing::warn!("stand-in: {event_type} not sent, its data failed: {e}"),
        }
    }

    /// Queues a `session.*` event: the session with its user, as Clerk sends them. `user` is
    /// the session's user when the caller has it at hand (a user being deleted); otherwise it
    /// is read from the users table.
    pub(super) fn emit_session(&self, event_type: &str, session: &Session, user: Option<&User>) {
        if self.webhooks.queues.is_empty() {
            return;
        }
        let user = user
            .cloned()
            .or_else(|| self.users.get(&session.user_id).cloned());
        self.emit(
            event_type,
            SessionPayload {
                session: session.clone(),
                user,
            },
        );
    }
}

impl Store {
    /// Queues the event of each session a cascade ended (a ban, a deletion, a sign-out of
    /// other sessions), its type read from the status the session ended with.
    pub(super) fn emit_ended_sessions(&self, sessions: &[Session], user: Option<&User>) {
        for session in sessions {
            let event_type = match session.status {
                SessionStatus::Revoked => "session.revoked",
                SessionStatus::Removed => "session.removed",
                _ => "session.ended",
            };
            self.emit_session(event_type, session, user);
        }
    }
}

/// The `http_request` of the events a request causes.
#[derive(Debug, Clone, Serialize)]
struct Caller {
    client_ip: String,
    user_agent: String,
}

tokio::task_local! {
    /// The request being served, for the `event_attributes` of the events it causes.
    static CALLER: Caller;
}

/// Middleware: serves the request with its client IP and user agent at hand for
/// [`Outbox::emit`].
pub(crate) async fn with_caller(request: Request, next: Next) -> Response {
    let client_ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_default();
    let user_agent = request
        .headers()
        .get(http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let caller = Caller {
        client_ip,
        user_agent,
    };
    CALLER.scope(caller, next.run(request)).await
}

/// A running webhook set-up: the outbox for the store, the shared delivery state and the
/// task (absent without endpoints).
pub(crate) struct Started {
    pub instance_id: String,
    pub outbox: Outbox,
    pub deliveries: Arc<Deliveries>,
    pub task: Option<JoinHandle<()>>,
}

/// Checks the endpoints and starts the delivery task when there is at least one.
pub(crate) fn start(
    endpoints: &[EndpointSetting],
    retry_delays: &[Duration],
) -> std::io::Result<Started> {
    let deliveries = Arc::new(Deliveries::new());
    let instance_id = new_id("ins");
    if endpoints.is_empty() {
        return Ok(Started {
            instance_id: instance_id.clone(),
            outbox: Outbox {
                instance_id,
                queues: Vec::new(),
                deliveries: Some(deliveries.clone()),
            },
            deliveries,
            task: None,
        });
    }
    let invalid = |what: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, what);
    let mut queues = Vec::with_capacity(endpoints.len());
    let mut workers = Vec::with_capacity(endpoints.len());
    for endpoint in endpoints {
        let url = reqwest::Url::parse(&endpoint.url)
            .map_err(|e| invalid(format!("webhook URL {:?}: {e}", endpoint.url)))?;
        let signer = Webhook::new(&endpoint.secret).map_err(|_| {
            invalid(format!(
                "webhook secret for {url}: expected whsec_ followed by base64"
            ))
        })?;
        let (tx, rx) = mpsc::unbounded_channel();
        queues.push(tx);
        workers.push(Endpoint { url, signer, rx });
    }
    let client = crate::tls::http_client_builder()
        .timeout(WEBHOOK_ATTEMPT_TIMEOUT)
        .build()
        .map_err(std::io::Error::other)?;
    let delays: Vec<Duration> = if retry_delays.is_empty() {
        vec![Duration::ZERO]
    } else {
        retry_delays.to_vec()
    };
    let shared = deliveries.clone();
    let task = tokio::spawn(async move {
        let runs = workers
            .into_iter()
            .map(|endpoint| endpoint.run(&client, &delays, &shared));
        futures_util::future::join_all(runs).await;
    });
    Ok(Started {
        instance_id: instance_id.clone(),
        outbox: Outbox {
            instance_id,
            queues,
            deliveries: Some(deliveries.clone()),
        },
        deliveries,
        task: Some(task),
    })
}

/// One endpoint's side of the delivery task.
struct Endpoint {
    url: reqwest::Url,
    signer: Webhook,
    rx: mpsc::UnboundedReceiver<Message>,
}

impl Endpoint {
    /// Delivers the queued messages one after the other until the outbox is dropped.
    async fn run(mut self, client: &reqwest::Client, delays: &[Duration], shared: &Deliveries) {
        while let Some(message) = self.rx.recv().await {
            for (n, delay) in (1u32..).zip(delays) {
                if !delay.is_zero() {
                    // The retry schedule itself, not a wait for something to happen.
                    tokio::time::sleep(*delay).await;
                }
                let (status, error) = match self.attempt(client, &message).await {
                    Ok(status) => (Some(status), None),
                    Err(e) => (None, Some(e)),
                };
                let attempt = WebhookAttempt {
                    url: self.url.to_string(),
                    event_type: message.event_type.clone(),
                    msg_id: message.id.clone(),
                    attempt: n,
                    status,
                    error,
                    at: SystemTime::now(),
                };
                let succeeded = attempt.succeeded();
                shared.record(attempt);
                if succeeded {
                    break;
                }
            }
            shared.done();
        }
    }

    /// One POST, signed at the time it is sent.
    async fn attempt(
        &self,
        client: &reqwest::Client,
        message: &Message,
    ) -> Result<StatusCode, String> {
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or_default();
        let signature = self.signer.sign(&message.id, timestamp, &message.body);
        let response = client
            .post(self.url.clone())
            .header(http::header::CONTENT_TYPE, "application/json")
            .header(Webhook::ID_HEADER, &message.id)
            .header(Webhook::TIMESTAMP_HEADER, timestamp.to_string())
            .header(Webhook::SIGNATURE_HEADER, signature)
            .body(message.body.clone())
            .send()
            .await
            .map_err(|e| e.to_string())?;
        Ok(response.status())
    }
}

#[cfg(test)]
mod tests {
    use super::generate_webhook_secret;
    use crate::webhooks::Webhook;

    #[test]
    fn generated_secrets_are_fresh_and_accepted_by_the_verifier() {
        let a = generate_webhook_secret();
        let b = generate_webhook_secret();
        assert!(a.starts_with("whsec_"), "{a}");
        assert_ne!(a, b);
        assert!(Webhook::new(&a).is_ok());
    }
}
