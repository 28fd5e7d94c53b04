//! The instance's Svix webhook app.

use crate::models::SvixUrl;

clerk_macros::endpoints! {
    /// The instance's Svix webhook app.
    Webhooks {
        /// Create the Svix app of the instance; answers with a dashboard link.
        #[secret]
        create_svix_app = POST "/webhooks/svix" -> SvixUrl;
        /// Delete the Svix app of the instance.
        delete_svix_app = DELETE "/webhooks/svix" -> ();
        /// A fresh temporary link into the Svix dashboard of the instance.
        #[secret]
        generate_svix_auth_url = POST "/webhooks/svix_url" -> SvixUrl;
    }
}
