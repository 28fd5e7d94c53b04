//! Checks that a proxy in front of the Frontend API is set up.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
