//! Directories and SCIM directories: the exact request of every operation, and decoding of
//! realistic responses (the API keys they return stay out of `Debug`).

use std::collections::BTreeMap;

use clerk_backend::models::{
    CreateDirectoryGroupRoleMappingParams, CreateDirectoryParams, CreateScimDirectoryParams,
    CreateScimGroupRoleMappingParams, Directory, DirectoryGroupRoleMapping,
    DirectoryGroupRoleMappingEntry, DirectoryListParams, NewDirectoryGroupRoleMapping,
    NewScimGroupRoleMapping, ReplaceDirectoryGroupRoleMappingsParams,
    ReplaceScimGroupRoleMappingsParams, ScimDirectory, ScimDirectoryListParams,
    ScimGroupRoleMapping, ScimGroupRoleMappingEntry, UpdateDirectoryParams,
    UpdateScimDirectoryParams,
};
use clerk_tests::{MockServer, Reply};
use serde_json::json;

const DIRECTORY_ID: &str = "dir_2yKpQ7rS9tU1vW3xY5zA7bC9dE1";
const CONNECTION_ID: &str = "ent_2yKp1hJ3kL5mN7pQ9rS1tU3vW5x";
const MAPPING_ID: &str = "dgrm_2yKs3tU5vW7xY9zA1bC3dE5fG7h";
const SCIM_MAPPING_ID: &str = "sgrm_2yKs3tU5vW7xY9zA1bC3dE5fG7h";
const DIRECTORY_KEY: &str = "dsk_live_Zx9Qw8Er7Ty6Ui5Op4As3Df2";
const SCIM_KEY: &str = "scim_live_Pq1Wo2Ei3Ru4Ty5Yu6Io7Pa8";

/// Checks every field of `tests/fixtures/directory.json` except the API key.
fn assert_is_the_fixture_directory(d: &Directory) {
    assert_eq!(d.object, "directory");
    assert_eq!(d.id, DIRECTORY_ID);
    assert_eq!(d.name, "Okta (production)");
    assert_eq!(d.enterprise_connection_id.as_deref(), Some(CONNECTION_ID));
    assert_eq!(
        d.endpoint_url,
        "https://api.clerk.com/scim/v2/dir_2yKpQ7rS9tU1vW3xY5zA7bC9dE1"
    );
    assert_eq!(d.provider, "okta");
    assert!(d.enabled);
    assert!(d.group_role_mapping_enabled);
    assert_eq!(d.attribute_mapping.len(), 3);
    assert_eq!(d.attribute_mapping["first_name"], "name.givenName");
    let attrs = d.custom_attributes.as_deref().expect("custom attributes");
    assert_eq!(attrs.len(), 2);
    assert_eq!(attrs[0].name.as_deref(), Some("Department"));
    assert_eq!(attrs[0].key.as_deref(), Some("department"));
    assert_eq!(attrs[0].sso_path.as_deref(), Some("department"));
    assert_eq!(attrs[0].scim_path, attrs[0].directory_path);
    assert_eq!(attrs[0].multi_valued, Some(false));
    assert_eq!(attrs[1].sso_path, None);
    assert_eq!(attrs[1].multi_valued, Some(true));
    assert_eq!(d.created_at, 1730160000000);
    assert_eq!(d.updated_at, 1730246400000);
}

/// Checks every field of `tests/fixtures/directory_group_role_mapping.json`.
fn assert_is_the_fixture_mapping(m: &DirectoryGroupRoleMapping) {
    assert_eq!(m.object, "directory_group_role_mapping");
    assert_eq!(m.id, MAPPING_ID);
    assert_eq!(m.directory_id, DIRECTORY_ID);
    assert_eq!(m.scim_directory_id, DIRECTORY_ID);
    assert_eq!(m.directory_group_id, "00g1a2b3c4d5e6f7g8h9");
    assert_eq!(m.scim_group_id, "00g1a2b3c4d5e6f7g8h9");
    assert_eq!(m.directory_group_display_name, "Engineering admins");
    assert_eq!(m.scim_group_display_name, "Engineering admins");
    let role = m.role.as_ref().expect("role");
    assert_eq!(role.key, "org:admin");
    assert_eq!(role.permissions.len(), 1);
    assert_eq!(role.permissions[0].key, "org:sys_memberships:manage");
    assert_eq!(m.precedence, 1);
    assert_eq!(m.created_at, 1730250000000);
    assert_eq!(m.updated_at, 1730260000000);
}

