//! Session token verification: the JWTs Clerk issues to signed-in users (the `__session`
//! cookie, or the bearer token a frontend sends), checked like Clerk's backend SDK does,
//! with the instance's PEM public key (no network) or its JWKS (fetched and cached).
//!
//! ```no_run
//! # async fn run(token: &str) -> Result<(), Box<dyn std::error::Error>> {
//! use clerk_backend::jwt::{Check, Verifier};
//!
//! // CLERK_JWT_KEY when set, the JWKS of the instance otherwise.
//! let verifier = Verifier::from_env(clerk_backend::Clerk::from_env()?)?;
//! match verifier.verify(token).await {
//!     Ok(claims) if claims.has(Check::permission("org:invoices:read")) => { /* ... */ }
//!     Ok(claims) => println!("{} may not read invoices", claims.user_id()),
//!     Err(why) => println!("rejected: {why} ({})", why.reason()),
//! }
//! # Ok(()) }
//! ```
//!
//! Requires the `jwt` feature.

mod check;
mod claims;
mod clock;
mod decode;
mod error;
mod jwks;
mod key;
mod machine;
mod org;
mod rsa;
mod verifier;

pub use check::{Check, FactorLevel, Reverification};
pub(crate) use claims::seconds;
pub use claims::{Actor, SessionClaims, SessionStatus};
pub(crate) use clock::unix_millis;
pub use clock::{Clock, SystemClock};
pub(crate) use decode::{decode, Decoded};
pub use error::TokenError;
pub(crate) use machine::machine_kind;
pub use machine::{machine_jwt_kind, MachineClaims, MachineJwtKind};
pub use org::{Entitlements, OrganizationClaims};
pub use verifier::{
    KeySource, Verifier, VerifierBuilder, DEFAULT_CLOCK_SKEW, DEFAULT_JWKS_REFETCH_INTERVAL,
    DEFAULT_JWKS_TTL,
};
