//! Role sets.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let role_sets = clerk.role_sets();
    run.ok(role_sets.list(
        RoleSetListParams::default()
            .query("enterprise")
            .order_by(RoleSetOrderBy::KeyDesc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(role_sets.create(
        CreateRoleSetParams::new(
            "Enterprise",
            "org:member",
            "org:admin",
            ["org:admin", "org:member"],
        )
        .key("role_set:enterprise")
        .description("Roles for enterprise customers.")
        .kind(RoleSetType::Custom),
    ))
    .await;
    run.ok(role_sets.get("role_set:enterprise")).await;
    run.ok(role_sets.update(
        "rs_1",
        UpdateRoleSetParams::default()
            .name("Enterprise v2")
            .key("role_set:enterprise_v2")
            .description("Second generation.")
            .kind(RoleSetType::Initial)
            .default_role_key("org:member")
            .creator_role_key("org:admin"),
    ))
    .await;
    run.ok(role_sets.replace(
        "role_set:enterprise",
        ReplaceRoleSetParams::new("role_set:default").map_role("org:billing_manager", "org:member"),
    ))
    .await;
    run.ok(role_sets.add_roles(
        "rs_1",
        AddRoleSetRolesParams::new(["org:auditor"])
            .default_role_key("org:auditor")
            .creator_role_key("org:auditor"),
    ))
    .await;
    run.ok(role_sets.replace_role(
        "rs_1",
        ReplaceRoleSetRoleParams::new("org:billing_manager", "org:member"),
    ))
    .await;
}
