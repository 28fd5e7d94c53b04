//! The interstitial page served by the Frontend API.

use crate::models::InterstitialParams;

clerk_macros::endpoints! {
    /// The interstitial page served by the Frontend API.
    Interstitial {
        /// The HTML of the page that loads `clerk.js` to settle an undetermined
        /// authentication state. The endpoint is public: the secret key is not sent.
        #[unauthenticated]
        get = GET "/public/interstitial" query(InterstitialParams) -> text;
    }
}
