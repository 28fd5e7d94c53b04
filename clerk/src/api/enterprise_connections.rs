//! Enterprise SSO connections (SAML and OIDC).

clerk_macros::endpoints! {
    /// Enterprise SSO connections (SAML and OIDC).
    EnterpriseConnections {
    }
}
