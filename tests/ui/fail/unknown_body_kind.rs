#![allow(dead_code, unused_imports)]
use clerk::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        create = POST "/users" xml(User) -> User;
    }
}

fn main() {}
