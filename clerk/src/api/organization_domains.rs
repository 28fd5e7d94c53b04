//! Email domains attached to organizations.

clerk_macros::endpoints! {
    /// Email domains attached to organizations.
    OrganizationDomains {
    }
}
