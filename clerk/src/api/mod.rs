//! Resource handles, one table of endpoint declarations per file.
//!
//! Each file declares one handle with `clerk_macros::endpoints!`; the handle is reached from
//! the client by its snake-case name, e.g. [`Users`] through `clerk.users()`.

mod actor_tokens;
mod admin_portal_link_tokens;
mod agent_tasks;
mod allowlist_identifiers;
mod api_keys;
mod beta_features;
mod billing;
mod blocklist_identifiers;
mod clients;
mod directories;
mod domains;
mod email_addresses;
mod emails;
mod enterprise_connections;
mod instance_settings;
mod interstitial;
mod invitations;
mod jwks;
mod jwt_templates;
mod m2m_tokens;
mod machines;
mod oauth_access_tokens;
mod oauth_applications;
mod organization_domains;
mod organization_invitations;
mod organization_memberships;
mod organization_permissions;
mod organization_roles;
mod organizations;
mod phone_numbers;
mod proxy_checks;
mod redirect_urls;
mod role_sets;
mod saml_connections;
mod scim_directories;
mod sessions;
mod sign_in_tokens;
mod sign_ups;
mod sms_messages;
mod templates;
mod testing_tokens;
mod users;
mod waitlist_entries;
mod webhooks;

pub use actor_tokens::ActorTokens;
pub use admin_portal_link_tokens::AdminPortalLinkTokens;
pub use agent_tasks::AgentTasks;
pub use allowlist_identifiers::AllowlistIdentifiers;
pub use api_keys::ApiKeys;
pub use beta_features::BetaFeatures;
pub use billing::Billing;
pub use blocklist_identifiers::BlocklistIdentifiers;
pub use clients::Clients;
pub use directories::Directories;
pub use domains::Domains;
pub use email_addresses::EmailAddresses;
#[allow(deprecated)]
pub use emails::Emails;
pub use enterprise_connections::EnterpriseConnections;
pub use instance_settings::InstanceSettings;
pub use interstitial::Interstitial;
pub use invitations::Invitations;
pub use jwks::Jwks;
pub use jwt_templates::JwtTemplates;
pub use m2m_tokens::M2mTokens;
pub use machines::Machines;
pub use oauth_access_tokens::OauthAccessTokens;
pub use oauth_applications::OauthApplications;
pub use organization_domains::OrganizationDomains;
pub use organization_invitations::OrganizationInvitations;
pub use organization_memberships::OrganizationMemberships;
pub use organization_permissions::OrganizationPermissions;
pub use organization_roles::OrganizationRoles;
pub use organizations::Organizations;
pub use phone_numbers::PhoneNumbers;
pub use proxy_checks::ProxyChecks;
pub use redirect_urls::RedirectUrls;
pub use role_sets::RoleSets;
#[allow(deprecated)]
pub use saml_connections::SamlConnections;
pub use scim_directories::ScimDirectories;
pub use sessions::Sessions;
pub use sign_in_tokens::SignInTokens;
pub use sign_ups::SignUps;
pub use sms_messages::SmsMessages;
#[allow(deprecated)]
pub use templates::Templates;
pub use testing_tokens::TestingTokens;
pub use users::Users;
pub use waitlist_entries::WaitlistEntries;
pub use webhooks::Webhooks;

use crate::catalog::Endpoint;

/// Every table, for [`crate::catalog::endpoints`].
pub(crate) const TABLES: &[&[Endpoint]] = &[
    ActorTokens::ENDPOINTS,
    AdminPortalLinkTokens::ENDPOINTS,
    AgentTasks::ENDPOINTS,
    AllowlistIdentifiers::ENDPOINTS,
    ApiKeys::ENDPOINTS,
    BetaFeatures::ENDPOINTS,
    Billing::ENDPOINTS,
    BlocklistIdentifiers::ENDPOINTS,
    Clients::ENDPOINTS,
    Directories::ENDPOINTS,
    Domains::ENDPOINTS,
    EmailAddresses::ENDPOINTS,
    Emails::ENDPOINTS,
    EnterpriseConnections::ENDPOINTS,
    InstanceSettings::ENDPOINTS,
    Interstitial::ENDPOINTS,
    Invitations::ENDPOINTS,
    Jwks::ENDPOINTS,
    JwtTemplates::ENDPOINTS,
    M2mTokens::ENDPOINTS,
    Machines::ENDPOINTS,
    OauthAccessTokens::ENDPOINTS,
    OauthApplications::ENDPOINTS,
    OrganizationDomains::ENDPOINTS,
    OrganizationInvitations::ENDPOINTS,
    OrganizationMemberships::ENDPOINTS,
    OrganizationPermissions::ENDPOINTS,
    OrganizationRoles::ENDPOINTS,
    Organizations::ENDPOINTS,
    PhoneNumbers::ENDPOINTS,
    ProxyChecks::ENDPOINTS,
    RedirectUrls::ENDPOINTS,
    RoleSets::ENDPOINTS,
    SamlConnections::ENDPOINTS,
    ScimDirectories::ENDPOINTS,
    Sessions::ENDPOINTS,
    SignInTokens::ENDPOINTS,
    SignUps::ENDPOINTS,
    SmsMessages::ENDPOINTS,
    Templates::ENDPOINTS,
    TestingTokens::ENDPOINTS,
    Users::ENDPOINTS,
    WaitlistEntries::ENDPOINTS,
    Webhooks::ENDPOINTS,
];
