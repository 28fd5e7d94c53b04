//! Resource handles, one table of endpoint declarations per file.
//!
//! Each file declares one handle with `clerk_macros::endpoints!`; the handle is reached from
//! the client by its snake-case name, e.g. [`Users`] through `clerk.users()`.

mod allowlist_identifiers;
mod blocklist_identifiers;
mod clients;
mod emails;
mod invitations;
mod organizations;
mod sessions;
mod sms_messages;
mod users;

pub use allowlist_identifiers::AllowlistIdentifiers;
pub use blocklist_identifiers::BlocklistIdentifiers;
pub use clients::Clients;
#[allow(deprecated)]
pub use emails::Emails;
pub use invitations::Invitations;
pub use organizations::Organizations;
pub use sessions::Sessions;
pub use sms_messages::SmsMessages;
pub use users::Users;

use crate::catalog::Endpoint;

/// Every table, for [`crate::catalog::endpoints`].
pub(crate) const TABLES: &[&[Endpoint]] = &[
    AllowlistIdentifiers::ENDPOINTS,
    BlocklistIdentifiers::ENDPOINTS,
    Clients::ENDPOINTS,
    Emails::ENDPOINTS,
    Invitations::ENDPOINTS,
    Organizations::ENDPOINTS,
    Sessions::ENDPOINTS,
    SmsMessages::ENDPOINTS,
    Users::ENDPOINTS,
];
