//! Extractors for the auth state [`super::ClerkLayer`] stored on the request.

use ::axum::extract::{FromRequestParts, OptionalFromRequestParts};
use http::request::Parts;

use super::rejection::AuthRejection;
use crate::auth::{AuthState, SignInRedirect, SignedIn, SignedOut};
use serde::de::DeserializeOwned;

/// A signed-in request's identity (a user's session or a machine token). Extracting it from
/// a signed-out request is a 401 with a JSON body; use `Option<Auth>` to let signed-out
/// requests through, or extract [`AuthState`] itself for the reason.
///
/// Needs [`super::ClerkLayer`] on the route; without it the rejection is a 500 saying so.
#[derive(Debug, Clone)]
pub struct Auth(pub SignedIn);

impl std::ops::Deref for Auth {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

fn state(parts: &Parts) -> Result<&AuthState, AuthRejection> {
    parts
        .extensions
        .get::<AuthState>()
        .ok_or(AuthRejection::MissingLayer)
}

/// The rejection of a signed-out request: in page-route mode a browser navigation is sent
/// to sign in, anything else is refused.
fn signed_out(parts: &Parts, out: &SignedOut) -> AuthRejection {
    match parts.extensions.get::<SignInRedirect>() {
        Some(to) if !out.reason.is_internal() => AuthRejection::SignIn(to.clone()),
        _ => AuthRejection::SignedOut(out.clone()),
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AuthRejection> {
        match state(parts)? {
            AuthState::SignedIn(who) => Ok(Self(who.clone())),
            AuthState::SignedOut(out) => Err(signed_out(parts, out)),
        }
    }
}

impl<S: Send + Sync> OptionalFromRequestParts<S> for Auth {
    type Rejection = AuthRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &S,
    ) -> Result<Option<Self>, AuthRejection> {
        match state(parts)? {
            AuthState::SignedIn(who) => Ok(Some(Self(who.clone()))),
            AuthState::SignedOut(_) => Ok(None),
        }
    }
}

/// The whole auth state, signed in or out with the reason.
impl<S: Send + Sync> FromRequestParts<S> for AuthState {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AuthRejection> {
        state(parts).cloned()
    }
}

/// The verified token's claims read as the app's own type `T` (see
/// [`SignedIn::claims_as`]): the claims a JWT template adds, a tenant id, roles in metadata.
/// Signed out is 401; claims that do not fit `T` are 403 `claims-mismatch` (the details go
/// to `tracing`, not to the caller).
///
/// ```
/// use clerk_backend::axum::Claims;
///
/// #[derive(serde::Deserialize)]
/// struct Tenant {
///     tenant_id: String,
/// }
///
/// async fn dashboard(Claims(tenant): Claims<Tenant>) -> String {
///     format!("tenant {}", tenant.tenant_id)
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Claims<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Claims<T> {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AuthRejection> {
        match state(parts)? {
            AuthState::SignedIn(who) => who
                .claims_as()
                .map(Self)
                .map_err(AuthRejection::ClaimsMismatch),
            AuthState::SignedOut(out) => Err(signed_out(parts, out)),
        }
    }
}
