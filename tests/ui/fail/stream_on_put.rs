//! An operation that answers a PUT with a page can be awaited, but not streamed: a stream
//! would send the PUT again for every page.
#![allow(dead_code, unused_imports)]
use clerk_backend::models::User;
use clerk_backend::Page;

#[derive(serde::Serialize)]
pub struct Mappings {
    pub ids: Vec<String>,
}

clerk_macros::endpoints! {
    #[standalone]
    Things {
        replace = PUT "/things" json(Mappings) -> Page<User>;
    }
}

async fn awaiting_is_fine(clerk: &clerk_backend::Clerk) -> clerk_backend::Result<Page<User>> {
    Things::new(clerk).replace(Mappings { ids: vec![] }).await
}

fn streaming_is_not(clerk: &clerk_backend::Clerk) {
    let _ = Things::new(clerk).replace(Mappings { ids: vec![] }).stream();
}

fn main() {}
