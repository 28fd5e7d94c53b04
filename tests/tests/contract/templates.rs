//! Email and SMS templates (deprecated by Clerk).

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
