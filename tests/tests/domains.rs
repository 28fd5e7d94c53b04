//! Instance domains and proxy checks: the exact request of every operation, and decoding of
//! realistic responses.

use clerk_backend::models::{CreateDomainParams, UpdateDomainParams, VerifyProxyParams};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

const SATELLITE_ID: &str = "dmn_2xhL6pP7qQ8rR9sS0tT1uU2vV3w";
const SATELLITE_PATH: &str = "/domains/dmn_2xhL6pP7qQ8rR9sS0tT1uU2vV3w";

#[tokio::test]
async fn list_decodes_the_primary_domain_and_a_satellite() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "domain_list.json"));
    let page = server
        .client()
        .domains()
        .list()
        .await
        .expect("list domains");

    let req = server.single();
    assert_eq!(req.line(), ("GET", "/domains", None));
    assert!(req.body.is_empty());

    assert_eq!(page.total_count, Some(2));
    let primary = &page.data[0];
    assert_eq!(primary.object, "domain");
    assert_eq!(primary.name, "example.com");
    assert!(!primary.is_satellite);
    assert_eq!(primary.frontend_api_url, "https://clerk.example.com");
    assert_eq!(
        primary.accounts_portal_url.as_deref(),
        Some("https://accounts.example.com")
    );
    assert_eq!(primary.proxy_url, None);
    let cnames = primary.cname_targets.as_ref().expect("cname targets");
    assert_eq!(cnames.len(), 3);
    assert_eq!(
        (
            cnames[0].host.as_str(),
            cnames[0].value.as_str(),
            cnames[0].required
        ),
        ("clerk.example.com", "frontend-api.clerk.services", true)
    );
    assert!(!cnames[2].required);

    let satellite = &page.data[1];
    assert!(satellite.is_satellite);
    assert_eq!(satellite.accounts_portal_url, None);
    assert_eq!(satellite.cname_targets, None);
    assert_eq!(
        satellite.proxy_url.as_deref(),
        Some("https://example-satellite.com/__clerk")
    );
}

#[tokio::test]
async fn create_adds_a_satellite_with_a_proxy() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "domain.json"));
    let domain = server
        .client()
        .domains()
        .create(
            CreateDomainParams::satellite("example-satellite.com")
                .proxy_url("https://example-satellite.com/__clerk"),
        )
        .await
        .expect("create domain");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/domains", None));
    assert_eq!(
        req.json(),
        json!({
            "name": "example-satellite.com",
            "is_satellite": true,
            "proxy_url": "https://example-satellite.com/__clerk"
        })
    );
    assert_eq!(domain.id, SATELLITE_ID);
    assert_eq!(domain.development_origin, "");
}

#[tokio::test]
async fn update_sets_or_removes_the_proxy() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "domain.json"));
    server.reply(Reply::fixture(200, "domain.json"));
    server.reply(Reply::fixture(200, "domain.json"));
    let clerk = server.client();
    let domain = clerk
        .domains()
        .update(
            SATELLITE_ID,
            UpdateDomainParams::default()
                .name("example-satellite.com")
                .proxy_url("https://example-satellite.com/__clerk")
                .is_secondary(true),
        )
        .await
        .expect("update domain");
    clerk
        .domains()
        .update(
            SATELLITE_ID,
            UpdateDomainParams::default().remove_proxy_url(),
        )
        .await
        .expect("remove proxy");
    clerk
        .domains()
        .update(SATELLITE_ID, UpdateDomainParams::default())
        .await
        .expect("empty update");

    let reqs = server.requests();
    assert_eq!(reqs[0].line(), ("PATCH", SATELLITE_PATH, None));
    assert_eq!(
        reqs[0].json(),
        json!({
            "name": "example-satellite.com",
            "proxy_url": "https://example-satellite.com/__clerk",
            "is_secondary": true
        })
    );
    assert_eq!(reqs[1].json(), json!({"proxy_url": null}));
    assert_eq!(reqs[2].json(), json!({}));
    assert_eq!(domain.name, "example-satellite.com");
}

#[tokio::test]
async fn delete_removes_a_satellite() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "domain_deleted.json"));
    let deleted = server
        .client()
        .domains()
        .delete(SATELLITE_ID)
        .await
        .expect("delete domain");

    let req = server.single();
    assert_eq!(req.line(), ("DELETE", SATELLITE_PATH, None));
    assert!(req.body.is_empty());
    assert_eq!(deleted.object, "domain");
    assert_eq!(deleted.id.as_deref(), Some(SATELLITE_ID));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn verify_a_proxy() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "proxy_check.json"));
    let check = server
        .client()
        .proxy_checks()
        .verify(VerifyProxyParams::new(
            SATELLITE_ID,
            "https://example-satellite.com/__clerk",
        ))
        .await
        .expect("verify proxy");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/proxy_checks", None));
    assert_eq!(
        req.json(),
        json!({
            "domain_id": SATELLITE_ID,
            "proxy_url": "https://example-satellite.com/__clerk"
        })
    );
    assert_eq!(check.object, "proxy_check");
    assert_eq!(check.id, "pxc_2xhL7qQ8rR9sS0tT1uU2vV3wW4x");
    assert_eq!(check.domain_id, SATELLITE_ID);
    assert!(check.successful);
    assert_eq!(check.last_run_at, Some(1718275200000));
    assert_eq!(
        (check.created_at, check.updated_at),
        (1718275100000, 1718275200000)
    );
}
