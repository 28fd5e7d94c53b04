//! Invitations.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.invitations().list(
        InvitationListParams::default()
            .status(InvitationStatus::Pending)
            .order_by(InvitationOrderBy::CreatedAtDesc)
            .limit(10),
    ))
    .await;
    run.ok(clerk.invitations().create(
        CreateInvitationParams::new("ada@example.com")
            .redirect_url("https://example.com/welcome")
            .notify(true)
            .ignore_existing(true)
            .expires_in_days(7),
    ))
    .await;
    run.ok(clerk.invitations().create_bulk(vec![
        CreateInvitationParams::new("a@example.com"),
        CreateInvitationParams::new("b@example.com").notify(false),
    ]))
    .await;
    run.ok(clerk.invitations().revoke("inv_1")).await;
}
