//! Access tokens issued by your OAuth applications.

use crate::models::{OAuthAccessTokenVerification, VerifyOAuthAccessTokenParams};

clerk_macros::endpoints! {
    /// Access tokens issued by your OAuth applications.
    OauthAccessTokens {
        /// Check an access token issued by one of your OAuth applications: its details, or
        /// "not active" for an expired JWT token; an unknown token is an error.
        verify = POST "/oauth_applications/access_tokens/verify" json(VerifyOAuthAccessTokenParams) -> OAuthAccessTokenVerification;
    }
}
