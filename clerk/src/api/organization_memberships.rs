//! Members of organizations and their roles.

clerk_macros::endpoints! {
    /// Members of organizations and their roles.
    OrganizationMemberships {
    }
}
