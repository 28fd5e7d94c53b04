//! A rocket server protected by Clerk.
//!
//! ```sh
//! CLERK_SECRET_KEY=sk_test_... CLERK_WEBHOOK_SIGNING_SECRET=whsec_... \
//!     cargo run -p clerk-backend --example rocket --features rocket
//! ```
//!
//! - `GET /me`: 200 with the caller's user id when the request carries a valid session token
//!   (`Authorization: Bearer <token>` or the `__session` cookie), 401 with a JSON body otherwise.
//! - `GET /reports`: 200 for members whose role grants `org:reports:read`, 403 otherwise.
//! - `GET /tenant`: 200 with the `tenant_id` claim a JWT template adds, 403 `claims-mismatch`
//!   for a token without one.
//! - `POST /webhooks/clerk`: 204 for a delivery with a valid Svix signature, 400 otherwise.
//!
//! Session tokens are checked with `CLERK_JWT_KEY` (the instance's PEM public key, no network)
//! when it is set, else against the instance's JWKS fetched with `CLERK_SECRET_KEY`. With the
//! secret key, opaque machine tokens (API keys, M2M and OAuth tokens) are accepted too.
//! Listens on 127.0.0.1:$PORT (default 3000); the rest of rocket's configuration comes from
//! `Rocket.toml` and `ROCKET_*` variables as usual.

mod app;

use clerk_backend::auth::Authenticator;
use clerk_backend::rocket::ClerkFairing;
use clerk_backend::webhooks::Webhook;

#[rocket::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // CLERK_JWT_KEY and/or CLERK_SECRET_KEY (see `Authenticator::from_env`).
    let authenticator = Authenticator::from_env()?;
    let webhook = match Webhook::from_env() {
        Ok(webhook) => Some(webhook),
        Err(why) => {
            eprintln!("POST /webhooks/clerk answers 503: {why}");
            None
        }
    };

    let port: u16 = match non_empty("PORT") {
        Some(port) => port.parse()?,
        None => 3000,
    };
    let config = rocket::Config::figment()
        .merge(("address", "127.0.0.1"))
        .merge(("port", port));
    // Rocket stops on Ctrl-C by itself.
    app::rocket(config, ClerkFairing::new(authenticator), webhook)
        .launch()
        .await?;
    Ok(())
}

fn non_empty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
