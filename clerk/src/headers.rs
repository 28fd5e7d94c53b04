//! The headers of an incoming request, whatever framework it comes from.
//!
//! Request authentication
//! ([`Authenticator::authenticate`](crate::auth::Authenticator::authenticate)) and webhook
//! verification ([`Webhook::verify`](crate::webhooks::Webhook::verify)) read headers through
//! [`RequestHeaders`]. `http` 1.x types (axum, poem, tonic, hyper, any tower stack) implement
//! it here; each framework integration implements it for its own request type, so the rules
//! about which header counts live in one place.

/// The headers of an incoming request, looked up by name.
pub trait RequestHeaders {
    /// Every value of the header `name` (given in lower case) as raw bytes, in the order
    /// received.
    fn header_bytes(&self, name: &str) -> Vec<&[u8]>;

    /// Every value of the header `name` that is text (visible ASCII, spaces and tabs, as
    /// `http`'s `HeaderValue::to_str` requires), in the order received.
    fn header_values(&self, name: &str) -> Vec<&str> {
        self.header_bytes(name)
            .into_iter()
            .filter_map(as_text)
            .collect()
    }

    /// The first value of the header `name`, if there is one and it is text.
    fn header(&self, name: &str) -> Option<&str> {
        as_text(self.header_bytes(name).into_iter().next()?)
    }
}

/// The value as text when every byte is visible ASCII, a space or a tab.
pub(crate) fn as_text(value: &[u8]) -> Option<&str> {
    value
        .iter()
        .all(|b| *b == b'\t' || (0x20..0x7f).contains(b))
        .then(|| std::str::from_utf8(value).ok())
        .flatten()
}

impl RequestHeaders for http::HeaderMap {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.get_all(name).iter().map(|v| v.as_bytes()).collect()
    }
}

impl<B> RequestHeaders for http::Request<B> {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_bytes(name)
    }
}

impl RequestHeaders for http::request::Parts {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.headers.header_bytes(name)
    }
}

/// Name/value pairs, as a framework without an `http` header map can hand them over:
/// `[("authorization", "Bearer ...")]`. Names are compared without regard to case.
impl RequestHeaders for [(&str, &str)] {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_bytes())
            .collect()
    }
}

impl<H: RequestHeaders + ?Sized> RequestHeaders for &H {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        (**self).header_bytes(name)
    }
}

#[cfg(test)]
mod tests {
    use super::RequestHeaders;

    #[test]
    fn header_maps_and_pairs_agree() {
        let mut map = http::HeaderMap::new();
        map.append("cookie", "a=1".parse().expect("value"));
        map.append("cookie", "b=2".parse().expect("value"));
        map.insert("authorization", "Bearer t".parse().expect("value"));
        let pairs: &[(&str, &str)] = &[
            ("Cookie", "a=1"),
            ("authorization", "Bearer t"),
            ("COOKIE", "b=2"),
        ];
        assert_eq!(map.header_values("cookie"), pairs.header_values("cookie"));
        assert_eq!(map.header("authorization"), pairs.header("authorization"));
        assert_eq!(pairs.header("x-missing"), None);
    }
}
