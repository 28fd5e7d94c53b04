#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        get(user_id, extra) = GET "/users/{user_id}" -> User;
    }
}

fn main() {}
