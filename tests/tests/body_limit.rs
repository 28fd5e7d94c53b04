//! Response bodies are bounded: a body past `max_response_bytes` is refused from its
//! `Content-Length` or cut off while streaming, never read whole into memory.

use std::time::{Duration, Instant};

use clerk_backend::{Error, RetryPolicy};
use clerk_tests::{MockServer, Reply};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

const MIB: usize = 1024 * 1024;

/// A server for one connection: reads the request, writes `head`, then `chunks` pieces of
/// `piece` bytes (in chunked encoding when `chunked`), then waits for the client to close.
/// The task's result is how many body bytes it managed to write.
async fn one_response(
    head: String,
    chunked: bool,
    piece: usize,
    chunks: usize,
) -> (String, JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let task = tokio::spawn(async move {
        let Ok((mut socket, _)) = listener.accept().await else {
            return 0;
        };
        let mut buf = vec![0u8; 64 * 1024];
        let _ = socket.read(&mut buf).await;
        if socket.write_all(head.as_bytes()).await.is_err() {
            return 0;
        }
        let data = vec![b' '; piece];
        let mut written = 0;
        for _ in 0..chunks {
            let sent = if chunked {
                let frame = [format!("{piece:x}\r\n").as_bytes(), &data, b"\r\n"].concat();
                socket.write_all(&frame).await
            } else {
                socket.write_all(&data).await
            };
            if sent.is_err() {
                return written;
            }
            written += piece;
        }
        if chunked {
            let _ = socket.write_all(b"0\r\n\r\n").await;
        }
        // Hold the connection open until the client drops it.
        while matches!(socket.read(&mut buf).await, Ok(n) if n > 0) {}
        written
    });
    (url, task)
}

fn client(url: &str, limit: usize) -> clerk_backend::Clerk {
    clerk_backend::Clerk::builder()
        .secret_key(clerk_tests::SECRET)
        .base_url(url)
        .max_response_bytes(limit)
        .timeout(Duration::from_secs(20))
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client")
}

fn assert_too_large(err: &Error, status: u16, limit: usize) {
    match err {
        Error::ResponseTooLarge {
            route,
            status: s,
            limit: l,
            ..
        } => {
            assert_eq!(route, "GET /users/{user_id}");
            assert_eq!((s.as_u16(), *l), (status, limit));
        }
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
    assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
    assert!(!err.is_retryable());
    assert!(err.to_string().contains("larger than the limit"), "{err}");
}

#[tokio::test]
async fn a_chunked_body_past_the_limit_is_cut_off_while_streaming() {
    let head =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
    // 50 MB in 64 KiB chunks, no Content-Length.
    let (url, server) = one_response(head.to_owned(), true, 64 * 1024, 800).await;
    let started = Instant::now();
    let err = client(&url, MIB)
        .users()
        .get("user_1")
        .await
        .expect_err("too large");
    assert_too_large(&err, 200, MIB);
    assert!(started.elapsed() < Duration::from_secs(10));
    let written = tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops once the client hangs up")
        .expect("server task");
    assert!(
        written < 40 * MIB,
        "the client read on after the limit: {written} bytes written"
    );
}

#[tokio::test]
async fn a_content_length_past_the_limit_is_refused_before_reading() {
    // The server announces 50 MB, sends 1 KiB and stalls: reading would hit the timeout.
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        50 * 1000 * 1000
    );
    let (url, _server) = one_response(head, false, 1024, 1).await;
    let started = Instant::now();
    let err = client(&url, MIB)
        .users()
        .get("user_1")
        .await
        .expect_err("too large");
    assert_too_large(&err, 200, MIB);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_error_body_past_the_limit_is_read_only_up_to_it() {
    // A 502 announcing 50 MB, sending 2 MiB and stalling: the status is reported from the
    // first MiB, without waiting for the rest.
    let head = format!(
        "HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\ncontent-length: {}\r\n\r\n",
        50 * 1000 * 1000
    );
    let (url, _server) = one_response(head, false, 64 * 1024, 32).await;
    let started = Instant::now();
    let err = client(&url, MIB)
        .users()
        .get("user_1")
        .await
        .expect_err("502");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let api = err.as_api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.status.as_u16(), 502);
    assert!(api.raw_body.as_deref().is_some_and(|b| b.ends_with("...")));
}

#[tokio::test]
async fn the_limit_is_inclusive() {
    let user = clerk_tests::fixture("user.json");
    let server = MockServer::start().await;
    server.reply(Reply::json(200, user.clone()));
    server.reply(Reply::json(200, user.clone()));
    let exact = server
        .builder()
        .max_response_bytes(user.len())
        .build()
        .expect("client");
    exact
        .users()
        .get("user_1")
        .await
        .expect("a body of exactly the limit is fine");
    let short = server
        .builder()
        .max_response_bytes(user.len() - 1)
        .build()
        .expect("client");
    let err = short
        .users()
        .get("user_1")
        .await
        .expect_err("one byte over");
    assert_too_large(&err, 200, user.len() - 1);
}
