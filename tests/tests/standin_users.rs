//! The stand-in's users, through the real client: create with Clerk's validation and
//! uniqueness rules, list and count with filters, ordering and pagination, get, update,
//! delete, metadata merge and replace, ban and lock, and password verification.

use clerk_backend::models::{
    CreateSessionParams, CreateUserParams, Metadata, PasswordHasher, ReplaceUserMetadataParams,
    SessionStatus, UpdateUserMetadataParams, UpdateUserParams, User, UserCountParams,
    UserIdsParams, UserListParams, UserOrderBy, VerificationStatus, VerifyPasswordParams,
};
use clerk_backend::testing::{Seed, StandIn};
use clerk_backend::{Clerk, Error, Method};
use http::StatusCode;
use serde_json::{json, Value};

async fn standin() -> StandIn {
    StandIn::start().await.expect("stand-in starts")
}

fn metadata(value: Value) -> Metadata {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// Status, code and `meta.param_name` of an API error.
fn api(err: &Error) -> (Option<StatusCode>, Option<&str>, Option<&str>) {
    let param = err
        .as_api()
        .and_then(|e| e.errors.first())
        .and_then(|d| d.meta.as_ref())
        .and_then(|m| m.get("param_name"))
        .and_then(Value::as_str);
    (err.status(), err.code(), param)
}

const UNPROCESSABLE: Option<StatusCode> = Some(StatusCode::UNPROCESSABLE_ENTITY);

async fn create(standin: &StandIn, params: CreateUserParams) -> User {
    standin
        .clerk()
        .users()
        .create(params)
        .await
        .expect("user created")
}

#[tokio::test]
async fn create_builds_verified_primary_identifications_and_the_request_is_recorded() {
    let standin = standin().await;
    let user = create(
        &standin,
        CreateUserParams::default()
            .first_name("Ada")
            .last_name("Lovelace")
            .username("ada_l")
            .external_id("ext-1")
            .email_address(["ada@example.com", "ada@work.example.com"])
            .phone_number(["+15555550100"])
            .web3_wallet(["0x52908400098527886E0F7030069857D2E4169EE7"])
            .password("correct horse battery")
            .public_metadata(metadata(json!({"plan": "pro"}))),
    )
    .await;

    assert!(user.id.starts_with("user_"));
    assert_eq!(user.object, "user");
    assert_eq!(user.username.as_deref(), Some("ada_l"));
    assert_eq!(user.external_id.as_deref(), Some("ext-1"));
    assert_eq!(user.email_addresses.len(), 2);
    let first = &user.email_addresses[0];
    assert!(first.id.as_deref().is_some_and(|id| id.starts_with("idn_")));
    assert_eq!(user.primary_email_address_id, first.id);
    let verification = first.verification.as_ref().expect("verification");
    assert_eq!(
        (&verification.status, verification.strategy.as_str()),
        (&VerificationStatus::Verified, "admin")
    );
    assert_eq!(user.primary_phone_number_id, user.phone_numbers[0].id);
    assert_eq!(user.primary_web3_wallet_id, user.web3_wallets[0].id);
    assert!(user.password_enabled);
    assert!(!user.banned && !user.locked);
    assert_eq!(user.public_metadata.get("plan"), Some(&json!("pro")));
    assert!(user.created_at > 0 && user.updated_at >= user.created_at);

    let fetched = standin.clerk().users().get(&user.id).await.expect("get");
    assert_eq!(fetched, user);

    let requests = standin.requests();
    let post = requests
        .iter()
        .find(|r| r.line() == "POST /users")
        .expect("POST /users recorded");
    let body = post.json().expect("JSON body");
    assert_eq!(
        body["email_address"],
        json!(["ada@example.com", "ada@work.example.com"])
    );
    assert_eq!(body["first_name"], "Ada");
    assert!(requests
        .iter()
        .any(|r| r.line() == format!("GET /users/{}", user.id)));
}

#[tokio::test]
async fn identifiers_already_taken_are_form_identifier_exists_with_the_param() {
    let standin = standin().await;
    create(
        &standin,
        CreateUserParams::default()
            .email_address(["taken@example.com"])
            .phone_number(["+15555550101"])
            .username("taken")
            .external_id("ext-taken")
            .web3_wallet(["0x52908400098527886E0F7030069857D2E4169EE7"]),
    )
    .await;
    let users = standin.clerk().users();
    let cases = [
        (
            CreateUserParams::default().email_address(["TAKEN@example.com"]),
            "email_address",
        ),
        (
            CreateUserParams::default().phone_number(["+15555550101"]),
            "phone_number",
        ),
        (CreateUserParams::default().username("Taken"), "username"),
        (
            CreateUserParams::default().external_id("ext-taken"),
            "external_id",
        ),
        (
            CreateUserParams::default().web3_wallet(["0x52908400098527886e0f7030069857d2e4169ee7"]),
            "web3_wallet",
        ),
        (
            CreateUserParams::default().email_address(["twice@example.com", "Twice@example.com"]),
            "email_address",
        ),
    ];
    for (params, param) in cases {
        let err = users.create(params).await.expect_err("taken");
        assert_eq!(
            api(&err),
            (UNPROCESSABLE, Some("form_identifier_exists"), Some(param)),
            "{param}"
        );
    }
    assert_eq!(
        users
            .count(UserCountParams::default())
            .await
            .expect("count")
            .total_count,
        1
    );
}

#[tokio::test]
async fn bad_fields_are_422_field_errors_with_clerk_codes() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let cases = [
        (
            CreateUserParams::default().email_address(["not-an-email"]),
            "form_param_format_invalid",
            "email_address",
        ),
        (
            CreateUserParams::default().email_address(["ada@localhost"]),
            "form_param_format_invalid",
            "email_address",
        ),
        (
            CreateUserParams::default().phone_number(["5550100"]),
            "form_param_format_invalid",
            "phone_number",
        ),
        (
            CreateUserParams::default().password("short"),
            "form_password_length_too_short",
            "password",
        ),
        (
            CreateUserParams::default().username("ab"),
            "form_username_invalid_length",
            "username",
        ),
        (
            CreateUserParams::default()
                .password_digest("$2a$10$abcdefghijklmnopqrstuv")
                .password_hasher(PasswordHasher::Bcrypt),
            "form_param_format_invalid",
            "password_hasher",
        ),
        (
            CreateUserParams::default()
                .password_digest("$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA"),
            "form_param_missing",
            "password_hasher",
        ),
        (
            CreateUserParams::default().created_at("yesterday"),
            "form_param_invalid_time",
            "created_at",
        ),
    ];
    for (params, code, param) in cases {
        let err = users.create(params).await.expect_err(code);
        assert_eq!(
            api(&err),
            (UNPROCESSABLE, Some(code), Some(param)),
            "{param}"
        );
    }

    // Several problems come back together.
    let err = users
        .create(
            CreateUserParams::default()
                .email_address(["nope"])
                .password("short"),
        )
        .await
        .expect_err("two problems");
    let codes: Vec<&str> = err
        .as_api()
        .map(|e| e.errors.iter().map(|d| d.code.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        codes,
        [
            "form_param_format_invalid",
            "form_password_length_too_short"
        ]
    );

    // skip_password_checks lets a short password through.
    let user = create(
        &standin,
        CreateUserParams::default()
            .password("short")
            .skip_password_checks(true),
    )
    .await;
    assert!(user.password_enabled);
}

#[tokio::test]
async fn unknown_user_ids_are_404_resource_not_found() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let missing = "user_missing";
    let errors = [
        users.get(missing).await.map(|_| ()),
        users
            .update(missing, UpdateUserParams::default().first_name("X"))
            .await
            .map(|_| ()),
        users.delete(missing).await.map(|_| ()),
        users.ban(missing).await.map(|_| ()),
        users.unban(missing).await.map(|_| ()),
        users.lock(missing).await.map(|_| ()),
        users.unlock(missing).await.map(|_| ()),
        users
            .update_metadata(missing, UpdateUserMetadataParams::default())
            .await
            .map(|_| ()),
        users
            .replace_metadata(missing, ReplaceUserMetadataParams::default())
            .await
            .map(|_| ()),
        users
            .verify_password(missing, VerifyPasswordParams::new("whatever1"))
            .await
            .map(|_| ()),
        users
            .bulk_ban(UserIdsParams::new([missing]))
            .await
            .map(|_| ()),
    ];
    for result in errors {
        let err = result.expect_err("unknown user");
        assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(err.code(), Some("resource_not_found"));
    }
}

