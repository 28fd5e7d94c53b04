//! Organization roles, organization permissions and role sets: the exact request of every
//! operation and decoding of realistic responses.

use clerk_backend::models::{
    AddRoleSetRolesParams, CreatePermissionParams, CreateRoleParams, CreateRoleSetParams,
    PermissionListParams, PermissionOrderBy, ReplaceRoleSetParams, ReplaceRoleSetRoleParams,
    RoleListParams, RoleOrderBy, RoleSetListParams, RoleSetOrderBy, RoleSetType,
    UpdatePermissionParams, UpdateRoleParams, UpdateRoleSetParams,
};
use clerk_tests::{MockServer, Reply};

const ROLE_ID: &str = "role_2xhHb7KfT2mQw9Yd1RzN6pVc0Ls";
const PERMISSION_ID: &str = "perm_2xhH4sQ8bN1vZr6CkTy0WmLe3Jd";
const ROLE_SET_ID: &str = "rs_2xhJ1qP5nT8wVb3XcZ7mKd0Lf4S";

// ---------------------------------------------------------------------------------------
// Organization roles
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn roles_list_sends_the_filters_and_decodes_nested_permissions() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_role_list.json"));
    server.reply(Reply::fixture(200, "organization_role_list.json"));
    let clerk = server.client();
    let page = clerk
        .organization_roles()
        .list(
            RoleListParams::default()
                .query("billing")
                .order_by(RoleOrderBy::KeyAsc)
                .limit(20)
                .offset(40),
        )
        .await
        .expect("list roles");
    clerk
        .organization_roles()
        .list(RoleListParams::default())
        .await
        .expect("list roles without filters");

    let reqs = server.requests();
    assert_eq!(
        reqs[0].line(),
        (
            "GET",
            "/organization_roles",
            Some("query=billing&order_by=%2Bkey&limit=20&offset=40")
        )
    );
    assert_eq!(reqs[1].line(), ("GET", "/organization_roles", None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));

    assert_eq!(page.total_count, Some(2));
    let billing = &page.data[0];
    assert_eq!(billing.object, "role");
    assert_eq!(billing.id, ROLE_ID);
    assert_eq!(billing.key, "org:billing_manager");
    assert_eq!(
        billing.description.as_deref(),
        Some("Handles invoices and the subscription.")
    );
    assert!(!billing.is_creator_eligible);
    assert_eq!(billing.permissions.len(), 1);
    assert_eq!(billing.permissions[0].key, "org:billing:manage");
    let admin = &page.data[1];
    assert_eq!(admin.description, None);
    assert!(admin.is_creator_eligible);
    assert!(admin.permissions.is_empty());
}

#[tokio::test]
async fn roles_create_sends_the_required_fields_alone_or_with_everything() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_role.json"));
    server.reply(Reply::fixture(200, "organization_role.json"));
    let clerk = server.client();
    clerk
        .organization_roles()
        .create(CreateRoleParams::new(
            "Billing manager",
            "org:billing_manager",
        ))
        .await
        .expect("create minimal");
    let role = clerk
        .organization_roles()
        .create(
            CreateRoleParams::new("Billing manager", "org:billing_manager")
                .description("Handles invoices and the subscription.")
                .permissions([PERMISSION_ID, "perm_2wAbc1sys0Rd0Mmbrs0Xy9Zq4R"])
                .include_in_initial_role_set(true),
        )
        .await
        .expect("create full");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        assert_eq!(req.line(), ("POST", "/organization_roles", None));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "name": "Billing manager", "key": "org:billing_manager" })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "name": "Billing manager",
            "key": "org:billing_manager",
            "description": "Handles invoices and the subscription.",
            "permissions": [PERMISSION_ID, "perm_2wAbc1sys0Rd0Mmbrs0Xy9Zq4R"],
            "include_in_initial_role_set": true
        })
    );

    assert_eq!(role.name, "Billing manager");
    assert_eq!(role.permissions.len(), 2);
    let system = &role.permissions[1];
    assert_eq!(system.kind, "system");
    assert_eq!(system.description, "");
    assert_eq!(role.created_at, 1715683200000);
    assert_eq!(role.updated_at, 1718275200000);
}

