//! One table using every input and response kind, explicit argument order, a keyword
//! parameter, a `#[secret]` line and a deprecated line; `check` pins the generated signatures.
#![allow(dead_code)]

use clerk_backend::models::{DeletedObject, OrganizationKey, User, UserListParams};
use clerk_backend::multipart::FileUpload;
use clerk_backend::Page;

#[derive(serde::Serialize)]
pub struct Note {
    pub text: String,
}

clerk_macros::endpoints! {
    /// Things for the test.
    #[standalone]
    Things {
        /// Lists users.
        list = GET "/users" query(UserListParams) -> Page<User>;
        get = GET "/users/{user_id}" -> User;
        create = POST "/notes" json(Note) -> User;
        create_form = POST "/notes/form" form(Note) -> ();
        upload = POST "/users/{user_id}/profile_image" multipart(FileUpload) -> User;
        #[unauthenticated]
        page = GET "/public/interstitial" -> text;
        by_type = GET "/templates/{type}/{slug}" -> DeletedObject;
        membership(user_id, organization_id) = DELETE "/organizations/{organization_id}/memberships/{user_id}" -> ();
        find(organization_id: OrganizationKey) = GET "/organizations/{organization_id}" -> DeletedObject;
        #[secret]
        key_secret = GET "/api_keys/{apiKeyID}/secret" -> DeletedObject;
        #[deprecated(note = "gone")]
        old = POST "/old/{id}" query(UserListParams) json(Note) -> ();
    }
}

#[allow(deprecated)]
async fn check(clerk: &clerk_backend::Clerk) -> clerk_backend::Result<()> {
    let t = Things::new(clerk);
    let _: Page<User> = t.list(UserListParams::default()).await?;
    let _ = t.list(UserListParams::default()).max_pages(3).stream();
    let _: User = t.get("user_1").await?;
    let _: User = t.create(Note { text: "x".into() }).await?;
    let _: () = t.create_form(Note { text: "x".into() }).await?;
    let _: User = t.upload("user_1", FileUpload::from_bytes(vec![1u8], "a.png")).await?;
    let _: String = t.page().await?;
    let _: DeletedObject = t.by_type("email", "welcome").await?;
    let _: () = t.membership("user_1", "org_1").await?;
    let _: () = t.old("1", UserListParams::default(), Note { text: "x".into() }).await?;
    let _: DeletedObject = t.find("acme").await?;
    let _: DeletedObject = t.find(OrganizationKey::slug("acme")).await?;
    let _: DeletedObject = t.key_secret("ak_1").await?;
    let names: Vec<&str> = Things::ENDPOINTS.iter().map(|e| e.name).collect();
    assert_eq!(names.len(), 11);
    assert!(Things::ENDPOINTS[10].deprecated);
    assert!(!Things::ENDPOINTS[5].authenticated && Things::ENDPOINTS[1].authenticated);
    assert_eq!(Things::ENDPOINTS[6].path, "/templates/{type}/{slug}");
    assert!(Things::ENDPOINTS[9].returns_secret && !Things::ENDPOINTS[1].returns_secret);
    assert_eq!(Things::ENDPOINTS[0].response, "Page<User>");
    assert_eq!(Things::ENDPOINTS[3].response, "()");
    assert_eq!(Things::ENDPOINTS[5].response, "text");
    Ok(())
}

fn main() {
    let _ = check;
}
