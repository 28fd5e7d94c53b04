//! Clients.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

#[allow(deprecated)]
pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk
        .clients()
        .list(ClientListParams::default().limit(5).offset(0)))
        .await;
    run.ok(clerk.clients().get("client_1")).await;
    run.ok(clerk
        .clients()
        .verify(VerifyClientParams::new("client-token")))
        .await;
}
