//! Reading the auth state the layer stored, from inside a service method.

use ::tonic::{Request, Status};
use serde::de::DeserializeOwned;

use super::refusal::GrpcRefusal;
use crate::auth::{authorize as check, AuthState, Denied, Refusal, Requirement, SignedIn};

/// The auth state [`super::layer`] stored on the call, signed in or out with the reason.
///
/// `Err(INTERNAL)` when no layer ran for this service: a server setup bug, logged with
/// `tracing` rather than told to the caller.
pub fn auth_state<T>(request: &Request<T>) -> Result<&AuthState, Status> {
    request.extensions().get::<AuthState>().ok_or_else(|| {
        tracing::error!(
            "clerk: a service method reads Clerk auth but no clerk_backend::tonic::layer ran"
        );
        GrpcRefusal::status(Refusal::internal())
    })
}

/// The caller's identity (a user's session or a machine token), or `UNAUTHENTICATED` with the
/// signed-out reason code when the call carries no valid token (`INTERNAL` when the cause is on
/// this side).
///
/// ```no_run
/// # use tonic::{Request, Response, Status};
/// async fn whoami(request: Request<()>) -> Result<Response<String>, Status> {
///     let who = clerk_backend::tonic::auth(&request)?;
///     Ok(Response::new(who.user_id().unwrap_or_default().to_owned()))
/// }
/// ```
pub fn auth<T>(request: &Request<T>) -> Result<&SignedIn, Status> {
    authorize(request, &[])
}

/// The caller's identity when signed in, `None` when signed out (whatever the reason); only
/// a missing layer is an error.
pub fn optional_auth<T>(request: &Request<T>) -> Result<Option<&SignedIn>, Status> {
    Ok(match auth_state(request)? {
        AuthState::SignedIn(who) => Some(who),
        AuthState::SignedOut(_) => None,
    })
}

/// The caller's identity if it meets every one of `requirements`: requirements per method,
/// where [`super::require`] sets them per service. `UNAUTHENTICATED` when signed out,
/// `PERMISSION_DENIED` naming the first unmet requirement.
pub fn authorize<'r, T>(
    request: &'r Request<T>,
    requirements: &[Requirement],
) -> Result<&'r SignedIn, Status> {
    check(auth_state(request)?, requirements)
        .map_err(|denied| GrpcRefusal::status(Refusal::denied(&denied)))
}

/// The verified token's claims read as the app's own type `T` (see
/// [`SignedIn::claims_as`]), such as a tenant id a JWT template adds. `UNAUTHENTICATED` when
/// signed out; `PERMISSION_DENIED` with `claims-mismatch` when the claims do not fit `T` (the
/// details go to `tracing`, not to the caller).
///
/// ```no_run
/// # use tonic::{Request, Response, Status};
/// #[derive(serde::Deserialize)]
/// struct Tenant {
///     tenant_id: String,
/// }
///
/// async fn tenant(request: Request<()>) -> Result<Response<String>, Status> {
///     let tenant = clerk_backend::tonic::claims::<Tenant>(&request)?;
///     Ok(Response::new(tenant.tenant_id))
/// }
/// ```
pub fn claims<C: DeserializeOwned>(request: &Request<impl Sized>) -> Result<C, Status> {
    auth(request)?.claims_as().map_err(|e| {
        tracing::debug!("clerk: {e}");
        GrpcRefusal::status(Refusal::denied(&Denied::ClaimsMismatch))
    })
}