// ---------------------------------------------------------------------------------------
// Directories
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn list_sends_paging_and_decodes_the_envelope() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "directory_list.json"));
    server.reply(Reply::fixture(200, "directory_list.json"));
    let clerk = server.client();
    let page = clerk
        .directories()
        .list(DirectoryListParams::default().limit(2).offset(4))
        .await
        .expect("list directories");
    clerk
        .directories()
        .list(DirectoryListParams::default())
        .await
        .expect("list directories without paging");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        ("GET", "/directories", Some("limit=2&offset=4"))
    );
    assert_eq!(reqs[1].line(), ("GET", "/directories", None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(7));
    assert_is_the_fixture_directory(&page.data[0]);
    assert_eq!(page.data[0].api_key, None);
    let entra = &page.data[1];
    assert_eq!(entra.provider, "azure");
    assert_eq!(entra.enterprise_connection_id, None);
    assert!(!entra.enabled);
    assert!(entra.attribute_mapping.is_empty());
    assert_eq!(entra.custom_attributes, None);
    assert_eq!(entra.api_key, None);
}

#[tokio::test]
async fn create_sends_the_mappings_and_returns_the_api_key_hidden_from_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "directory.json"));
    let directory = server
        .client()
        .directories()
        .create(
            CreateDirectoryParams::new(CONNECTION_ID, "okta")
                .name("Okta (production)")
                .group_role_mappings([
                    NewDirectoryGroupRoleMapping::new("00g1a2b3c4d5e6f7g8h9", "role_admin")
                        .directory_group_display_name("Engineering admins")
                        .precedence(1),
                    NewDirectoryGroupRoleMapping::new("00g9z8y7x6w5v4u3t2s1", "role_member")
                        .scim_group_id("00g9z8y7x6w5v4u3t2s1")
                        .scim_group_display_name("Everyone"),
                ]),
        )
        .await
        .expect("create directory");

    let req = server.single();
    assert_eq!(req.line(), ("POST", "/directories", None));
    assert_eq!(
        req.json(),
        json!({
            "enterprise_connection_id": CONNECTION_ID,
            "name": "Okta (production)",
            "provider": "okta",
            "group_role_mappings": [
                {
                    "directory_group_id": "00g1a2b3c4d5e6f7g8h9",
                    "directory_group_display_name": "Engineering admins",
                    "role_id": "role_admin",
                    "precedence": 1
                },
                {
                    "directory_group_id": "00g9z8y7x6w5v4u3t2s1",
                    "scim_group_id": "00g9z8y7x6w5v4u3t2s1",
                    "scim_group_display_name": "Everyone",
                    "role_id": "role_member"
                }
            ]
        })
    );

    assert_is_the_fixture_directory(&directory);
    let key = directory.api_key.as_ref().expect("api key on create");
    assert_eq!(key.expose(), DIRECTORY_KEY);
    let debug = format!("{directory:?}");
    assert!(!debug.contains(DIRECTORY_KEY), "{debug}");
    assert!(debug.contains("Secret([redacted])"), "{debug}");
}

#[tokio::test]
async fn create_with_only_the_required_fields() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "directory.json"));
    server
        .client()
        .directories()
        .create(CreateDirectoryParams::new(CONNECTION_ID, "google"))
        .await
        .expect("create directory");
    assert_eq!(
        server.single().json(),
        json!({ "enterprise_connection_id": CONNECTION_ID, "provider": "google" })
    );
}

