//! Extractors for the auth state [`ClerkMiddleware`](super::ClerkMiddleware) stored in the
//! request's extensions.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;

use super::rejection::AuthRejection;
use crate::auth::{AuthState, SignedIn};

/// A signed-in caller (a user's session or a machine token). Extracting it from a signed-out
/// request answers 401 with a JSON body (see [`AuthRejection`]), or in page-route mode a 307
/// to sign in for a browser navigation.
///
/// `Option<Auth>` lets signed-out requests through as `None`: actix-web's `Option<T>`
/// extractor turns any error of `T` into `None`. Extract [`AuthState`] for the reason a
/// request is signed out.
///
/// Needs [`ClerkMiddleware`](super::ClerkMiddleware) around the route; without it `Auth`
/// answers 500 (and `Option<Auth>` is `None`), and the mistake is logged as an error.
///
/// ```
/// use clerk_backend::actix::Auth;
///
/// async fn me(Auth(who): Auth) -> String {
///     who.user_id().unwrap_or("a machine").to_owned()
/// }
///
/// async fn greeting(auth: Option<Auth>) -> String {
///     match auth.as_ref().and_then(|a| a.user_id()) {
///         Some(user) => format!("hello {user}"),
///         None => "hello stranger".to_owned(),
///     }
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Auth(pub SignedIn);

impl std::ops::Deref for Auth {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

/// Runs `read` on the stored auth state, or refuses with a 500 when no middleware stored one.
fn with_state<T>(
    request: &HttpRequest,
    read: impl FnOnce(&AuthState) -> Result<T, AuthRejection>,
) -> Result<T, AuthRejection> {
    match request.extensions().get::<AuthState>() {
        Some(state) => read(state),
        None => {
            tracing::error!(
                path = request.path(),
                "clerk: {}",
                AuthRejection::MissingMiddleware
            );
            Err(AuthRejection::MissingMiddleware)
        }
    }
}

impl FromRequest for Auth {
    type Error = AuthRejection;
    type Future = Ready<Result<Self, AuthRejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(with_state(request, |state| match state {
            AuthState::SignedIn(who) => Ok(Self(who.clone())),
            AuthState::SignedOut(out) => Err(AuthRejection::signed_out(request, out)),
        }))
    }
}

/// The whole auth state, signed in or out with the reason; never refuses once the middleware
/// ran.
impl FromRequest for AuthState {
    type Error = AuthRejection;
    type Future = Ready<Result<Self, AuthRejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(with_state(request, |state| Ok(state.clone())))
    }
}

/// The verified token's claims read as the app's own type `T` (see
/// [`SignedIn::claims_as`]): a JWT template's claims, a tenant id, metadata. Signed out is
/// 401; claims that do not fit `T` are 403 `claims-mismatch`, with serde's explanation sent
/// to `tracing` rather than to the caller.
///
/// ```
/// use clerk_backend::actix::Claims;
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

impl<T: DeserializeOwned> FromRequest for Claims<T> {
    type Error = AuthRejection;
    type Future = Ready<Result<Self, AuthRejection>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(with_state(request, |state| match state {
            AuthState::SignedIn(who) => who.claims_as().map(Self).map_err(|e| {
                tracing::debug!("clerk: {e}");
                AuthRejection::ClaimsMismatch(e)
            }),
            AuthState::SignedOut(out) => Err(AuthRejection::signed_out(request, out)),
        }))
    }
}
