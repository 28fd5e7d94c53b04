#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        get = GET "/users/{user_id}" -> User;
        ban = POST "/users/{user_id}/ban";
    }
}

// Only the missing response is reported: the valid line works and the broken one is stubbed.
async fn use_both(clerk: &clerk_backend::Clerk) -> clerk_backend::Result<()> {
    let users = Users::new(clerk);
    let _user: User = users.get("user_1").await?;
    let _ = users.ban();
    Ok(())
}

fn main() {}
