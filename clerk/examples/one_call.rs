//! The smallest program using the crate: one endpoint. Its release size is tracked in
//! docs/compile-cost.md.
//!
//! ```sh
//! CLERK_SECRET_KEY=sk_test_... cargo run -p clerk --example one_call -- user_123
//! ```

#[tokio::main(flavor = "current_thread")]
async fn main() -> clerk_backend::Result<()> {
    let id = std::env::args()
        .nth(1)
        .unwrap_or_else(|| String::from("user_123"));
    let clerk = clerk_backend::Clerk::from_env()?;
    let user = clerk.users().get(&id).await?;
    println!("{} {:?}", user.id, user.first_name);
    Ok(())
}
