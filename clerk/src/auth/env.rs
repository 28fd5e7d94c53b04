//! An [`Authenticator`] configured from the environment, as Clerk's own SDKs configure
//! theirs: the keys an app already has in `CLERK_*` variables.

use super::{Authenticator, TokenKind};
use crate::jwt::{TokenError, Verifier};
use crate::Clerk;

/// Why [`Authenticator::from_env`] could not build an authenticator.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthConfigError {
    /// Neither `CLERK_JWT_KEY` nor `CLERK_SECRET_KEY` is set: session tokens cannot be
    /// verified.
    #[error("set CLERK_JWT_KEY (the instance's PEM public key) or CLERK_SECRET_KEY to verify session tokens")]
    NoKey,
    /// `CLERK_JWT_KEY` is not a PEM public key.
    #[error("CLERK_JWT_KEY: {0}")]
    JwtKey(#[from] TokenError),
    /// The Backend API client could not be configured from `CLERK_SECRET_KEY` and
    /// `CLERK_API_URL`.
    #[error("the Backend API client: {0}")]
    Client(#[from] crate::Error),
}

/// A set, non-blank environment variable.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Authenticator {
    /// An authenticator from the `CLERK_*` variables:
    ///
    /// - session tokens are verified with `CLERK_JWT_KEY` (the PEM public key, no network)
    ///   when it is set, else against the instance's JWKS fetched with `CLERK_SECRET_KEY`;
    /// - with `CLERK_SECRET_KEY`, API keys, M2M tokens and OAuth access tokens are accepted
    ///   too, opaque ones verified through the Backend API (`CLERK_MACHINE_SECRET_KEY`, when
    ///   set, verifies M2M tokens instead, as @clerk/backend's `machineSecretKey`);
    /// - `CLERK_PUBLISHABLE_KEY`, when set, picks the suffixed session cookies as
    ///   @clerk/backend does ([`Authenticator::publishable_key`]).
    ///
    /// # Errors
    /// [`AuthConfigError`] when no key is set or a value does not parse.
    pub fn from_env() -> Result<Self, AuthConfigError> {
        let secret_key = var("CLERK_SECRET_KEY");
        let verifier = match (var("CLERK_JWT_KEY"), &secret_key) {
            (Some(pem), _) => Verifier::from_pem(&pem)?,
            (None, Some(_)) => Verifier::from_jwks(Clerk::from_env()?),
            (None, None) => return Err(AuthConfigError::NoKey),
        };
        let mut authenticator = Self::new(verifier);
        if secret_key.is_some() {
            authenticator = authenticator.machine_client(Clerk::from_env()?).accept([
                TokenKind::SessionToken,
                TokenKind::ApiKey,
                TokenKind::M2mToken,
                TokenKind::OAuthToken,
            ]);
        }
        if let Some(key) = var("CLERK_MACHINE_SECRET_KEY") {
            authenticator = authenticator.machine_secret_key(key);
        }
        if let Some(key) = var("CLERK_PUBLISHABLE_KEY") {
            authenticator = authenticator.publishable_key(key);
        }
        Ok(authenticator)
    }
}
