//! Sign-in tokens: one-time links that sign a user in.

use crate::models::{CreateSignInTokenParams, SignInToken};

clerk_macros::endpoints! {
    /// Sign-in tokens: one-time links that sign a user in.
    SignInTokens {
        /// Create a token that signs the user in once (valid 30 days unless told otherwise).
        #[secret]
        create = POST "/sign_in_tokens" json(CreateSignInTokenParams) -> SignInToken;
        /// Revoke a pending sign-in token.
        #[secret]
        revoke = POST "/sign_in_tokens/{sign_in_token_id}/revoke" -> SignInToken;
    }
}
