//! Organizations: the exact request of every operation, decoding of realistic responses, and
//! auto-pagination over `limit`/`offset` pages.

use clerk_backend::models::{
    AdjustCreditBalanceParams, BillingPlanPeriod, BillingSubscriptionItemStatus,
    BillingSubscriptionStatus, CreateOrganizationParams, CreditBalanceAction,
    GetOrganizationParams, Metadata, Organization, OrganizationListParams, OrganizationLogo,
    OrganizationOrderBy, UpdateOrganizationMetadataParams, UpdateOrganizationParams,
};
use clerk_backend::multipart::{FileUpload, Multipart};
use clerk_backend::Error;
use clerk_tests::{MockServer, Recorded, Reply};
use futures_util::{StreamExt, TryStreamExt};

const ORG_ID: &str = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

use clerk_tests::metadata;

/// A realistic organization with the given id.
fn org(id: &str) -> serde_json::Value {
    serde_json::json!({
        "object": "organization",
        "id": id,
        "name": format!("Organization {id}"),
        "slug": id.replace('_', "-"),
        "image_url": "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9",
        "has_image": false,
        "max_allowed_memberships": 5,
        "admin_delete_enabled": true,
        "public_metadata": {},
        "private_metadata": {},
        "created_at": 1715683200000_i64,
        "updated_at": 1715683200000_i64
    })
}

/// A `{data, total_count}` page of organizations with the given ids.
fn org_page(ids: &[&str], total_count: i64) -> Reply {
    let data: Vec<_> = ids.iter().map(|id| org(id)).collect();
    Reply::json(
        200,
        serde_json::json!({ "data": data, "total_count": total_count }).to_string(),
    )
}

#[tokio::test]
async fn list_sends_every_filter_as_repeated_keys_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_list.json"));
    let params = OrganizationListParams::default()
        .include_members_count(true)
        .include_missing_member_with_elevated_permissions(false)
        .query("acme")
        .user_id(["+user_1", "-user_2"])
        .organization_id(["org_1", "-org_2"])
        .order_by(OrganizationOrderBy::MembersCountDesc)
        .limit(10)
        .offset(20);
    let page = server
        .client()
        .organizations()
        .list(params)
        .await
        .expect("list organizations");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str()),
        ("GET", "/organizations")
    );
    assert_eq!(
        req.query.as_deref(),
        Some(
            "include_members_count=true&include_missing_member_with_elevated_permissions=false\
             &query=acme&user_id=%2Buser_1&user_id=-user_2&organization_id=org_1&organization_id=-org_2\
             &order_by=-members_count&limit=10&offset=20"
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(2));
    let acme = &page.data[0];
    assert_eq!(acme.id, ORG_ID);
    assert_eq!(acme.slug, "acme-corp");
    assert_eq!(acme.members_count, Some(12));
    assert_eq!(acme.role_set_key.as_deref(), Some("default"));
    assert_eq!(acme.public_metadata["plan"], "pro");
    let globex = &page.data[1];
    assert!(globex.has_image);
    assert_eq!(globex.created_by, None);
    assert_eq!(globex.last_active_at, None);
    assert_eq!(globex.role_set_key, None);
}

#[tokio::test]
async fn list_ascending_by_name_and_without_parameters() {
    let server = MockServer::start().await;
    server.reply(org_page(&[], 0));
    server.reply(org_page(&[], 0));
    let clerk = server.client();
    clerk
        .organizations()
        .list(OrganizationListParams::default().order_by(OrganizationOrderBy::NameAsc))
        .await
        .expect("list by name");
    let empty = clerk
        .organizations()
        .list(OrganizationListParams::default())
        .await
        .expect("list");
    let reqs = server.requests();
    assert_eq!(reqs[0].query.as_deref(), Some("order_by=%2Bname"));
    assert_eq!(reqs[1].line(), ("GET", "/organizations", None));
    assert!(empty.is_empty());
    assert_eq!(empty.total_count, Some(0));
}

