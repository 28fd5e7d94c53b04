//! The tonic example (clerk/examples/tonic) served on loopback and called with a tonic client
//! over a real HTTP/2 channel, with tokens the stand-in mints: `Identity/Whoami` with valid,
//! missing, forged and expired session tokens, `Reports/List` (which requires
//! `org:reports:read` of the whole service) for members with and without the permission, and
//! `Identity/Tenant` reading typed claims a JWT template adds; then the layers around a single
//! service, a method checking its own requirement, and a missing layer. gRPC has no webhooks, so
//! there is no webhook route to test here (the axum example receives them).

#[path = "../../clerk/examples/tonic/app.rs"]
mod app;
mod jwt_support;

use std::time::{SystemTime, UNIX_EPOCH};

use app::proto::client::ExampleClient;
use app::proto::{Empty, IdentityServer, TenantReply, WhoamiReply};
use clerk_backend::auth::{AuthState, Authenticator, Requirement, SignedOutReason};
use clerk_backend::jwt::Verifier;
use clerk_backend::testing::{Seeded, StandIn};
use clerk_tests::acme::{session, session_token, Acme, TENANT_ID};
use jwt_support::TestKey;
use serde_json::json;
use tonic::metadata::MetadataValue;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Channel, Server};
use tonic::{Code, Request, Response, Status};
use tower_layer::Layer;

/// The example's services on 127.0.0.1:<free port> and a client connected to them; the server
/// task ends with the test's runtime.
async fn serve(authenticator: Authenticator) -> ExampleClient {
    let (incoming, url) = loopback().await;
    let router = app::router(authenticator);
    tokio::spawn(async move { router.serve_with_incoming(incoming).await });
    connect(url).await
}

/// A listener on 127.0.0.1:<free port> and its URL.
async fn loopback() -> (TcpIncoming, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let addr = listener.local_addr().expect("local address");
    (TcpIncoming::from(listener), format!("http://{addr}"))
}

/// A client of the server at `url`. Its listener is bound already: the connection waits in
/// the backlog until the server task accepts it.
async fn connect(url: String) -> ExampleClient {
    let channel = Channel::from_shared(url)
        .expect("a valid URI")
        .connect()
        .await
        .expect("connect");
    ExampleClient::new(channel)
}

/// A call carrying `token` as a bearer token in its `authorization` metadata.
fn call(token: Option<&str>) -> Request<Empty> {
    let mut request = Request::new(Empty {});
    if let Some(token) = token {
        let value = MetadataValue::try_from(format!("Bearer {token}")).expect("ASCII token");
        request.metadata_mut().insert("authorization", value);
    }
    request
}

/// The `x-clerk-auth-reason` metadata of a refusal.
fn reason(status: &Status) -> &str {
    status
        .metadata()
        .get("x-clerk-auth-reason")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("<none>")
}

/// The refusal's code, message and reason metadata, with a check that no token leaks.
fn refusal(status: &Status, token: Option<&str>) -> (Code, String, String) {
    if let Some(token) = token {
        assert!(
            !status.message().contains(token),
            "the message echoes the token"
        );
        let metadata = format!("{:?}", status.metadata());
        assert!(!metadata.contains(token), "the metadata echoes the token");
    }
    (
        status.code(),
        status.message().to_owned(),
        reason(status).to_owned(),
    )
}

fn refused(code: Code, message: &str, reason: &str) -> (Code, String, String) {
    (code, message.to_owned(), reason.to_owned())
}

/// The shared Acme fixture (admin 0 with `org:reports:read`, member 1, the `tenant`
/// template) as the (stand-in, seeded data) pair these tests read.
async fn acme() -> (StandIn, Seeded) {
    let Acme { standin, seeded } = Acme::start().await;
    (standin, seeded)
}

/// A session token of `user` (index into the seeded users) with Acme active; from the JWT
/// template `template` when given.
async fn token(standin: &StandIn, seeded: &Seeded, user: usize, template: Option<&str>) -> String {
    let org = Some(seeded.organizations[0].id.as_str());
    let session = session(standin, &seeded.users[user].id, org).await;
    session_token(standin, &session, template).await
}

