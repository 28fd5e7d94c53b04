//! The `clerk-standin` binary as a process: its start-up lines, its seed file, its request
//! log, its exit statuses. It lives in this package because Cargo hands the path of a binary
//! (`CARGO_BIN_EXE_<name>`) only to the same package's tests.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use clerk_backend::jwt::Verifier;
use clerk_backend::models::{
    CreateSessionParams, CreateSessionTokenParams, OrganizationMembershipListParams, UserListParams,
};
use clerk_backend::webhooks::{EventData, Webhook};
use clerk_backend::Clerk;

const BIN: &str = env!("CARGO_BIN_EXE_clerk-standin");

/// How long a stopped or failing process may take to exit.
const EXIT_WITHIN: Duration = Duration::from_secs(20);

const SEED: &str = r#"{
    "users": [
        {"email_address": ["ada@example.com"], "first_name": "Ada", "external_id": "ext_ada"},
        {"email_address": ["grace@example.com"], "username": "grace"}
    ],
    "organizations": [{"name": "Analytical Engines", "slug": "engines"}],
    "memberships": [
        {"organization": "engines", "user": "ext_ada", "role": "org:admin"},
        {"organization": 0, "user": "grace"}
    ]
}"#;

/// A file in a directory of its own under the system's temp dir, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("clerk-standin-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("seed.json");
        std::fs::write(&path, text).expect("seed file written");
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// What the binary printed before `ready`.
#[derive(Debug, Default)]
struct Started {
    url: String,
    secret_key: String,
    publishable_key: String,
    pem: String,
    webhook_secret: Option<String>,
}

/// Reads the start-up lines up to `ready`; panics with what came when the stream ends first.
fn read_startup(stdout: ChildStdout) -> Started {
    let mut lines = BufReader::new(stdout).lines();
    let mut started = Started::default();
    let mut seen = Vec::new();
    loop {
        let line = match lines.next() {
            Some(Ok(line)) => line,
            other => panic!("stdout ended before `ready` ({other:?}) after {seen:?}"),
        };
        seen.push(line.clone());
        if line == "ready" {
            return started;
        }
        if let Some(v) = line.strip_prefix("CLERK_API_URL=") {
            started.url = v.to_owned();
        } else if let Some(v) = line.strip_prefix("CLERK_SECRET_KEY=") {
            started.secret_key = v.to_owned();
        } else if let Some(v) = line.strip_prefix("CLERK_PUBLISHABLE_KEY=") {
            started.publishable_key = v.to_owned();
        } else if let Some(v) = line.strip_prefix("CLERK_WEBHOOK_SIGNING_SECRET=") {
            started.webhook_secret = Some(v.to_owned());
        } else {
            started.pem.push_str(&line);
            started.pem.push('\n');
        }
    }
}

/// Waits for the child to exit, failing the test when it takes longer than [`EXIT_WITHIN`].
fn exit_status(mut child: Child) -> ExitStatus {
    let (tx, rx) = mpsc::channel();
    let pid = child.id();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    match rx.recv_timeout(EXIT_WITHIN) {
        Ok(status) => status.expect("wait"),
        Err(_) => {
            // Leave no process behind the failed test.
            #[cfg(unix)]
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("clerk-standin (pid {pid}) did not exit within {EXIT_WITHIN:?}");
        }
    }
}

/// Runs the binary to its end with `args`: status, stdout, stderr.
fn run(args: &[&str]) -> (ExitStatus, String, String) {
    let child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("clerk-standin spawned");
    let (child, mut out, mut err) = take_pipes(child);
    // Both pipes drain on threads, so a chatty process cannot block on a full pipe.
    let out = std::thread::spawn(move || read_all(&mut out));
    let err = std::thread::spawn(move || read_all(&mut err));
    let status = exit_status(child);
    (
        status,
        out.join().expect("stdout"),
        err.join().expect("stderr"),
    )
}

fn take_pipes(mut child: Child) -> (Child, ChildStdout, std::process::ChildStderr) {
    let out = child.stdout.take().expect("stdout piped");
    let err = child.stderr.take().expect("stderr piped");
    (child, out, err)
}

fn read_all(r: &mut impl Read) -> String {
    let mut s = String::new();
    let _ = r.read_to_string(&mut s);
    s
}

