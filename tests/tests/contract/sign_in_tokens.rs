//! Sign-in tokens: one-time links that sign a user in.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
