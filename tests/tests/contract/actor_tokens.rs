//! Actor tokens for signing in as another user (impersonation).

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
