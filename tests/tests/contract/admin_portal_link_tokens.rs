//! Links into the admin portal for an organization.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
