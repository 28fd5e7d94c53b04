//! Enterprise SSO connections (SAML and OIDC) and their test runs.

use crate::models::{
    CreateEnterpriseConnectionParams, DeletedObject, EnterpriseConnection,
    EnterpriseConnectionListParams, EnterpriseConnectionTestRun,
    EnterpriseConnectionTestRunListParams, EnterpriseConnectionTestRunUrl,
    UpdateEnterpriseConnectionParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Enterprise SSO connections (SAML and OIDC).
    EnterpriseConnections {
        /// List the enterprise connections of the instance.
        list = GET "/enterprise_connections" query(EnterpriseConnectionListParams) -> Page<EnterpriseConnection>;
        /// Create an enterprise connection.
        create = POST "/enterprise_connections" json(CreateEnterpriseConnectionParams) -> EnterpriseConnection;
        /// Fetch one enterprise connection.
        get = GET "/enterprise_connections/{enterprise_connection_id}" -> EnterpriseConnection;
        /// Change the given settings of an enterprise connection. Activating it removes
        /// verified organization domains for the same domains.
        update = PATCH "/enterprise_connections/{enterprise_connection_id}" json(UpdateEnterpriseConnectionParams) -> EnterpriseConnection;
        /// Delete an enterprise connection.
        delete = DELETE "/enterprise_connections/{enterprise_connection_id}" -> DeletedObject;
        /// List the debug test runs of an enterprise connection.
        #[secret]
        list_test_runs = GET "/enterprise_connections/{enterprise_connection_id}/test_runs" query(EnterpriseConnectionTestRunListParams) -> Page<EnterpriseConnectionTestRun>;
        /// Start a test run: the answer is a short-lived URL that begins the identity
        /// provider's flow.
        create_test_run = POST "/enterprise_connections/{enterprise_connection_id}/test_runs" -> EnterpriseConnectionTestRunUrl;
    }
}
