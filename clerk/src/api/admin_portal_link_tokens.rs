//! Links into the admin portal for an organization.
//!
//! The spec names the path parameter of `revoke` `adminPortalLinkTokenID`; it is
//! `admin_portal_link_token_id` here (the same segment).

use crate::models::{
    AdminPortalLinkToken, CreateAdminPortalLinkTokenParams, RevokeAdminPortalLinkTokenParams,
};

clerk_macros::endpoints! {
    /// Links into the admin portal for an organization.
    AdminPortalLinkTokens {
        /// Create a single-use admin portal link token; only this answer carries the token.
        #[secret]
        create = POST "/admin_portal_link_tokens" json(CreateAdminPortalLinkTokenParams) -> AdminPortalLinkToken;
        /// Revoke an admin portal link token (ids look like `aplt_` and 32 hex digits),
        /// optionally recording why.
        #[secret]
        revoke = POST "/admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke" json(RevokeAdminPortalLinkTokenParams) -> AdminPortalLinkToken;
    }
}
