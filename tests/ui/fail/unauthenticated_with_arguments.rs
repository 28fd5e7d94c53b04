#![allow(dead_code, unused_imports)]

clerk_macros::endpoints! {
    #[standalone]
    Pages {
        #[unauthenticated(always)]
        get = GET "/public/page" -> text;
    }
}

fn main() {}
