//! Settings of the instance.

use crate::models::{
    Instance, InstanceCommunication, InstanceOAuthApplicationSettings, InstanceProtect,
    InstanceRestrictions, OrganizationSettings, UpdateInstanceCommunicationParams,
    UpdateInstanceOAuthApplicationSettingsParams, UpdateInstanceParams,
    UpdateInstanceProtectParams, UpdateInstanceRestrictionsParams,
    UpdateOrganizationSettingsParams,
};

clerk_macros::endpoints! {
    /// Settings of the instance.
    InstanceSettings {
        /// Fetch the current instance.
        get = GET "/instance" -> Instance;
        /// Change general settings of the instance (the API answers with no body).
        update = PATCH "/instance" json(UpdateInstanceParams) -> ();
        /// Change the sign-up and sign-in restrictions (allowlist, blocklist, email rules).
        update_restrictions = PATCH "/instance/restrictions" json(UpdateInstanceRestrictionsParams) -> InstanceRestrictions;
        /// Fetch the Protect settings.
        get_protect = GET "/instance/protect" -> InstanceProtect;
        /// Change the Protect settings.
        update_protect = PATCH "/instance/protect" json(UpdateInstanceProtectParams) -> InstanceProtect;
        /// Fetch the SMS communication settings, including the country blocklist.
        get_communication = GET "/instance/communication" -> InstanceCommunication;
        /// Replace the SMS country blocklist.
        update_communication = PATCH "/instance/communication" json(UpdateInstanceCommunicationParams) -> InstanceCommunication;
        /// Fetch the OAuth application settings (dynamic registration, JWT access tokens...).
        get_oauth_application_settings = GET "/instance/oauth_application_settings" -> InstanceOAuthApplicationSettings;
        /// Change the OAuth application settings.
        update_oauth_application_settings = PATCH "/instance/oauth_application_settings" json(UpdateInstanceOAuthApplicationSettingsParams) -> InstanceOAuthApplicationSettings;
        /// Fetch the organization settings.
        get_organization_settings = GET "/instance/organization_settings" -> OrganizationSettings;
        /// Change the organization settings.
        update_organization_settings = PATCH "/instance/organization_settings" json(UpdateOrganizationSettingsParams) -> OrganizationSettings;
    }
}