#[tokio::test]
async fn get_update_delete_and_rotate_hit_the_directory_path() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "directory.json"));
    server.reply(Reply::fixture(200, "directory.json"));
    server.reply(Reply::fixture(200, "directory_deleted.json"));
    server.reply(Reply::fixture(200, "directory.json"));
    let clerk = server.client();
    let directories = clerk.directories();

    let got = directories.get(DIRECTORY_ID).await.expect("get");
    let updated = directories
        .update(
            DIRECTORY_ID,
            UpdateDirectoryParams::default()
                .name("Okta (production)")
                .enabled(true)
                .provider("okta")
                .map_attribute("first_name", "name.givenName")
                .unmap_attribute("username")
                .group_role_mapping_enabled(true),
        )
        .await
        .expect("update");
    let deleted = directories.delete(DIRECTORY_ID).await.expect("delete");
    let rotated = directories
        .rotate_api_key(DIRECTORY_ID)
        .await
        .expect("rotate api key");

    let reqs = server.requests();
    let path = format!("/directories/{DIRECTORY_ID}");
    assert_eq!(reqs[0].line(), ("GET", path.as_str(), None));
    assert_eq!(reqs[1].line(), ("PATCH", path.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        json!({
            "name": "Okta (production)",
            "enabled": true,
            "provider": "okta",
            "attribute_mapping": { "first_name": "name.givenName", "username": null },
            "group_role_mapping_enabled": true
        })
    );
    assert_eq!(reqs[2].line(), ("DELETE", path.as_str(), None));
    let rotate_path = format!("{path}/rotate_api_key");
    assert_eq!(reqs[3].line(), ("POST", rotate_path.as_str(), None));
    assert!(reqs[3].body.is_empty(), "rotate sends no body");
    assert!(reqs[0].body.is_empty() && reqs[2].body.is_empty());

    assert_is_the_fixture_directory(&got);
    assert_is_the_fixture_directory(&updated);
    assert_eq!(deleted.object, "directory");
    assert_eq!(deleted.id.as_deref(), Some(DIRECTORY_ID));
    assert!(deleted.deleted);
    assert_eq!(
        rotated.api_key.as_ref().map(|k| k.expose()),
        Some(DIRECTORY_KEY)
    );
    assert!(!format!("{rotated:?}").contains(DIRECTORY_KEY));
}

#[tokio::test]
async fn update_can_replace_the_attribute_mapping_wholesale_or_send_nothing() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "directory.json"));
    server.reply(Reply::fixture(200, "directory.json"));
    let clerk = server.client();
    let mapping = BTreeMap::from([("last_name".to_owned(), Some("name.familyName".to_owned()))]);
    clerk
        .directories()
        .update(
            DIRECTORY_ID,
            UpdateDirectoryParams::default().attribute_mapping(mapping),
        )
        .await
        .expect("update mapping");
    clerk
        .directories()
        .update(DIRECTORY_ID, UpdateDirectoryParams::default())
        .await
        .expect("empty update");
    let reqs = server.requests();
    assert_eq!(
        reqs[0].json(),
        json!({ "attribute_mapping": { "last_name": "name.familyName" } })
    );
    assert_eq!(reqs[1].json(), json!({}));
}

