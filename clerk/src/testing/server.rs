//! Starting and stopping the stand-in: the listener, the router and the secret-key check.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use super::fallback::not_implemented;
use super::keys::SigningKey;
use super::reply::ApiError;
use super::requests::{
    log, record, report, RecordedRequest, RequestHook, RequestLog, ServedRequest,
};
use super::store::{Inner, Shared, Store};
use super::webhooks::{self, Deliveries, EndpointSetting, WebhookAttempt};
use crate::jwt::Verifier;
use crate::Clerk;

/// The secret key every stand-in accepts (`Authorization: Bearer sk_test_standin`).
pub const STANDIN_SECRET_KEY: &str = "sk_test_standin";

/// How many requests a stand-in remembers unless
/// [`StandInBuilder::max_recorded_requests`] says otherwise.
pub const DEFAULT_MAX_RECORDED_REQUESTS: usize = 1000;

/// A running stand-in of the Backend API (on 127.0.0.1 unless [bound](StandInBuilder::bind)
/// elsewhere); it stops when dropped.
pub struct StandIn {
    inner: Shared,
    url: String,
    local_addr: SocketAddr,
    clerk: Clerk,
    task: JoinHandle<()>,
    instance_id: String,
    deliveries: Arc<Deliveries>,
    webhook_task: Option<JoinHandle<()>>,
}

impl fmt::Debug for StandIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandIn")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.task.abort();
        if let Some(task) = &self.webhook_task {
            task.abort();
        }
    }
}

/// Settings of a stand-in before it starts: [`StandIn::builder`].
#[derive(Clone)]
#[must_use = "a builder does nothing until `start` is awaited"]
pub struct StandInBuilder {
    max_recorded_requests: usize,
    address: SocketAddr,
    on_request: Option<RequestHook>,
    webhooks: Vec<EndpointSetting>,
    webhook_retry_delays: Vec<Duration>,
}

impl fmt::Debug for StandInBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandInBuilder")
            .field("max_recorded_requests", &self.max_recorded_requests)
            .field("address", &self.address)
            .field("on_request", &self.on_request.is_some())
            .field(
                "webhooks",
                &self.webhooks.iter().map(|w| &w.url).collect::<Vec<_>>(),
            )
            .field("webhook_retry_delays", &self.webhook_retry_delays)
            .finish()
    }
}

impl Default for StandInBuilder {
    fn default() -> Self {
        Self {
            max_recorded_requests: DEFAULT_MAX_RECORDED_REQUESTS,
            address: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            on_request: None,
            webhooks: Vec::new(),
            webhook_retry_delays: webhooks::DEFAULT_WEBHOOK_RETRY_DELAYS.to_vec(),
        }
    }
}

impl StandInBuilder {
    /// How many requests [`StandIn::requests`] keeps: the latest `max`, so a long test
    /// run does not grow the log without end (default [`DEFAULT_MAX_RECORDED_REQUESTS`];
    /// 0 records nothing).
    pub fn max_recorded_requests(mut self, max: usize) -> Self {
        self.max_recorded_requests = max;
        self
    }

    /// Where to listen (default `127.0.0.1:0`: loopback, a free port the system picks).
    ///
    /// The stand-in accepts a well-known secret key, so anything that can reach the address
    /// can read and change its data: bind beyond loopback (`0.0.0.0`, for a container other
    /// containers call) only on a network you trust. The [`StandIn::url`] of an unspecified
    /// address (`0.0.0.0`, `::`) names loopback instead, the address that works from the
    /// same host.
    pub fn bind(mut self, address: SocketAddr) -> Self {
        self.address = address;
        self
    }

    /// Calls `hook` once per answered request, 401s and 501s included, with its method,
    /// path, status and duration: e.g. `.on_request(|r| eprintln!("{r}"))` for a log line
    /// per request. The default is silent. The hook runs on the server's task before the
    /// response is sent, so keep it quick.
    pub fn on_request(mut self, hook: impl Fn(&ServedRequest) + Send + Sync + 'static) -> Self {
        self.on_request = Some(Arc::new(hook));
        self
    }

