//! Custom permissions that organization roles grant.

clerk_macros::endpoints! {
    /// Custom permissions that organization roles grant.
    OrganizationPermissions {
    }
}
