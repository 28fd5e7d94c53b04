//! Tokens that let end-to-end tests bypass bot protection.

use clerk::Clerk;

use crate::Run;

pub async fn run(_clerk: &Clerk, _run: &mut Run) {}
