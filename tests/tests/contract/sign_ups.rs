//! Sign-up attempts.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