#[tokio::test]
async fn create_sends_the_name_alone_or_with_every_optional_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    let clerk = server.client();
    clerk
        .organizations()
        .create(CreateOrganizationParams::new("Acme Corporation"))
        .await
        .expect("create minimal");
    let created = clerk
        .organizations()
        .create(
            CreateOrganizationParams::new("Acme Corporation")
                .created_by("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
                .private_metadata(metadata(
                    serde_json::json!({ "billing_account": "acct_0192" }),
                ))
                .public_metadata(metadata(serde_json::json!({ "plan": "pro" })))
                .slug("acme-corp")
                .max_allowed_memberships(25)
                .created_at("2024-05-14T10:40:00.000Z")
                .role_set_key("default"),
        )
        .await
        .expect("create full");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(req.line(), ("POST", "/organizations", None));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "name": "Acme Corporation" })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "name": "Acme Corporation",
            "created_by": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            "private_metadata": { "billing_account": "acct_0192" },
            "public_metadata": { "plan": "pro" },
            "slug": "acme-corp",
            "max_allowed_memberships": 25,
            "created_at": "2024-05-14T10:40:00.000Z",
            "role_set_key": "default"
        })
    );

    assert_eq!(created.object, "organization");
    assert_eq!(created.id, ORG_ID);
    assert_eq!(created.name, "Acme Corporation");
    assert_eq!(created.max_allowed_memberships, 25);
    assert!(created.admin_delete_enabled);
    assert_eq!(
        created
            .private_metadata
            .as_ref()
            .and_then(|m| m["billing_account"].as_str()),
        Some("acct_0192")
    );
}

#[tokio::test]
async fn get_by_id_by_slug_and_with_counts() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    let clerk = server.client();
    let by_id = clerk
        .organizations()
        .get(ORG_ID, GetOrganizationParams::default())
        .await
        .expect("get by id");
    let by_slug = clerk
        .organizations()
        .get("acme-corp", GetOrganizationParams::default())
        .await
        .expect("get by slug");
    let with_count = clerk
        .organizations()
        .get(
            "acme-corp",
            GetOrganizationParams::default().include_members_count(true),
        )
        .await
        .expect("get with members count");
    clerk
        .organizations()
        .get(
            ORG_ID,
            GetOrganizationParams::default()
                .include_members_count(false)
                .include_missing_member_with_elevated_permissions(true),
        )
        .await
        .expect("get with both flags");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 4);
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            None
        )
    );
    assert_eq!(reqs[1].line(), ("GET", "/organizations/acme-corp", None));
    assert_eq!(
        reqs[2].line(),
        (
            "GET",
            "/organizations/acme-corp",
            Some("include_members_count=true")
        )
    );
    assert_eq!(
        reqs[3].line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            Some(
                "include_members_count=false&include_missing_member_with_elevated_permissions=true"
            )
        )
    );
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(by_id.id, ORG_ID);
    assert_eq!(by_slug.slug, "acme-corp");
    assert_eq!(with_count.members_count, Some(12));
    assert_eq!(with_count.pending_invitations_count, Some(3));
    assert_eq!(
        with_count.missing_member_with_elevated_permissions,
        Some(false)
    );
}

#[tokio::test]
async fn a_slug_with_reserved_characters_stays_one_segment() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization.json"));
    server
        .client()
        .organizations()
        .get(
            "acme/corp?x=1",
            GetOrganizationParams::default().include_members_count(true),
        )
        .await
        .expect("get");
    assert_eq!(
        server.single().line(),
        (
            "GET",
            "/organizations/acme%2Fcorp%3Fx%3D1",
            Some("include_members_count=true")
        )
    );
}

