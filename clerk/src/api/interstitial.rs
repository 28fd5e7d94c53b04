//! The interstitial page served by the Frontend API.

clerk_macros::endpoints! {
    /// The interstitial page served by the Frontend API.
    Interstitial {
    }
}
