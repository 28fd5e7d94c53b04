//! The instance's JSON Web Key Set.

clerk_macros::endpoints! {
    /// The instance's JSON Web Key Set.
    Jwks {
    }
}
