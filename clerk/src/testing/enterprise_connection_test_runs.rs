//! Test runs of an enterprise connection. No identity provider ever answers the stand-in,
//! so a connection has no test runs; the URL that starts one leads nowhere.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use super::reply::{list as envelope, ok, page, Params, Reply};
use super::shared::value_invalid;
use super::store::{new_id, Shared};
use crate::models::{EnterpriseConnectionTestRun, EnterpriseConnectionTestRunUrl};

/// The routes of test runs.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route(
        "/enterprise_connections/{enterprise_connection_id}/test_runs",
        get(list_test_runs).post(create_test_run),
    )
}

/// Query of `GET .../test_runs`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TestRunQuery {
    status: Vec<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET .../test_runs`: 404 for an unknown connection; otherwise its runs, always none.
async fn list_test_runs(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Params(q): Params<TestRunQuery>,
) -> Reply {
    inner.store().enterprise_connections.get(&id)?;
    if let Some(bad) = q
        .status
        .iter()
        .find(|s| !matches!(s.as_str(), "pending" | "success" | "failed"))
    {
        return Err(value_invalid(
            "status",
            format!("{bad} is not one of pending, success, failed."),
        ));
    }
    let runs: Vec<EnterpriseConnectionTestRun> = page(&[], q.limit, q.offset)?;
    envelope(runs, 0)
}

/// `POST .../test_runs`: a URL under the stand-in that would start the IdP flow.
async fn create_test_run(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    inner.store().enterprise_connections.get(&id)?;
    ok(EnterpriseConnectionTestRunUrl {
        url: format!(
            "{}/v1/enterprise_connections/{id}/test_runs/start?token={}",
            inner.origin,
            new_id("tr")
        ),
    })
}