#[tokio::test]
async fn group_role_mappings_list_create_replace_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(
        200,
        "directory_group_role_mapping_list.json",
    ));
    server.reply(Reply::fixture(200, "directory_group_role_mapping.json"));
    server.reply(Reply::fixture(
        200,
        "directory_group_role_mapping_list.json",
    ));
    server.reply(Reply::fixture(
        200,
        "directory_group_role_mapping_list.json",
    ));
    server.reply(Reply::fixture(
        200,
        "directory_group_role_mapping_deleted.json",
    ));
    let clerk = server.client();
    let directories = clerk.directories();

    let listed = directories
        .list_group_role_mappings(DIRECTORY_ID)
        .await
        .expect("list mappings");
    let created = directories
        .create_group_role_mapping(
            DIRECTORY_ID,
            CreateDirectoryGroupRoleMappingParams::new("00g1a2b3c4d5e6f7g8h9", "role_admin")
                .scim_group_id("00g1a2b3c4d5e6f7g8h9")
                .precedence(1),
        )
        .await
        .expect("create mapping");
    let replaced = directories
        .replace_group_role_mappings(
            DIRECTORY_ID,
            ReplaceDirectoryGroupRoleMappingsParams::new([
                DirectoryGroupRoleMappingEntry::new("00g1a2b3c4d5e6f7g8h9", "role_admin"),
                DirectoryGroupRoleMappingEntry::new("00g9z8y7x6w5v4u3t2s1", "role_member")
                    .scim_group_id("00g9z8y7x6w5v4u3t2s1"),
            ]),
        )
        .await
        .expect("replace mappings");
    directories
        .replace_group_role_mappings(
            DIRECTORY_ID,
            ReplaceDirectoryGroupRoleMappingsParams::default(),
        )
        .await
        .expect("clear mappings");
    let deleted = directories
        .delete_group_role_mapping(DIRECTORY_ID, MAPPING_ID)
        .await
        .expect("delete mapping");

    let reqs = server.requests();
    let base = format!("/directories/{DIRECTORY_ID}/group_role_mappings");
    assert_eq!(reqs[0].line(), ("GET", base.as_str(), None));
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("POST", base.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        json!({
            "directory_group_id": "00g1a2b3c4d5e6f7g8h9",
            "scim_group_id": "00g1a2b3c4d5e6f7g8h9",
            "role_id": "role_admin",
            "precedence": 1
        })
    );
    assert_eq!(reqs[2].line(), ("PUT", base.as_str(), None));
    assert_eq!(
        reqs[2].json(),
        json!({ "mappings": [
            { "directory_group_id": "00g1a2b3c4d5e6f7g8h9", "role_id": "role_admin" },
            {
                "directory_group_id": "00g9z8y7x6w5v4u3t2s1",
                "scim_group_id": "00g9z8y7x6w5v4u3t2s1",
                "role_id": "role_member"
            }
        ] })
    );
    assert_eq!(reqs[3].json(), json!({ "mappings": [] }));
    let one = format!("{base}/{MAPPING_ID}");
    assert_eq!(reqs[4].line(), ("DELETE", one.as_str(), None));
    assert!(reqs[4].body.is_empty());

    assert_eq!(listed.total_count, Some(2));
    assert_is_the_fixture_mapping(&listed.data[0]);
    assert_eq!(listed.data[1].role, None);
    assert_eq!(listed.data[1].precedence, 2);
    assert_is_the_fixture_mapping(&created);
    assert_eq!(replaced.len(), 2);
    assert_eq!(deleted.object, "directory_group_role_mapping");
    assert_eq!(deleted.id, MAPPING_ID);
    assert!(deleted.deleted);
}

// ---------------------------------------------------------------------------------------
// SCIM directories
// ---------------------------------------------------------------------------------------

/// Checks the fields of `tests/fixtures/scim_directory.json` other than the API key.
fn assert_is_the_fixture_scim_directory(d: &ScimDirectory) {
    assert_eq!(d.object, "scim_directory");
    assert_eq!(d.id, DIRECTORY_ID);
    assert_eq!(d.name, "Okta (production)");
    assert_eq!(d.enterprise_connection_id.as_deref(), Some(CONNECTION_ID));
    assert!(d.endpoint_url.ends_with(DIRECTORY_ID));
    assert_eq!(d.provider, "okta");
    assert!(d.enabled);
    assert!(d.group_role_mapping_enabled);
    assert_eq!(
        d.attribute_mapping["email_address"],
        "emails[primary eq true].value"
    );
    assert_eq!(d.custom_attributes.as_ref().map(Vec::len), Some(2));
    assert_eq!(d.created_at, 1730160000000);
    assert_eq!(d.updated_at, 1730246400000);
}

/// Checks every field of `tests/fixtures/scim_group_role_mapping.json`.
fn assert_is_the_fixture_scim_mapping(m: &ScimGroupRoleMapping) {
    assert_eq!(m.object, "scim_group_role_mapping");
    assert_eq!(m.id, SCIM_MAPPING_ID);
    assert_eq!(m.scim_directory_id, DIRECTORY_ID);
    assert_eq!(m.directory_id, DIRECTORY_ID);
    assert_eq!(m.scim_group_id, "00g1a2b3c4d5e6f7g8h9");
    assert_eq!(m.directory_group_id, "00g1a2b3c4d5e6f7g8h9");
    assert_eq!(m.scim_group_display_name, "Engineering admins");
    assert_eq!(m.directory_group_display_name, "Engineering admins");
    assert_eq!(m.role.as_ref().map(|r| r.name.as_str()), Some("Admin"));
    assert_eq!(m.precedence, 1);
    assert_eq!(m.created_at, 1730250000000);
    assert_eq!(m.updated_at, 1730260000000);
}

