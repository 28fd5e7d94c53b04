//! gRPC metadata as [`RequestHeaders`]: what a service method can authenticate directly.

use crate::headers::RequestHeaders;

/// ASCII metadata is the request's HTTP/2 headers, so a bearer token in `authorization`
/// metadata is read exactly as it is from an HTTP request. Binary (`-bin`) entries are
/// returned base64-encoded, as they travel.
impl RequestHeaders for ::tonic::metadata::MetadataMap {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        AsRef::<http::HeaderMap>::as_ref(self).header_bytes(name)
    }
}

/// A service method's request, read through its [`metadata`](::tonic::Request::metadata).
impl<T> RequestHeaders for ::tonic::Request<T> {
    fn header_bytes(&self, name: &str) -> Vec<&[u8]> {
        self.metadata().header_bytes(name)
    }
}

#[cfg(test)]
mod tests {
    use crate::headers::RequestHeaders;

    #[test]
    fn metadata_reads_like_headers() {
        let mut request = ::tonic::Request::new(());
        request.metadata_mut().insert(
            "authorization",
            ::tonic::metadata::MetadataValue::from_static("Bearer abc"),
        );
        assert_eq!(request.header("authorization"), Some("Bearer abc"));
        assert_eq!(request.header("cookie"), None);
    }
}