    /// Sends Clerk's webhook events to `url`, signed with `secret` (`whsec_...`, as the
    /// Dashboard shows it; [`generate_webhook_secret`](super::generate_webhook_secret) makes
    /// one). Call it again to add more endpoints; each gets every event.
    ///
    /// Every state change the stand-in serves queues its event (`user.created`,
    /// `organizationMembership.deleted`, `session.revoked`...) with the same JSON the API
    /// answers, in Clerk's envelope (`object: "event"`, `type`, `timestamp` in unix ms,
    /// `instance_id`, `event_attributes.http_request` with the caller's IP and user agent).
    /// A background task POSTs them in order with `content-type: application/json` and the
    /// `svix-id`, `svix-timestamp` and `svix-signature` headers, so
    /// [`Webhook::verify`](crate::webhooks::Webhook::verify) with the same secret accepts
    /// them. A message not answered with a 2xx is retried on the
    /// [schedule](Self::webhook_retry_delays) and the messages after it wait; once the
    /// schedule runs out it is given up and the next one goes. Await
    /// [`StandIn::webhooks_settled`] to know all were delivered or given up, and read
    /// [`StandIn::webhook_attempts`] to see each try.
    ///
    /// # Errors
    /// [`start`](Self::start) fails with [`std::io::ErrorKind::InvalidInput`] when the URL
    /// does not parse or the secret is not `whsec_` and base64.
    pub fn webhook(mut self, url: impl Into<String>, secret: impl Into<String>) -> Self {
        self.webhooks.push(EndpointSetting {
            url: url.into(),
            secret: secret.into(),
        });
        self
    }

    /// The waits before each delivery attempt of one webhook message: the first entry before
    /// the first try (usually zero), each further one before a retry, so the length is the
    /// number of tries. Default [`DEFAULT_WEBHOOK_RETRY_DELAYS`](super::DEFAULT_WEBHOOK_RETRY_DELAYS)
    /// (0, 50 ms, 200 ms, 1 s, 5 s); an empty list means a single immediate try.
    pub fn webhook_retry_delays(mut self, delays: impl IntoIterator<Item = Duration>) -> Self {
        self.webhook_retry_delays = delays.into_iter().collect();
        self
    }

    /// Starts an empty stand-in with these settings (by default on 127.0.0.1 with an
    /// ephemeral port).
    ///
    /// # Errors
    /// When the port cannot be bound, the signing key cannot be generated or a
    /// [webhook](Self::webhook) endpoint is invalid.
    pub async fn start(self) -> std::io::Result<StandIn> {
        StandIn::start_with(self).await
    }
}

impl StandIn {
    /// Starts an empty stand-in on 127.0.0.1 with an ephemeral port and default settings.
    ///
    /// # Errors
    /// When the port cannot be bound or the signing key cannot be generated.
    pub async fn start() -> std::io::Result<Self> {
        Self::builder().start().await
    }