#[tokio::test]
async fn update_patches_only_the_fields_set_and_delete_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "deleted_organization.json"));
    let clerk = server.client();
    clerk
        .organizations()
        .update(
            ORG_ID,
            UpdateOrganizationParams::default().name("Acme Corp"),
        )
        .await
        .expect("rename");
    let updated = clerk
        .organizations()
        .update(
            ORG_ID,
            UpdateOrganizationParams::default()
                .name("Acme Corporation")
                .slug("acme-corp")
                .max_allowed_memberships(25)
                .admin_delete_enabled(true)
                .created_at("2024-05-14T10:40:00.000Z")
                .role_set_key("default"),
        )
        .await
        .expect("update everything");
    let deleted = clerk.organizations().delete(ORG_ID).await.expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(
        reqs[0].line(),
        (
            "PATCH",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            None
        )
    );
    assert_eq!(reqs[0].json(), serde_json::json!({ "name": "Acme Corp" }));
    assert_eq!(
        reqs[1].line(),
        (
            "PATCH",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            None
        )
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "name": "Acme Corporation",
            "slug": "acme-corp",
            "max_allowed_memberships": 25,
            "admin_delete_enabled": true,
            "created_at": "2024-05-14T10:40:00.000Z",
            "role_set_key": "default"
        })
    );
    assert_eq!(
        reqs[2].line(),
        (
            "DELETE",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk",
            None
        )
    );
    assert!(reqs[2].body.is_empty());

    assert_eq!(updated.name, "Acme Corporation");
    assert_eq!(deleted.object, "organization");
    assert_eq!(deleted.id.as_deref(), Some(ORG_ID));
    assert_eq!(deleted.slug.as_deref(), Some("acme-corp"));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn stream_walks_pages_until_a_short_page() {
    let server = MockServer::start().await;
    server.reply(org_page(&["org_1", "org_2"], 5));
    server.reply(org_page(&["org_3", "org_4"], 5));
    server.reply(org_page(&["org_5"], 5));
    let clerk = server.client();
    let orgs: Vec<Organization> = clerk
        .organizations()
        .list(OrganizationListParams::default().limit(2))
        .stream()
        .try_collect()
        .await
        .expect("stream organizations");

    let ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["org_1", "org_2", "org_3", "org_4", "org_5"]);
    let reqs = server.requests();
    let queries: Vec<_> = reqs.iter().map(Recorded::line).collect();
    assert_eq!(
        queries,
        [
            ("GET", "/organizations", Some("limit=2&offset=0")),
            ("GET", "/organizations", Some("limit=2&offset=2")),
            ("GET", "/organizations", Some("limit=2&offset=4")),
        ]
    );
}

#[tokio::test]
async fn stream_stops_after_a_short_page_even_without_a_total() {
    let server = MockServer::start().await;
    server.reply(Reply::json(
        200,
        serde_json::json!([org("org_1"), org("org_2")]).to_string(),
    ));
    server.reply(Reply::json(
        200,
        serde_json::json!([org("org_3")]).to_string(),
    ));
    let orgs: Vec<Organization> = server
        .client()
        .organizations()
        .list(OrganizationListParams::default().limit(2))
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(orgs.len(), 3);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[1].query.as_deref(), Some("limit=2&offset=2"));
}

#[tokio::test]
async fn stream_stops_when_total_count_is_reached_on_a_full_page() {
    let server = MockServer::start().await;
    server.reply(org_page(&["org_1", "org_2"], 4));
    server.reply(org_page(&["org_3", "org_4"], 4));
    // Would be the answer to a third request, which must not be made.
    server.reply(org_page(&["org_unexpected"], 4));
    let clerk = server.client();
    let orgs: Vec<Organization> = clerk
        .organizations()
        .list(OrganizationListParams::default().limit(2))
        .stream()
        .try_collect()
        .await
        .expect("stream organizations");

    let ids: Vec<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["org_1", "org_2", "org_3", "org_4"]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2, "no request after total_count was reached");
    assert_eq!(reqs[0].query.as_deref(), Some("limit=2&offset=0"));
    assert_eq!(reqs[1].query.as_deref(), Some("limit=2&offset=2"));
}

#[tokio::test]
async fn stream_keeps_the_filters_and_starts_at_the_given_offset() {
    let server = MockServer::start().await;
    server.reply(org_page(&["org_5", "org_6"], 7));
    server.reply(org_page(&["org_7"], 7));
    let orgs: Vec<Organization> = server
        .client()
        .organizations()
        .list(
            OrganizationListParams::default()
                .query("acme")
                .user_id(["+user_1"])
                .order_by(OrganizationOrderBy::NameDesc)
                .limit(2)
                .offset(4),
        )
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(orgs.len(), 3);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        reqs[0].query.as_deref(),
        Some("query=acme&user_id=%2Buser_1&order_by=-name&limit=2&offset=4")
    );
    assert_eq!(
        reqs[1].query.as_deref(),
        Some("query=acme&user_id=%2Buser_1&order_by=-name&limit=2&offset=6")
    );
}

