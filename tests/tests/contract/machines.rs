//! Machines: non-human clients that authenticate with M2M tokens.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

const MACHINE: &str = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
const OTHER: &str = "mch_2yGkLpQ7Y3rXSwtU24CzTk9I7Em";

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.machines().list(MachineListParams::default()))
        .await;
    run.ok(clerk.machines().list(
        MachineListParams::default()
            .query("billing")
            .order_by(MachineOrderBy::NameAsc)
            .limit(10)
            .offset(10),
    ))
    .await;
    run.ok(clerk.machines().create(
        CreateMachineParams::new("billing-worker")
            .scoped_machines([OTHER])
            .default_token_ttl(3600_i64),
    ))
    .await;
    run.ok(clerk.machines().get(MACHINE)).await;
    run.ok(clerk.machines().update(
        MACHINE,
        UpdateMachineParams::default()
            .name("billing-worker-2")
            .default_token_ttl(600_i64),
    ))
    .await;
    run.ok(clerk.machines().delete(MACHINE)).await;
    run.ok(clerk
        .machines()
        .add_scope(MACHINE, AddMachineScopeParams::new(OTHER)))
        .await;
    run.ok(clerk.machines().remove_scope(MACHINE, OTHER)).await;
    run.ok(clerk.machines().get_secret_key(MACHINE)).await;
    run.ok(clerk
        .machines()
        .rotate_secret_key(MACHINE, RotateMachineSecretKeyParams::new(300)))
        .await;
}
