//! The stand-in's profile images, web3 wallets, passkeys, external accounts, trusted devices
//! and OAuth access tokens through this crate's own client.

use std::time::Duration;

use clerk_backend::models::{CreateUserParams, OAuthAccessTokenParams, User};
use clerk_backend::multipart::FileUpload;
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_tests::refusal;

const WALLET_A: &str = "0x0123456789abcdef0123456789abcdef01234567";
const WALLET_B: &str = "0x89abcdef0123456789abcdef0123456789abcdef";

/// A user with an address and two wallets, the first primary.
async fn ada(standin: &StandIn) -> User {
    standin
        .clerk()
        .users()
        .create(
            CreateUserParams::default()
                .email_address(["ada@example.com"])
                .web3_wallet([WALLET_A, WALLET_B]),
        )
        .await
        .expect("user")
}

#[tokio::test]
async fn a_profile_image_is_uploaded_as_multipart_and_deleted() {
    let standin = StandIn::builder()
        .webhook("http://127.0.0.1:9/hooks", generate_webhook_secret())
        .webhook_retry_delays([Duration::ZERO])
        .start()
        .await
        .expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    assert!(!user.has_image);

    let png = FileUpload::from_bytes(&b"\x89PNG\r\n\x1a\nnot really"[..], "ada.png")
        .content_type("image/png");
    let with_image = clerk
        .users()
        .set_profile_image(&user.id, png)
        .await
        .expect("upload");
    assert!(with_image.has_image);
    let url = with_image.image_url.clone().expect("an image URL");
    let fetched = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(fetched.image_url.as_deref(), Some(url.as_str()));
    // What went over the wire is the multipart body Clerk takes, with the file in `file`.
    let upload = standin
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/profile_image"))
        .expect("the upload was recorded");
    assert!(String::from_utf8_lossy(&upload.body).contains("name=\"file\""));

    let without = clerk
        .users()
        .delete_profile_image(&user.id)
        .await
        .expect("delete");
    assert!(!without.has_image);
    assert_eq!(without.image_url, None);

    // No file part: the spec's 400, naming the field.
    let empty = FileUpload::from_bytes(Vec::new(), "empty.png");
    assert_eq!(
        refusal(clerk.users().set_profile_image(&user.id, empty).await),
        (
            400,
            "form_param_missing".to_owned(),
            Some("file".to_owned())
        )
    );
    let (status, code, _) = refusal(clerk.users().delete_profile_image("user_missing").await);
    assert_eq!((status, code.as_str()), (404, "resource_not_found"));

    tokio::time::timeout(Duration::from_secs(10), standin.webhooks_settled())
        .await
        .expect("settled");
    let types: Vec<String> = standin
        .webhook_attempts()
        .into_iter()
        .filter(|a| a.attempt == 1)
        .map(|a| a.event_type)
        .collect();
    assert_eq!(types, ["user.created", "user.updated", "user.updated"]);
}

#[tokio::test]
async fn a_web3_wallet_is_deleted_and_the_primary_moves_on() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let first = user.web3_wallets[0].id.clone().expect("id");
    let second = user.web3_wallets[1].id.clone().expect("id");
    assert_eq!(user.primary_web3_wallet_id.as_deref(), Some(first.as_str()));

    let gone = clerk
        .users()
        .delete_web3_wallet(&user.id, &first)
        .await
        .expect("delete");
    assert!(gone.deleted);
    assert_eq!(
        (gone.object.as_str(), gone.id.as_deref()),
        ("web3_wallet", Some(first.as_str()))
    );
    let after = clerk.users().get(&user.id).await.expect("user");
    assert_eq!(after.web3_wallets.len(), 1);
    assert_eq!(
        after.primary_web3_wallet_id.as_deref(),
        Some(second.as_str())
    );

    // An id the user does not have (already deleted) is Clerk's 404.
    let (status, code, _) = refusal(clerk.users().delete_web3_wallet(&user.id, &first).await);
    assert_eq!((status, code.as_str()), (404, "resource_not_found"));
    clerk
        .users()
        .delete_web3_wallet(&user.id, &second)
        .await
        .expect("delete the last");
    let after = clerk.users().get(&user.id).await.expect("user");
    assert!(after.web3_wallets.is_empty());
    assert_eq!(after.primary_web3_wallet_id, None);
}

#[tokio::test]
async fn passkeys_external_accounts_and_trusted_devices_the_user_lacks_are_404() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let not_found = |result: (u16, String, Option<String>)| (result.0, result.1);

    assert_eq!(
        not_found(refusal(
            clerk.users().delete_passkey(&user.id, "idn_none").await
        )),
        (404, "resource_not_found".to_owned())
    );
    assert_eq!(
        not_found(refusal(
            clerk
                .users()
                .delete_external_account(&user.id, "eac_none")
                .await
        )),
        (404, "resource_not_found".to_owned())
    );
    assert_eq!(
        not_found(refusal(
            clerk
                .users()
                .revoke_trusted_device(&user.id, "tdv_none")
                .await
        )),
        (404, "resource_not_found".to_owned())
    );
    let devices = clerk
        .users()
        .list_trusted_devices(&user.id)
        .await
        .expect("devices");
    assert!(devices.data.is_empty());
    assert_eq!(devices.total_count, Some(0));
    assert_eq!(
        not_found(refusal(
            clerk.users().list_trusted_devices("user_missing").await
        )),
        (404, "resource_not_found".to_owned())
    );
}

#[tokio::test]
async fn a_user_without_external_accounts_has_no_oauth_tokens() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = ada(&standin).await;
    let tokens = clerk
        .users()
        .get_oauth_access_token(&user.id, "google", OAuthAccessTokenParams::default())
        .await
        .expect("tokens");
    assert!(tokens.data.is_empty());
    let paged = clerk
        .users()
        .get_oauth_access_token(
            &user.id,
            "oauth_github",
            OAuthAccessTokenParams::default().paginated(true),
        )
        .await
        .expect("tokens");
    assert_eq!(paged.total_count, Some(0));
    // The provider went over the wire with its prefix.
    assert!(standin
        .requests()
        .iter()
        .any(|r| r.path.ends_with("/oauth_access_tokens/oauth_google")));
    let (status, code, _) = refusal(
        clerk
            .users()
            .get_oauth_access_token("user_missing", "google", OAuthAccessTokenParams::default())
            .await,
    );
    assert_eq!((status, code.as_str()), (404, "resource_not_found"));
}
