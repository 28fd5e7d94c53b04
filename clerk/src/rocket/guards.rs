//! Request guards for the auth state: the request is authenticated the first time a guard
//! asks, and every later guard of the same request reads that one result.

use std::fmt;
use std::marker::PhantomData;

use ::rocket::request::{FromRequest, Outcome, Request};
use ::rocket::sentinel::Sentinel;
use ::rocket::{Ignite, Rocket};
use serde::de::DeserializeOwned;

use super::admission::{admission, sign_in};
use super::rejection::remember;
use crate::auth::{
    authorize, Admission, AuthState, Authenticator, Denied, Refusal, Requirement, SignInRedirect,
    SignedIn, SignedOut, SignedOutReason,
};

/// The request's auth state, as the gate decided it once per request; a refusal when it
/// refused, when no [`Authenticator`] is managed (500), or when page-route mode redirects the
/// browser instead (401 `handshake-required`; the fairing answers the redirect).
async fn auth_state<'r>(request: &'r Request<'_>) -> Result<&'r AuthState, Refusal> {
    match admission(request).await {
        Some(Admission::Proceed { state, .. }) => Ok(state),
        Some(Admission::Refuse(refusal)) => Err(refusal.clone()),
        Some(Admission::Redirect(_)) => Err(Refusal::signed_out(&SignedOut {
            reason: SignedOutReason::HandshakeRequired,
            message: String::new(),
        })),
        None => {
            tracing::error!("clerk: a route takes a Clerk guard but no Authenticator is managed (attach ClerkFairing)");
            Err(Refusal::internal())
        }
    }
}

/// Fails the guard with `refusal`, left in the request for the catchers.
fn refuse<T>(request: &Request<'_>, refusal: Refusal) -> Outcome<T, Refusal> {
    let status = remember(request, &refusal, None);
    Outcome::Error((status, refusal))
}

/// Fails the guard for `denied`; in page-route mode a signed-out browser navigation also
/// leaves its sign-in redirect, which the 401 catcher answers instead of the JSON.
fn deny<T>(request: &Request<'_>, denied: Denied) -> Outcome<T, Refusal> {
    let redirect = sign_in(request)
        .filter(|sign_in| SignInRedirect::applies(Some(sign_in), &denied))
        .map(SignInRedirect::redirect);
    let refusal = Refusal::denied(&denied);
    let status = remember(request, &refusal, redirect);
    Outcome::Error((status, refusal))
}

/// Whether launch must stop: a Clerk guard is used but no [`Authenticator`] is managed.
fn no_authenticator(rocket: &Rocket<Ignite>) -> bool {
    let missing = rocket.state::<Authenticator>().is_none();
    if missing {
        tracing::error!(
            "clerk: routes take Clerk guards but no Authenticator is managed (attach ClerkFairing)"
        );
    }
    missing
}

/// The signed-in caller (a user's session or a machine token). A signed-out request fails
/// the guard with 401 (500 when authentication failed on this side; in page-route mode the
/// catchers answer a browser navigation with a 307 to sign in); take `Option<Auth>` to let
/// signed-out requests through as `None`, or [`AuthState`] for the reason.
///
/// Needs the [`Authenticator`] in managed state ([`super::ClerkFairing`]); rocket refuses
/// to launch a route using this guard without it.
#[derive(Debug, Clone)]
pub struct Auth(pub SignedIn);