#[tokio::test]
async fn stream_without_a_limit_uses_the_default_page_size() {
    let server = MockServer::start().await;
    server.reply(org_page(&["org_1"], 1));
    let orgs: Vec<Organization> = server
        .client()
        .organizations()
        .list(OrganizationListParams::default())
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert_eq!(orgs.len(), 1);
    assert_eq!(
        server.single().query.as_deref(),
        Some(format!("limit={}&offset=0", clerk_backend::DEFAULT_PAGE_SIZE).as_str())
    );
}

#[tokio::test]
async fn stream_over_an_empty_first_page_makes_one_request() {
    let server = MockServer::start().await;
    server.reply(org_page(&[], 0));
    let orgs: Vec<Organization> = server
        .client()
        .organizations()
        .list(OrganizationListParams::default().limit(2))
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert!(orgs.is_empty());
    assert_eq!(server.single().query.as_deref(), Some("limit=2&offset=0"));
}

#[tokio::test]
async fn stream_yields_the_items_before_an_error_and_then_ends() {
    let server = MockServer::start().await;
    server.reply(org_page(&["org_1", "org_2"], 6));
    server.reply(Reply::clerk_error(
        422,
        "form_param_value_invalid",
        "offset is invalid",
    ));
    let items: Vec<clerk_backend::Result<Organization>> = server
        .client()
        .organizations()
        .list(OrganizationListParams::default().limit(2))
        .stream()
        .collect()
        .await;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().map(|o| o.id.as_str()).ok(), Some("org_1"));
    assert_eq!(items[1].as_ref().map(|o| o.id.as_str()).ok(), Some("org_2"));
    match &items[2] {
        Err(Error::Api(api)) => {
            assert_eq!(api.status.as_u16(), 422);
            assert_eq!(api.errors[0].code, "form_param_value_invalid");
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn update_metadata_patches_and_replace_metadata_puts_the_same_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    server.reply(Reply::fixture(200, "organization.json"));
    let clerk = server.client();
    let merged = clerk
        .organizations()
        .update_metadata(
            ORG_ID,
            UpdateOrganizationMetadataParams::default()
                .public_metadata(metadata(
                    serde_json::json!({ "plan": "pro", "limits": { "seats": 25 }, "trial": null }),
                ))
                .private_metadata(metadata(
                    serde_json::json!({ "billing_account": "acct_0192" }),
                )),
        )
        .await
        .expect("merge metadata");
    clerk
        .organizations()
        .replace_metadata(
            ORG_ID,
            UpdateOrganizationMetadataParams::default()
                .public_metadata(metadata(serde_json::json!({ "plan": "pro" }))),
        )
        .await
        .expect("replace metadata");
    clerk
        .organizations()
        .replace_metadata(
            ORG_ID,
            UpdateOrganizationMetadataParams::default()
                .public_metadata(Metadata::new())
                .private_metadata(Metadata::new()),
        )
        .await
        .expect("clear metadata");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    let path = "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/metadata";
    assert_eq!(reqs[0].line(), ("PATCH", path, None));
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({
            "public_metadata": { "plan": "pro", "limits": { "seats": 25 }, "trial": null },
            "private_metadata": { "billing_account": "acct_0192" }
        })
    );
    assert_eq!(reqs[1].line(), ("PUT", path, None));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "public_metadata": { "plan": "pro" } })
    );
    assert_eq!(reqs[2].line(), ("PUT", path, None));
    assert_eq!(
        reqs[2].json(),
        serde_json::json!({ "public_metadata": {}, "private_metadata": {} })
    );
    for req in &reqs {
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(merged.id, ORG_ID);
    assert_eq!(merged.public_metadata["plan"], "pro");
}

