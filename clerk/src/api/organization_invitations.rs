//! Invitations to join an organization.

clerk_macros::endpoints! {
    /// Invitations to join an organization.
    OrganizationInvitations {
    }
}
