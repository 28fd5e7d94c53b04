//! Sign-in tokens: one-time links that sign a user in.

clerk_macros::endpoints! {
    /// Sign-in tokens: one-time links that sign a user in.
    SignInTokens {
    }
}
