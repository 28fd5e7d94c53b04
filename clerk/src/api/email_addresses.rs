//! Email addresses of users.

clerk_macros::endpoints! {
    /// Email addresses of users.
    EmailAddresses {
    }
}
