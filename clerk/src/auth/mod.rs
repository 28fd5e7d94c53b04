//! Authenticating incoming requests: which token a request carries, and what kind it is.
//!
//! Token selection follows @clerk/backend: an `Authorization: Bearer` header wins; a header
//! with another scheme (`Basic ...`) is ignored rather than hiding the cookie; otherwise the
//! `__session` cookie is used. With a publishable key, the suffixed cookies
//! (`__session_<suffix>`, `__client_uat_<suffix>`) are read instead of the plain ones when
//! @clerk/backend's `usesSuffixedCookies` would. Machine tokens (M2M, API keys, OAuth access
//! tokens) only count from the header. A cookie token also needs a signed-in `__client_uat`
//! no newer than the token (see [`Authenticator`]).

mod authenticate;
pub mod browser;
mod env;
mod gate;
mod machine;
mod refusal;
mod require;
mod token;

pub use authenticate::{
    AuthState, Authenticator, ClaimsError, MachineAuth, SignedIn, SignedOut, SignedOutReason,
};
pub use env::AuthConfigError;
pub use gate::{append_headers, Admission, Gate, Redirect, SignInRedirect};
pub use machine::MachineTokenCache;
pub use refusal::Refusal;
pub use require::{authorize, Denied, Requirement};

pub use crate::headers::RequestHeaders;
pub use token::{
    cookie_suffix, machine_token_kind, token_from_request, RequestToken, TokenKind, TokenSource,
};