#[tokio::test]
async fn a_wrong_secret_key_is_401() {
    let standin = standin().await;
    let wrong = Clerk::builder()
        .secret_key("sk_test_not_the_one")
        .base_url(standin.url())
        .build()
        .expect("client");
    let err = wrong
        .users()
        .list(UserListParams::default())
        .await
        .expect_err("401");
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(err.code(), Some("clerk_key_invalid"));
}

/// Six users created in this order, so the default order is the reverse.
async fn seeded(standin: &StandIn) -> Vec<User> {
    let people = [
        (
            "Grace",
            "Hopper",
            "grace",
            "+15555550001",
            "2020-01-01T00:00:00Z",
        ),
        (
            "Alan",
            "Turing",
            "alan",
            "+15555550002",
            "2020-02-01T00:00:00Z",
        ),
        (
            "Ada",
            "Lovelace",
            "adalove",
            "+15555550003",
            "2020-03-01T00:00:00Z",
        ),
        (
            "Edsger",
            "Dijkstra",
            "edsger",
            "+15555550004",
            "2020-04-01T00:00:00Z",
        ),
        (
            "Barbara",
            "Liskov",
            "barbara",
            "+15555550005",
            "2020-05-01T00:00:00Z",
        ),
        (
            "Donald",
            "Knuth",
            "donald",
            "+15555550006",
            "2020-06-01T00:00:00Z",
        ),
    ];
    let mut seed = Seed::new();
    for (i, (first, last, username, phone, created)) in people.into_iter().enumerate() {
        seed = seed.user(
            CreateUserParams::default()
                .first_name(first)
                .last_name(last)
                .username(username)
                .phone_number([phone])
                .email_address([format!("{username}@example.com")])
                .external_id(format!("ext-{i}"))
                .created_at(created),
        );
    }
    standin.seed(seed).await.expect("seeded").users
}

