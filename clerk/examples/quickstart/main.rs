//! Quickstart: list and count the users of a Clerk instance, then walk them page by page.
//!
//! ```sh
//! cargo run -p clerk --example quickstart
//! ```
//!
//! With `CLERK_SECRET_KEY` set it talks to the real Backend API (read-only). Without it, it
//! starts the crate's embedded stand-in of the API (`clerk_backend::testing`) on 127.0.0.1, seeded with
//! three users, so it runs on a fresh machine with no account.

use clerk_backend::models::{CreateUserParams, UserCountParams, UserListParams, UserOrderBy};
use clerk_backend::testing::{Seed, StandIn};
use clerk_backend::Clerk;
use futures_util::TryStreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (clerk, _standin) = match std::env::var("CLERK_SECRET_KEY") {
        Ok(key) if !key.trim().is_empty() => {
            println!("Using the Clerk Backend API with CLERK_SECRET_KEY.");
            (Clerk::from_env()?, None)
        }
        _ => {
            let standin = StandIn::start().await?;
            println!(
                "CLERK_SECRET_KEY is not set: using the embedded stand-in at {}.",
                standin.url()
            );
            standin.seed(seed()).await?;
            (standin.clerk().clone(), Some(standin))
        }
    };
    println!("Client: {clerk:?}\n");

    let total = clerk.users().count(UserCountParams::default()).await?;
    println!("{} user(s) in the instance.", total.total_count);

    let newest = clerk
        .users()
        .list(
            UserListParams::default()
                .order_by(UserOrderBy::CreatedAtDesc)
                .limit(5),
        )
        .await?;
    println!("Newest {}:", newest.len());
    for user in &newest {
        let email = user
            .email_addresses
            .first()
            .map(|e| e.email_address.as_str())
            .unwrap_or("-");
        let name = [user.first_name.as_deref(), user.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        println!("  {:<32} {:<18} {}", user.id, name, email);
    }

    // The same list, walked page by page (2 per request) with the auto-paginating stream.
    let ids: Vec<String> = clerk
        .users()
        .list(UserListParams::default().limit(2))
        .stream()
        .map_ok(|user| user.id)
        .try_collect()
        .await?;
    println!("\nAll {} user ids via pagination:", ids.len());
    for id in ids {
        println!("  {id}");
    }
    Ok(())
}

/// Three users for the stand-in.
fn seed() -> Seed {
    let user = |first: &str, last: &str, email: &str| {
        CreateUserParams::default()
            .first_name(first)
            .last_name(last)
            .email_address([email])
    };
    Seed::new()
        .user(user("Ada", "Lovelace", "ada@example.com"))
        .user(user("Grace", "Hopper", "grace@example.com"))
        .user(user("Alan", "Turing", "alan@example.com"))
}