    /// Settings for a stand-in, such as the size of its request log; finish with
    /// [`StandInBuilder::start`].
    ///
    /// ```no_run
    /// # async fn run() -> std::io::Result<()> {
    /// let standin = clerk_backend::testing::StandIn::builder()
    ///     .max_recorded_requests(50)
    ///     .start()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn builder() -> StandInBuilder {
        StandInBuilder::default()
    }

    async fn start_with(settings: StandInBuilder) -> std::io::Result<Self> {
        let key = SigningKey::shared().map_err(std::io::Error::other)?;
        let hooks = webhooks::start(&settings.webhooks, &settings.webhook_retry_delays)?;
        let listener = TcpListener::bind(settings.address).await?;
        let local_addr = listener.local_addr()?;
        let url = format!("http://{}", reachable(local_addr));
        let inner = Arc::new(Inner {
            store: Mutex::new(Store::new(&url, hooks.outbox)),
            key,
            secret_key: STANDIN_SECRET_KEY.to_owned(),
            origin: url.clone(),
            requests: Mutex::new(RequestLog::new(settings.max_recorded_requests)),
        });
        let app = router(inner.clone(), settings.on_request);
        let task = tokio::spawn(async move {
            // The listener only fails when the runtime shuts down; nothing to report then.
            let app = app.into_make_service_with_connect_info::<SocketAddr>();
            let _ = axum::serve(listener, app).await;
        });
        let clerk = Clerk::builder()
            .secret_key(STANDIN_SECRET_KEY)
            .base_url(url.clone())
            .build()
            .map_err(std::io::Error::other)?;
        Ok(Self {
            inner,
            url,
            local_addr,
            clerk,
            task,
            instance_id: hooks.instance_id,
            deliveries: hooks.deliveries,
            webhook_task: hooks.task,
        })
    }

    /// The address the stand-in listens on, e.g. `127.0.0.1:54321` (or `0.0.0.0:8787` when
    /// [bound](StandInBuilder::bind) there).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// A publishable key (`pk_test_...`) whose Frontend API host is this stand-in's
    /// `host:port`, the host of the `iss` of the session tokens it signs: the key to give
    /// code under test that reads one (`CLERK_PUBLISHABLE_KEY`), so that it counts the
    /// stand-in's tokens as its own instance's.
    ///
    /// It is encoded like Clerk's: `pk_test_` and the padded standard base64 of
    /// `<host>$`. Real Frontend API hosts carry no port; this one does, as the stand-in
    /// is only reachable with it. There the stand-in serves the Frontend API's handshake
    /// (`GET /v1/client/handshake`), so an SDK's browser handshake runs against it.
    pub fn publishable_key(&self) -> String {
        super::cookies::publishable_key(&self.url)
    }

    /// The base URL, `http://127.0.0.1:<port>`; give it to `Clerk::builder().base_url(..)`
    /// or `CLERK_API_URL`. The API also answers under `<url>/v1`, as Clerk's does, so
    /// clients that add the version themselves (`apiUrl` of `@clerk/backend`) take this URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The secret key the stand-in accepts; any other gets a 401.
    pub fn secret_key(&self) -> &str {
        &self.inner.secret_key
    }

    /// A client pointed at the stand-in with its secret key.
    pub fn clerk(&self) -> &Clerk {
        &self.clerk
    }

    /// The public key session tokens are signed with, as a PEM: what `CLERK_JWT_KEY` holds.
    pub fn jwt_public_key(&self) -> &str {
        &self.inner.key.pem
    }

    /// Uses an actor token as the Frontend API would when the actor follows its `url`:
    /// `token` is the secret `POST /actor_tokens` answered. The token becomes `accepted`
    /// and an impersonation session of its user starts, whose session tokens carry the
    /// actor in their `act` claim. `None` when the token is unknown, already used, revoked
    /// or expired.
    pub fn accept_actor_token(&self, token: &str) -> Option<crate::models::Session> {
        self.inner
            .store()
            .accept_actor_token(token, super::store::now_ms())
    }

    /// Issues an opaque OAuth access token (`oat_...`), standing in for the token endpoint
    /// of Clerk's Frontend API (`token_fetch_url`) at the end of an authorization: the OAuth
    /// application `client_id` authenticates with its current `client_secret` (`None` for a
    /// public client), for the user `user_id`, with space-separated `scopes` among the
    /// application's, valid for `lifetime` (zero gives a token that is already expired).
    /// `POST /oauth_applications/access_tokens/verify` then answers its record, and
    /// [`crate::auth::Authenticator`] signs it in until it is revoked
    /// (`revoke_token`), its application is deleted, or it expires.
    ///
    /// # Errors
    /// An OAuth 2.0 error code and why: `invalid_client` for an unknown client id or a
    /// wrong (for instance rotated-out) secret, `invalid_scope` for a scope the application
    /// may not ask for, `invalid_grant` for an unknown user.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// use std::time::Duration;
    /// use clerk_backend::models::{CreateOAuthApplicationParams, VerifyOAuthAccessTokenParams};
    /// use clerk_backend::testing::StandIn;
    ///
    /// let standin = StandIn::start().await?;
    /// let app = standin
    ///     .clerk()
    ///     .oauth_applications()
    ///     .create(CreateOAuthApplicationParams::new("Partner"))
    ///     .await?;
    /// let secret = app.client_secret.as_ref().map(|s| s.expose());
    /// let token = standin.issue_oauth_access_token(
    ///     &app.application.client_id,
    ///     secret,
    ///     "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
    ///     "profile email",
    ///     Duration::from_secs(3600),
    /// )?;
    /// let verified = standin
    ///     .clerk()
    ///     .oauth_access_tokens()
    ///     .verify(VerifyOAuthAccessTokenParams::new(token.expose()))
    ///     .await?;
    /// assert!(verified.is_valid());
    /// # Ok(()) }
    /// ```
    pub fn issue_oauth_access_token(
        &self,
        client_id: &str,
        client_secret: Option<&str>,
        user_id: &str,
        scopes: &str,
        lifetime: Duration,
    ) -> Result<crate::Secret, String> {
        let lifetime_ms = i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX);
        self.inner
            .store()
            .issue_oauth_access_token(
                client_id,
                client_secret,
                user_id,
                scopes,
                lifetime_ms,
                super::store::now_ms(),
            )
            .map(crate::Secret::new)
    }

    /// The state the handlers share, for the stand-in's in-process helpers.
    pub(super) fn shared(&self) -> &Shared {
        &self.inner
    }

    /// A session-token verifier that reads the stand-in's `GET /jwks`.
    pub fn verifier(&self) -> Verifier {
        Verifier::from_jwks(self.clerk.clone())
    }

    /// The requests received so far, oldest first (including those answered 401 or 501):
    /// the latest [`StandInBuilder::max_recorded_requests`] of them.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        log(&self.inner).entries.iter().cloned().collect()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        log(&self.inner).entries.clear();
    }

    /// The `instance_id` of the webhook events this stand-in sends (`ins_...`, fixed for its
    /// lifetime).
    pub fn instance_id(&self) -> &str {
        &self.instance_id
    }

    /// Every webhook delivery attempt so far, oldest first, over all
    /// [endpoints](StandInBuilder::webhook): the latest
    /// [`MAX_RECORDED_WEBHOOK_ATTEMPTS`](super::MAX_RECORDED_WEBHOOK_ATTEMPTS) of them.
    pub fn webhook_attempts(&self) -> Vec<WebhookAttempt> {
        self.deliveries.attempts()
    }

    /// Forgets the recorded webhook attempts.
    pub fn clear_webhook_attempts(&self) {
        self.deliveries.clear_attempts();
    }

    /// Resolves once every webhook event queued so far has been delivered or given up at
    /// every endpoint: await it (under a timeout) after the calls whose events a test
    /// checks, instead of sleeping. Events are queued before the API call that causes them
    /// answers. Without endpoints it resolves at once.
    pub async fn webhooks_settled(&self) {
        self.deliveries.settled().await;
    }
}

