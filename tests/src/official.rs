//! Running Clerk's official JavaScript client (`@clerk/backend`, pinned by
//! `.ci/package-lock.json`) from a test: the scripts in `.ci/official-client/` drive it
//! against an in-process stand-in.
//!
//! Needs `node` and `npm ci --prefix .ci`. Without them a test is skipped with a message,
//! unless `CLERK_REQUIRE_OFFICIAL_CLIENT=1` (as in `.ci/run`), which turns the skip into a
//! failure.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use clerk_backend::testing::StandIn;

/// Longer than a script needs by far; a hang fails the test instead of the CI job.
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(120);

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits inside the workspace")
        .to_path_buf()
}

fn required() -> bool {
    std::env::var("CLERK_REQUIRE_OFFICIAL_CLIENT").is_ok_and(|v| v == "1")
}

/// Skips with a message, or fails when the official client is required.
fn unavailable(why: &str) {
    assert!(
        !required(),
        "CLERK_REQUIRE_OFFICIAL_CLIENT=1 but {why}; run `npm ci --prefix .ci`"
    );
    eprintln!("skipping the official-client check: {why} (run `npm ci --prefix .ci`)");
}

/// Runs `.ci/official-client/<script>` with `args` against `standin` (its URL and keys in
/// `STANDIN_URL`, `CLERK_SECRET_KEY`, `CLERK_JWT_KEY`, `CLERK_PUBLISHABLE_KEY`); answers
/// the script's stdout, or `None` when the official client is absent and not required.
/// Fails when the script fails or does not print `done`.
pub async fn run_script(
    standin: &StandIn,
    script: &str,
    args: &[&str],
    done: &str,
) -> Option<String> {
    let root = workspace_root();
    let package = root.join(".ci/node_modules/@clerk/backend/package.json");
    if !package.is_file() {
        unavailable(&format!("{} is absent", package.display()));
        return None;
    }
    let script = root.join(".ci/official-client").join(script);
    assert!(script.is_file(), "{} is missing", script.display());

    let child = tokio::process::Command::new("node")
        .arg(&script)
        .args(args)
        .current_dir(&root)
        .env("STANDIN_URL", standin.url())
        .env("CLERK_SECRET_KEY", standin.secret_key())
        .env("CLERK_JWT_KEY", standin.jwt_public_key())
        .env("CLERK_PUBLISHABLE_KEY", standin.publishable_key())
        // The SDK's telemetry would otherwise report to Clerk from a test run.
        .env("CLERK_TELEMETRY_DISABLED", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn();
    let child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            unavailable("`node` is not on PATH");
            return None;
        }
        Err(e) => panic!("could not start node: {e}"),
    };
    let output = tokio::time::timeout(SCRIPT_TIMEOUT, child.wait_with_output())
        .await
        .unwrap_or_else(|_| {
            panic!(
                "{} did not finish within {SCRIPT_TIMEOUT:?}",
                script.display()
            )
        })
        .expect("wait for node");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{} failed ({})\n--- stdout\n{stdout}\n--- stderr\n{stderr}\n--- requests\n{}",
        script.display(),
        output.status,
        standin
            .requests()
            .iter()
            .map(|r| format!("{} {}", r.line(), r.query.as_deref().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("\n")
    );
    println!("{stdout}");
    assert!(stdout.contains(done), "the script ended early:\n{stdout}");
    Some(stdout)
}

/// Runs `.ci/official-client/<script>` on `cases` (written as JSON to a file whose path is
/// the script's argument) and answers the JSON lines it printed, one per case; `None` when
/// the official client is absent and not required.
pub async fn run_cases(
    standin: &StandIn,
    script: &str,
    cases: &impl serde::Serialize,
    done: &str,
) -> Option<Vec<serde_json::Value>> {
    let path = std::env::temp_dir().join(format!(
        "clerk-{}-{}.json",
        script.trim_end_matches(".mjs"),
        std::process::id()
    ));
    std::fs::write(&path, serde_json::to_vec(cases).expect("cases serialize"))
        .expect("write the cases");
    let stdout = run_script(standin, script, &[path.to_str().unwrap_or_default()], done).await;
    let _ = std::fs::remove_file(&path);
    let lines = stdout?
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    Some(lines)
}