#[tokio::test]
async fn roles_get_update_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_role.json"));
    server.reply(Reply::fixture(200, "organization_role.json"));
    server.reply(Reply::fixture(200, "organization_role.json"));
    server.reply(Reply::fixture(200, "organization_role.json"));
    server.reply(Reply::fixture(200, "organization_role_deleted.json"));
    let clerk = server.client();
    let fetched = clerk.organization_roles().get(ROLE_ID).await.expect("get");
    clerk
        .organization_roles()
        .update(ROLE_ID, UpdateRoleParams::default().name("Billing admin"))
        .await
        .expect("rename");
    clerk
        .organization_roles()
        .update(
            ROLE_ID,
            UpdateRoleParams::default()
                .name("Billing admin")
                .key("org:billing_admin")
                .description("Owns billing.")
                .permissions([PERMISSION_ID]),
        )
        .await
        .expect("update everything");
    clerk
        .organization_roles()
        .update(
            ROLE_ID,
            UpdateRoleParams::default().permissions(Vec::<String>::new()),
        )
        .await
        .expect("clear permissions");
    let deleted = clerk
        .organization_roles()
        .delete(ROLE_ID)
        .await
        .expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 5);
    let path = format!("/organization_roles/{ROLE_ID}");
    assert_eq!(reqs[0].line(), ("GET", path.as_str(), None));
    assert!(reqs[0].body.is_empty());
    for req in &reqs[1..4] {
        assert_eq!(req.line(), ("PATCH", path.as_str(), None));
    }
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "name": "Billing admin" })
    );
    assert_eq!(
        reqs[2].json(),
        serde_json::json!({
            "name": "Billing admin",
            "key": "org:billing_admin",
            "description": "Owns billing.",
            "permissions": [PERMISSION_ID]
        })
    );
    assert_eq!(reqs[3].json(), serde_json::json!({ "permissions": [] }));
    assert_eq!(reqs[4].line(), ("DELETE", path.as_str(), None));
    assert!(reqs[4].body.is_empty());

    assert_eq!(fetched.id, ROLE_ID);
    assert_eq!(deleted.object, "role");
    assert_eq!(deleted.id.as_deref(), Some(ROLE_ID));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn roles_assign_and_remove_a_permission_without_a_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_role.json"));
    server.reply(Reply::fixture(200, "organization_role.json"));
    let clerk = server.client();
    let assigned = clerk
        .organization_roles()
        .assign_permission(ROLE_ID, PERMISSION_ID)
        .await
        .expect("assign");
    clerk
        .organization_roles()
        .remove_permission(ROLE_ID, PERMISSION_ID)
        .await
        .expect("remove");

    let reqs = server.requests();
    let path = format!("/organization_roles/{ROLE_ID}/permissions/{PERMISSION_ID}");
    assert_eq!(reqs[0].line(), ("POST", path.as_str(), None));
    assert_eq!(reqs[1].line(), ("DELETE", path.as_str(), None));
    assert!(reqs.iter().all(|r| r.body.is_empty()));
    assert!(assigned.permissions.iter().any(|p| p.id == PERMISSION_ID));
}

// ---------------------------------------------------------------------------------------
// Organization permissions
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn permissions_list_sends_the_filters_and_decodes_system_and_custom_ones() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_permission_list.json"));
    let page = server
        .client()
        .organization_permissions()
        .list(
            PermissionListParams::default()
                .query("org:billing")
                .order_by(PermissionOrderBy::NameDesc)
                .limit(2)
                .offset(0),
        )
        .await
        .expect("list permissions");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/organization_permissions",
            Some("query=org%3Abilling&order_by=-name&limit=2&offset=0")
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, Some(14));
    let custom = &page.data[0];
    assert_eq!(custom.object, "permission");
    assert_eq!(custom.id, PERMISSION_ID);
    assert_eq!(custom.name, "Manage billing");
    assert_eq!(custom.kind, "user");
    assert_eq!(page.data[1].key, "org:sys_memberships:manage");
    assert_eq!(page.data[1].kind, "system");
}

