//! A tonic (gRPC) server protected by Clerk.
//!
//! ```sh
//! CLERK_SECRET_KEY=sk_test_... cargo run -p clerk-backend --example tonic --features tonic
//! ```
//!
//! Services (see `proto.rs` for their definition):
//! - `clerk.example.Identity/Whoami`: the caller's user id when the call carries a valid
//!   session token in its `authorization` metadata (`Bearer <token>`), `UNAUTHENTICATED` with
//!   the reason code (`token-missing`, `token-expired`, `token-invalid`...) otherwise.
//! - `clerk.example.Identity/Tenant`: the `tenant_id` claim a JWT template adds,
//!   `PERMISSION_DENIED` `claims-mismatch` for a token without it.
//! - `clerk.example.Reports/List`: only for members whose role grants `org:reports:read`,
//!   `PERMISSION_DENIED` `permission-missing` for others.
//!
//! gRPC has no webhooks; receive Clerk's on an HTTP route (the axum example), so
//! `CLERK_WEBHOOK_SIGNING_SECRET` is not read here.
//!
//! Session tokens are checked with `CLERK_JWT_KEY` (the instance's PEM public key, no network)
//! when it is set, else against the instance's JWKS fetched with `CLERK_SECRET_KEY`. With the
//! secret key, opaque machine tokens (API keys, M2M and OAuth tokens) are accepted too.
//! Listens on 127.0.0.1:$PORT (default 50051), plaintext HTTP/2 (put TLS in front, or use
//! tonic's `tls-*` features).
//!
//! With the definition at the top of `proto.rs` saved as `example.proto`:
//!
//! ```sh
//! grpcurl -plaintext -proto example.proto -H "authorization: Bearer $TOKEN" \
//!     127.0.0.1:50051 clerk.example.Identity/Whoami
//! ```

mod app;

use clerk_backend::auth::Authenticator;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // CLERK_JWT_KEY and/or CLERK_SECRET_KEY (see `Authenticator::from_env`).
    let authenticator = Authenticator::from_env()?;

    let port: u16 = match non_empty("PORT") {
        Some(port) => port.parse()?,
        None => 50051,
    };
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    println!("Serving gRPC on http://{addr}");
    app::router(authenticator)
        .serve_with_shutdown(addr, async {
            // Without a signal handler the server stops with the process anyway.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

fn non_empty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
