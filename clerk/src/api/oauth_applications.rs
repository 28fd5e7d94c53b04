//! OAuth applications for which the instance acts as the provider.

clerk_macros::endpoints! {
    /// OAuth applications for which the instance acts as the provider.
    OauthApplications {
    }
}
