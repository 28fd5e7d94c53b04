//! Machines: non-human clients that authenticate with M2M tokens.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