#[tokio::test]
async fn scim_list_and_create_return_the_api_key_hidden_from_debug() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "scim_directory_list.json"));
    server.reply(Reply::fixture(200, "scim_directory.json"));
    let clerk = server.client();
    let page = clerk
        .scim_directories()
        .list(ScimDirectoryListParams::default().limit(50).offset(0))
        .await
        .expect("list scim directories");
    let created = clerk
        .scim_directories()
        .create(
            CreateScimDirectoryParams::new(CONNECTION_ID, "okta")
                .name("Okta (production)")
                .group_role_mappings([
                    NewScimGroupRoleMapping::new("00g1a2b3c4d5e6f7g8h9", "role_admin")
                        .scim_group_display_name("Engineering admins")
                        .precedence(1),
                    NewScimGroupRoleMapping::new("00g9z8y7x6w5v4u3t2s1", "role_member"),
                ]),
        )
        .await
        .expect("create scim directory");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        ("GET", "/scim_directories", Some("limit=50&offset=0"))
    );
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("POST", "/scim_directories", None));
    assert_eq!(
        reqs[1].json(),
        json!({
            "enterprise_connection_id": CONNECTION_ID,
            "name": "Okta (production)",
            "provider": "okta",
            "group_role_mappings": [
                {
                    "scim_group_id": "00g1a2b3c4d5e6f7g8h9",
                    "scim_group_display_name": "Engineering admins",
                    "role_id": "role_admin",
                    "precedence": 1
                },
                { "scim_group_id": "00g9z8y7x6w5v4u3t2s1", "role_id": "role_member" }
            ]
        })
    );

    assert_eq!(page.total_count, Some(2));
    assert_is_the_fixture_scim_directory(&page.data[0]);
    assert_eq!(page.data[0].api_key, None);
    assert_eq!(page.data[1].custom_attributes, None);
    assert_eq!(page.data[1].enterprise_connection_id, None);

    assert_is_the_fixture_scim_directory(&created);
    assert_eq!(created.api_key.as_ref().map(|k| k.expose()), Some(SCIM_KEY));
    let debug = format!("{created:?}");
    assert!(!debug.contains(SCIM_KEY), "{debug}");
    assert!(debug.contains("Secret([redacted])"), "{debug}");
}

#[tokio::test]
async fn scim_get_update_delete_and_rotate() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "scim_directory.json"));
    server.reply(Reply::fixture(200, "scim_directory.json"));
    server.reply(Reply::fixture(200, "scim_directory_deleted.json"));
    server.reply(Reply::fixture(200, "scim_directory.json"));
    let clerk = server.client();
    let scim = clerk.scim_directories();

    let got = scim.get(DIRECTORY_ID).await.expect("get");
    let updated = scim
        .update(
            DIRECTORY_ID,
            UpdateScimDirectoryParams::default()
                .enabled(false)
                .map_attribute("email_address", "emails[primary eq true].value")
                .unmap_attribute("last_name")
                .group_role_mapping_enabled(false),
        )
        .await
        .expect("update");
    let deleted = scim.delete(DIRECTORY_ID).await.expect("delete");
    let rotated = scim.rotate_api_key(DIRECTORY_ID).await.expect("rotate");

    let reqs = server.requests();
    let path = format!("/scim_directories/{DIRECTORY_ID}");
    assert_eq!(reqs[0].line(), ("GET", path.as_str(), None));
    assert_eq!(reqs[1].line(), ("PATCH", path.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        json!({
            "enabled": false,
            "attribute_mapping": {
                "email_address": "emails[primary eq true].value",
                "last_name": null
            },
            "group_role_mapping_enabled": false
        })
    );
    assert_eq!(reqs[2].line(), ("DELETE", path.as_str(), None));
    let rotate_path = format!("{path}/rotate_api_key");
    assert_eq!(reqs[3].line(), ("POST", rotate_path.as_str(), None));
    assert!(reqs[3].body.is_empty());

    assert_is_the_fixture_scim_directory(&got);
    assert_is_the_fixture_scim_directory(&updated);
    assert_eq!(deleted.object, "scim_directory");
    assert!(deleted.deleted);
    assert_eq!(rotated.api_key.as_ref().map(|k| k.expose()), Some(SCIM_KEY));
    assert!(!format!("{rotated:?}").contains(SCIM_KEY));
}

