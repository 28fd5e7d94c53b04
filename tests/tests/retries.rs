//! Retries: which failures are retried for which methods, Retry-After, timeouts, resets.

use std::time::{Duration, Instant};

use clerk_backend::models::{CreateAllowlistIdentifierParams, CreateInvitationParams};
use clerk_backend::{Error, RetryPolicy, TransportKind};
use clerk_tests::{MockServer, Reply};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn get_retries_429_after_the_retry_after_delay() {
    let server = MockServer::start().await;
    server.reply(
        Reply::clerk_error(429, "too_many_requests", "Slow down").header("retry-after", "1"),
    );
    server.reply(Reply::fixture(200, "user.json"));
    let started = Instant::now();
    let user = server
        .client()
        .users()
        .get("user_1")
        .await
        .expect("second attempt succeeds");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After: 1 was not honoured"
    );
    assert_eq!(server.requests().len(), 2);
    assert!(user.id.starts_with("user_"));
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_fails_at_once() {
    let server = MockServer::start().await;
    server.reply(
        Reply::clerk_error(429, "too_many_requests", "Slow down").header("retry-after", "120"),
    );
    let clerk = server
        .builder()
        .retry_policy(RetryPolicy::default().max_retry_after(Duration::from_secs(5)))
        .build()
        .expect("client");
    let err = clerk.users().get("user_1").await.expect_err("429");
    assert_eq!(
        err.as_api().and_then(|a| a.retry_after),
        Some(Duration::from_secs(120))
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn post_retries_429_but_never_5xx() {
    let server = MockServer::start().await;
    server.reply(
        Reply::clerk_error(429, "too_many_requests", "Slow down").header("retry-after", "0"),
    );
    server.reply(Reply::fixture(200, "invitation.json"));
    server.reply(Reply::clerk_error(503, "service_unavailable", "Down"));
    let clerk = server.client();
    clerk
        .invitations()
        .create(CreateInvitationParams::new("a@example.com"))
        .await
        .expect("429 then 200");
    assert_eq!(server.requests().len(), 2);

    let err = clerk
        .invitations()
        .create(CreateInvitationParams::new("a@example.com"))
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(
        server.requests().len(),
        3,
        "a POST that may have been applied is not sent again"
    );
}

#[tokio::test]
async fn idempotent_methods_retry_5xx_up_to_the_limit() {
    let server = MockServer::start().await;
    for _ in 0..3 {
        server.reply(Reply::clerk_error(503, "service_unavailable", "Down"));
    }
    let err = server
        .client()
        .allowlist_identifiers()
        .delete("alid_1")
        .await
        .expect_err("503 x3");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(err.is_retryable());
    assert_eq!(server.requests().len(), 3, "first attempt + 2 retries");

    server.reply(Reply::clerk_error(500, "internal", "Oops"));
    server.reply(Reply::fixture(200, "user.json"));
    server
        .client()
        .users()
        .get("user_1")
        .await
        .expect("500 then 200");
    assert_eq!(server.requests().len(), 5);
}

#[tokio::test]
async fn a_per_call_policy_overrides_the_client() {
    let server = MockServer::start().await;
    server.reply(Reply::clerk_error(503, "service_unavailable", "Down"));
    let err = server
        .client()
        .users()
        .get("user_1")
        .retry_policy(RetryPolicy::none())
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_hanging_server_times_out_and_only_idempotent_calls_retry() {
    let server = MockServer::start().await;
    for _ in 0..4 {
        server.reply(Reply::Hang);
    }
    let clerk = server
        .builder()
        .timeout(Duration::from_millis(150))
        .build()
        .expect("client");
    let err = clerk.users().get("user_1").await.expect_err("timeout");
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Timeout,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 3);

    let err = clerk
        .allowlist_identifiers()
        .create(CreateAllowlistIdentifierParams::new("a@example.com"))
        .await
        .expect_err("timeout");
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Timeout,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        server.requests().len(),
        4,
        "a POST that timed out is not sent again"
    );
}

/// A server that resets the first `resets` connections after reading the request, then
/// answers every later one with `body`. Returns its URL and a counter of connections.
async fn resetting_server(
    resets: usize,
    body: String,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let n = seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut buf = vec![0u8; 64 * 1024];
            let _ = socket.read(&mut buf).await;
            if n < resets {
                drop(socket);
                continue;
            }
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    (url, count)
}

#[tokio::test]
async fn a_reset_connection_is_retried_for_get_but_not_for_post() {
    let (url, connections) = resetting_server(1, clerk_tests::fixture("user.json")).await;
    let clerk = clerk_backend::Clerk::builder()
        .secret_key(clerk_tests::SECRET)
        .base_url(url.clone())
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .expect("client");
    let user = clerk
        .users()
        .get("user_1")
        .await
        .expect("retried after the reset");
    assert!(user.id.starts_with("user_"));
    assert_eq!(connections.load(std::sync::atomic::Ordering::SeqCst), 2);

    let (url, connections) = resetting_server(1, clerk_tests::fixture("invitation.json")).await;
    let clerk = clerk_backend::Clerk::builder()
        .secret_key(clerk_tests::SECRET)
        .base_url(url)
        .build()
        .expect("client");
    let err = clerk
        .invitations()
        .create(CreateInvitationParams::new("a@example.com"))
        .await
        .expect_err("reset");
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Other,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(connections.load(std::sync::atomic::Ordering::SeqCst), 1);
}

#[tokio::test]
async fn connect_errors_are_retried_then_reported() {
    // A port that was just free: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let clerk = clerk_backend::Clerk::builder()
        .secret_key(clerk_tests::SECRET)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .expect("client");
    let err = clerk
        .invitations()
        .create(CreateInvitationParams::new("a@example.com"))
        .await
        .expect_err("nothing listens");
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Connect,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_retryable());
    assert!(!format!("{err} {err:?}").contains(clerk_tests::SECRET));
}