impl std::ops::Deref for Auth {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

#[::rocket::async_trait]
impl<'r> FromRequest<'r> for Auth {
    type Error = Refusal;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Refusal> {
        match auth_state(request).await {
            Ok(AuthState::SignedIn(who)) => Outcome::Success(Self(who.clone())),
            Ok(AuthState::SignedOut(out)) => deny(request, Denied::SignedOut(out.clone())),
            Err(refusal) => refuse(request, refusal),
        }
    }
}

impl Sentinel for Auth {
    fn abort(rocket: &Rocket<Ignite>) -> bool {
        no_authenticator(rocket)
    }
}

/// The whole auth state, signed in or out with the reason; it fails only when the
/// [`Authenticator`] is not managed (500), or in page-route mode when the browser must be
/// redirected first (the fairing answers the redirect).
#[::rocket::async_trait]
impl<'r> FromRequest<'r> for AuthState {
    type Error = Refusal;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Refusal> {
        match auth_state(request).await {
            Ok(state) => Outcome::Success(state.clone()),
            Err(refusal) => refuse(request, refusal),
        }
    }
}

impl Sentinel for AuthState {
    fn abort(rocket: &Rocket<Ignite>) -> bool {
        no_authenticator(rocket)
    }
}

/// The verified token's claims read as the app's own type `T` (see
/// [`SignedIn::claims_as`]): what a JWT template adds, a tenant id, roles in metadata.
/// Signed out fails with 401; claims that do not fit `T` fail with 403 `claims-mismatch`
/// (serde's message goes to `tracing`, not to the caller).
///
/// ```
/// use clerk_backend::rocket::Claims;
///
/// #[derive(serde::Deserialize)]
/// struct Tenant {
///     tenant_id: String,
/// }
///
/// #[rocket::get("/tenant")]
/// fn tenant(tenant: Claims<Tenant>) -> String {
///     format!("tenant {}", tenant.0.tenant_id)
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Claims<T>(pub T);

#[::rocket::async_trait]
impl<'r, T: DeserializeOwned + Send> FromRequest<'r> for Claims<T> {
    type Error = Refusal;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Refusal> {
        match auth_state(request).await {
            Ok(AuthState::SignedIn(who)) => match who.claims_as() {
                Ok(claims) => Outcome::Success(Self(claims)),
                Err(e) => {
                    tracing::debug!("clerk: {e}");
                    refuse(request, Refusal::denied(&Denied::ClaimsMismatch))
                }
            },
            Ok(AuthState::SignedOut(out)) => deny(request, Denied::SignedOut(out.clone())),
            Err(refusal) => refuse(request, refusal),
        }
    }
}

impl<T> Sentinel for Claims<T> {
    fn abort(rocket: &Rocket<Ignite>) -> bool {
        no_authenticator(rocket)
    }
}

/// What a route requires of its caller, named as a type so a [`Require`] guard can carry
/// it: implement it on a unit struct per access rule.
///
/// ```
/// use clerk_backend::auth::Requirement;
/// use clerk_backend::rocket::{Policy, Require};
///
/// /// Members whose organization role grants `org:reports:read`.
/// struct ReadReports;
///
/// impl Policy for ReadReports {
///     fn requirements() -> Vec<Requirement> {
///         vec![Requirement::permission("org:reports:read")]
///     }
/// }
///
/// #[rocket::get("/reports")]
/// fn reports(_reader: Require<ReadReports>) -> &'static str {
///     "the reports"
/// }
/// ```
pub trait Policy {
    /// Every requirement the caller must meet (all of them; none means any signed-in
    /// caller).
    fn requirements() -> Vec<Requirement>;
}

/// A signed-in caller who meets every requirement of the [`Policy`] `P`, checked with
/// [`authorize`]: signed out fails the guard with 401, an unmet requirement with 403 naming
/// it (`{"error": "forbidden", "reason": "permission-missing", "requirement": "permission
/// org:reports:read"}`). In page-route mode the catchers answer a signed-out browser
/// navigation with a 307 to sign in instead of the 401. Dereferences to the [`SignedIn`]
/// caller.
pub struct Require<P> {
    who: SignedIn,
    policy: PhantomData<fn() -> P>,
}

impl<P> Require<P> {
    /// The caller who met the policy.
    pub fn signed_in(&self) -> &SignedIn {
        &self.who
    }

    /// The caller, by value.
    pub fn into_inner(self) -> SignedIn {
        self.who
    }
}

impl<P> std::ops::Deref for Require<P> {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.who
    }
}

impl<P> Clone for Require<P> {
    fn clone(&self) -> Self {
        Self {
            who: self.who.clone(),
            policy: PhantomData,
        }
    }
}

impl<P> fmt::Debug for Require<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Require")
            .field("policy", &std::any::type_name::<P>())
            .field("who", &self.who)
            .finish()
    }
}

#[::rocket::async_trait]
impl<'r, P: Policy> FromRequest<'r> for Require<P> {
    type Error = Refusal;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Refusal> {
        let state = match auth_state(request).await {
            Ok(state) => state,
            Err(refusal) => return refuse(request, refusal),
        };
        match authorize(state, &P::requirements()) {
            Ok(who) => Outcome::Success(Self {
                who: who.clone(),
                policy: PhantomData,
            }),
            Err(denied) => deny(request, denied),
        }
    }
}

impl<P> Sentinel for Require<P> {
    fn abort(rocket: &Rocket<Ignite>) -> bool {
        no_authenticator(rocket)
    }
}
