//! OAuth applications for which the instance acts as the provider.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