/// One part of a multipart body as sent on the wire.
#[derive(Debug, PartialEq)]
struct WirePart {
    /// Header lines of the part, in order.
    headers: Vec<String>,
    /// The part's bytes.
    data: Vec<u8>,
}

/// Splits a `multipart/form-data` request body into its parts, checking the framing.
fn multipart_parts(req: &Recorded) -> Vec<WirePart> {
    let content_type = req.header("content-type").expect("content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not multipart: {content_type}"));
    let body = req.body.as_ref();
    let opening = format!("--{boundary}\r\n");
    let separator = format!("\r\n--{boundary}\r\n");
    let closing = format!("\r\n--{boundary}--\r\n");
    assert!(body.starts_with(opening.as_bytes()), "bad opening");
    assert!(body.ends_with(closing.as_bytes()), "bad closing");
    let inner = &body[opening.len()..body.len() - closing.len()];
    let mut parts = Vec::new();
    let mut rest = inner;
    loop {
        let end = find(rest, separator.as_bytes()).unwrap_or(rest.len());
        let raw = &rest[..end];
        let split = find(raw, b"\r\n\r\n").expect("part headers end");
        let headers = String::from_utf8(raw[..split].to_vec()).expect("utf-8 headers");
        parts.push(WirePart {
            headers: headers.split("\r\n").map(str::to_owned).collect(),
            data: raw[split + 4..].to_vec(),
        });
        if end == rest.len() {
            break;
        }
        rest = &rest[end + separator.len()..];
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[tokio::test]
async fn set_logo_sends_the_uploader_and_the_file_as_multipart_parts() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_with_logo.json"));
    server.reply(Reply::fixture(200, "organization_with_logo.json"));
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR logo-bytes \r\n--not-a-boundary".to_vec();
    let clerk = server.client();
    let updated = clerk
        .organizations()
        .set_logo(
            ORG_ID,
            OrganizationLogo::new(
                FileUpload::from_bytes(png.clone(), "logo.png").content_type("image/png"),
            )
            .uploader_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"),
        )
        .await
        .expect("upload logo");
    clerk
        .organizations()
        .set_logo(
            ORG_ID,
            OrganizationLogo::from(FileUpload::from_bytes(b"GIF89a".to_vec(), "logo.gif")),
        )
        .await
        .expect("upload logo without uploader");

    let reqs = server.requests();
    let path = "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/logo";
    assert_eq!(reqs[0].line(), ("PUT", path, None));
    assert_eq!(
        multipart_parts(&reqs[0]),
        [
            WirePart {
                headers: vec![
                    "Content-Disposition: form-data; name=\"uploader_user_id\"".to_owned()
                ],
                data: b"user_2xhFjEI5X2qWRvtV13BzSj8H6Dk".to_vec(),
            },
            WirePart {
                headers: vec![
                    "Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\""
                        .to_owned(),
                    "Content-Type: image/png".to_owned(),
                ],
                data: png,
            },
        ]
    );
    assert_eq!(reqs[1].line(), ("PUT", path, None));
    assert_eq!(
        multipart_parts(&reqs[1]),
        [WirePart {
            headers: vec![
                "Content-Disposition: form-data; name=\"file\"; filename=\"logo.gif\"".to_owned()
            ],
            data: b"GIF89a".to_vec(),
        }]
    );

    assert!(updated.has_image);
    assert!(updated
        .image_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://img.clerk.com/")));
}

#[test]
fn organization_logo_converts_to_multipart_parts_in_order() {
    let form: Multipart = OrganizationLogo::new(FileUpload::from_bytes(b"img".to_vec(), "a.png"))
        .uploader_user_id("user_1")
        .into();
    let names: Vec<&str> = form.parts().iter().map(|p| p.name()).collect();
    assert_eq!(names, ["uploader_user_id", "file"]);
    assert_eq!(form.parts()[0].data().as_ref(), b"user_1");
    assert_eq!(form.parts()[1].data().as_ref(), b"img");
    let form: Multipart =
        OrganizationLogo::new(FileUpload::from_bytes(b"img".to_vec(), "a.png")).into();
    assert_eq!(form.parts().len(), 1);
}

#[tokio::test]
async fn delete_logo_sends_no_body_and_decodes_the_organization() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization.json"));
    let org = server
        .client()
        .organizations()
        .delete_logo(ORG_ID)
        .await
        .expect("delete logo");
    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "DELETE",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/logo",
            None
        )
    );
    assert!(req.body.is_empty());
    assert!(!org.has_image);
    assert_eq!(org.id, ORG_ID);
}

