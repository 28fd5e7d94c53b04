//! `#[cfg(...)]` on a declaration: a line whose predicate is false has neither a method nor a
//! catalog entry, and the lines after it still find their own entries.
#![allow(dead_code)]

use clerk_backend::models::{DeletedObject, User};

clerk_macros::endpoints! {
    #[standalone]
    Things {
        get = GET "/users/{user_id}" -> User;
        /// Never compiled.
        #[cfg(any())]
        gone = GET "/gone/{id}" -> Missing;
        #[cfg(all())]
        kept = GET "/kept/{id}" -> DeletedObject;
        delete = DELETE "/users/{user_id}" -> DeletedObject;
    }
}

async fn check(clerk: &clerk_backend::Clerk) -> clerk_backend::Result<()> {
    let t = Things::new(clerk);
    let _: User = t.get("user_1").await?;
    let _: DeletedObject = t.kept("1").await?;
    let _: DeletedObject = t.delete("user_1").await?;
    Ok(())
}

fn main() {
    let _ = check;
    let names: Vec<&str> = Things::ENDPOINTS.iter().map(|e| e.name).collect();
    assert_eq!(names, ["get", "kept", "delete"]);
}
