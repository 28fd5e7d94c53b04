//! Rocket's request headers as [`RequestHeaders`], so the core reads them directly.

use ::rocket::http::HeaderMap;
use ::rocket::Request;

use crate::headers::RequestHeaders;

/// Rocket's header map: names are matched without regard to case, as rocket stores them.
impl RequestHeaders for HeaderMap<'_> {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.get(name).map(str::as_bytes).collect()
    }
}

/// A rocket request, read through its header map (cookies included: rocket keeps the
/// `Cookie` header next to the parsed jar).
impl RequestHeaders for Request<'_> {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_bytes(name)
    }
}
