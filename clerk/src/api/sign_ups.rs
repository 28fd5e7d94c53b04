//! Sign-up attempts.

clerk_macros::endpoints! {
    /// Sign-up attempts.
    SignUps {
    }
}
