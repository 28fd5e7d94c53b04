//! Allow-list and block-list identifiers.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk
        .allowlist_identifiers()
        .list(AllowlistIdentifierListParams::default().limit(10)))
        .await;
    run.ok(clerk
        .allowlist_identifiers()
        .create(CreateAllowlistIdentifierParams::new("ada@example.com").notify(false)))
        .await;
    run.ok(clerk.allowlist_identifiers().delete("alid_1")).await;
    run.ok(clerk.blocklist_identifiers().list()).await;
    run.ok(clerk
        .blocklist_identifiers()
        .create(CreateBlocklistIdentifierParams::new("spam@example.com")))
        .await;
    run.ok(clerk.blocklist_identifiers().delete("blid_1")).await;
}
