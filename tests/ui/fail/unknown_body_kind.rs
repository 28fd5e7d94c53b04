#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        create = POST "/users" xml(User) -> User;
    }
}

fn main() {}
