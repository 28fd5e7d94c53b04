//! Resource handles, one table of endpoint declarations per file.
//!
//! Each file declares one handle with `clerk_macros::endpoints!`; the handle is reached from
//! the client by its snake-case name, e.g. `Users` through `clerk.users()`.
//!
//! Each resource belongs to one resource-family feature (`users`, `organizations`, ...; see
//! the crate's `Cargo.toml`): with the family off, its module, handle, `Clerk` accessor and
//! catalog entries are not compiled.

use crate::catalog::Endpoint;

/// Declares the resource modules, re-exports their handles and lists their tables, each under
/// its family's feature. One line per resource: `"family" module::Handle,`.
macro_rules! resources {
    ($($family:literal $module:ident::$handle:ident,)*) => {
        $(
            #[cfg(feature = $family)]
            mod $module;
            #[cfg(feature = $family)]
            #[allow(deprecated)] // Emails, SamlConnections, Templates
            pub use $module::$handle;
        )*

        /// Every table, for [`crate::catalog::endpoints`].
        pub(crate) const TABLES: &[&[Endpoint]] = &[$(
            #[cfg(feature = $family)]
            $handle::ENDPOINTS,
        )*];
    };
}

resources! {
    "users"         actor_tokens::ActorTokens,
    "enterprise"    admin_portal_link_tokens::AdminPortalLinkTokens,
    "users"         agent_tasks::AgentTasks,
    "instance"      allowlist_identifiers::AllowlistIdentifiers,
    "machines"      api_keys::ApiKeys,
    "instance"      beta_features::BetaFeatures,
    "billing"       billing::Billing,
    "instance"      blocklist_identifiers::BlocklistIdentifiers,
    "sessions"      clients::Clients,
    "enterprise"    directories::Directories,
    "instance"      domains::Domains,
    "users"         email_addresses::EmailAddresses,
    "instance"      emails::Emails,
    "enterprise"    enterprise_connections::EnterpriseConnections,
    "instance"      instance_settings::InstanceSettings,
    "sessions"      interstitial::Interstitial,
    "invitations"   invitations::Invitations,
    "sessions"      jwks::Jwks,
    "instance"      jwt_templates::JwtTemplates,
    "machines"      m2m_tokens::M2mTokens,
    "machines"      machines::Machines,
    "machines"      oauth_access_tokens::OauthAccessTokens,
    "machines"      oauth_applications::OauthApplications,
    "organizations" organization_domains::OrganizationDomains,
    "organizations" organization_invitations::OrganizationInvitations,
    "organizations" organization_memberships::OrganizationMemberships,
    "organizations" organization_permissions::OrganizationPermissions,
    "organizations" organization_roles::OrganizationRoles,
    "organizations" organizations::Organizations,
    "users"         phone_numbers::PhoneNumbers,
    "instance"      proxy_checks::ProxyChecks,
    "instance"      redirect_urls::RedirectUrls,
    "organizations" role_sets::RoleSets,
    "enterprise"    saml_connections::SamlConnections,
    "enterprise"    scim_directories::ScimDirectories,
    "sessions"      sessions::Sessions,
    "users"         sign_in_tokens::SignInTokens,
    "users"         sign_ups::SignUps,
    "instance"      sms_messages::SmsMessages,
    "instance"      templates::Templates,
    "instance"      testing_tokens::TestingTokens,
    "users"         users::Users,
    "invitations"   waitlist_entries::WaitlistEntries,
    "instance"      webhooks::Webhooks,
}
