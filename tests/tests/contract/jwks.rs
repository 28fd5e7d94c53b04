//! The instance's JSON Web Key Set.

use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.jwks().get()).await;
}
