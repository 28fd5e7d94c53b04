//! Directory sync connections.

clerk_macros::endpoints! {
    /// Directory sync connections.
    Directories {
    }
}