fn names(users: &[User]) -> Vec<&str> {
    users
        .iter()
        .map(|u| u.first_name.as_deref().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn list_filters_orders_and_pages_like_the_api() {
    let standin = standin().await;
    let seeded = seeded(&standin).await;
    let users = standin.clerk().users();
    let list = |params: UserListParams| async move { users.list(params).await.expect("list").data };

    // Default: newest first (by created_at, here set from the body), 10 at most.
    assert_eq!(
        names(&list(UserListParams::default()).await),
        ["Donald", "Barbara", "Edsger", "Ada", "Alan", "Grace"]
    );
    assert_eq!(
        names(&list(UserListParams::default().order_by(UserOrderBy::CreatedAtAsc)).await),
        ["Grace", "Alan", "Ada", "Edsger", "Barbara", "Donald"]
    );
    assert_eq!(
        names(&list(UserListParams::default().order_by(UserOrderBy::FirstNameAsc)).await),
        ["Ada", "Alan", "Barbara", "Donald", "Edsger", "Grace"]
    );
    assert_eq!(
        names(&list(UserListParams::default().order_by(UserOrderBy::UsernameDesc)).await),
        ["Grace", "Edsger", "Donald", "Barbara", "Alan", "Ada"]
    );
    // limit and offset over the ordered list.
    assert_eq!(
        names(
            &list(
                UserListParams::default()
                    .order_by(UserOrderBy::LastNameAsc)
                    .limit(2)
                    .offset(1)
            )
            .await
        ),
        ["Hopper", "Knuth"]
            .iter()
            .map(|last| {
                seeded
                    .iter()
                    .find(|u| u.last_name.as_deref() == Some(last))
                    .and_then(|u| u.first_name.as_deref())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
    );
    // The cursor follows the created_at order.
    assert_eq!(
        names(
            &list(
                UserListParams::default()
                    .starting_after(seeded[3].id.clone())
                    .limit(2)
            )
            .await
        ),
        ["Ada", "Alan"]
    );

    // Exact filters (emails ignore case), with + and - on ids.
    assert_eq!(
        names(
            &list(
                UserListParams::default()
                    .email_address(["ADALOVE@example.com", "alan@example.com"])
            )
            .await
        ),
        ["Ada", "Alan"]
    );
    assert_eq!(
        names(&list(UserListParams::default().phone_number(["+15555550006"])).await),
        ["Donald"]
    );
    assert_eq!(
        names(&list(UserListParams::default().username(["grace", "nobody"])).await),
        ["Grace"]
    );
    assert_eq!(
        names(&list(UserListParams::default().external_id(["+ext-0", "ext-1"])).await),
        ["Alan", "Grace"]
    );
    assert_eq!(
        names(
            &list(
                UserListParams::default()
                    .user_id([format!("-{}", seeded[0].id), format!("-{}", seeded[5].id)])
            )
            .await
        ),
        ["Barbara", "Edsger", "Ada", "Alan"]
    );
    // Partial matches.
    assert_eq!(
        names(&list(UserListParams::default().query("LOVE")).await),
        ["Ada"]
    );
    assert_eq!(
        names(&list(UserListParams::default().query(&seeded[1].id[..12])).await),
        ["Alan"],
        "ids match partially too"
    );
    assert_eq!(
        names(&list(UserListParams::default().query("USER_")).await).len(),
        6
    );
    assert_eq!(
        names(&list(UserListParams::default().name_query("ara L")).await),
        ["Barbara"]
    );
    assert_eq!(
        names(&list(UserListParams::default().username_query("ED")).await),
        ["Edsger"]
    );
    assert_eq!(
        names(&list(UserListParams::default().phone_number_query("555000")).await).len(),
        6
    );
    assert_eq!(
        names(&list(UserListParams::default().email_address_query("ald@")).await),
        ["Donald"]
    );
    // Time bounds are exclusive.
    assert_eq!(
        names(
            &list(
                UserListParams::default()
                    .created_at_after(seeded[1].created_at)
                    .created_at_before(seeded[4].created_at)
            )
            .await
        ),
        ["Edsger", "Ada"]
    );
    // Everything combines with AND.
    assert_eq!(
        names(
            &list(
                UserListParams::default()
                    .query("a")
                    .banned(false)
                    .order_by(UserOrderBy::CreatedAtAsc)
                    .limit(3)
            )
            .await
        ),
        ["Grace", "Alan", "Ada"]
    );
}

#[tokio::test]
async fn activity_filters_and_orders_follow_sessions() {
    let standin = standin().await;
    let seeded = seeded(&standin).await;
    let before = clerk_now();
    standin
        .clerk()
        .sessions()
        .create(CreateSessionParams::new(seeded[2].id.clone()))
        .await
        .expect("session");
    let users = standin.clerk().users();
    let active = users
        .list(UserListParams::default().last_active_at_after(before - 1))
        .await
        .expect("list");
    assert_eq!(names(&active.data), ["Ada"]);
    let signed_in = users
        .list(UserListParams::default().order_by(UserOrderBy::LastSignInAtDesc))
        .await
        .expect("list");
    // Users who never signed in come after, in the default order.
    assert_eq!(
        names(&signed_in.data),
        ["Ada", "Donald", "Barbara", "Edsger", "Alan", "Grace"]
    );
    let inactive = users
        .count(UserCountParams::default().last_active_at_before(before))
        .await
        .expect("count");
    assert_eq!(inactive.total_count, 0, "users never active match no bound");
}

fn clerk_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or_default())
        .unwrap_or_default()
}

#[tokio::test]
async fn count_matches_the_list_for_the_same_filters() {
    let standin = standin().await;
    seeded(&standin).await;
    let users = standin.clerk().users();
    let total = users
        .count(UserCountParams::default())
        .await
        .expect("count");
    assert_eq!(
        (total.object.as_str(), total.total_count),
        ("total_count", 6)
    );
    for needle in ["a", "ed", "zzz"] {
        let listed = users
            .list(UserListParams::default().query(needle).limit(500))
            .await
            .expect("list")
            .data
            .len();
        let counted = users
            .count(UserCountParams::default().query(needle))
            .await
            .expect("count")
            .total_count;
        assert_eq!(i64::try_from(listed).ok(), Some(counted), "{needle}");
    }
    let counted = users
        .count(
            UserCountParams::default().email_address(["adalove@example.com", "grace@example.com"]),
        )
        .await
        .expect("count");
    assert_eq!(counted.total_count, 2);
    // A provider filter matches nobody: the stand-in has no external accounts.
    let counted = users
        .count(
            UserCountParams::default()
                .provider("oauth_google")
                .provider_user_id(["123"]),
        )
        .await
        .expect("count");
    assert_eq!(counted.total_count, 0);
}

#[tokio::test]
async fn bad_list_queries_are_422() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let cases = [
        (
            UserListParams::default().order_by(UserOrderBy::Unknown("-shoe_size".into())),
            "form_param_format_invalid",
            "order_by",
        ),
        (
            UserListParams::default().limit(501),
            "form_param_format_invalid",
            "limit",
        ),
        (
            UserListParams::default()
                .starting_after("user_1")
                .order_by(UserOrderBy::FirstNameAsc),
            "form_param_format_invalid",
            "starting_after",
        ),
        (
            UserListParams::default().provider("oauth_google"),
            "form_param_missing",
            "provider_user_id",
        ),
    ];
    for (params, code, param) in cases {
        let err = users.list(params).await.expect_err(param);
        assert_eq!(
            api(&err),
            (UNPROCESSABLE, Some(code), Some(param)),
            "{param}"
        );
    }
}

#[tokio::test]
async fn update_changes_given_fields_and_keeps_identifiers_unique() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let other = create(&standin, CreateUserParams::default().username("other")).await;
    let user = create(
        &standin,
        CreateUserParams::default()
            .first_name("Ada")
            .email_address(["one@example.com", "two@example.com"])
            .password("first password"),
    )
    .await;
    let second_email = user.email_addresses[1].id.clone().expect("id");

    let updated = users
        .update(
            &user.id,
            UpdateUserParams::default()
                .last_name("Byron")
                .username("ada_b")
                .external_id("ext-ada")
                .primary_email_address_id(second_email.clone())
                .password("second password"),
        )
        .await
        .expect("update");
    assert_eq!(updated.first_name.as_deref(), Some("Ada"), "untouched");
    assert_eq!(updated.last_name.as_deref(), Some("Byron"));
    assert_eq!(updated.username.as_deref(), Some("ada_b"));
    assert_eq!(updated.primary_email_address_id, Some(second_email));
    assert!(updated.updated_at >= user.updated_at);
    // The password was re-hashed: only the new one verifies.
    assert!(users
        .verify_password(&user.id, VerifyPasswordParams::new("second password"))
        .await
        .expect("new password")
        .is_verified());
    assert!(users
        .verify_password(&user.id, VerifyPasswordParams::new("first password"))
        .await
        .is_err());

    let err = users
        .update(&user.id, UpdateUserParams::default().username("OTHER"))
        .await
        .expect_err("taken");
    assert_eq!(
        api(&err),
        (
            UNPROCESSABLE,
            Some("form_identifier_exists"),
            Some("username")
        )
    );
    // Keeping one's own username is fine.
    users
        .update(&other.id, UpdateUserParams::default().username("other"))
        .await
        .expect("own username");
    let err = users
        .update(
            &user.id,
            UpdateUserParams::default().primary_email_address_id(other.id.clone()),
        )
        .await
        .expect_err("not the user's email");
    assert_eq!(
        api(&err),
        (
            UNPROCESSABLE,
            Some("form_param_format_invalid"),
            Some("primary_email_address_id")
        )
    );
    let err = users
        .update(&user.id, UpdateUserParams::default().password("short"))
        .await
        .expect_err("short password");
    assert_eq!(err.code(), Some("form_password_length_too_short"));
}