#[tokio::test]
async fn whoami_answers_the_user_id_for_a_valid_session_token() {
    let (standin, seeded) = acme().await;
    let mut client = serve(Authenticator::new(standin.verifier())).await;
    let jwt = token(&standin, &seeded, 0, None).await;

    let reply = client
        .whoami(call(Some(&jwt)))
        .await
        .expect("OK")
        .into_inner();
    assert_eq!(reply.user_id, seeded.users[0].id);
    assert_eq!(reply.org_id, seeded.organizations[0].id);
    assert!(reply.session_id.starts_with("sess_"), "{reply:?}");
}

#[tokio::test]
async fn whoami_is_unauthenticated_with_the_reason_code_when_signed_out() {
    let (standin, seeded) = acme().await;
    let mut client = serve(Authenticator::new(standin.verifier())).await;

    let missing = SignedOutReason::NoToken.code();
    let status = client.whoami(call(None)).await.expect_err("no token");
    assert_eq!(
        refusal(&status, None),
        refused(Code::Unauthenticated, missing, missing)
    );
    assert_eq!(
        status
            .metadata()
            .get("x-clerk-auth-status")
            .and_then(|v| v.to_str().ok()),
        Some("signed-out")
    );

    // The signature no longer matches the header and payload: a forgery.
    let jwt = token(&standin, &seeded, 0, None).await;
    let (signed, signature) = jwt.rsplit_once('.').expect("three parts");
    let flipped = if signature.starts_with('A') { "B" } else { "A" };
    let forged = format!("{signed}.{flipped}{}", &signature[1..]);
    let invalid = SignedOutReason::InvalidSessionToken("token-invalid-signature").code();
    let status = client
        .whoami(call(Some(&forged)))
        .await
        .expect_err("forged");
    assert_eq!(
        refusal(&status, Some(&forged)),
        refused(Code::Unauthenticated, invalid, invalid)
    );

    let status = client
        .whoami(call(Some("not-a-jwt")))
        .await
        .expect_err("garbage");
    assert_eq!(status.code(), Code::Unauthenticated);
}

#[tokio::test]
async fn whoami_is_unauthenticated_token_expired_for_an_expired_token() {
    // The stand-in mints tokens for 30 seconds at least; an expired one is signed here.
    let key = TestKey::generate("ins_tonic");
    let verifier = Verifier::from_pem(&key.pem()).expect("pem");
    let mut client = serve(Authenticator::new(verifier)).await;
    let now = i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_secs(),
    )
    .expect("fits");
    let claims = |exp: i64| json!({"sub": "user_2tonic", "sid": "sess_2tonic", "iat": now - 120, "nbf": now - 120, "exp": exp});

    let valid = key.token(&claims(now + 60));
    let reply = client.whoami(call(Some(&valid))).await.expect("OK");
    assert_eq!(reply.into_inner().user_id, "user_2tonic");

    let expired = key.token(&claims(now - 60));
    let code = SignedOutReason::InvalidSessionToken("token-expired").code();
    let status = client
        .whoami(call(Some(&expired)))
        .await
        .expect_err("expired");
    assert_eq!(
        refusal(&status, Some(&expired)),
        refused(Code::Unauthenticated, code, code)
    );
}

#[tokio::test]
async fn reports_require_the_permission_of_the_whole_service() {
    let (standin, seeded) = acme().await;
    let mut client = serve(Authenticator::new(standin.verifier())).await;

    // The admin's role grants org:reports:read.
    let admin = token(&standin, &seeded, 0, None).await;
    let reply = client
        .list_reports(call(Some(&admin)))
        .await
        .expect("OK")
        .into_inner();
    assert_eq!(
        reply.titles,
        [format!("{} quarterly", seeded.organizations[0].id)]
    );

    // The member's does not: refused before the method runs.
    let member = token(&standin, &seeded, 1, None).await;
    let status = client
        .list_reports(call(Some(&member)))
        .await
        .expect_err("no permission");
    assert_eq!(
        refusal(&status, Some(&member)),
        refused(
            Code::PermissionDenied,
            "permission-missing: permission org:reports:read",
            "permission-missing"
        )
    );
    // The member may still call the other service.
    let reply = client.whoami(call(Some(&member))).await.expect("OK");
    assert_eq!(reply.into_inner().user_id, seeded.users[1].id);

    // Signed out: unauthenticated, not permission denied.
    let missing = SignedOutReason::NoToken.code();
    let status = client
        .list_reports(call(None))
        .await
        .expect_err("signed out");
    assert_eq!(
        refusal(&status, None),
        refused(Code::Unauthenticated, missing, missing)
    );
}

