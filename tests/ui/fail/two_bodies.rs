#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        create = POST "/users" json(User) multipart(User) -> User;
    }
}

fn main() {}
