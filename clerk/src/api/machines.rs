//! Machines: non-human clients that authenticate with M2M tokens.

clerk_macros::endpoints! {
    /// Machines: non-human clients that authenticate with M2M tokens.
    Machines {
    }
}
