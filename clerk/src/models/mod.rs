//! Typed request parameters and response models, one file per resource family.
//!
//! Response models accept unknown fields and are `#[non_exhaustive]`; fields the spec marks
//! nullable or optional are `Option`. Enums are open: a value added by Clerk later lands in
//! an `Unknown(String)` variant instead of failing to decode.
//!
//! Parameters implement `Serialize`; response models implement `Deserialize`, and
//! `Serialize` too with the `serialize` feature (on with `webhooks` and `testing`).

#[macro_use]
mod macros;

mod allowlist;
mod api_keys;
mod beta_features;
mod billing;
mod billing_catalog;
mod billing_statements;
mod clients;
pub(crate) mod common;
mod directories;
mod domains;
mod email_addresses;
mod enterprise_connections;
mod instance_settings;
mod interstitial;
mod invitations;
mod jwks;
mod jwt_templates;
mod legacy_messages;
mod machines;
mod oauth_applications;
mod organization_domains;
mod organization_invitations;
mod organization_memberships;
mod organizations;
mod phone_numbers;
mod redirect_urls;
mod roles;
mod sessions;
mod sign_ups;
mod templates;
mod tokens;
mod user_actions;
mod users;
mod waitlist_entries;
mod webhooks;

pub use allowlist::*;
pub use api_keys::*;
pub use beta_features::*;
pub use billing::*;
pub use billing_catalog::*;
pub use billing_statements::*;
pub use clients::*;
pub use common::*;
pub use directories::*;
pub use domains::*;
pub use email_addresses::*;
pub use enterprise_connections::*;
pub use instance_settings::*;
pub use interstitial::*;
pub use invitations::*;
pub use jwks::*;
pub use jwt_templates::*;
pub use legacy_messages::*;
pub use machines::*;
pub use oauth_applications::*;
pub use organization_domains::*;
pub use organization_invitations::*;
pub use organization_memberships::*;
pub use organizations::*;
pub use phone_numbers::*;
pub use redirect_urls::*;
pub use roles::*;
pub use sessions::*;
pub use sign_ups::*;
pub use templates::*;
pub use tokens::*;
pub use user_actions::*;
pub use users::*;
pub use waitlist_entries::*;
pub use webhooks::*;
