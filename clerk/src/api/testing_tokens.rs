//! Tokens that let end-to-end tests bypass bot protection.

clerk_macros::endpoints! {
    /// Tokens that let end-to-end tests bypass bot protection.
    TestingTokens {
    }
}