#[tokio::test]
async fn permissions_create_get_update_and_delete() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_permission.json"));
    server.reply(Reply::fixture(200, "organization_permission.json"));
    server.reply(Reply::fixture(200, "organization_permission.json"));
    server.reply(Reply::fixture(200, "organization_permission.json"));
    server.reply(Reply::fixture(200, "organization_permission.json"));
    server.reply(Reply::fixture(200, "organization_permission_deleted.json"));
    let clerk = server.client();
    let permissions = clerk.organization_permissions();
    permissions
        .create(CreatePermissionParams::new(
            "Manage billing",
            "org:billing:manage",
        ))
        .await
        .expect("create minimal");
    let created = permissions
        .create(
            CreatePermissionParams::new("Manage billing", "org:billing:manage")
                .description("Change the plan and payment methods of the organization."),
        )
        .await
        .expect("create with description");
    permissions.get(PERMISSION_ID).await.expect("get");
    permissions
        .update(
            PERMISSION_ID,
            UpdatePermissionParams::default().description("Billing."),
        )
        .await
        .expect("update description");
    permissions
        .update(
            PERMISSION_ID,
            UpdatePermissionParams::default()
                .name("Billing")
                .key("org:billing:admin")
                .description("Billing."),
        )
        .await
        .expect("update everything");
    let deleted = permissions.delete(PERMISSION_ID).await.expect("delete");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 6);
    let path = format!("/organization_permissions/{PERMISSION_ID}");
    assert_eq!(reqs[0].line(), ("POST", "/organization_permissions", None));
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "name": "Manage billing", "key": "org:billing:manage" })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "name": "Manage billing",
            "key": "org:billing:manage",
            "description": "Change the plan and payment methods of the organization."
        })
    );
    assert_eq!(reqs[2].line(), ("GET", path.as_str(), None));
    assert!(reqs[2].body.is_empty());
    assert_eq!(reqs[3].line(), ("PATCH", path.as_str(), None));
    assert_eq!(
        reqs[3].json(),
        serde_json::json!({ "description": "Billing." })
    );
    assert_eq!(
        reqs[4].json(),
        serde_json::json!({
            "name": "Billing",
            "key": "org:billing:admin",
            "description": "Billing."
        })
    );
    assert_eq!(reqs[5].line(), ("DELETE", path.as_str(), None));
    assert!(reqs[5].body.is_empty());

    assert_eq!(created.key, "org:billing:manage");
    assert_eq!(created.created_at, 1715683200000);
    assert_eq!(deleted.object, "permission");
    assert!(deleted.deleted);
}

// ---------------------------------------------------------------------------------------
// Role sets
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn role_sets_list_sends_the_filters_and_decodes_optional_parts() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "role_set_list.json"));
    let page = server
        .client()
        .role_sets()
        .list(
            RoleSetListParams::default()
                .query("enterprise")
                .order_by(RoleSetOrderBy::CreatedAtAsc)
                .limit(50)
                .offset(50),
        )
        .await
        .expect("list role sets");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/role_sets",
            Some("query=enterprise&order_by=%2Bcreated_at&limit=50&offset=50")
        )
    );
    assert!(req.body.is_empty());
    assert_eq!(page.total_count, Some(2));
    let default = &page.data[0];
    assert_eq!(default.key, "role_set:default");
    assert_eq!(default.kind, RoleSetType::Initial);
    assert_eq!(default.description, None);
    assert_eq!(default.roles.len(), 1);
    assert_eq!(default.roles[0].members_count, None);
    assert_eq!(default.roles[0].has_members, None);
    assert_eq!(default.default_role, None);
    assert_eq!(default.creator_role, None);
    assert_eq!(default.role_set_migration, None);
    let enterprise = &page.data[1];
    assert_eq!(enterprise.kind, RoleSetType::Custom);
    assert!(enterprise.roles.is_empty());
}

