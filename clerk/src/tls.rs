//! The TLS choice made by features, applied where this crate builds its own HTTP client.

/// A `reqwest` client builder ready for the enabled TLS backend.
///
/// With `rustls-ring` alone, reqwest has no built-in rustls provider: ring is installed as
/// rustls' process-wide default first, unless the application installed one already (then
/// that one is kept, as rustls intends).
pub(crate) fn http_client_builder() -> reqwest::ClientBuilder {
    #[cfg(all(feature = "rustls-ring", not(feature = "rustls")))]
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Losing a race with another installer is fine: a provider is installed either way.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
    reqwest::Client::builder()
}
