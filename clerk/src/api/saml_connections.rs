//! SAML connections, superseded by enterprise connections.

clerk_macros::endpoints! {
    /// SAML connections, superseded by enterprise connections.
    SamlConnections {
    }
}
