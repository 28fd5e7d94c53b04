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

// ---------------------------------------------------------------------------------------
// A server (or a proxy in front of it) that echoes the `Authorization` header back.

use std::time::Duration;

use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use clerk_backend::models::{
    AttemptCodeVerificationParams, CreateApiKeyParams, CreateUserParams, RefreshSessionParams,
    RevokeOAuthApplicationTokenParams, SessionRefresh, SessionToken, VerifyApiKeyParams,
    VerifyClientParams, VerifyM2mTokenParams, VerifyOAuthAccessTokenParams, VerifyPasswordParams,
    VerifySessionParams,
};
use clerk_backend::{Clerk, Error, RetryPolicy};

/// A per-call key that does not look like a Clerk secret key: only exact scrubbing hides it.
const PER_CALL: &str = "machinePERCALLkeyVALUE42";
/// A Clerk-shaped key that is not the client's own.
const FOREIGN: &str = "sk_live_SOMEONEelsesKEY99";
/// The secret in a created API key's answer.
const CREATED: &str = "ak_live_SUPERSECRET";

async fn echo(uri: Uri, headers: HeaderMap) -> Response {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let json = |status: StatusCode, body: serde_json::Value| {
        (
            status,
            [("content-type", "application/json")],
            body.to_string(),
        )
            .into_response()
    };
    let mut meta = serde_json::json!({
        "param_name": "authorization",
        "echo": auth,
        "nested": [{"value": auth}],
    });
    meta[auth.as_str()] = serde_json::json!("as a key");
    match uri.path() {
        "/users/json" => json(
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::json!({
                "errors": [{
                    "code": "form_param_invalid",
                    "message": format!("bad header {auth}"),
                    "long_message": format!("The header was `{auth}`; also saw {FOREIGN}."),
                    "meta": meta,
                }],
                "clerk_trace_id": "trace_echo",
            }),
        ),
        "/users/plain" => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("<html>proxy failed; the request had Authorization: {auth}</html>"),
        )
            .into_response(),
        "/users/many" => {
            let one = serde_json::json!({"code": "c", "message": format!("m {auth}")});
            json(
                StatusCode::BAD_REQUEST,
                serde_json::json!({ "errors": vec![one; 10_000] }),
            )
        }
        "/users/success" => json(
            StatusCode::OK,
            serde_json::json!({"echo": auth, "id": 7, "foreign": FOREIGN}),
        ),
        "/api_keys" => json(
            StatusCode::OK,
            serde_json::json!({
                "object": "api_key", "id": "ak_1", "type": "api_key", "subject": "user_1",
                "name": "ci", "scopes": [], "revoked": false, "expired": false,
                "secret": CREATED,
                "created_at": CREATED,
                "updated_at": 1,
            }),
        ),
        _ => json(
            StatusCode::SERVICE_UNAVAILABLE,
            serde_json::json!({"errors": [{"code": "unavailable", "message": format!("down for {auth}")}]}),
        ),
    }
}

async fn echo_client() -> Clerk {
    let url = clerk_tests::serve(axum::Router::new().fallback(echo)).await;
    Clerk::builder()
        .secret_key(SECRET)
        .base_url(url)
        .retry_policy(
            RetryPolicy::default()
                .max_retries(2)
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(2)),
        )
        .build()
        .expect("client")
}

/// Display and Debug of `err`, checked for every key the test sent.
fn printed(err: &Error) -> String {
    let all = format!("{err}\n{err:?}\n{err:#?}");
    for key in [
        SECRET,
        "INTEGRATIONsecret",
        PER_CALL,
        FOREIGN,
        "SOMEONEelse",
    ] {
        assert!(!all.contains(key), "`{key}` leaked:\n{all}");
    }
    all
}

#[tokio::test]
async fn an_echoed_key_in_clerk_error_json_is_scrubbed() {
    let clerk = echo_client().await;
    let err = clerk.users().get("json").await.expect_err("422");
    let all = printed(&err);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    assert_eq!(err.trace_id(), Some("trace_echo"));
    assert!(
        all.contains("bad header Bearer sk_test_[redacted]"),
        "{all}"
    );
    let detail = &err.as_api().expect("api error").errors[0];
    let meta = detail.meta.as_ref().expect("meta");
    assert_eq!(meta["echo"], "Bearer sk_test_[redacted]");
    assert_eq!(meta["nested"][0]["value"], "Bearer sk_test_[redacted]");
    assert_eq!(meta["Bearer sk_test_[redacted]"], "as a key");
    assert_eq!(
        meta["param_name"], "authorization",
        "other data is untouched"
    );
    assert!(detail
        .long_message
        .as_deref()
        .is_some_and(|m| m.contains("sk_live_[redacted]")));
}

