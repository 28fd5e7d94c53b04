//! Clients: the browsers and devices that hold sessions.

use crate::models::{Client, ClientListParams, VerifyClientParams};
use crate::Page;

clerk_macros::endpoints! {
    /// Clients of the instance.
    Clients {
        /// List all clients, newest first.
        #[deprecated(note = "deprecated by Clerk; the endpoint will be removed in a future API version")]
        list = GET "/clients" query(ClientListParams) -> Page<Client>;
        /// Fetch one client by id.
        get = GET "/clients/{client_id}" -> Client;
        /// Find the client behind a client token (JWT).
        verify = POST "/clients/verify" json(VerifyClientParams) -> Client;
    }
}
