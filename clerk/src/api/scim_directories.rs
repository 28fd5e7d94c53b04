//! SCIM directories that provision users.

clerk_macros::endpoints! {
    /// SCIM directories that provision users.
    ScimDirectories {
    }
}
