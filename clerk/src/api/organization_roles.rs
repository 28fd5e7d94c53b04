//! Custom roles that organization members can hold.

clerk_macros::endpoints! {
    /// Custom roles that organization members can hold.
    OrganizationRoles {
    }
}
