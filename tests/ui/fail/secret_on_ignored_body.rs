#![allow(dead_code, unused_imports)]

clerk_macros::endpoints! {
    #[standalone]
    Keys {
        #[secret]
        rotate = POST "/keys/{key_id}/rotate" -> ();
    }
}

fn main() {}
