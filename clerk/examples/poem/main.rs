//! A poem server protected by Clerk.
//!
//! ```sh
//! CLERK_SECRET_KEY=sk_test_... CLERK_WEBHOOK_SIGNING_SECRET=whsec_... \
//!     cargo run -p clerk-backend --example poem --features poem
//! ```
//!
//! - `GET /me`: 200 with the caller's user id when the request carries a valid session token
//!   (`Authorization: Bearer <token>` or the `__session` cookie), 401 with a JSON body otherwise.
//! - `GET /reports`: 200 for members whose organization role grants `org:reports:read`, 403
//!   `permission-missing` for other signed-in callers.
//! - `GET /tenant`: 200 with the `tenant_id` claim (added by a JWT template), 403
//!   `claims-mismatch` when the token has none.
//! - `POST /webhooks/clerk`: 204 for a delivery with a valid Svix signature, 400 otherwise.
//!
//! Session tokens are checked with `CLERK_JWT_KEY` (the instance's PEM public key, no network)
//! when it is set, else against the instance's JWKS fetched with `CLERK_SECRET_KEY`. With the
//! secret key, opaque machine tokens (API keys, M2M and OAuth tokens) are accepted too.
//! Listens on 127.0.0.1:$PORT (default 3000).

mod app;

use clerk_backend::auth::Authenticator;
use clerk_backend::poem::ClerkMiddleware;
use clerk_backend::webhooks::Webhook;
use poem::listener::{Acceptor, Listener, TcpListener};
use poem::Server;

#[tokio::main]
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
    let acceptor = TcpListener::bind(("127.0.0.1", port))
        .into_acceptor()
        .await?;
    for addr in acceptor.local_addr() {
        if let Some(addr) = addr.as_socket_addr() {
            println!("Listening on http://{addr}");
        }
    }
    Server::new_with_acceptor(acceptor)
        .run_with_graceful_shutdown(
            app::app(ClerkMiddleware::new(authenticator), webhook),
            async {
                // Without a signal handler the server stops with the process anyway.
                let _ = tokio::signal::ctrl_c().await;
            },
            None,
        )
        .await?;
    Ok(())
}

fn non_empty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
