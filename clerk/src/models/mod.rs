//! Typed request parameters and response models, one file per resource family.
//!
//! Response models accept unknown fields and are `#[non_exhaustive]`; fields the spec marks
//! nullable or optional are `Option`. Enums are open: a value added by Clerk later lands in
//! an `Unknown(String)` variant instead of failing to decode.

#[macro_use]
mod macros;

mod allowlist;
mod billing;
mod clients;
pub(crate) mod common;
mod email_addresses;
mod invitations;
mod legacy_messages;
mod organization_domains;
mod organization_invitations;
mod organization_memberships;
mod organizations;
mod phone_numbers;
mod roles;
mod sessions;
mod user_actions;
mod users;

pub use allowlist::*;
pub use billing::*;
pub use clients::*;
pub use common::*;
pub use email_addresses::*;
pub use invitations::*;
pub use legacy_messages::*;
pub use organization_domains::*;
pub use organization_invitations::*;
pub use organization_memberships::*;
pub use organizations::*;
pub use phone_numbers::*;
pub use roles::*;
pub use sessions::*;
pub use user_actions::*;
pub use users::*;
