//! Settings still in beta.

use crate::models::{ChangeDomainParams, InstanceAuthSettings, UpdateInstanceAuthSettingsParams};

clerk_macros::endpoints! {
    /// Settings still in beta.
    BetaFeatures {
        /// Change sign-up restrictions, the sender of auth emails and test mode.
        update_instance_settings = PATCH "/beta_features/instance_settings" json(UpdateInstanceAuthSettingsParams) -> InstanceAuthSettings;
        /// Move a production instance to another domain (accepted, then carried out later).
        #[deprecated(note = "use `change_domain` (POST /instance/change_domain): Clerk deprecated this endpoint in its favour")]
        update_domain = PUT "/beta_features/domain" json(ChangeDomainParams) -> ();
        /// Move a production instance to another domain. The request is accepted and carried
        /// out later: DNS records, SSL certificates, social connection redirect URLs and keys
        /// must be updated, every session ends, and a short downtime is expected.
        change_domain = POST "/instance/change_domain" json(ChangeDomainParams) -> ();
    }
}