#[tokio::test]
async fn delete_removes_the_user_and_revokes_their_sessions() {
    let standin = standin().await;
    let user = create(&standin, CreateUserParams::default().username("leaving")).await;
    let session = standin
        .clerk()
        .sessions()
        .create(CreateSessionParams::new(user.id.clone()))
        .await
        .expect("session");

    let deleted = standin
        .clerk()
        .users()
        .delete(&user.id)
        .await
        .expect("delete");
    assert_eq!(
        (
            deleted.object.as_str(),
            deleted.id.as_deref(),
            deleted.deleted
        ),
        ("user", Some(user.id.as_str()), true)
    );
    let err = standin
        .clerk()
        .users()
        .get(&user.id)
        .await
        .expect_err("gone");
    assert_eq!(err.code(), Some("resource_not_found"));
    let session = standin
        .clerk()
        .sessions()
        .get(&session.id)
        .await
        .expect("session");
    assert_eq!(session.status, SessionStatus::Revoked);
    // The username is free again.
    create(&standin, CreateUserParams::default().username("leaving")).await;
}

#[tokio::test]
async fn metadata_merges_deeply_and_null_deletes_and_put_replaces() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let user = create(
        &standin,
        CreateUserParams::default()
            .public_metadata(metadata(json!({
                "plan": "free",
                "limits": {"seats": 1, "projects": 3},
                "beta": true
            })))
            .private_metadata(metadata(json!({"stripe": "cus_1"}))),
    )
    .await;

    let merged = users
        .update_metadata(
            &user.id,
            UpdateUserMetadataParams::default()
                .public_metadata(metadata(json!({
                    "plan": "pro",
                    "limits": {"seats": 5, "projects": null},
                    "beta": null,
                    "tags": ["a"]
                })))
                .unsafe_metadata(metadata(json!({"theme": "dark"}))),
        )
        .await
        .expect("merge");
    assert_eq!(
        Value::Object(merged.public_metadata.clone()),
        json!({"plan": "pro", "limits": {"seats": 5}, "tags": ["a"]})
    );
    assert_eq!(
        merged.private_metadata.map(Value::Object),
        Some(json!({"stripe": "cus_1"})),
        "objects not given are untouched"
    );
    assert_eq!(
        merged.unsafe_metadata.map(Value::Object),
        Some(json!({"theme": "dark"}))
    );

    let replaced = users
        .replace_metadata(
            &user.id,
            ReplaceUserMetadataParams::default().public_metadata(metadata(json!({"only": 1}))),
        )
        .await
        .expect("replace");
    assert_eq!(Value::Object(replaced.public_metadata), json!({"only": 1}));
    assert_eq!(
        replaced.private_metadata.map(Value::Object),
        Some(json!({"stripe": "cus_1"}))
    );
    let recorded = standin
        .requests()
        .into_iter()
        .filter(|r| r.path == format!("/users/{}/metadata", user.id))
        .map(|r| r.method.to_string())
        .collect::<Vec<_>>();
    assert_eq!(recorded, ["PATCH", "PUT"]);

    let err = standin
        .clerk()
        .raw::<Value>(Method::PATCH, &format!("/users/{}/metadata", user.id))
        .json(&json!({"public_metadata": "not an object"}))
        .await
        .expect_err("not an object");
    assert_eq!(
        api(&err),
        (
            UNPROCESSABLE,
            Some("form_param_format_invalid"),
            Some("public_metadata")
        )
    );
}

