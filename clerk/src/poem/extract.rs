//! Extractors for the auth state [`super::ClerkMiddleware`] stored on the request.

use ::poem::{FromRequest, Request, RequestBody, Result};
use serde::de::DeserializeOwned;

use super::rejection::AuthRejection;
use crate::auth::{AuthState, Denied, SignedIn, SignedOut};

/// A signed-in request's identity (a user's session or a machine token). Extracting it from
/// a signed-out request fails with a 401 JSON [`AuthRejection`] (in page-route mode, a 307 to
/// sign in for a browser navigation); take `Option<Auth>` to let
/// signed-out requests through as `None`, or [`AuthState`] itself for the reason.
///
/// Needs [`super::ClerkMiddleware`] on the route; without it the error is a 500 (and
/// `Option<Auth>`, which poem makes `None` on any error, is `None`).
#[derive(Debug, Clone)]
pub struct Auth(pub SignedIn);

impl std::ops::Deref for Auth {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

fn state(req: &Request) -> Result<&AuthState> {
    req.extensions()
        .get::<AuthState>()
        .ok_or_else(|| AuthRejection::MissingMiddleware.into_error())
}

/// The error for a signed-out request: 401, or a 307 to sign in in page-route mode.
fn signed_out(req: &Request, out: &SignedOut) -> ::poem::Error {
    AuthRejection::from_denied(req, Denied::SignedOut(out.clone())).into_error()
}

impl<'a> FromRequest<'a> for Auth {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> Result<Self> {
        match state(req)? {
            AuthState::SignedIn(who) => Ok(Self(who.clone())),
            AuthState::SignedOut(out) => Err(signed_out(req, out)),
        }
    }
}

/// The whole auth state, signed in or out with the reason.
impl<'a> FromRequest<'a> for AuthState {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> Result<Self> {
        state(req).cloned()
    }
}

/// The verified token's claims read as the app's own type `T` (see
/// [`SignedIn::claims_as`]): the claims a JWT template adds, a tenant id, roles in metadata.
/// Signed out is 401; claims that do not fit `T` are 403 `claims-mismatch` (serde's message
/// goes to `tracing` at `debug`, not to the caller).
///
/// ```
/// use clerk_backend::poem::Claims;
/// use poem::handler;
///
/// #[derive(serde::Deserialize)]
/// struct Tenant {
///     tenant_id: String,
/// }
///
/// #[handler]
/// fn dashboard(Claims(tenant): Claims<Tenant>) -> String {
///     format!("tenant {}", tenant.tenant_id)
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Claims<T>(pub T);

impl<'a, T: DeserializeOwned> FromRequest<'a> for Claims<T> {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> Result<Self> {
        match state(req)? {
            AuthState::SignedIn(who) => who.claims_as().map(Self).map_err(|e| {
                tracing::debug!("clerk: {e}");
                AuthRejection::ClaimsMismatch.into_error()
            }),
            AuthState::SignedOut(out) => Err(signed_out(req, out)),
        }
    }
}
