#![allow(dead_code, unused_imports)]

clerk_macros::endpoints! {
    #[standalone]
    Keys {
        #[secret(always)]
        get = GET "/keys/{key_id}/secret" -> text;
    }
}

fn main() {}
