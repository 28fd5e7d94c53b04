#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        get = GET "/users/user_{id}" -> User;
    }
}

fn main() {}
