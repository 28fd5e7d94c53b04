//! Entries of the instance's waitlist.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.waitlist_entries().list(
        WaitlistEntryListParams::default()
            .limit(10)
            .offset(0)
            .query("example.com")
            .status(WaitlistEntryStatus::Pending)
            .order_by(WaitlistEntryOrderBy::CreatedAtDesc),
    ))
    .await;
    run.ok(clerk
        .waitlist_entries()
        .create(CreateWaitlistEntryParams::new("grace@example.com").notify(false)))
        .await;
    run.ok(clerk.waitlist_entries().create_bulk(vec![
        CreateWaitlistEntryParams::new("grace@example.com"),
        CreateWaitlistEntryParams::new("alan@example.com").notify(true),
    ]))
    .await;
    run.ok(clerk.waitlist_entries().delete("wle_1")).await;
    run.ok(clerk.waitlist_entries().invite(
        "wle_1",
        InviteWaitlistEntryParams::default().ignore_existing(true),
    ))
    .await;
    run.ok(clerk.waitlist_entries().reject("wle_1")).await;
}
