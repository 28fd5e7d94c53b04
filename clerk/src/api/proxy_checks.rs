//! Checks that a proxy in front of the Frontend API is set up.

clerk_macros::endpoints! {
    /// Checks that a proxy in front of the Frontend API is set up.
    ProxyChecks {
    }
}