#[tokio::test]
async fn scim_group_role_mappings_list_create_replace_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "scim_group_role_mapping_list.json"));
    server.reply(Reply::fixture(200, "scim_group_role_mapping.json"));
    server.reply(Reply::fixture(200, "scim_group_role_mapping_list.json"));
    server.reply(Reply::fixture(200, "scim_group_role_mapping_deleted.json"));
    let clerk = server.client();
    let scim = clerk.scim_directories();

    let listed = scim
        .list_group_role_mappings(DIRECTORY_ID)
        .await
        .expect("list");
    let created = scim
        .create_group_role_mapping(
            DIRECTORY_ID,
            CreateScimGroupRoleMappingParams::new("00g1a2b3c4d5e6f7g8h9", "role_admin"),
        )
        .await
        .expect("create");
    let replaced = scim
        .replace_group_role_mappings(
            DIRECTORY_ID,
            ReplaceScimGroupRoleMappingsParams::new([
                ScimGroupRoleMappingEntry::new("00g1a2b3c4d5e6f7g8h9", "role_admin"),
                ScimGroupRoleMappingEntry::new("00g9z8y7x6w5v4u3t2s1", "role_member"),
            ]),
        )
        .await
        .expect("replace");
    let deleted = scim
        .delete_group_role_mapping(DIRECTORY_ID, SCIM_MAPPING_ID)
        .await
        .expect("delete");

    let reqs = server.requests();
    let base = format!("/scim_directories/{DIRECTORY_ID}/group_role_mappings");
    assert_eq!(reqs[0].line(), ("GET", base.as_str(), None));
    assert_eq!(reqs[1].line(), ("POST", base.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        json!({ "scim_group_id": "00g1a2b3c4d5e6f7g8h9", "role_id": "role_admin" })
    );
    assert_eq!(reqs[2].line(), ("PUT", base.as_str(), None));
    assert_eq!(
        reqs[2].json(),
        json!({ "mappings": [
            { "scim_group_id": "00g1a2b3c4d5e6f7g8h9", "role_id": "role_admin" },
            { "scim_group_id": "00g9z8y7x6w5v4u3t2s1", "role_id": "role_member" }
        ] })
    );
    let one = format!("{base}/{SCIM_MAPPING_ID}");
    assert_eq!(reqs[3].line(), ("DELETE", one.as_str(), None));
    assert!(reqs[0].body.is_empty() && reqs[3].body.is_empty());

    assert_eq!(listed.total_count, Some(2));
    assert_is_the_fixture_scim_mapping(&listed.data[0]);
    assert_eq!(listed.data[1].role, None);
    assert_is_the_fixture_scim_mapping(&created);
    assert_eq!(replaced.data[1].scim_group_display_name, "Everyone");
    assert_eq!(deleted.object, "scim_group_role_mapping");
    assert_eq!(deleted.id, SCIM_MAPPING_ID);
    assert!(deleted.deleted);
}

#[tokio::test]
async fn scim_create_mapping_with_precedence() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "scim_group_role_mapping.json"));
    server
        .client()
        .scim_directories()
        .create_group_role_mapping(
            DIRECTORY_ID,
            CreateScimGroupRoleMappingParams::new("grp", "role_admin").precedence(3),
        )
        .await
        .expect("create");
    assert_eq!(
        server.single().json(),
        json!({ "scim_group_id": "grp", "role_id": "role_admin", "precedence": 3 })
    );
}
