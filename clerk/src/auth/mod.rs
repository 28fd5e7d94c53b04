//! Authenticating incoming requests: which token a request carries, and what kind it is.
//!
//! Token selection follows @clerk/backend: an `Authorization: Bearer` header wins; a header
//! with another scheme (`Basic ...`) is ignored rather than hiding the cookie; otherwise the
//! `__session` cookie is used, or its suffixed form `__session_<suffix>` when a publishable key
//! is configured. Machine tokens (M2M, API keys, OAuth access tokens) only count from the header.

mod authenticate;
mod token;

pub use authenticate::{
    AuthState, Authenticator, MachineAuth, SignedIn, SignedOut, SignedOutReason,
};

pub use token::{
    cookie_suffix, machine_token_kind, token_from_request, RequestToken, TokenKind, TokenSource,
};
