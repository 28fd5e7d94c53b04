//! Email domains attached to organizations.

use crate::models::{
    CreateOrganizationDomainParams, DeletedObject, OrganizationDomain,
    OrganizationDomainListAllParams, OrganizationDomainListParams, UpdateOrganizationDomainParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Email domains attached to organizations.
    OrganizationDomains {
        /// List the domains of every organization of the instance, newest first by default.
        list_all = GET "/organization_domains" query(OrganizationDomainListAllParams) -> Page<OrganizationDomain>;
        /// List the domains of one organization.
        list = GET "/organizations/{organization_id}/domains" query(OrganizationDomainListParams) -> Page<OrganizationDomain>;
        /// Add a domain to an organization; it starts out verified unless asked otherwise.
        create = POST "/organizations/{organization_id}/domains" json(CreateOrganizationDomainParams) -> OrganizationDomain;
        /// Change a domain's enrollment mode or verification state.
        update = PATCH "/organizations/{organization_id}/domains/{domain_id}" json(UpdateOrganizationDomainParams) -> OrganizationDomain;
        /// Remove a domain from an organization.
        delete = DELETE "/organizations/{organization_id}/domains/{domain_id}" -> DeletedObject;
        /// Mark the domain's ownership as verified by manual override, skipping the DNS TXT
        /// challenge; calling it again on a verified domain changes nothing.
        verify = POST "/organizations/{organization_id}/domains/{domain_id}/verify_ownership" -> OrganizationDomain;
    }
}