#[tokio::test]
async fn role_sets_create_sends_the_required_fields_alone_or_with_everything() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "role_set.json"));
    server.reply(Reply::fixture(200, "role_set.json"));
    let clerk = server.client();
    clerk
        .role_sets()
        .create(CreateRoleSetParams::new(
            "Enterprise",
            "org:member",
            "org:admin",
            ["org:admin", "org:member"],
        ))
        .await
        .expect("create minimal");
    let created = clerk
        .role_sets()
        .create(
            CreateRoleSetParams::new(
                "Enterprise",
                "org:member",
                "org:admin",
                vec!["org:admin".to_owned(), "org:member".to_owned()],
            )
            .key("role_set:enterprise")
            .description("Roles for enterprise customers.")
            .kind(RoleSetType::Custom),
        )
        .await
        .expect("create full");

    let reqs = server.requests();
    for req in &reqs {
        assert_eq!(req.line(), ("POST", "/role_sets", None));
        assert_eq!(req.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({
            "name": "Enterprise",
            "default_role_key": "org:member",
            "creator_role_key": "org:admin",
            "roles": ["org:admin", "org:member"]
        })
    );
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "name": "Enterprise",
            "key": "role_set:enterprise",
            "description": "Roles for enterprise customers.",
            "default_role_key": "org:member",
            "creator_role_key": "org:admin",
            "type": "custom",
            "roles": ["org:admin", "org:member"]
        })
    );

    assert_eq!(created.object, "role_set");
    assert_eq!(created.id, ROLE_SET_ID);
    assert_eq!(created.roles.len(), 2);
    assert_eq!(created.roles[1].members_count, Some(41));
    assert_eq!(created.roles[0].has_members, Some(true));
    assert_eq!(
        created.default_role.as_ref().map(|r| r.key.as_str()),
        Some("org:member")
    );
    assert_eq!(
        created.creator_role.as_ref().map(|r| r.key.as_str()),
        Some("org:admin")
    );
    let migration = created
        .role_set_migration
        .as_ref()
        .expect("role set migration");
    assert_eq!(migration.object, "role_set_migration");
    assert_eq!(migration.organization_id, None);
    assert_eq!(migration.source_role_set_id, ROLE_SET_ID);
    assert_eq!(migration.dest_role_set_id, None);
    assert_eq!(migration.trigger_type, "role_removal");
    assert_eq!(migration.status, "in_progress");
    assert_eq!(migration.migrated_members, 17);
    assert_eq!(
        migration
            .mappings
            .as_ref()
            .and_then(|m| m.get("org:billing_manager"))
            .map(String::as_str),
        Some("org:member")
    );
    assert_eq!(migration.started_at, Some(1718361600000));
    assert_eq!(migration.completed_at, None);
}

#[tokio::test]
async fn role_sets_get_and_update_by_id() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "role_set.json"));
    server.reply(Reply::fixture(200, "role_set.json"));
    server.reply(Reply::fixture(200, "role_set.json"));
    let clerk = server.client();
    let fetched = clerk.role_sets().get(ROLE_SET_ID).await.expect("get");
    clerk
        .role_sets()
        .update(
            ROLE_SET_ID,
            UpdateRoleSetParams::default().name("Enterprise v2"),
        )
        .await
        .expect("rename");
    clerk
        .role_sets()
        .update(
            ROLE_SET_ID,
            UpdateRoleSetParams::default()
                .name("Enterprise v2")
                .key("role_set:enterprise_v2")
                .description("Second generation.")
                .kind(RoleSetType::Initial)
                .default_role_key("org:member")
                .creator_role_key("org:admin"),
        )
        .await
        .expect("update everything");

    let reqs = server.requests();
    let path = format!("/role_sets/{ROLE_SET_ID}");
    assert_eq!(reqs[0].line(), ("GET", path.as_str(), None));
    assert!(reqs[0].body.is_empty());
    assert_eq!(reqs[1].line(), ("PATCH", path.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({ "name": "Enterprise v2" })
    );
    assert_eq!(
        reqs[2].json(),
        serde_json::json!({
            "name": "Enterprise v2",
            "key": "role_set:enterprise_v2",
            "description": "Second generation.",
            "type": "initial",
            "default_role_key": "org:member",
            "creator_role_key": "org:admin"
        })
    );
    assert_eq!(fetched.key, "role_set:enterprise");
}

