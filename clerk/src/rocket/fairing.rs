//! `ClerkFairing`: puts the authenticator (and the webhook verifier) in rocket's managed
//! state, where the guards find them, and adds the page flow's headers (or its redirect) to
//! the responses.

use ::rocket::fairing::{self, Fairing, Info, Kind};
use ::rocket::{Build, Request, Response, Rocket};

use super::admission::{decided, ClerkGate};
use super::rejection::{adjoin_headers, redirect_response};
use crate::auth::{Admission, Authenticator, Gate};
use crate::webhooks::Webhook;

/// Sets up Clerk for a rocket application: at ignition it manages the [`Authenticator`] the
/// auth guards use and, when given one, the [`Webhook`] that
/// [`ClerkWebhook`](super::ClerkWebhook) verifies deliveries with.
///
/// Attaching it is the same as calling `rocket.manage(authenticator)` (and
/// `.manage(webhook)`) yourself, except for [`pages`](Self::pages), which needs the fairing;
/// do one or the other. Ignition fails, with an error in rocket's log, if either is already
/// managed.
///
/// In page-route mode the first Clerk guard of a request runs the browser flow, and the
/// fairing's response hook finishes it: a request the flow redirects (Clerk's handshake)
/// is answered with that `307` whatever the route did (a route taking `Option<Auth>` still
/// ran, signed out), and the flow's cookies are added to every other response. A
/// signed-out browser that a guard refuses is sent to sign in by the 401 of
/// [`catchers`](super::catchers). Routes without a Clerk guard are left alone.
///
/// ```no_run
/// # fn app(auth: clerk_backend::auth::Authenticator, webhook: clerk_backend::webhooks::Webhook) {
/// use clerk_backend::rocket::{catchers, ClerkFairing};
///
/// let app = rocket::build()
///     .attach(ClerkFairing::new(auth).webhook(webhook))
///     .register("/", catchers());
/// # let _ = app; }
/// ```
#[derive(Debug, Clone)]
pub struct ClerkFairing {
    authenticator: Authenticator,
    webhook: Option<Webhook>,
    pages: bool,
}

impl ClerkFairing {
    /// A fairing that manages `authenticator`.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            authenticator,
            webhook: None,
            pages: false,
        }
    }

    /// Page-route mode (see [`Gate::pages`]): browser navigations go through Clerk's
    /// handshake and come back with fresh cookies; a signed-out browser that a guard
    /// refuses ([`Auth`](super::Auth), [`Claims`](super::Claims),
    /// [`Require`](super::Require)) is sent to sign in with a 307 (from the
    /// [`catchers`](super::catchers)) instead of a 401. API requests keep their 401 JSON.
    /// The authenticator needs [`Authenticator::pages`], its publishable key and its
    /// Backend API client.
    #[must_use]
    pub fn pages(mut self) -> Self {
        self.pages = true;
        self
    }

    /// Manages `webhook` too, for routes taking a [`ClerkWebhook`](super::ClerkWebhook).
    pub fn webhook(mut self, webhook: Webhook) -> Self {
        self.webhook = Some(webhook);
        self
    }
}

#[::rocket::async_trait]
impl Fairing for ClerkFairing {
    fn info(&self) -> Info {
        Info {
            name: "Clerk",
            kind: Kind::Ignite | Kind::Response,
        }
    }

    async fn on_ignite(&self, rocket: Rocket<Build>) -> fairing::Result {
        // `manage` panics on a second value of one type: refuse to ignite instead.
        if rocket.state::<Authenticator>().is_some() {
            tracing::error!("clerk: an Authenticator is already managed; attach ClerkFairing or manage one, not both");
            return Err(rocket);
        }
        let mut gate = Gate::new(self.authenticator.clone());
        if self.pages {
            gate = gate.pages();
        }
        let rocket = rocket
            .manage(self.authenticator.clone())
            .manage(ClerkGate(gate));
        match &self.webhook {
            Some(_) if rocket.state::<Webhook>().is_some() => {
                tracing::error!("clerk: a Webhook is already managed; give it to ClerkFairing or manage it, not both");
                Err(rocket)
            }
            Some(webhook) => Ok(rocket.manage(webhook.clone())),
            None => Ok(rocket),
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        match decided(request) {
            Some(Admission::Proceed { headers, .. }) => adjoin_headers(response, headers),
            Some(Admission::Redirect(redirect)) => *response = redirect_response(redirect),
            _ => {}
        }
    }
}
