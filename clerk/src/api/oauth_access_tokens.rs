//! Access tokens issued by your OAuth applications.

clerk_macros::endpoints! {
    /// Access tokens issued by your OAuth applications.
    OauthAccessTokens {
    }
}
