//! The secret key never appears in Debug output, errors or tracing output.

use std::io::Write;
use std::sync::{Arc, Mutex};

use clerk_tests::{MockServer, Reply, SECRET};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn secret_stays_out_of_debug_errors_and_traces() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    server.reply(Reply::clerk_error(503, "unavailable", "Down"));
    server.reply(Reply::clerk_error(
        401,
        "authentication_invalid",
        "Invalid key",
    ));
    let clerk = server.client();
    let err = clerk
        .users()
        .get("user_1")
        .await
        .expect_err("401 after a 503");

    let logs = String::from_utf8(captured.0.lock().unwrap_or_else(|e| e.into_inner()).clone())
        .expect("utf8");
    assert!(logs.contains("clerk.request"), "no request span in: {logs}");
    assert!(
        logs.contains("/users/{user_id}"),
        "route missing in: {logs}"
    );
    assert!(logs.contains("retrying"), "retry not traced in: {logs}");

    let everything = format!(
        "{logs}\n{err}\n{err:?}\n{clerk:?}\n{:?}\n{:?}",
        clerk.secret_key(),
        server.builder()
    );
    assert!(!everything.contains(SECRET), "secret leaked:\n{everything}");
    assert!(
        !everything.contains("INTEGRATIONsecret"),
        "part of the secret leaked"
    );
    // The key really was sent, so the checks above are meaningful.
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
}
