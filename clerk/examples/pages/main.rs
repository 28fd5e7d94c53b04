//! A server-rendered app protected by Clerk's browser sessions (page-route mode).
//!
//! ```sh
//! CLERK_SECRET_KEY=sk_test_... CLERK_PUBLISHABLE_KEY=pk_test_... \
//!     cargo run -p clerk-backend --example pages --features axum
//! ```
//!
//! - `GET /`: says who is signed in (the `__session` cookie set by clerk-js on your frontend).
//! - `GET /dashboard`: the signed-in user's name; signed-out browsers are redirected to sign in
//!   (`CLERK_SIGN_IN_URL`, default the instance's Account Portal) and come back afterwards.
//!
//! A browser whose session cookie expired while the tab was idle is sent through Clerk's
//! handshake and comes back signed in, without a visible sign-in. Listens on
//! 127.0.0.1:$PORT (default 3000).

mod app;

use clerk_backend::auth::browser::PageOptions;
use clerk_backend::auth::Authenticator;
use clerk_backend::Clerk;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut options = PageOptions::default();
    if let Some(url) = non_empty("CLERK_SIGN_IN_URL") {
        options = options.sign_in_url(url);
    }
    // CLERK_SECRET_KEY (handshakes, refreshes, the JWKS) and CLERK_PUBLISHABLE_KEY.
    let authenticator = Authenticator::from_env()?.pages(options);
    let clerk = Clerk::from_env()?;

    let port: u16 = match non_empty("PORT") {
        Some(port) => port.parse()?,
        None => 3000,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("Listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app::router(authenticator, clerk))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

fn non_empty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
