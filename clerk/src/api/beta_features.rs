//! Settings still in beta.

clerk_macros::endpoints! {
    /// Settings still in beta.
    BetaFeatures {
    }
}
