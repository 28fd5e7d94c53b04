//! Tokens that let end-to-end tests bypass bot protection.

use crate::models::TestingToken;

clerk_macros::endpoints! {
    /// Tokens that let end-to-end tests bypass bot protection.
    TestingTokens {
        /// Create a testing token for Frontend API requests of a test suite.
        #[secret]
        create = POST "/testing_tokens" -> TestingToken;
    }
}