#[tokio::test]
async fn an_echoed_key_in_a_non_json_body_is_scrubbed() {
    let clerk = echo_client().await;
    let err = clerk.users().get("plain").await.expect_err("500");
    printed(&err);
    let raw = err
        .as_api()
        .and_then(|a| a.raw_body.as_deref())
        .expect("raw body");
    assert_eq!(
        raw,
        "<html>proxy failed; the request had Authorization: Bearer sk_test_[redacted]</html>"
    );
}

#[tokio::test]
async fn a_per_call_key_is_scrubbed_too() {
    let clerk = echo_client().await;
    for id in ["json", "plain"] {
        let err = clerk
            .users()
            .get(id)
            .secret_key(PER_CALL)
            .await
            .expect_err("refused");
        let all = printed(&err);
        assert!(all.contains("Bearer [redacted]"), "{all}");
    }
}

#[tokio::test]
async fn a_secret_bearing_answer_that_fails_to_decode_is_not_kept() {
    let clerk = echo_client().await;
    let err = clerk
        .api_keys()
        .create(CreateApiKeyParams::new("ci", "user_1"))
        .await
        .expect_err("created_at is not a number");
    let all = printed(&err);
    assert!(!all.contains("SUPERSECRET"), "{all}");
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(d.status.as_u16(), 200);
    assert_eq!(d.route, "POST /api_keys");
    assert!(d.body.is_none(), "the body holds the new key's secret");
    assert!(
        all.contains("200") && all.contains("POST /api_keys"),
        "{all}"
    );
    assert!(
        d.message
            .starts_with("invalid type: string \"…\", expected f64"),
        "serde's shape stays, the value goes: {}",
        d.message
    );
    assert!(all.contains(&format!("`{}`", d.path)), "{all}");
}

#[tokio::test]
async fn other_undecodable_bodies_are_kept_scrubbed_with_their_path() {
    let clerk = echo_client().await;
    let err = clerk.users().get("success").await.expect_err("not a user");
    let all = printed(&err);
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    let body = d.body.as_deref().expect("a user body is kept");
    assert!(body.contains("Bearer sk_test_[redacted]"), "{body}");
    assert!(body.contains("sk_live_[redacted]"), "{body}");
    assert!(all.contains("could not decode the 200 OK response of GET /users/{user_id}"));
}

#[tokio::test]
async fn debug_of_a_huge_error_list_is_bounded() {
    let clerk = echo_client().await;
    let err = clerk.users().get("many").await.expect_err("400");
    let debug = format!("{err:?}");
    assert_eq!(err.as_api().map(|a| a.errors.len()), Some(10_000));
    assert!(debug.len() < 4096, "{} bytes of Debug", debug.len());
    assert!(debug.contains("… and 9995 more"), "{debug}");
    printed(&err);
}

#[tokio::test]
async fn retries_of_an_echoing_server_never_log_the_key() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let clerk = echo_client().await;
    let err = clerk.users().get("flaky").await.expect_err("503");
    let per_call = clerk
        .users()
        .get("flaky")
        .secret_key(PER_CALL)
        .await
        .expect_err("503");
    printed(&err);
    printed(&per_call);

    let logs = String::from_utf8(captured.0.lock().unwrap_or_else(|e| e.into_inner()).clone())
        .expect("utf8");
    assert!(
        logs.matches("retrying").count() >= 4,
        "both calls retried twice: {logs}"
    );
    assert!(
        logs.contains("down for Bearer"),
        "the error is logged: {logs}"
    );
    for key in [SECRET, "INTEGRATIONsecret", PER_CALL] {
        assert!(!logs.contains(key), "`{key}` logged:\n{logs}");
    }
}

