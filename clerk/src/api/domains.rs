//! Domains of the instance and their DNS setup.

clerk_macros::endpoints! {
    /// Domains of the instance and their DNS setup.
    Domains {
    }
}
