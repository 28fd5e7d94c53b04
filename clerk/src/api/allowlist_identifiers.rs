//! Allow-list: identifiers permitted to sign up when the allow-list restriction is on.

use crate::models::{
    AllowlistIdentifier, AllowlistIdentifierListParams, CreateAllowlistIdentifierParams,
    DeletedObject,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Entries of the instance allow-list.
    AllowlistIdentifiers {
        /// List the identifiers on the allow-list.
        list   = GET    "/allowlist_identifiers"                 query(AllowlistIdentifierListParams)  -> Page<AllowlistIdentifier>;
        /// Add an identifier to the allow-list, optionally inviting it.
        create = POST   "/allowlist_identifiers"                 json(CreateAllowlistIdentifierParams) -> AllowlistIdentifier;
        /// Remove an identifier from the allow-list.
        delete = DELETE "/allowlist_identifiers/{identifier_id}"                                       -> DeletedObject;
    }
}
