//! Domains of the instance and their DNS setup.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.domains().list()).await;
    run.ok(clerk.domains().create(
        CreateDomainParams::satellite("satellite.example.com")
            .proxy_url("https://satellite.example.com/__clerk"),
    ))
    .await;
    run.ok(clerk.domains().update(
        "dmn_1",
        UpdateDomainParams::default()
            .name("satellite.example.com")
            .proxy_url("https://satellite.example.com/__clerk")
            .is_secondary(false),
    ))
    .await;
    run.ok(clerk
        .domains()
        .update("dmn_1", UpdateDomainParams::default().remove_proxy_url()))
        .await;
    run.ok(clerk.domains().delete("dmn_1")).await;
}
