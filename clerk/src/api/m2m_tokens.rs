//! Machine-to-machine tokens issued to machines.

clerk_macros::endpoints! {
    /// Machine-to-machine tokens issued to machines.
    M2mTokens {
    }
}
