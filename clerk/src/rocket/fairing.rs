//! `ClerkFairing`: puts the authenticator (and the webhook verifier) in rocket's managed
//! state, where the guards find them.

use ::rocket::fairing::{self, Fairing, Info, Kind};
use ::rocket::{Build, Rocket};

use crate::auth::Authenticator;
use crate::webhooks::Webhook;

/// Sets up Clerk for a rocket application: at ignition it manages the [`Authenticator`] the
/// auth guards use and, when given one, the [`Webhook`] that
/// [`ClerkWebhook`](super::ClerkWebhook) verifies deliveries with.
///
/// Attaching it is the same as calling `rocket.manage(authenticator)` (and
/// `.manage(webhook)`) yourself; do one or the other. Ignition fails, with an error in
/// rocket's log, if either is already managed.
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
}

impl ClerkFairing {
    /// A fairing that manages `authenticator`.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            authenticator,
            webhook: None,
        }
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
            kind: Kind::Ignite,
        }
    }

    async fn on_ignite(&self, rocket: Rocket<Build>) -> fairing::Result {
        // `manage` panics on a second value of one type: refuse to ignite instead.
        if rocket.state::<Authenticator>().is_some() {
            tracing::error!("clerk: an Authenticator is already managed; attach ClerkFairing or manage one, not both");
            return Err(rocket);
        }
        let rocket = rocket.manage(self.authenticator.clone());
        match &self.webhook {
            Some(_) if rocket.state::<Webhook>().is_some() => {
                tracing::error!("clerk: a Webhook is already managed; give it to ClerkFairing or manage it, not both");
                Err(rocket)
            }
            Some(webhook) => Ok(rocket.manage(webhook.clone())),
            None => Ok(rocket),
        }
    }
}
