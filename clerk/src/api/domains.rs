//! Domains of the instance and their DNS setup.

use crate::models::{CreateDomainParams, DeletedObject, Domain, UpdateDomainParams};
use crate::Page;

clerk_macros::endpoints! {
    /// Domains of the instance and their DNS setup.
    Domains {
        /// List the domains of the instance (the primary one and satellites) with their URLs
        /// and CNAME targets; not paginated, one page holds them all.
        list = GET "/domains" -> Page<Domain>;
        /// Add a satellite domain.
        create = POST "/domains" json(CreateDomainParams) -> Domain;
        /// Change a domain's name, proxy URL or secondary flag.
        update = PATCH "/domains/{domain_id}" json(UpdateDomainParams) -> Domain;
        /// Delete a satellite domain (the primary domain cannot be deleted).
        delete = DELETE "/domains/{domain_id}" -> DeletedObject;
    }
}