#[tokio::test]
async fn tenant_reads_typed_claims_from_a_jwt_template_token() {
    let (standin, seeded) = acme().await;
    let mut client = serve(Authenticator::new(standin.verifier())).await;

    let templated = token(&standin, &seeded, 1, Some("tenant")).await;
    let reply = client
        .tenant(call(Some(&templated)))
        .await
        .expect("OK")
        .into_inner();
    assert_eq!(reply.tenant_id, TENANT_ID);

    // A plain session token has no tenant_id.
    let plain = token(&standin, &seeded, 1, None).await;
    let status = client
        .tenant(call(Some(&plain)))
        .await
        .expect_err("no tenant");
    assert_eq!(
        refusal(&status, Some(&plain)),
        refused(Code::PermissionDenied, "claims-mismatch", "claims-mismatch")
    );

    let missing = SignedOutReason::NoToken.code();
    let status = client.tenant(call(None)).await.expect_err("signed out");
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(reason(&status), missing);
}

/// `Identity` answering with whatever the helpers other than `auth` see.
struct Lenient;

impl app::proto::Identity for Lenient {
    async fn whoami(&self, request: Request<Empty>) -> Result<Response<WhoamiReply>, Status> {
        let user_id = match clerk_backend::tonic::optional_auth(&request)? {
            Some(who) => who.user_id().unwrap_or_default().to_owned(),
            None => match clerk_backend::tonic::auth_state(&request)? {
                AuthState::SignedOut(out) => format!("anonymous ({})", out.reason.code()),
                AuthState::SignedIn(_) => unreachable!("optional_auth saw it signed out"),
            },
        };
        Ok(Response::new(WhoamiReply {
            user_id,
            ..WhoamiReply::default()
        }))
    }

    async fn tenant(&self, request: Request<Empty>) -> Result<Response<TenantReply>, Status> {
        let who = clerk_backend::tonic::authorize(&request, &[Requirement::role("org:admin")])?;
        Ok(Response::new(TenantReply {
            tenant_id: who.user_id().unwrap_or_default().to_owned(),
        }))
    }
}

#[tokio::test]
async fn the_layers_wrap_one_service_and_methods_check_their_own_requirements() {
    let (standin, seeded) = acme().await;
    let (incoming, url) = loopback().await;
    // The layer around this one service only (it keeps the service's gRPC name).
    let identity = clerk_backend::tonic::layer(Authenticator::new(standin.verifier()))
        .layer(IdentityServer::new(Lenient));
    tokio::spawn(
        Server::builder()
            .add_service(identity)
            .serve_with_incoming(incoming),
    );
    let mut client = connect(url).await;

    let reply = client.whoami(call(None)).await.expect("OK").into_inner();
    assert_eq!(reply.user_id, "anonymous (token-missing)");
    let member = token(&standin, &seeded, 1, None).await;
    let reply = client.whoami(call(Some(&member))).await.expect("OK");
    assert_eq!(reply.into_inner().user_id, seeded.users[1].id);

    // A requirement checked by the method itself.
    let status = client
        .tenant(call(Some(&member)))
        .await
        .expect_err("member");
    assert_eq!(
        refusal(&status, Some(&member)),
        refused(
            Code::PermissionDenied,
            "role-missing: role org:admin",
            "role-missing"
        )
    );
    let admin = token(&standin, &seeded, 0, None).await;
    let reply = client.tenant(call(Some(&admin))).await.expect("admin");
    assert_eq!(reply.into_inner().tenant_id, seeded.users[0].id);
}

#[tokio::test]
async fn without_the_clerk_layer_calls_are_internal_errors_with_only_the_code() {
    let (incoming, url) = loopback().await;
    let guarded = clerk_backend::tonic::require([Requirement::signed_in()])
        .layer(IdentityServer::new(Lenient));
    tokio::spawn(
        Server::builder()
            .add_service(guarded)
            .serve_with_incoming(incoming),
    );
    let mut client = connect(url).await;

    let status = client.whoami(call(None)).await.expect_err("no layer");
    assert_eq!(
        refusal(&status, None),
        refused(Code::Internal, "internal", "internal")
    );
}
