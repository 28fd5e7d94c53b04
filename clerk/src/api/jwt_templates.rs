//! Templates for custom session tokens.

clerk_macros::endpoints! {
    /// Templates for custom session tokens.
    JwtTemplates {
    }
}
