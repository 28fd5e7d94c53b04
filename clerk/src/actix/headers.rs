//! actix-web's header map read as [`RequestHeaders`], so the core's authenticator and webhook
//! verifier take actix requests as they are.

use actix_web::dev::ServiceRequest;
use actix_web::http::header::HeaderMap;
use actix_web::HttpRequest;

use crate::headers::RequestHeaders;

/// actix-web's own header map (not `http` 1.x's): every value of a name, in arrival order.
impl RequestHeaders for HeaderMap {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.get_all(name).map(|value| value.as_bytes()).collect()
    }
}

/// The headers of a request as handlers and extractors see it.
impl RequestHeaders for HttpRequest {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_bytes(name)
    }
}

/// The headers of a request as middleware sees it.
impl RequestHeaders for ServiceRequest {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_bytes(name)
    }
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;

    #[test]
    fn every_value_of_a_name_in_order() {
        let mut map = HeaderMap::new();
        let cookie = HeaderName::from_static("cookie");
        map.append(cookie.clone(), HeaderValue::from_static("a=1"));
        map.append(cookie, HeaderValue::from_static("b=2"));
        map.insert(
            HeaderName::from_static("authorization"),
            HeaderValue::from_static("Bearer t"),
        );
        assert_eq!(map.header_values("cookie"), ["a=1", "b=2"]);
        assert_eq!(map.header("authorization"), Some("Bearer t"));
        assert_eq!(map.header("x-missing"), None);
    }
}