#[tokio::test]
async fn ban_unban_lock_and_unlock() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let user = create(&standin, CreateUserParams::default().username("rebel")).await;
    let session = standin
        .clerk()
        .sessions()
        .create(CreateSessionParams::new(user.id.clone()))
        .await
        .expect("session");

    let banned = users.ban(&user.id).await.expect("ban");
    assert!(banned.banned);
    let session = standin
        .clerk()
        .sessions()
        .get(&session.id)
        .await
        .expect("session");
    assert_eq!(
        session.status,
        SessionStatus::Revoked,
        "a ban revokes sessions"
    );
    assert_eq!(
        users
            .count(UserCountParams::default().banned(true))
            .await
            .expect("count")
            .total_count,
        1
    );
    assert!(!users.unban(&user.id).await.expect("unban").banned);

    let locked = users.lock(&user.id).await.expect("lock");
    assert!(locked.locked);
    assert!(locked
        .lockout_expires_in_seconds
        .is_some_and(|s| (3590..=3600).contains(&s)));
    assert_eq!(locked.verification_attempts_remaining, Some(0));
    assert!(users.get(&user.id).await.expect("get").locked);
    let unlocked = users.unlock(&user.id).await.expect("unlock");
    assert!(!unlocked.locked);
    assert_eq!(unlocked.lockout_expires_in_seconds, None);

    let bulk = users
        .bulk_ban(UserIdsParams::new([user.id.clone()]))
        .await
        .expect("bulk ban");
    assert!(bulk.iter().all(|u| u.banned));
    let bulk = users
        .bulk_unban(UserIdsParams::new([user.id.clone()]))
        .await
        .expect("bulk unban");
    assert!(bulk.iter().all(|u| !u.banned));
    let err = users
        .bulk_ban(UserIdsParams::new(Vec::<String>::new()))
        .await
        .expect_err("empty");
    assert_eq!(
        api(&err),
        (
            UNPROCESSABLE,
            Some("form_param_format_invalid"),
            Some("user_ids")
        )
    );

    // Created banned and locked.
    let user = create(
        &standin,
        CreateUserParams::default().banned(true).locked(true),
    )
    .await;
    assert!(user.banned && user.locked);
}

