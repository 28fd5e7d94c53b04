//! The stand-in's second factors and password actions through this crate's own client: TOTP
//! and backup codes given on create and checked by `verify_totp`, the MFA removals, and
//! compromised and removed passwords.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_lc_rs::hmac;
use clerk_backend::models::{
    CreatePhoneNumberParams, CreateSessionParams, CreateUserParams, RemovePasswordParams,
    SessionStatus, SetPasswordCompromisedParams, TotpCodeType, User, VerifyPasswordParams,
    VerifyTotpParams,
};
use clerk_backend::testing::{generate_webhook_secret, StandIn};
use clerk_tests::refusal;

/// RFC 6238's SHA-1 test secret, "12345678901234567890", in base32 as Clerk takes it.
const SECRET_BASE32: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const SECRET: &[u8] = b"12345678901234567890";

/// The current TOTP of [`SECRET`]: SHA-1, 6 digits, 30 seconds, Clerk's settings.
fn current_totp() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    let key = hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, SECRET);
    let mac = hmac::sign(&key, &(now / 30).to_be_bytes());
    let mac = mac.as_ref();
    let at = usize::from(mac[mac.len() - 1] & 0x0f);
    let word = u32::from_be_bytes([mac[at] & 0x7f, mac[at + 1], mac[at + 2], mac[at + 3]]);
    format!("{:06}", word % 1_000_000)
}

/// A user with TOTP and two backup codes.
async fn with_mfa(standin: &StandIn) -> User {
    standin
        .clerk()
        .users()
        .create(
            CreateUserParams::default()
                .email_address(["ada@example.com"])
                .totp_secret(SECRET_BASE32)
                .backup_codes(["backup-one", "backup-two"]),
        )
        .await
        .expect("user")
}

#[tokio::test]
async fn a_totp_secret_and_backup_codes_on_create_turn_on_two_factor() {
    let standin = StandIn::start().await.expect("start");
    let user = with_mfa(&standin).await;
    assert!(user.totp_enabled && user.backup_code_enabled && user.two_factor_enabled);
    assert!(user.mfa_enabled_at.is_some());

    let plain = standin
        .clerk()
        .users()
        .create(CreateUserParams::default().email_address(["bob@example.com"]))
        .await
        .expect("user");
    assert!(!plain.totp_enabled && !plain.two_factor_enabled);

    // A secret that is not base32 is Clerk's 422 naming it.
    let refused = standin
        .clerk()
        .users()
        .create(CreateUserParams::default().totp_secret("not base32!"))
        .await;
    assert_eq!(
        refusal(refused),
        (
            422,
            "form_param_format_invalid".to_owned(),
            Some("totp_secret".to_owned())
        )
    );
}

#[tokio::test]
async fn verify_totp_takes_the_current_code_and_uses_up_backup_codes() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = with_mfa(&standin).await;

    let totp = clerk
        .users()
        .verify_totp(&user.id, VerifyTotpParams::new(current_totp()))
        .await
        .expect("the current TOTP");
    assert!(totp.is_verified());
    assert_eq!(totp.code_type, Some(TotpCodeType::Totp));

    let backup = clerk
        .users()
        .verify_totp(&user.id, VerifyTotpParams::new("backup-one"))
        .await
        .expect("a backup code");
    assert_eq!(backup.code_type, Some(TotpCodeType::BackupCode));
    // Used up: the same code is now wrong, the other one still works.
    assert_eq!(
        refusal(
            clerk
                .users()
                .verify_totp(&user.id, VerifyTotpParams::new("backup-one"))
                .await
        ),
        (
            422,
            "form_code_incorrect".to_owned(),
            Some("code".to_owned())
        )
    );
    clerk
        .users()
        .verify_totp(&user.id, VerifyTotpParams::new("backup-two"))
        .await
        .expect("the other backup code");
    // The last backup code gone, backup codes are off; TOTP keeps two factor on.
    let after = clerk.users().get(&user.id).await.expect("user");
    assert!(!after.backup_code_enabled && after.totp_enabled && after.two_factor_enabled);

    // A user without TOTP or backup codes: the spec's 400.
    let plain = clerk
        .users()
        .create(CreateUserParams::default().email_address(["bob@example.com"]))
        .await
        .expect("user");
    let (status, _, _) = refusal(
        clerk
            .users()
            .verify_totp(&plain.id, VerifyTotpParams::new("123456"))
            .await,
    );
    assert_eq!(status, 400);
    let (status, code, _) = refusal(
        clerk
            .users()
            .verify_totp("user_missing", VerifyTotpParams::new("123456"))
            .await,
    );
    assert_eq!((status, code.as_str()), (404, "resource_not_found"));
}

