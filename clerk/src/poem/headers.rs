//! [`RequestHeaders`] for poem's request type.

use crate::headers::RequestHeaders;

/// A poem request's headers are an `http` 1.x header map: the lookup is that map's.
impl RequestHeaders for ::poem::Request {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_bytes(name)
    }
}
