//! Named sets of roles that organizations draw from.

clerk_macros::endpoints! {
    /// Named sets of roles that organizations draw from.
    RoleSets {
    }
}
