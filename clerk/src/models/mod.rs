//! Typed request parameters and response models, one file per resource family.
//!
//! Response models accept unknown fields and are `#[non_exhaustive]`; fields the spec marks
//! nullable or optional are `Option`. Enums are open: a value added by Clerk later lands in
//! an `Unknown(String)` variant instead of failing to decode.

#[macro_use]
mod macros;

mod allowlist;
mod clients;
pub(crate) mod common;
mod invitations;
mod legacy_messages;
mod organizations;
mod sessions;
mod users;

pub use allowlist::*;
pub use clients::*;
pub use common::*;
pub use invitations::*;
pub use legacy_messages::*;
pub use organizations::*;
pub use sessions::*;
pub use users::*;
