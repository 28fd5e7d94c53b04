//! The gate's decision for a request, made once (the first time a Clerk guard asks) and kept
//! in the request's local cache, where the other guards, the catchers and the fairing's
//! response hook read it.

use std::borrow::Cow;

use ::rocket::Request;

use crate::auth::browser::PageRequest;
use crate::auth::{Admission, Authenticator, Gate, SignInRedirect};

/// The gate [`super::ClerkFairing`] manages: its authenticator, and page-route mode when
/// turned on. Private, so it never collides with an app's own managed state.
pub(crate) struct ClerkGate(pub(crate) Gate);

/// The decision for one request; `None` when no authenticator is managed (or, read by the
/// response hook, when no Clerk guard asked).
struct Admitted(Option<Admission>);

/// The gate's decision for `request`, made on the first call: through the gate
/// [`super::ClerkFairing`] manages, else through a plain gate around an [`Authenticator`]
/// the app manages itself. `None` when neither is managed.
pub(crate) async fn admission<'r>(request: &'r Request<'_>) -> Option<&'r Admission> {
    let admitted = request
        .local_cache_async(async {
            let rocket = request.rocket();
            let gate = match (rocket.state::<ClerkGate>(), rocket.state::<Authenticator>()) {
                (Some(gate), _) => Cow::Borrowed(&gate.0),
                (None, Some(authenticator)) => Cow::Owned(Gate::new(authenticator.clone())),
                (None, None) => return Admitted(None),
            };
            let uri = request.uri().to_string();
            let page = PageRequest::new(request.method().as_str(), &uri, request.headers());
            Admitted(Some(gate.admit_request(&page).await))
        })
        .await;
    admitted.0.as_ref()
}

/// The decision already made for `request`, without making one.
pub(crate) fn decided<'r>(request: &'r Request<'_>) -> Option<&'r Admission> {
    request.local_cache(|| Admitted(None)).0.as_ref()
}

/// Where a signed-out browser navigation signs in, when page-route mode found one.
pub(crate) fn sign_in<'r>(request: &'r Request<'_>) -> Option<&'r SignInRedirect> {
    match decided(request)? {
        Admission::Proceed { sign_in, .. } => sign_in.as_ref(),
        _ => None,
    }
}