#[tokio::test]
async fn verify_password_checks_a_real_hash() {
    let standin = standin().await;
    let users = standin.clerk().users();
    let user = create(
        &standin,
        CreateUserParams::default().password("correct horse battery"),
    )
    .await;

    let ok = users
        .verify_password(&user.id, VerifyPasswordParams::new("correct horse battery"))
        .await
        .expect("right password");
    assert!(ok.is_verified());

    let err = users
        .verify_password(&user.id, VerifyPasswordParams::new("Correct horse battery"))
        .await
        .expect_err("wrong password");
    assert_eq!(
        api(&err),
        (
            UNPROCESSABLE,
            Some("form_password_incorrect"),
            Some("password")
        )
    );

    // Nothing the stand-in answers carries the password back.
    let answers = serde_json::to_string(&users.get(&user.id).await.expect("get")).expect("json");
    assert!(!answers.contains("correct horse"));

    let err = standin
        .clerk()
        .raw::<Value>(Method::POST, &format!("/users/{}/verify_password", user.id))
        .json(&json!({}))
        .await
        .expect_err("no password given");
    assert_eq!(
        api(&err),
        (UNPROCESSABLE, Some("form_param_missing"), Some("password"))
    );

    let without = create(&standin, CreateUserParams::default().username("nopass")).await;
    assert!(!without.password_enabled);
    let err = users
        .verify_password(&without.id, VerifyPasswordParams::new("anything1"))
        .await
        .expect_err("no password set");
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
    assert_eq!(err.code(), Some("password_not_set"));
}

