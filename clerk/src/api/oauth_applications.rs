//! OAuth applications for which the instance acts as the provider.

use crate::models::{
    CreateOAuthApplicationParams, DeletedObject, OAuthApplication, OAuthApplicationListParams,
    OAuthApplicationLogo, OAuthApplicationWithSecret, RevokeOAuthApplicationTokenParams,
    UpdateOAuthApplicationParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// OAuth applications for which the instance acts as the provider.
    OauthApplications {
        /// List the OAuth applications of the instance.
        list = GET "/oauth_applications" query(OAuthApplicationListParams) -> Page<OAuthApplication>;
        /// Create an OAuth application; the answer carries its client secret.
        #[secret]
        create = POST "/oauth_applications" json(CreateOAuthApplicationParams) -> OAuthApplicationWithSecret;
        /// Fetch one OAuth application by id.
        get = GET "/oauth_applications/{oauth_application_id}" -> OAuthApplication;
        /// Change the given fields of an OAuth application.
        update = PATCH "/oauth_applications/{oauth_application_id}" json(UpdateOAuthApplicationParams) -> OAuthApplication;
        /// Delete an OAuth application, for good.
        delete = DELETE "/oauth_applications/{oauth_application_id}" -> DeletedObject;
        /// Upload a new logo for an OAuth application.
        set_logo = PUT "/oauth_applications/{oauth_application_id}/logo" multipart(OAuthApplicationLogo) -> OAuthApplication;
        /// Revoke an opaque access or refresh token of the application, with every token of
        /// the same grant (JWT access tokens cannot be revoked).
        revoke_token = POST "/oauth_applications/{oauth_application_id}/revoke_token" json(RevokeOAuthApplicationTokenParams) -> ();
        /// Replace the client secret of an OAuth application; update your clients with the
        /// new one from the answer.
        #[secret]
        rotate_secret = POST "/oauth_applications/{oauth_application_id}/rotate_secret" -> OAuthApplicationWithSecret;
    }
}
