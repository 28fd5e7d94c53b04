//! Redirect URLs allowed for native applications.

clerk_macros::endpoints! {
    /// Redirect URLs allowed for native applications.
    RedirectUrls {
    }
}
