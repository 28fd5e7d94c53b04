//! A typed, async client for the [Clerk](https://clerk.com) Backend API.
//!
//! ```no_run
//! # async fn run() -> clerk_backend::Result<()> {
//! use clerk_backend::models::UserListParams;
//!
//! let clerk = clerk_backend::Clerk::from_env()?; // CLERK_SECRET_KEY
//! let page = clerk.users().list(UserListParams::default().limit(10)).await?;
//! for user in &page {
//!     println!("{} {:?}", user.id, user.first_name);
//! }
//! # Ok(()) }
//! ```
//!
//! Every operation is a method on a resource handle (`clerk.users()`,
//! `clerk.organizations()`, ...) returning a [`Request`]: await it to send. Requests retry
//! as [`RetryPolicy`] says, fail with one [`Error`] type, and list endpoints return
//! [`Page`]s that [`Request::stream`] walks for you.
//!
//! Optional features add the server side: `jwt` (session and machine token verification,
//! `clerk_backend::jwt`, and request authentication, `clerk_backend::auth`), `webhooks` (Svix-signed
//! deliveries as typed events, `clerk_backend::webhooks`), framework integrations over one
//! core, each off by default (`tower`, `axum`, `actix`, `rocket`, `poem`, `tonic`: layers,
//! middlewares, guards and extractors for authentication, authorization requirements, typed
//! claims and verified webhooks) and `testing` (an in-memory stand-in of the Backend API for
//! your own tests, `clerk_backend::testing`).

#![deny(missing_docs)]
// docs.rs builds with `--cfg docsrs` on nightly: badges name the feature of each item.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

// Lets generated code name `::clerk_backend::...` from inside this crate too. Unused when no
// resource family is on (no generated code then).
#[allow(unused_extern_crates)]
extern crate self as clerk_backend;

#[cfg(feature = "actix")]
pub mod actix;
pub mod api;
#[cfg(feature = "jwt")]
pub mod auth;
#[cfg(feature = "axum")]
pub mod axum;
pub mod catalog;
mod client;
mod decode;
mod error;
mod headers;
#[cfg(feature = "jwt")]
pub mod jwt;
mod model_de;
pub mod models;
pub mod multipart;
mod objects;
mod page;
mod path;
#[cfg(feature = "poem")]
pub mod poem;
mod redact;
mod request;
mod retry;
#[cfg(feature = "rocket")]
pub mod rocket;
mod secret;
mod stream;
#[cfg(feature = "testing")]
pub mod testing;
mod tls;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "tower")]
pub mod tower;
mod transport;
#[cfg(feature = "webhooks")]
pub mod webhooks;

pub use client::{
    Clerk, ClerkBuilder, DEFAULT_API_URL, DEFAULT_API_VERSION, DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT,
};
pub use error::{ApiError, DecodeError, Error, ErrorDetail, Result, TransportKind};
pub use headers::RequestHeaders;
pub use page::Page;
pub use path::PathParam;
pub use request::{Mutating, ReadOnly, Request};
pub use reqwest::Method;
pub use retry::RetryPolicy;
pub use secret::{Secret, SecretKey};
pub use stream::{PaginationStop, DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// Items the `endpoints!` macro expands to. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::decode::{decode_empty, decode_json, decode_text};
    pub use crate::page::decode_page;
    pub use crate::path::path;
    pub use crate::request::{Mutating, Request};

    /// The helpers `clerk_macros::Deserialize` expands to.
    pub mod model_de {
        pub use crate::model_de::*;
    }

    /// Output type of a stub emitted for a declaration with errors.
    pub type Unknown = serde_json::Value;
}

// The README's examples use the auth features; `cargo test --workspace` enables them.
#[cfg(all(doctest, feature = "axum", feature = "testing"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