#[tokio::test]
async fn mfa_comes_off_one_kind_at_a_time_or_all_at_once() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = with_mfa(&standin).await;

    let affected = clerk
        .users()
        .delete_totp(&user.id)
        .await
        .expect("delete TOTP");
    assert_eq!(affected.user_id.as_deref(), Some(user.id.as_str()));
    let after = clerk.users().get(&user.id).await.expect("user");
    assert!(!after.totp_enabled && after.backup_code_enabled && after.two_factor_enabled);
    // The TOTP is really gone, and deleting it again is a 404.
    let (status, _, _) = refusal(
        clerk
            .users()
            .verify_totp(&user.id, VerifyTotpParams::new(current_totp()))
            .await,
    );
    assert_eq!(status, 422);
    let (status, code, _) = refusal(clerk.users().delete_totp(&user.id).await);
    assert_eq!((status, code.as_str()), (404, "resource_not_found"));

    clerk
        .users()
        .delete_backup_codes(&user.id)
        .await
        .expect("delete backup codes");
    let after = clerk.users().get(&user.id).await.expect("user");
    assert!(!after.backup_code_enabled && !after.two_factor_enabled);
    assert!(after.mfa_disabled_at.is_some());
    let (status, _, _) = refusal(clerk.users().delete_backup_codes(&user.id).await);
    assert_eq!(status, 404);

    // All at once, a phone number reserved for second factor included.
    let other = clerk
        .users()
        .create(
            CreateUserParams::default()
                .email_address(["bob@example.com"])
                .totp_secret(SECRET_BASE32),
        )
        .await
        .expect("user");
    let phone = clerk
        .phone_numbers()
        .create(
            CreatePhoneNumberParams::new(&other.id, "+15555550100")
                .verified(true)
                .reserved_for_second_factor(true),
        )
        .await
        .expect("phone");
    clerk.users().disable_mfa(&other.id).await.expect("disable");
    let after = clerk.users().get(&other.id).await.expect("user");
    assert!(!after.totp_enabled && !after.two_factor_enabled);
    let phone = clerk
        .phone_numbers()
        .get(phone.id.as_deref().expect("id"))
        .await
        .expect("phone");
    assert_eq!(phone.reserved_for_second_factor, Some(false));
    let (status, _, _) = refusal(clerk.users().disable_mfa("user_missing").await);
    assert_eq!(status, 404);
}

#[tokio::test]
async fn remove_password_takes_it_away_and_can_sign_out_every_session() {
    let standin = StandIn::builder()
        .webhook("http://127.0.0.1:9/hooks", generate_webhook_secret())
        .webhook_retry_delays([Duration::ZERO])
        .start()
        .await
        .expect("start");
    let clerk = standin.clerk();
    let user = clerk
        .users()
        .create(
            CreateUserParams::default()
                .email_address(["ada@example.com"])
                .password("correct horse battery"),
        )
        .await
        .expect("user");
    let session = clerk
        .sessions()
        .create(CreateSessionParams::new(&user.id))
        .await
        .expect("session");

    let removed = clerk
        .users()
        .remove_password(
            &user.id,
            RemovePasswordParams::default().sign_out_of_other_sessions(true),
        )
        .await
        .expect("remove");
    assert!(!removed.password_enabled);
    let (status, _, _) = refusal(
        clerk
            .users()
            .verify_password(&user.id, VerifyPasswordParams::new("correct horse battery"))
            .await,
    );
    assert_eq!(status, 400, "no password to check any more");
    let session = clerk.sessions().get(&session.id).await.expect("session");
    assert_eq!(session.status, SessionStatus::Revoked);

    // Without a password: the user unchanged, and no event (the spec's rule).
    let again = clerk
        .users()
        .remove_password(&user.id, RemovePasswordParams::default())
        .await
        .expect("again");
    assert_eq!(again.updated_at, removed.updated_at);

    tokio::time::timeout(Duration::from_secs(10), standin.webhooks_settled())
        .await
        .expect("settled");
    let types: Vec<String> = standin
        .webhook_attempts()
        .into_iter()
        .filter(|a| a.attempt == 1)
        .map(|a| a.event_type)
        .collect();
    assert_eq!(
        types,
        [
            "user.created",
            "session.created",
            "user.updated",
            "session.revoked"
        ]
    );
}

#[tokio::test]
async fn a_password_is_marked_compromised_and_cleared() {
    let standin = StandIn::start().await.expect("start");
    let clerk = standin.clerk();
    let user = clerk
        .users()
        .create(
            CreateUserParams::default()
                .email_address(["ada@example.com"])
                .password("correct horse battery"),
        )
        .await
        .expect("user");
    let session = clerk
        .sessions()
        .create(CreateSessionParams::new(&user.id))
        .await
        .expect("session");

    let marked = clerk
        .users()
        .set_password_compromised(&user.id, SetPasswordCompromisedParams::default())
        .await
        .expect("mark");
    assert!(marked.password_enabled);
    // Without revoke_all_sessions the session lives on.
    let live = clerk.sessions().get(&session.id).await.expect("session");
    assert_eq!(live.status, SessionStatus::Active);
    clerk
        .users()
        .set_password_compromised(
            &user.id,
            SetPasswordCompromisedParams::default().revoke_all_sessions(true),
        )
        .await
        .expect("mark and sign out");
    let ended = clerk.sessions().get(&session.id).await.expect("session");
    assert_eq!(ended.status, SessionStatus::Revoked);
    clerk
        .users()
        .unset_password_compromised(&user.id)
        .await
        .expect("clear");

    // A user without a password has nothing to mark.
    let plain = clerk
        .users()
        .create(CreateUserParams::default().email_address(["bob@example.com"]))
        .await
        .expect("user");
    let (status, _, _) = refusal(
        clerk
            .users()
            .set_password_compromised(&plain.id, SetPasswordCompromisedParams::default())
            .await,
    );
    assert_eq!(status, 400);
    let (status, code, _) = refusal(
        clerk
            .users()
            .unset_password_compromised("user_missing")
            .await,
    );
    assert_eq!((status, code.as_str()), (404, "resource_not_found"));
}
