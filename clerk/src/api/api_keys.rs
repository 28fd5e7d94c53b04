//! API keys that your users create to call your own API.

clerk_macros::endpoints! {
    /// API keys that your users create to call your own API.
    ApiKeys {
    }
}
