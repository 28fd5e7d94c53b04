#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;

clerk_macros::endpoints! {
    #[standalone]
    Users {
        get(user_id) = GET "/users/{user_id}/orgs/{organization_id}" -> User;
    }
}

fn main() {}