/// The path accepts a key such as `role_set:enterprise`; the key must arrive as one segment.
/// (`:` is legal unencoded in a path segment, so either spelling reaches the same route.)
#[tokio::test]
async fn role_sets_are_reached_by_key_too() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "role_set.json"));
    server
        .client()
        .role_sets()
        .get("role_set:enterprise")
        .await
        .expect("get by key");
    let req = server.single();
    assert_eq!(req.method, "GET");
    assert!(
        [
            "/role_sets/role_set:enterprise",
            "/role_sets/role_set%3Aenterprise"
        ]
        .contains(&req.path.as_str()),
        "unexpected path {}",
        req.path
    );
    assert_eq!(req.query, None);
}

#[tokio::test]
async fn role_sets_replace_add_roles_and_replace_a_role() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "role_set_replaced.json"));
    server.reply(Reply::fixture(200, "role_set_replaced.json"));
    server.reply(Reply::fixture(200, "role_set.json"));
    server.reply(Reply::fixture(200, "role_set.json"));
    server.reply(Reply::fixture(200, "role_set.json"));
    let clerk = server.client();
    clerk
        .role_sets()
        .replace(ROLE_SET_ID, ReplaceRoleSetParams::new("role_set:default"))
        .await
        .expect("replace without mappings");
    let replaced = clerk
        .role_sets()
        .replace(
            ROLE_SET_ID,
            ReplaceRoleSetParams::new("role_set:default")
                .map_role("org:billing_manager", "org:member")
                .map_role("org:owner", "org:admin"),
        )
        .await
        .expect("replace with mappings");
    clerk
        .role_sets()
        .add_roles(ROLE_SET_ID, AddRoleSetRolesParams::new(["org:auditor"]))
        .await
        .expect("add a role");
    clerk
        .role_sets()
        .add_roles(
            ROLE_SET_ID,
            AddRoleSetRolesParams::new(["org:auditor", "org:owner"])
                .default_role_key("org:auditor")
                .creator_role_key("org:owner"),
        )
        .await
        .expect("add roles and move defaults");
    let after = clerk
        .role_sets()
        .replace_role(
            ROLE_SET_ID,
            ReplaceRoleSetRoleParams::new("org:billing_manager", "org:member"),
        )
        .await
        .expect("replace a role");

    let reqs = server.requests();
    assert_eq!(reqs.len(), 5);
    let replace = format!("/role_sets/{ROLE_SET_ID}/replace");
    let roles = format!("/role_sets/{ROLE_SET_ID}/roles");
    let replace_role = format!("/role_sets/{ROLE_SET_ID}/roles/replace");
    assert_eq!(reqs[0].line(), ("POST", replace.as_str(), None));
    assert_eq!(
        reqs[0].json(),
        serde_json::json!({ "dest_role_set_key": "role_set:default" })
    );
    assert_eq!(reqs[1].line(), ("POST", replace.as_str(), None));
    assert_eq!(
        reqs[1].json(),
        serde_json::json!({
            "dest_role_set_key": "role_set:default",
            "reassignment_mappings": {
                "org:billing_manager": "org:member",
                "org:owner": "org:admin"
            }
        })
    );
    assert_eq!(reqs[2].line(), ("POST", roles.as_str(), None));
    assert_eq!(
        reqs[2].json(),
        serde_json::json!({ "role_keys": ["org:auditor"] })
    );
    assert_eq!(
        reqs[3].json(),
        serde_json::json!({
            "role_keys": ["org:auditor", "org:owner"],
            "default_role_key": "org:auditor",
            "creator_role_key": "org:owner"
        })
    );
    assert_eq!(reqs[4].line(), ("POST", replace_role.as_str(), None));
    assert_eq!(
        reqs[4].json(),
        serde_json::json!({ "role_key": "org:billing_manager", "to_role_key": "org:member" })
    );

    assert_eq!(replaced.object, "role_set");
    assert_eq!(replaced.id.as_deref(), Some(ROLE_SET_ID));
    assert!(replaced.deleted);
    assert_eq!(after.id, ROLE_SET_ID);
}
