//! Organization permissions.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    let permissions = clerk.organization_permissions();
    run.ok(permissions.list(
        PermissionListParams::default()
            .query("org:billing")
            .order_by(PermissionOrderBy::CreatedAtDesc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(permissions.create(
        CreatePermissionParams::new("Manage billing", "org:billing:manage")
            .description("Change the plan."),
    ))
    .await;
    run.ok(permissions.get("perm_1")).await;
    run.ok(permissions.update(
        "perm_1",
        UpdatePermissionParams::default()
            .name("Billing")
            .key("org:billing:admin")
            .description("Billing."),
    ))
    .await;
    run.ok(permissions.delete("perm_1")).await;
}