#[tokio::test]
async fn billing_subscription_and_credit_balance_are_fetched_without_a_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "organization_billing_subscription.json",
    ));
    server.reply(Reply::fixture(
        200,
        "organization_billing_credit_balance.json",
    ));
    let clerk = server.client();
    let subscription = clerk
        .organizations()
        .get_billing_subscription(ORG_ID)
        .await
        .expect("subscription");
    let balance = clerk
        .organizations()
        .get_billing_credit_balance(ORG_ID)
        .await
        .expect("credit balance");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/billing/subscription",
            None
        )
    );
    assert_eq!(
        reqs[1].line(),
        (
            "GET",
            "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/billing/credits",
            None
        )
    );
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(subscription.object, "commerce_subscription");
    assert_eq!(subscription.status, BillingSubscriptionStatus::PastDue);
    assert_eq!(subscription.past_due_at, Some(1718275200000));
    assert_eq!(subscription.next_payment, None);
    assert_eq!(subscription.eligible_for_free_trial, None);
    let item = &subscription.subscription_items[0];
    assert_eq!(item.status, BillingSubscriptionItemStatus::PastDue);
    assert_eq!(item.plan_period, BillingPlanPeriod::Annual);
    let plan = item.plan.as_ref().expect("plan");
    assert_eq!(plan.for_payer_type, "org");
    assert_eq!(plan.fee.as_ref().map(|f| f.amount), Some(9900));
    let payer = item.payer.as_ref().expect("payer");
    assert_eq!(payer.organization_id.as_deref(), Some(ORG_ID));
    assert_eq!(payer.organization_name.as_deref(), Some("Acme Corporation"));
    assert_eq!(payer.user_id, None);

    assert_eq!(balance.object, "commerce_credit_balance");
    assert_eq!(balance.balance, None);
}

#[tokio::test]
async fn adjust_billing_credit_balance_posts_the_adjustment() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "organization_billing_credit_ledger.json",
    ));
    server.reply(Reply::fixture(
        200,
        "organization_billing_credit_ledger.json",
    ));
    let clerk = server.client();
    let entry = clerk
        .organizations()
        .adjust_billing_credit_balance(
            ORG_ID,
            AdjustCreditBalanceParams::increase(5000, "grant-2026-05-21-acme")
                .currency("EUR")
                .note("Annual loyalty credit"),
        )
        .await
        .expect("increase");
    clerk
        .organizations()
        .adjust_billing_credit_balance(
            ORG_ID,
            AdjustCreditBalanceParams::new(250, CreditBalanceAction::Decrease, "fix-4712"),
        )
        .await
        .expect("decrease");

    let reqs = server.requests();
    let path = "/organizations/org_2xhFjEI5X2qWRvtV13BzSj8H6Dk/billing/credits";
    for req in &reqs {
        assert_eq!(req.line(), ("POST", path, None));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({
            "amount": 5000,
            "action": "increase",
            "currency": "EUR",
            "idempotency_key": "grant-2026-05-21-acme",
            "note": "Annual loyalty credit"
        })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "amount": 250,
            "action": "decrease",
            "idempotency_key": "fix-4712"
        })
    );

    assert_eq!(entry.object, "commerce_credit_ledger");
    assert_eq!(entry.payer_id, "cpayer_2xhK1pP2qQ3rR4sS5tT6uU7vV8w");
    assert_eq!(entry.amount.amount, 5000);
    assert_eq!(entry.amount.currency, "EUR");
    assert_eq!(entry.amount.currency_symbol, "€");
    assert_eq!(entry.source_type, "grant");
    assert_eq!(entry.note, None);
    assert_eq!(entry.created_at, "2026-05-21T09:30:00Z");
}
