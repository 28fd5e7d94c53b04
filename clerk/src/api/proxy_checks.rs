//! Checks that a proxy in front of the Frontend API is set up.

use crate::models::{ProxyCheck, VerifyProxyParams};

clerk_macros::endpoints! {
    /// Checks that a proxy in front of the Frontend API is set up.
    ProxyChecks {
        /// Check that a proxy URL forwards to the Frontend API for a domain; useful before
        /// switching the domain to it (no downtime) or to re-check a working setup.
        verify = POST "/proxy_checks" json(VerifyProxyParams) -> ProxyCheck;
    }
}
