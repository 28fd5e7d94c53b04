//! An actix-web server protected by Clerk.
//!
//! ```sh
//! CLERK_SECRET_KEY=sk_test_... CLERK_WEBHOOK_SIGNING_SECRET=whsec_... \
//!     cargo run -p clerk-backend --example actix --features actix
//! ```
//!
//! - `GET /me`: 200 with the caller's user id when the request carries a valid session token
//!   (`Authorization: Bearer <token>` or the `__session` cookie), 401 with a JSON body otherwise.
//! - `GET /reports`: 200 for members whose organization role grants `org:reports:read`, 403
//!   `permission-missing` for other signed-in callers, 401 when signed out.
//! - `GET /tenant`: 200 with the `tenant_id` claim a JWT template adds to the token, 403
//!   `claims-mismatch` when the token has none.
//! - `POST /webhooks/clerk`: 204 for a delivery with a valid Svix signature, 400 otherwise.
//!
//! Session tokens are checked with `CLERK_JWT_KEY` (the instance's PEM public key, no network)
//! when it is set, else against the instance's JWKS fetched with `CLERK_SECRET_KEY`. With the
//! secret key, opaque machine tokens (API keys, M2M and OAuth tokens) are accepted too.
//! Listens on 127.0.0.1:$PORT (default 3000).

mod app;

use actix_web::{web, App, HttpServer};
use clerk_backend::actix::ClerkMiddleware;
use clerk_backend::auth::Authenticator;
use clerk_backend::webhooks::Webhook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // CLERK_JWT_KEY and/or CLERK_SECRET_KEY (see `Authenticator::from_env`).
    let authenticator = Authenticator::from_env()?;
    let webhook = match Webhook::from_env() {
        Ok(webhook) => Some(web::Data::new(webhook)),
        Err(why) => {
            eprintln!("POST /webhooks/clerk answers 503: {why}");
            None
        }
    };
    let port: u16 = match non_empty("PORT") {
        Some(port) => port.parse()?,
        None => 3000,
    };

    // Built once, cloned into each worker: the workers share the authenticator's key cache.
    let clerk = ClerkMiddleware::new(authenticator);
    let server = HttpServer::new(move || {
        let (clerk, webhook) = (clerk.clone(), webhook.clone());
        App::new().configure(|cfg| app::routes(cfg, clerk, webhook))
    })
    .bind(("127.0.0.1", port))?;
    for address in server.addrs() {
        println!("Listening on http://{address}");
    }
    // actix's runtime, as `#[actix_web::main]` would start it; the server stops on Ctrl-C.
    actix_web::rt::System::new().block_on(async move { server.run().await })?;
    Ok(())
}

fn non_empty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
