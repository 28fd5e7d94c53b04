//! Links into the admin portal for an organization.

clerk_macros::endpoints! {
    /// Links into the admin portal for an organization.
    AdminPortalLinkTokens {
    }
}
