#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        list = GET "/users?limit=10" -> User;
    }
}

fn main() {}
