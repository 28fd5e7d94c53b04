//! Block-list: identifiers barred from accessing the instance.

use crate::models::{BlocklistIdentifier, CreateBlocklistIdentifierParams, DeletedObject};
use crate::Page;

clerk_macros::endpoints! {
    /// Entries of the instance block-list.
    BlocklistIdentifiers {
        /// List every identifier on the block-list (the endpoint takes no paging parameters).
        list   = GET    "/blocklist_identifiers"                                                      -> Page<BlocklistIdentifier>;
        /// Add an identifier to the block-list.
        create = POST   "/blocklist_identifiers"                 json(CreateBlocklistIdentifierParams) -> BlocklistIdentifier;
        /// Remove an identifier from the block-list.
        delete = DELETE "/blocklist_identifiers/{identifier_id}"                                      -> DeletedObject;
    }
}
