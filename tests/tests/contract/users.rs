//! Users.

use clerk_backend::models::*;
use clerk_backend::multipart::FileUpload;
use clerk_backend::Clerk;

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

    run.ok(clerk
        .users()
        .bulk_ban(UserIdsParams::new(["user_1", "user_2"])))
        .await;
    run.ok(clerk.users().bulk_unban(UserIdsParams::new(["user_1"])))
        .await;
    run.ok(clerk.users().ban("user_1")).await;
    run.ok(clerk.users().unban("user_1")).await;
    run.ok(clerk.users().lock("user_1")).await;
    run.ok(clerk.users().unlock("user_1")).await;
    let mut public = Metadata::new();
    public.insert("plan".into(), serde_json::json!("pro"));
    run.ok(clerk.users().update_metadata(
        "user_1",
        UpdateUserMetadataParams::default().public_metadata(public.clone()),
    ))
    .await;
    run.ok(clerk.users().replace_metadata(
        "user_1",
        ReplaceUserMetadataParams::default()
            .public_metadata(public)
            .private_metadata(Metadata::new()),
    ))
    .await;
    run.ok(clerk
        .users()
        .verify_password("user_1", VerifyPasswordParams::new("hunter2-but-longer")))
        .await;
    run.ok(clerk
        .users()
        .verify_totp("user_1", VerifyTotpParams::new("123456")))
        .await;
    run.ok(clerk.users().disable_mfa("user_1")).await;
    run.ok(clerk.users().delete_backup_codes("user_1")).await;
    run.ok(clerk.users().delete_totp("user_1")).await;
    run.ok(clerk.users().delete_passkey("user_1", "idn_1"))
        .await;
    run.ok(clerk.users().delete_web3_wallet("user_1", "idn_2"))
        .await;
    run.ok(clerk.users().delete_external_account("user_1", "eac_1"))
        .await;
    run.ok(clerk.users().list_trusted_devices("user_1")).await;
    run.ok(clerk.users().revoke_trusted_device("user_1", "td_1"))
        .await;
    run.ok(clerk.users().set_password_compromised(
        "user_1",
        SetPasswordCompromisedParams::default().revoke_all_sessions(true),
    ))
    .await;
    run.ok(clerk.users().unset_password_compromised("user_1"))
        .await;
    run.ok(clerk.users().remove_password(
        "user_1",
        RemovePasswordParams::default().sign_out_of_other_sessions(false),
    ))
    .await;
    run.ok(clerk.users().get_oauth_access_token(
        "user_1",
        "google",
        OAuthAccessTokenParams::default()
            .paginated(true)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.users().get_billing_subscription("user_1"))
        .await;
    run.ok(clerk.users().get_billing_credit_balance("user_1"))
        .await;
    run.ok(clerk.users().adjust_billing_credit_balance(
        "user_1",
        AdjustCreditBalanceParams::increase(500, "contract-1")
            .currency("USD")
            .note("contract"),
    ))
    .await;
    run.ok(clerk.users().list_organization_memberships(
        "user_1",
        UserOrganizationMembershipListParams::default()
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.users().list_organization_invitations(
        "user_1",
        UserOrganizationInvitationListParams::default()
            .status(OrganizationInvitationStatus::Pending)
            .limit(10)
            .offset(0),
    ))
    .await;
}