/// The address to call for one bound at `local`: loopback for an unspecified address.
fn reachable(local: SocketAddr) -> SocketAddr {
    match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::from((Ipv4Addr::LOCALHOST, local.port()))
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::from((Ipv6Addr::LOCALHOST, local.port()))
        }
        _ => local,
    }
}

/// The API twice: under `/v1`, as Clerk serves it and its official SDKs call it, and at the
/// root, as this crate's client and Prism call it. Both answer alike, 404s and 501s included;
/// the request log keeps the path as sent, prefix and all. Beside it, without the secret key,
/// the few Frontend API routes a browser calls (`/v1/client/...`): static paths, so they
/// win over the API's `/v1` fallback.
fn router(inner: Shared, on_request: Option<RequestHook>) -> Router {
    let api = api_routes();
    let backend = Router::new()
        .nest("/v1", api.clone())
        .merge(api)
        .layer(middleware::from_fn(webhooks::with_caller))
        .layer(middleware::from_fn_with_state(inner.clone(), check_key));
    Router::new()
        .merge(super::frontend_api::routes())
        .merge(backend)
        // Outermost last: record everything, the Frontend API included.
        .layer(middleware::from_fn_with_state(inner.clone(), record))
        .layer(middleware::from_fn_with_state(on_request, report))
        .with_state(inner)
}