#[test]
fn tokens_in_models_and_params_do_not_print() {
    const TOKEN: &str = "eyJTOKENvalueSHOULDnotPRINT";
    let token: SessionToken =
        serde_json::from_str(&format!(r#"{{"object":"token","jwt":"{TOKEN}"}}"#)).expect("token");
    let refresh: SessionRefresh =
        serde_json::from_str(&format!(r#"{{"object":"token","jwt":"{TOKEN}"}}"#)).expect("refresh");
    assert_eq!(token.jwt.as_ref().map(|j| j.expose()), Some(TOKEN));
    let shown = [
        format!("{token:?}"),
        format!("{refresh:?}"),
        format!("{:?}", VerifyApiKeyParams::new(TOKEN)),
        format!("{:?}", VerifyM2mTokenParams::new(TOKEN)),
        format!(
            "{:?}",
            VerifyOAuthAccessTokenParams::new(TOKEN).secret(TOKEN)
        ),
        format!("{:?}", VerifySessionParams::new(TOKEN)),
        format!("{:?}", VerifyClientParams::new(TOKEN)),
        format!("{:?}", RevokeOAuthApplicationTokenParams::new(TOKEN)),
        format!("{:?}", VerifyPasswordParams::new(TOKEN)),
        format!(
            "{:?}",
            RefreshSessionParams::new(TOKEN, TOKEN, "https://example.com").request_headers(
                serde_json::json!({ "Cookie": [format!("__session={TOKEN}")] })
                    .as_object()
                    .cloned()
                    .unwrap_or_default()
            )
        ),
        format!("{:?}", AttemptCodeVerificationParams::new("ver_1", TOKEN)),
        format!(
            "{:?}",
            CreateUserParams::default()
                .password(TOKEN)
                .password_digest(TOKEN)
        ),
    ];
    for s in &shown {
        assert!(!s.contains(TOKEN), "{s}");
        assert!(s.contains("[redacted]"), "{s}");
    }
    // Serialization is unchanged: the API still receives the value.
    let body = serde_json::to_value(VerifyM2mTokenParams::new(TOKEN)).expect("serialize");
    assert_eq!(body, serde_json::json!({ "token": TOKEN }));
    let body = serde_json::to_value(&token).expect("serialize");
    assert_eq!(body["jwt"], TOKEN);
}

// ---------------------------------------------------------------------------------------
// The `#[secret]` markers agree with the models.

/// Names of the model types that hold a `Secret`, directly or through another model, read
/// from the model sources: top-level `pub struct`/`pub enum` items, comments and attributes
/// left out.
fn secret_holding_models() -> std::collections::BTreeSet<String> {
    use std::collections::{BTreeMap, BTreeSet};
    fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("models dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).expect("model source"));
            }
        }
    }
    fn idents(text: &str) -> impl Iterator<Item = String> + '_ {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(str::to_owned)
    }
    let mut files = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../clerk/src/models");
    sources(&dir, &mut files);
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let mut current: Option<String> = None;
        for line in file.lines() {
            let code = line.split("//").next().unwrap_or_default();
            if code.trim_start().starts_with("#[") {
                continue;
            }
            if let Some(rest) = code
                .strip_prefix("pub struct ")
                .or_else(|| code.strip_prefix("pub enum "))
            {
                let name: String = idents(rest).next().expect("item name");
                let body = rest[name.len()..].to_owned();
                uses.entry(name.clone()).or_default().extend(idents(&body));
                current = code.trim_end().ends_with('{').then_some(name);
                continue;
            }
            if code == "}" {
                current = None;
            } else if let Some(name) = &current {
                uses.entry(name.clone()).or_default().extend(idents(code));
            }
        }
    }
    let mut holding: BTreeSet<String> = BTreeSet::from(["Secret".to_owned()]);
    loop {
        let more: Vec<String> = uses
            .iter()
            .filter(|(name, used)| {
                !holding.contains(*name) && used.iter().any(|u| holding.contains(u))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        holding.extend(more);
    }
    holding.remove("Secret");
    holding
}

#[test]
fn operations_whose_answer_holds_a_secret_are_exactly_the_secret_ones() {
    use std::collections::BTreeSet;
    let holding = secret_holding_models();
    for known in [
        "CreatedApiKey",
        "SessionToken",
        "CreatedM2mToken",
        "TestingToken",
        "OAuthAccessToken",
    ] {
        assert!(
            holding.contains(known),
            "the scan missed {known}: {holding:?}"
        );
    }
    let mut expected = BTreeSet::new();
    let mut marked = BTreeSet::new();
    for ep in clerk_backend::catalog::endpoints() {
        let name = format!("{}.{} ({})", ep.resource, ep.name, ep.response);
        let holds = ep
            .response
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|w| holding.contains(w));
        if holds {
            expected.insert(name.clone());
        }
        if ep.returns_secret {
            marked.insert(name);
        }
    }
    assert_eq!(
        marked, expected,
        "mark exactly the operations whose response type holds a `Secret` with `#[secret]`"
    );
    for op in [
        "ApiKeys.create ",
        "Sessions.create_token ",
        "M2mTokens.create ",
        "Machines.get_secret_key ",
    ] {
        assert!(
            expected.iter().any(|e| e.starts_with(op)),
            "{op}missing: {expected:#?}"
        );
    }
}