#[cfg(unix)]
fn terminate(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -TERM failed");
}

#[tokio::test]
async fn serves_the_seed_signs_tokens_logs_requests_and_stops_on_sigterm() {
    let seed = TempFile::new("serve", SEED);
    let mut child = Command::new(BIN)
        .args(["--port", "0", "--seed", seed.path()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("clerk-standin spawned");
    let started = read_startup(child.stdout.take().expect("stdout piped"));
    let mut stderr = child.stderr.take().expect("stderr piped");
    let log = std::thread::spawn(move || read_all(&mut stderr));

    assert!(started.url.starts_with("http://127.0.0.1:"), "{started:?}");
    assert!(started.secret_key.starts_with("sk_test_"), "{started:?}");
    assert!(
        started.publishable_key.starts_with("pk_test_"),
        "{started:?}"
    );
    assert!(
        started.pem.starts_with("-----BEGIN PUBLIC KEY-----\n")
            && started.pem.ends_with("-----END PUBLIC KEY-----\n"),
        "{started:?}"
    );

    let clerk = Clerk::builder()
        .secret_key(started.secret_key.as_str())
        .base_url(started.url.as_str())
        .build()
        .expect("client");
    let users = clerk
        .users()
        .list(UserListParams::default())
        .await
        .expect("users listed");
    let mut emails: Vec<_> = users
        .iter()
        .map(|u| u.email_addresses[0].email_address.clone())
        .collect();
    emails.sort();
    assert_eq!(emails, ["ada@example.com", "grace@example.com"]);
    let ada = users
        .iter()
        .find(|u| u.external_id.as_deref() == Some("ext_ada"))
        .expect("ada seeded with her external id");

    let orgs = clerk
        .organizations()
        .list(Default::default())
        .await
        .expect("organizations listed");
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs.data[0].slug, "engines");
    let members = clerk
        .organization_memberships()
        .list(
            &orgs.data[0].id,
            OrganizationMembershipListParams::default(),
        )
        .await
        .expect("memberships listed");
    let mut roles: Vec<_> = members
        .iter()
        .map(|m| {
            let user = m.public_user_data.as_ref().expect("member's user");
            (user.user_id == ada.id, m.role.as_str())
        })
        .collect();
    roles.sort();
    assert_eq!(roles, [(false, "org:member"), (true, "org:admin")]);

    // A session token the process signs verifies with the PEM it printed.
    let session = clerk
        .sessions()
        .create(CreateSessionParams::new(ada.id.clone()))
        .await
        .expect("session");
    let token = clerk
        .sessions()
        .create_token(&session.id, CreateSessionTokenParams::default())
        .await
        .expect("token")
        .jwt
        .expect("a jwt");
    let claims = Verifier::from_pem(&started.pem)
        .expect("the printed PEM is a key")
        .verify(token.expose())
        .await
        .expect("the token verifies with the printed PEM");
    assert_eq!(claims.user_id(), ada.id);

    // Stop it: exit 0, promptly.
    #[cfg(unix)]
    terminate(&child);
    #[cfg(not(unix))]
    child.kill().expect("killed");
    let status = exit_status(child);
    #[cfg(unix)]
    assert_eq!(status.code(), Some(0), "{status:?}");
    let _ = status;

    let log = log.join().expect("stderr read");
    assert!(
        log.lines()
            .any(|l| l.starts_with("GET /users 200 ") && l.ends_with("ms")),
        "no request line in stderr:\n{log}"
    );
    assert!(
        log.lines()
            .any(|l| l.starts_with("POST /organizations/") && l.contains("/memberships 200 ")),
        "the seeding requests are logged too:\n{log}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_with_status_0() {
    let mut child = Command::new(BIN)
        .args(["--port", "0", "--quiet"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("clerk-standin spawned");
    read_startup(child.stdout.take().expect("stdout piped"));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let mut stderr = child.stderr.take().expect("stderr piped");
    assert_eq!(exit_status(child).code(), Some(0));
    assert!(read_all(&mut stderr).contains("SIGINT"));
}

#[test]
fn a_bad_seed_file_exits_2_naming_the_entry() {
    let cases = [
        // Not the schema: a misspelt field.
        (
            r#"{"users": [{"email_address": ["a@example.com"]}, {"emial_address": ["b@example.com"]}]}"#,
            "users[1]",
            "emial_address",
        ),
        // A membership naming nobody in the file.
        (
            r#"{"users": [{"username": "ada"}], "organizations": [{"name": "Acme"}],
                "memberships": [{"organization": "Acme", "user": "grace"}]}"#,
            "memberships[0]",
            "grace",
        ),
        // Fits the schema, refused by the stand-in: the same email twice.
        (
            r#"{"users": [{"email_address": ["a@example.com"]}, {"email_address": ["A@example.com"]}]}"#,
            "users[1] (A@example.com)",
            "form_identifier_exists",
        ),
        // Not JSON at all.
        ("users: []", "seed file", "expected"),
    ];
    for (i, (text, entry, detail)) in cases.into_iter().enumerate() {
        let seed = TempFile::new(&format!("bad{i}"), text);
        let (status, out, err) = run(&["--port", "0", "--seed", seed.path()]);
        assert_eq!(status.code(), Some(2), "{text}: {err}");
        assert!(err.contains(entry) && err.contains(detail), "{text}: {err}");
        assert!(!out.contains("ready"), "{text}: started anyway: {out}");
    }
    let (status, _, err) = run(&["--seed", "/nonexistent/seed.json"]);
    assert_eq!(status.code(), Some(2));
    assert!(err.contains("/nonexistent/seed.json"), "{err}");
}

#[test]
fn help_and_version_exit_0_and_bad_arguments_exit_2() {
    let (status, out, _) = run(&["--help"]);
    assert_eq!(status.code(), Some(0));
    for part in [
        "Usage: clerk-standin",
        "--port",
        "--host",
        "--seed",
        "--webhook-url",
        "--webhook-secret",
        "CLERK_WEBHOOK_SIGNING_SECRET",
        "ready",
    ] {
        assert!(out.contains(part), "help lacks {part}:\n{out}");
    }
    let (status, out, _) = run(&["-V"]);
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        out.trim(),
        format!("clerk-standin {}", env!("CARGO_PKG_VERSION"))
    );
    for args in [
        &["--bogus"][..],
        &["--port", "70000"],
        &["--port"],
        &["--host", "example.com"],
        &["--webhook-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        &[
            "--webhook-url",
            "http://127.0.0.1:9/",
            "--webhook-secret",
            "nope!",
        ],
    ] {
        let (status, out, err) = run(args);
        assert_eq!(status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("--help") && out.is_empty(), "{args:?}: {err}");
    }
}

#[tokio::test]
async fn webhook_url_gets_signed_events_with_the_printed_secret() {
    // The app side: records each delivery's headers and raw body.
    let (tx, mut deliveries) = tokio::sync::mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/hooks",
        axum::routing::post(
            move |headers: http::HeaderMap, body: bytes::Bytes| async move {
                let _ = tx.send((headers, body));
                http::StatusCode::NO_CONTENT
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the app");
    let hooks = format!("http://{}/hooks", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });

    let mut child = Command::new(BIN)
        .args(["--port", "0", "--quiet", "--webhook-url", &hooks])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("clerk-standin spawned");
    let started = read_startup(child.stdout.take().expect("stdout piped"));
    let secret = started
        .webhook_secret
        .clone()
        .expect("a generated secret is printed before ready");
    assert!(secret.starts_with("whsec_"), "{secret}");
    assert!(started.pem.ends_with("-----END PUBLIC KEY-----\n"));

    let clerk = Clerk::builder()
        .secret_key(started.secret_key.as_str())
        .base_url(started.url.as_str())
        .build()
        .expect("client");
    let user = clerk
        .users()
        .create(clerk_backend::models::CreateUserParams::default().username("ada_l"))
        .await
        .expect("user created");

    let (headers, body) = tokio::time::timeout(EXIT_WITHIN, deliveries.recv())
        .await
        .expect("a delivery within the wait")
        .expect("the app is still up");
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    let event = Webhook::new(&secret)
        .expect("the printed secret is a secret")
        .verify(&headers, &body)
        .expect("signed with the printed secret");
    assert!(
        matches!(&event.data, EventData::UserCreated(u) if u.id == user.id),
        "{event:?}"
    );

    #[cfg(unix)]
    terminate(&child);
    #[cfg(not(unix))]
    child.kill().expect("killed");
    let _ = exit_status(child);
}