/// Every route the stand-in serves, relative to the API's base path.
fn api_routes() -> Router<Shared> {
    Router::new()
        .merge(super::users::routes())
        .merge(super::sessions::routes())
        .merge(super::clients::routes())
        .merge(super::handshake_payloads::routes())
        .merge(super::session_refresh::routes())
        .merge(super::jwks::routes())
        .merge(super::organizations::routes())
        .merge(super::organization_logos::routes())
        .merge(super::organization_memberships::routes())
        .merge(super::membership_filters::routes())
        .merge(super::organization_invitations::routes())
        .merge(super::invitations::routes())
        .merge(super::allowlist_identifiers::routes())
        .merge(super::blocklist_identifiers::routes())
        .merge(super::redirect_urls::routes())
        .merge(super::waitlist_entries::routes())
        .merge(super::testing_tokens::routes())
        .merge(super::sign_in_tokens::routes())
        .merge(super::domains::routes())
        .merge(super::machines::routes())
        .merge(super::m2m_tokens::routes())
        .merge(super::api_keys::routes())
        .merge(super::oauth_access_tokens::routes())
        .merge(super::oauth_applications::routes())
        .merge(super::jwt_templates::routes())
        .merge(super::actor_tokens::routes())
        .merge(super::user_identifications::routes())
        .merge(super::organization_roles::routes())
        .merge(super::organization_permissions::routes())
        .merge(super::organization_domains::routes())
        .merge(super::instance_settings::routes())
        .merge(super::instance_communication::routes())
        .merge(super::instance_oauth::routes())
        .merge(super::organization_settings::routes())
        .merge(super::role_sets::routes())
        .merge(super::role_set_changes::routes())
        .merge(super::saml_connections::routes())
        .merge(super::enterprise_connections::routes())
        .merge(super::organization_domain_lists::routes())
        .merge(super::fallback::retired_routes())
        .fallback(not_implemented)
        // A known path with a method the stand-in does not serve is still an operation to name.
        .method_not_allowed_fallback(not_implemented)
}

async fn check_key(State(inner): State<Shared>, request: Request, next: Next) -> Response {
    let bearer = request
        .headers()
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    // Clerk lets a machine's own secret key (`ak_...`) call the M2M token routes in place of
    // the instance key; the handlers there tell the two apart. Everywhere else it is a 401.
    let machine_key = bearer.is_some_and(|key| {
        super::m2m_tokens::takes_machine_key(request.uri().path())
            && inner
                .store()
                .machine_for_secret(key, super::store::now_ms())
                .is_some()
    });
    match bearer {
        Some(key) if key == inner.secret_key => next.run(request).await,
        Some(_) if machine_key => next.run(request).await,
        Some(_) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "clerk_key_invalid",
            "Secret Key is invalid",
            "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
        )
        .into_response(),
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "authorization_header_missing",
            "Authorization header missing",
            "The request is missing the Authorization header with a Bearer secret key.",
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::reachable;

    #[test]
    fn unspecified_addresses_are_called_on_loopback() {
        let url = |a: &str| reachable(a.parse().unwrap_or_else(|e| panic!("{a}: {e}"))).to_string();
        assert_eq!(url("0.0.0.0:8787"), "127.0.0.1:8787");
        assert_eq!(url("[::]:8787"), "[::1]:8787");
        assert_eq!(url("10.1.2.3:8787"), "10.1.2.3:8787");
    }
}
