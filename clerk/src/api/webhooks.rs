//! The instance's Svix webhook app.

clerk_macros::endpoints! {
    /// The instance's Svix webhook app.
    Webhooks {
    }
}
