//! The instance's JSON Web Key Set.

use crate::models::JwkSet;

clerk_macros::endpoints! {
    /// The instance's JSON Web Key Set.
    Jwks {
        /// Fetch the keys that verify the signatures of the instance's session tokens.
        #[secret]
        get = GET "/jwks" -> JwkSet;
    }
}
