//! What every framework's middleware does with a request, written once: authenticate it,
//! then hold it to the route's requirements.

use std::sync::Arc;

use super::{authorize, AuthState, Authenticator, Denied, Requirement};
use crate::headers::RequestHeaders;

/// An [`Authenticator`] and the [`Requirement`]s a middleware enforces before the route
/// runs (none by default: signed-out requests pass, and the route decides). The tower, axum,
/// actix-web and poem middlewares are each a `Gate` in their framework's clothes. Cheap to
/// clone; clones share the authenticator and its caches.
#[derive(Debug, Clone)]
pub struct Gate {
    auth: Arc<Authenticator>,
    requirements: Arc<[Requirement]>,
}

impl Gate {
    /// Authenticates with `authenticator`, requiring nothing.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            auth: Arc::new(authenticator),
            requirements: Arc::from([]),
        }
    }

    /// Refuses signed-out requests (401, or 500 when authentication failed on this side).
    #[must_use]
    pub fn require_signed_in(self) -> Self {
        self.require(Requirement::SignedIn)
    }

    /// Also requires `requirement` (401 when signed out, 403 when unmet).
    #[must_use]
    pub fn require(mut self, requirement: Requirement) -> Self {
        let mut all = self.requirements.to_vec();
        all.push(requirement);
        self.requirements = Arc::from(all);
        self
    }

    /// Whether pending sessions (`sts: "pending"`) are signed out here: default `true`; see
    /// [`Authenticator::treat_pending_as_signed_out`].
    #[must_use]
    pub fn treat_pending_as_signed_out(mut self, signed_out: bool) -> Self {
        let auth = Arc::make_mut(&mut self.auth);
        *auth = auth.clone().treat_pending_as_signed_out(signed_out);
        self
    }

    /// The request's auth state, to store for the route; or why the requirements refuse it.
    pub async fn admit(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
    ) -> Result<AuthState, Denied> {
        let state = self.auth.authenticate(headers).await;
        if !self.requirements.is_empty() {
            authorize(&state, &self.requirements)?;
        }
        Ok(state)
    }
}
