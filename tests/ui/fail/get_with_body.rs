#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        list = GET "/users" json(User) -> User;
    }
}

fn main() {}
