#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        get = FETCH "/users/{user_id}" -> User;
        list = GET "users" -> User;
        create = POST "/users" yaml(User) -> User;
        get = GET "/users/{user_id}";
    }
}

fn main() {}