#[tokio::test]
async fn imported_argon2_digests_verify() {
    let standin = standin().await;
    let users = standin.clerk().users();
    // Digests of "imported password" (m=64, t=1, p=1, salt "somesalt").
    let digests = [
        (
            PasswordHasher::Argon2id,
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$S8M8VxSIVBxfLjIJponlK1RY9Ww43+sb1GKDPKjheds",
        ),
        (
            PasswordHasher::Argon2i,
            "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$pMbReJVaK7j1w4jEX62Otuuc8dlGNWsedLL0rED04p4",
        ),
    ];
    for (hasher, digest) in digests.clone() {
        let user = create(
            &standin,
            CreateUserParams::default()
                .password_digest(digest)
                .password_hasher(hasher),
        )
        .await;
        assert!(user.password_enabled);
        assert!(users
            .verify_password(&user.id, VerifyPasswordParams::new("imported password"))
            .await
            .expect("right password")
            .is_verified());
        let err = users
            .verify_password(&user.id, VerifyPasswordParams::new("not it"))
            .await
            .expect_err("wrong password");
        assert_eq!(err.code(), Some("form_password_incorrect"));
    }
    let err = users
        .create(
            CreateUserParams::default()
                .password_digest(digests[1].1)
                .password_hasher(PasswordHasher::Argon2id),
        )
        .await
        .expect_err("hasher does not match the digest");
    assert_eq!(
        api(&err),
        (
            UNPROCESSABLE,
            Some("form_param_format_invalid"),
            Some("password_digest")
        )
    );
}

