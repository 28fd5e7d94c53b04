//! How `stream()` ends on servers that do not page as they should: a page that repeats an
//! earlier one, and the page cap. Real HTTP servers on 127.0.0.1 count the requests.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use clerk_backend::models::{Organization, OrganizationListParams};
use clerk_backend::{Clerk, Error, PaginationStop};
use futures_util::{StreamExt, TryStreamExt};
use serde_json::{json, Value};

/// A minimal organization the SDK decodes.
fn org(id: &str) -> Value {
    json!({
        "object": "organization",
        "id": id,
        "name": id,
        "slug": id,
        "has_image": false,
        "max_allowed_memberships": 5,
        "admin_delete_enabled": true,
        "public_metadata": {},
        "private_metadata": {},
        "created_at": 1715683200000_i64,
        "updated_at": 1715683200000_i64
    })
}

#[derive(serde::Deserialize)]
struct Paging {
    limit: u64,
    offset: Option<u64>,
}

/// Counts requests; `ignore_offset` answers every request with the first page.
async fn organizations(
    State((hits, ignore_offset)): State<(Arc<AtomicU64>, bool)>,
    Query(paging): Query<Paging>,
) -> Json<Value> {
    hits.fetch_add(1, Ordering::SeqCst);
    let offset = if ignore_offset {
        0
    } else {
        paging.offset.unwrap_or(0)
    };
    // Always a full page, with ids that grow with the offset, and never a total.
    let data: Vec<Value> = (offset..offset + paging.limit)
        .map(|i| org(&format!("org_{i}")))
        .collect();
    Json(Value::Array(data))
}

async fn server(ignore_offset: bool) -> (Clerk, Arc<AtomicU64>) {
    let hits = Arc::new(AtomicU64::new(0));
    let app = Router::new()
        .route("/organizations", get(organizations))
        .with_state((hits.clone(), ignore_offset));
    let url = clerk_tests::serve(app).await;
    let clerk = Clerk::builder()
        .secret_key(clerk_tests::SECRET)
        .base_url(url)
        .build()
        .expect("client");
    (clerk, hits)
}

/// Drains a stream: the items before the first error, and that error.
async fn drain(
    stream: impl futures_util::Stream<Item = clerk_backend::Result<Organization>>,
) -> (Vec<String>, Option<Error>) {
    let mut stream = std::pin::pin!(stream);
    let mut ids = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(org) => ids.push(org.id),
            Err(e) => {
                // An error is the last item.
                assert!(stream.next().await.is_none(), "items after the error");
                return (ids, Some(e));
            }
        }
    }
    (ids, None)
}

#[tokio::test]
async fn a_server_that_ignores_offset_ends_the_stream_after_two_requests() {
    let (clerk, hits) = server(true).await;
    let stream = clerk
        .organizations()
        .list(OrganizationListParams::default().limit(3))
        .stream();
    let (ids, error) = drain(stream).await;

    assert_eq!(hits.load(Ordering::SeqCst), 2);
    // The first page is yielded once; its repetition is not.
    assert_eq!(ids, ["org_0", "org_1", "org_2"]);
    match error {
        Some(Error::Pagination { route, reason }) => {
            assert_eq!(route, "GET /organizations");
            assert_eq!(reason, PaginationStop::Repeated { page: 2, offset: 3 });
        }
        other => panic!("expected a pagination error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_list_that_never_ends_stops_at_the_page_cap() {
    let (clerk, hits) = server(false).await;
    let stream = clerk
        .organizations()
        .list(OrganizationListParams::default().limit(2))
        .max_pages(4)
        .stream();
    let (ids, error) = drain(stream).await;

    assert_eq!(hits.load(Ordering::SeqCst), 4);
    let expected: Vec<String> = (0..8).map(|i| format!("org_{i}")).collect();
    assert_eq!(ids, expected, "every item of the pages fetched, in order");
    match error {
        Some(Error::Pagination { route, reason }) => {
            assert_eq!(route, "GET /organizations");
            assert_eq!(reason, PaginationStop::MaxPages { max_pages: 4 });
            assert!(!Error::Pagination { route, reason }.is_retryable());
        }
        other => panic!("expected a pagination error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_cap_of_zero_sends_nothing() {
    let (clerk, hits) = server(false).await;
    let result: clerk_backend::Result<Vec<Organization>> = clerk
        .organizations()
        .list(OrganizationListParams::default())
        .max_pages(0)
        .stream()
        .try_collect()
        .await;
    assert!(matches!(
        result,
        Err(Error::Pagination {
            reason: PaginationStop::MaxPages { max_pages: 0 },
            ..
        })
    ));
    assert_eq!(hits.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_error_explains_itself() {
    let (clerk, _) = server(true).await;
    let error = clerk
        .organizations()
        .list(OrganizationListParams::default().limit(1))
        .stream()
        .try_collect::<Vec<_>>()
        .await
        .expect_err("the stream must stop");
    assert_eq!(
        error.to_string(),
        "paging through GET /organizations stopped: page 2 (offset 1) has the same items as \
         an earlier page; the server does not seem to honour `offset`"
    );
}

#[tokio::test]
async fn a_raw_request_streams_only_when_it_is_a_get() {
    let (clerk, hits) = server(false).await;
    let result = clerk
        .raw::<clerk_backend::Page<Organization>>(clerk_backend::Method::POST, "/organizations")
        .stream()
        .try_collect::<Vec<_>>()
        .await;
    assert!(
        matches!(&result, Err(Error::InvalidInput { message }) if message.contains("POST /organizations")),
        "{result:?}"
    );
    assert_eq!(hits.load(Ordering::SeqCst), 0);

    let ids: Vec<String> = clerk
        .raw::<clerk_backend::Page<Organization>>(clerk_backend::Method::GET, "/organizations")
        .query(&[("limit", "2")])
        .max_pages(3)
        .stream()
        .map_ok(|o| o.id)
        .take(5)
        .try_collect()
        .await
        .expect("a raw GET streams");
    assert_eq!(ids, ["org_0", "org_1", "org_2", "org_3", "org_4"]);
    assert_eq!(hits.load(Ordering::SeqCst), 3);
}
