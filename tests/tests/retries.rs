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

/// `Retry-After` as an HTTP date `ahead` of now (rounded down to the second by the format).
fn http_date_in(ahead: Duration) -> String {
    httpdate::fmt_http_date(std::time::SystemTime::now() + ahead)
}

#[tokio::test]
async fn a_retry_after_http_date_is_waited_for_then_retried() {
    let server = MockServer::start().await;
    server.reply(
        Reply::clerk_error(429, "too_many_requests", "Slow down")
            .header("retry-after", &http_date_in(Duration::from_secs(2))),
    );
    server.reply(Reply::fixture(200, "user.json"));
    let started = Instant::now();
    let user = server
        .client()
        .users()
        .get("user_1")
        .await
        .expect("second attempt succeeds");
    // The date has a one-second resolution: the wait is between one and two seconds.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "the Retry-After date was not honoured: {:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
    assert!(user.id.starts_with("user_"));
}

#[tokio::test]
async fn a_retry_after_date_beyond_the_cap_gives_up_and_says_how_long() {
    let server = MockServer::start().await;
    server.reply(
        Reply::clerk_error(503, "service_unavailable", "Maintenance")
            .header("retry-after", &http_date_in(Duration::from_secs(3600))),
    );
    let started = Instant::now();
    let err = server
        .client()
        .users()
        .get("user_1")
        .await
        .expect_err("503");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.requests().len(), 1, "an hour is past the 60 s cap");
    let wait = err.retry_after().expect("retry_after from the date");
    assert!(
        wait > Duration::from_secs(3590) && wait <= Duration::from_secs(3600),
        "{wait:?}"
    );
    assert_eq!(err.retry_after(), err.as_api().and_then(|a| a.retry_after));
    assert!(err.is_retryable(), "a GET may be sent again later");
}

#[tokio::test]
async fn unusable_retry_after_backs_off_and_a_past_one_means_now() {
    let server = MockServer::start().await;
    for value in ["soon", "Wed, 21 Oct 2015 07:28:00 GMT", "-5"] {
        server.reply(
            Reply::clerk_error(429, "too_many_requests", "Slow down").header("retry-after", value),
        );
    }
    server.reply(Reply::fixture(200, "user.json"));
    // Backoff waits between 0.5 s and 1 s here; a past date or negative seconds wait nothing.
    let policy = RetryPolicy::default()
        .max_retries(3)
        .base_delay(Duration::from_secs(1))
        .max_delay(Duration::from_secs(1));
    let started = Instant::now();
    server
        .client()
        .users()
        .get("user_1")
        .retry_policy(policy)
        .await
        .expect("fourth attempt succeeds");
    let elapsed = started.elapsed();
    assert_eq!(server.requests().len(), 4);
    assert!(
        elapsed >= Duration::from_millis(500),
        "garbage must fall back to backoff: {elapsed:?}"
    );
    assert!(
        elapsed < Duration::from_millis(1500),
        "past values must not back off: {elapsed:?}"
    );
}

#[tokio::test]
async fn not_implemented_is_never_retried() {
    let server = MockServer::start().await;
    for _ in 0..3 {
        server.reply(Reply::clerk_error(
            501,
            "not_implemented",
            "Not implemented",
        ));
    }
    let err = server
        .client()
        .users()
        .get("user_1")
        .await
        .expect_err("501");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(501));
    assert!(!err.is_retryable());
    assert_eq!(server.requests().len(), 1);
}

/// The error of one `method` call to a server that answers `reply` (or to nothing at all).
async fn one_error(method: clerk_backend::Method, reply: Option<Reply>) -> Error {
    let server = MockServer::start().await;
    let url = match reply {
        Some(reply) => {
            server.reply(reply);
            server.url().to_owned()
        }
        None => {
            let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            format!("http://{}", l.local_addr().expect("addr"))
        }
    };
    let clerk = server
        .builder()
        .base_url(url)
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    clerk
        .raw::<serde_json::Value>(method, "/things/1")
        .await
        .expect_err("every case fails")
}

#[tokio::test]
async fn is_retryable_follows_the_no_double_create_rule() {
    use clerk_backend::Method;
    let error = |status| Some(Reply::clerk_error(status, "e", "E"));
    let cases = [
        ("500", error(500), [true, false, false]),
        ("502", error(502), [true, false, false]),
        ("501", error(501), [false, false, false]),
        ("429", error(429), [true, true, true]),
        ("404", error(404), [false, false, false]),
        ("connect", None, [true, true, true]),
        ("timeout", Some(Reply::Hang), [true, false, false]),
    ];
    for (name, reply, expected) in cases {
        for (method, want) in [Method::GET, Method::POST, Method::PATCH]
            .into_iter()
            .zip(expected)
        {
            let err = one_error(method.clone(), reply.clone()).await;
            assert_eq!(err.is_retryable(), want, "{method} {name}: {err:?}");
        }
    }
}

#[tokio::test]
async fn the_deadline_bounds_all_attempts_together() {
    let server = MockServer::start().await;
    for _ in 0..4 {
        server.reply(Reply::Hang);
    }
    let clerk = server
        .builder()
        .timeout(Duration::from_secs(1))
        .retry_policy(
            RetryPolicy::default()
                .max_retries(3)
                .base_delay(Duration::from_millis(1)),
        )
        .deadline(Duration::from_millis(1500))
        .build()
        .expect("client");
    let started = Instant::now();
    let err = clerk.users().get("user_1").await.expect_err("deadline");
    let elapsed = started.elapsed();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Deadline,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("deadline exceeded"), "{err}");
    assert_eq!(
        server.requests().len(),
        2,
        "one full attempt, one cut short"
    );
    assert!(
        elapsed >= Duration::from_millis(1400) && elapsed < Duration::from_millis(2800),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn a_retry_that_would_end_past_the_deadline_is_not_made() {
    let server = MockServer::start().await;
    let clerk = server
        .builder()
        .deadline(Duration::from_millis(500))
        .build()
        .expect("client");
    server.reply(Reply::clerk_error(503, "service_unavailable", "Down").header("retry-after", "1"));
    let started = Instant::now();
    let err = clerk
        .users()
        .get("user_1")
        .await
        .expect_err("no time for the retry");
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(server.requests().len(), 1);

    // A call without a deadline of its own makes the same wait.
    server.reply(Reply::clerk_error(503, "service_unavailable", "Down").header("retry-after", "1"));
    server.reply(Reply::fixture(200, "user.json"));
    clerk
        .users()
        .get("user_1")
        .deadline(None)
        .await
        .expect("retried after a second");
    assert_eq!(server.requests().len(), 3);
}
