//! Organization roles.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let roles = clerk.organization_roles();
    run.ok(roles.list(
        RoleListParams::default()
            .query("billing")
            .order_by(RoleOrderBy::NameAsc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(roles.create(
        CreateRoleParams::new("Billing manager", "org:billing_manager")
            .description("Handles invoices.")
            .permissions(["perm_1"])
            .include_in_initial_role_set(true),
    ))
    .await;
    run.ok(roles.get("role_1")).await;
    run.ok(roles.update(
        "role_1",
        UpdateRoleParams::default()
            .name("Billing admin")
            .key("org:billing_admin")
            .description("Owns billing.")
            .permissions(["perm_1", "perm_2"]),
    ))
    .await;
    run.ok(roles.delete("role_1")).await;
    run.ok(roles.assign_permission("role_1", "perm_1")).await;
    run.ok(roles.remove_permission("role_1", "perm_1")).await;
}
