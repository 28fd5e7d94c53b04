//! Users: the exact request of every operation, and decoding of realistic responses.

use clerk_backend::models::{
    CreateUserParams, PasswordHasher, UpdateUserParams, UserCountParams, UserListParams,
    UserOrderBy,
};
use clerk_backend::multipart::FileUpload;
use clerk_tests::{MockServer, Reply, SECRET};

#[tokio::test]
async fn get_sends_auth_version_and_agent_headers_and_decodes_the_user() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    let user = server
        .client()
        .users()
        .get("user_2abc")
        .await
        .expect("get user");

    let req = server.single();
    assert_eq!(
        (req.method.as_str(), req.path.as_str(), req.query.as_deref()),
        ("GET", "/users/user_2abc", None)
    );
    assert_eq!(
        req.header("authorization"),
        Some(format!("Bearer {SECRET}").as_str())
    );
    assert_eq!(req.header("clerk-api-version"), Some("2026-05-12"));
    assert!(req
        .header("user-agent")
        .is_some_and(|ua| ua.starts_with("clerk-backend-rust/")));
    assert!(req.body.is_empty());
    assert!(user.id.starts_with("user_"));
    assert!(!user.email_addresses.is_empty());
}

#[tokio::test]
async fn list_sends_every_filter_as_repeated_keys_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user_list.json"));
    let params = UserListParams::default()
        .email_address(["a@example.com", "b@example.com"])
        .user_id(["+user_1", "-user_2"])
        .query("jo")
        .banned(false)
        .order_by(UserOrderBy::CreatedAtDesc)
        .limit(2)
        .offset(4);
    let page = server
        .client()
        .users()
        .list(params)
        .await
        .expect("list users");

    let req = server.single();
    assert_eq!(req.path, "/users");
    assert_eq!(
        req.query.as_deref(),
        Some("email_address=a%40example.com&email_address=b%40example.com&user_id=%2Buser_1&user_id=-user_2&query=jo&banned=false&limit=2&offset=4&order_by=-created_at")
    );
    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
}

#[tokio::test]
async fn count_sends_filters_and_decodes_the_total() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "total_count.json"));
    let count = server
        .client()
        .users()
        .count(UserCountParams::default().email_address_query("example.com"))
        .await
        .expect("count");
    let req = server.single();
    assert_eq!(
        (req.path.as_str(), req.query.as_deref()),
        ("/users/count", Some("email_address_query=example.com"))
    );
    assert!(count.total_count > 0);
}

#[tokio::test]
async fn create_sends_only_the_fields_set_including_a_password_digest() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    let params = CreateUserParams::default()
        .email_address(["ada@example.com"])
        .first_name("Ada")
        .password_digest("$2a$10$abcdefghijklmnopqrstuv")
        .password_hasher(PasswordHasher::Bcrypt)
        .skip_password_checks(true);
    server
        .client()
        .users()
        .create(params)
        .await
        .expect("create");
    let req = server.single();
    assert_eq!((req.method.as_str(), req.path.as_str()), ("POST", "/users"));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        serde_json::json!({
            "email_address": ["ada@example.com"],
            "first_name": "Ada",
            "password_digest": "$2a$10$abcdefghijklmnopqrstuv",
            "password_hasher": "bcrypt",
            "skip_password_checks": true
        })
    );
}

#[tokio::test]
async fn update_patches_and_delete_decodes_the_deleted_object() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    server.reply(Reply::fixture(200, "deleted_user.json"));
    let clerk = server.client();
    clerk
        .users()
        .update(
            "user_2abc",
            UpdateUserParams::default().last_name("Lovelace"),
        )
        .await
        .expect("update");
    let deleted = clerk.users().delete("user_2abc").await.expect("delete");

    let reqs = server.requests();
    assert_eq!(
        (reqs[0].method.as_str(), reqs[0].path.as_str()),
        ("PATCH", "/users/user_2abc")
    );
    assert_eq!(reqs[0].json(), serde_json::json!({"last_name": "Lovelace"}));
    assert_eq!(
        (reqs[1].method.as_str(), reqs[1].path.as_str()),
        ("DELETE", "/users/user_2abc")
    );
    assert!(deleted.deleted);
    assert_eq!(deleted.object, "user");
}

#[tokio::test]
async fn profile_image_is_one_multipart_file_part() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    server.reply(Reply::fixture(200, "user.json"));
    let png = b"\x89PNG\r\n\x1a\nfake-image-bytes".to_vec();
    let clerk = server.client();
    clerk
        .users()
        .set_profile_image(
            "user_2abc",
            FileUpload::from_bytes(png.clone(), "avatar.png").content_type("image/png"),
        )
        .await
        .expect("upload");
    clerk
        .users()
        .delete_profile_image("user_2abc")
        .await
        .expect("delete image");

    let reqs = server.requests();
    let upload = &reqs[0];
    assert_eq!(
        (upload.method.as_str(), upload.path.as_str()),
        ("POST", "/users/user_2abc/profile_image")
    );
    let content_type = upload.header("content-type").expect("content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart");
    let body = upload.body.as_ref();
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"avatar.png\"\r\nContent-Type: image/png\r\n\r\n"
    );
    assert!(
        body.starts_with(head.as_bytes()),
        "{}",
        String::from_utf8_lossy(body)
    );
    let tail = format!("\r\n--{boundary}--\r\n");
    assert_eq!(&body[head.len()..body.len() - tail.len()], png.as_slice());
    assert!(body.ends_with(tail.as_bytes()));
    assert_eq!(
        (reqs[1].method.as_str(), reqs[1].path.as_str()),
        ("DELETE", "/users/user_2abc/profile_image")
    );
}
