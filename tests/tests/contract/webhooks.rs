//! The instance's Svix webhook app.

use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.webhooks().create_svix_app()).await;
    run.ok(clerk.webhooks().delete_svix_app()).await;
    run.ok(clerk.webhooks().generate_svix_auth_url()).await;
}
