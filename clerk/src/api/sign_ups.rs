//! Sign-up attempts.

use crate::models::{SignUp, UpdateSignUpParams};

clerk_macros::endpoints! {
    /// Sign-up attempts.
    SignUps {
        /// Fetch one sign-up attempt.
        get = GET "/sign_ups/{id}" -> SignUp;
        /// Set the external id or the custom-action mark of a sign-up attempt.
        update = PATCH "/sign_ups/{id}" json(UpdateSignUpParams) -> SignUp;
    }
}
