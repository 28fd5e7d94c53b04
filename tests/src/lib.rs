//! Shared helpers for the integration tests: a recording HTTP server on loopback.