#[tokio::test]
async fn argon2_digests_with_huge_costs_are_refused_at_import() {
    let standin = standin().await;
    let users = standin.clerk().users();
    // The salt and hash of "imported password" at m=64, t=1, p=1; only the costs change.
    let digest = |costs: &str| {
        format!("$argon2id$v=19${costs}$c29tZXNhbHQ$S8M8VxSIVBxfLjIJponlK1RY9Ww43+sb1GKDPKjheds")
    };
    // Checking a password against the first would allocate 4 GiB; the others are each just
    // over one cap (memory 64 MiB, 10 passes, 4 lanes).
    for costs in [
        "m=4194304,t=1,p=1",
        "m=65537,t=1,p=1",
        "m=64,t=11,p=1",
        "m=64,t=1,p=5",
    ] {
        let refused = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            users.create(
                CreateUserParams::default()
                    .password_digest(digest(costs))
                    .password_hasher(PasswordHasher::Argon2id),
            ),
        )
        .await
        .expect("refused without hashing anything");
        let err = refused.expect_err(costs);
        assert_eq!(
            api(&err),
            (
                UNPROCESSABLE,
                Some("form_param_format_invalid"),
                Some("password_digest")
            ),
            "{costs}"
        );
        let long = err.as_api().and_then(|e| e.errors[0].long_message.clone());
        assert!(
            long.as_deref().is_some_and(|m| m.contains("up to m=65536")),
            "{long:?}"
        );
    }
    // Updating a user's password is held to the same caps.
    let user = create(&standin, CreateUserParams::default().username("capped")).await;
    let err = users
        .update(
            &user.id,
            UpdateUserParams::default()
                .password_digest(digest("m=4194304,t=1,p=1"))
                .password_hasher(PasswordHasher::Argon2id),
        )
        .await
        .expect_err("refused");
    assert_eq!(err.code(), Some("form_param_format_invalid"));

    // Within the caps a digest imports and verifies (on the blocking pool).
    let user = create(
        &standin,
        CreateUserParams::default()
            .password_digest(digest("m=64,t=1,p=1"))
            .password_hasher(PasswordHasher::Argon2id),
    )
    .await;
    assert!(users
        .verify_password(&user.id, VerifyPasswordParams::new("imported password"))
        .await
        .expect("verify")
        .is_verified());
}

#[tokio::test]
async fn organization_filters_use_memberships() {
    let standin = standin().await;
    let seeded = standin
        .seed(
            Seed::new()
                .user(CreateUserParams::default().username("member_a"))
                .user(CreateUserParams::default().username("member_b"))
                .user(CreateUserParams::default().username("loner"))
                .organization(clerk_backend::models::CreateOrganizationParams::new("Acme"))
                .organization(clerk_backend::models::CreateOrganizationParams::new(
                    "Globex",
                ))
                .member(0, 0, "org:admin")
                .member(0, 1, "org:member")
                .member(1, 1, "org:member"),
        )
        .await
        .expect("seeded");
    let (acme, globex) = (&seeded.organizations[0].id, &seeded.organizations[1].id);
    let users = standin.clerk().users();
    let usernames = |page: clerk_backend::Page<User>| {
        page.data
            .into_iter()
            .filter_map(|u| u.username)
            .collect::<Vec<_>>()
    };
    let in_acme = users
        .list(UserListParams::default().organization_id([acme.clone()]))
        .await
        .expect("list");
    assert_eq!(usernames(in_acme), ["member_b", "member_a"]);
    let acme_not_globex = users
        .list(UserListParams::default().organization_id([acme.clone(), format!("-{globex}")]))
        .await
        .expect("list");
    assert_eq!(usernames(acme_not_globex), ["member_a"]);
    let count = users
        .count(UserCountParams::default().organization_id([format!("-{acme}")]))
        .await
        .expect("count");
    assert_eq!(count.total_count, 1, "only the loner is outside Acme");

    // Deleting a user drops their memberships.
    users.delete(&seeded.users[0].id).await.expect("delete");
    let in_acme = users
        .list(UserListParams::default().organization_id([acme.clone()]))
        .await
        .expect("list");
    assert_eq!(usernames(in_acme), ["member_b"]);
}
