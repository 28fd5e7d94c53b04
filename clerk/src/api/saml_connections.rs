//! SAML connections, superseded by enterprise connections.

use crate::models::{
    CreateSamlConnectionParams, DeletedObject, SamlConnection, SamlConnectionListParams,
    UpdateSamlConnectionParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// SAML connections, superseded by enterprise connections.
    SamlConnections {
        /// List the SAML connections of the instance, newest first.
        #[deprecated(note = "use `clerk.enterprise_connections().list()`: Clerk replaced SAML connections with enterprise connections")]
        list = GET "/saml_connections" query(SamlConnectionListParams) -> Page<SamlConnection>;
        /// Create a SAML connection.
        #[deprecated(note = "use `clerk.enterprise_connections().create()`: Clerk replaced SAML connections with enterprise connections")]
        create = POST "/saml_connections" json(CreateSamlConnectionParams) -> SamlConnection;
        /// Fetch one SAML connection.
        #[deprecated(note = "use `clerk.enterprise_connections().get()`: Clerk replaced SAML connections with enterprise connections")]
        get = GET "/saml_connections/{saml_connection_id}" -> SamlConnection;
        /// Change the given settings of a SAML connection.
        #[deprecated(note = "use `clerk.enterprise_connections().update()`: Clerk replaced SAML connections with enterprise connections")]
        update = PATCH "/saml_connections/{saml_connection_id}" json(UpdateSamlConnectionParams) -> SamlConnection;
        /// Delete a SAML connection.
        #[deprecated(note = "use `clerk.enterprise_connections().delete()`: Clerk replaced SAML connections with enterprise connections")]
        delete = DELETE "/saml_connections/{saml_connection_id}" -> DeletedObject;
    }
}
