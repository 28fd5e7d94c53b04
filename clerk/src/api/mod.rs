//! Resource handles, one table of endpoint declarations per file.
//!
//! Each file declares one handle with `clerk_macros::endpoints!`; the handle is reached from
//! the client by its snake-case name, e.g. [`Users`] through `clerk.users()`.

mod allowlist_identifiers;
mod blocklist_identifiers;
mod clients;
mod email_addresses;
mod emails;
mod invitations;
mod organization_domains;
mod organization_invitations;
mod organization_memberships;
mod organization_permissions;
mod organization_roles;
mod organizations;
mod phone_numbers;
mod role_sets;
mod sessions;
mod sms_messages;
mod users;

pub use allowlist_identifiers::AllowlistIdentifiers;
pub use blocklist_identifiers::BlocklistIdentifiers;
pub use clients::Clients;
pub use email_addresses::EmailAddresses;
#[allow(deprecated)]
pub use emails::Emails;
pub use invitations::Invitations;
pub use organization_domains::OrganizationDomains;
pub use organization_invitations::OrganizationInvitations;
pub use organization_memberships::OrganizationMemberships;
pub use organization_permissions::OrganizationPermissions;
pub use organization_roles::OrganizationRoles;
pub use organizations::Organizations;
pub use phone_numbers::PhoneNumbers;
pub use role_sets::RoleSets;
pub use sessions::Sessions;
pub use sms_messages::SmsMessages;
pub use users::Users;

use crate::catalog::Endpoint;

/// Every table, for [`crate::catalog::endpoints`].
pub(crate) const TABLES: &[&[Endpoint]] = &[
    AllowlistIdentifiers::ENDPOINTS,
    BlocklistIdentifiers::ENDPOINTS,
    Clients::ENDPOINTS,
    EmailAddresses::ENDPOINTS,
    Emails::ENDPOINTS,
    Invitations::ENDPOINTS,
    OrganizationDomains::ENDPOINTS,
    OrganizationInvitations::ENDPOINTS,
    OrganizationMemberships::ENDPOINTS,
    OrganizationPermissions::ENDPOINTS,
    OrganizationRoles::ENDPOINTS,
    Organizations::ENDPOINTS,
    PhoneNumbers::ENDPOINTS,
    RoleSets::ENDPOINTS,
    Sessions::ENDPOINTS,
    SmsMessages::ENDPOINTS,
    Users::ENDPOINTS,
];
