//! Actor tokens for signing in as another user (impersonation).

clerk_macros::endpoints! {
    /// Actor tokens for signing in as another user (impersonation).
    ActorTokens {
    }
}
