//! Users.

use clerk::models::*;
use clerk::multipart::FileUpload;
use clerk::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.users().list(
        UserListParams::default()
            .email_address(["ada@example.com"])
            .order_by(UserOrderBy::CreatedAtDesc)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.users().count(UserCountParams::default().query("ada")))
        .await;
    run.ok(clerk.users().get("user_1")).await;
    run.ok(clerk.users().create(
        CreateUserParams::default()
            .email_address(["ada@example.com"])
            .password_digest("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")
            .password_hasher(PasswordHasher::Bcrypt),
    ))
    .await;
    run.ok(clerk
        .users()
        .update("user_1", UpdateUserParams::default().first_name("Ada")))
        .await;
    run.ok(clerk.users().delete("user_1")).await;
    run.ok(clerk.users().set_profile_image(
        "user_1",
        FileUpload::from_bytes(b"\x89PNG\r\n\x1a\n".to_vec(), "avatar.png")
            .content_type("image/png"),
    ))
    .await;
    run.ok(clerk.users().delete_profile_image("user_1")).await;
}
