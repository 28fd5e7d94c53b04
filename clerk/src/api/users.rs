//! Users: the people who sign in to your application.

use crate::models::{
    AffectedUser, CreateUserParams, DeletedObject, OAuthAccessToken, OAuthAccessTokenParams,
    OAuthProvider, PasswordVerification, RemovePasswordParams, ReplaceUserMetadataParams,
    SetPasswordCompromisedParams, TotalCount, TotpVerification, TrustedDevice,
    UpdateUserMetadataParams, UpdateUserParams, User, UserCountParams, UserIdsParams,
    UserListParams, VerifyPasswordParams, VerifyTotpParams,
};
// A user's billing and organizations: those operations need the `billing` and
// `organizations` families.
#[cfg(feature = "billing")]
use crate::models::{AdjustCreditBalanceParams, BillingSubscription, CreditBalance, CreditLedgerEntry};
#[cfg(feature = "organizations")]
use crate::models::{
    OrganizationInvitation, OrganizationMembership, UserOrganizationInvitationListParams,
    UserOrganizationMembershipListParams,
};
use crate::multipart::ProfileImage;
use crate::Page;

clerk_macros::endpoints! {
    /// Users of the instance.
    Users {
        /// List users matching the filters, newest first unless another order is asked for.
        list = GET "/users" query(UserListParams) -> Page<User>;
        /// Count the users matching the filters.
        count = GET "/users/count" query(UserCountParams) -> TotalCount;
        /// Fetch one user by id.
        get = GET "/users/{user_id}" -> User;
        /// Create a user.
        create = POST "/users" json(CreateUserParams) -> User;
        /// Change the given fields of a user.
        update = PATCH "/users/{user_id}" json(UpdateUserParams) -> User;
        /// Delete a user.
        delete = DELETE "/users/{user_id}" -> DeletedObject;
        /// Upload a new profile image for a user.
        set_profile_image = POST "/users/{user_id}/profile_image" multipart(ProfileImage) -> User;
        /// Remove the uploaded profile image of a user.
        delete_profile_image = DELETE "/users/{user_id}/profile_image" -> User;

        /// Ban up to 50 users at once: their sessions are revoked and they cannot sign in.
        bulk_ban = POST "/users/ban" json(UserIdsParams) -> Vec<User>;
        /// Lift the ban of up to 50 users at once.
        bulk_unban = POST "/users/unban" json(UserIdsParams) -> Vec<User>;
        /// Ban a user: their sessions are revoked and they cannot sign in again.
        ban = POST "/users/{user_id}/ban" -> User;
        /// Lift a user's ban.
        unban = POST "/users/{user_id}/unban" -> User;
        /// Lock a user out of signing in until the lock expires (the duration is an
        /// instance setting).
        lock = POST "/users/{user_id}/lock" -> User;
        /// Remove a user's lock.
        unlock = POST "/users/{user_id}/unlock" -> User;

        /// Deep-merge metadata into a user's: nested objects merge, `null` values remove keys.
        update_metadata = PATCH "/users/{user_id}/metadata" json(UpdateUserMetadataParams) -> User;
        /// Replace each given metadata object of a user wholesale; omitted ones stay as they are.
        replace_metadata = PUT "/users/{user_id}/metadata" json(ReplaceUserMetadataParams) -> User;

        /// Check a password against the user's; a mismatch is a 422 error.
        verify_password = POST "/users/{user_id}/verify_password" json(VerifyPasswordParams) -> PasswordVerification;
        /// Check a TOTP or backup code (a matching backup code is used up); a mismatch is a
        /// 422 error.
        verify_totp = POST "/users/{user_id}/verify_totp" json(VerifyTotpParams) -> TotpVerification;
        /// Turn off every MFA method of a user at once.
        disable_mfa = DELETE "/users/{user_id}/mfa" -> AffectedUser;
        /// Delete all backup codes of a user.
        delete_backup_codes = DELETE "/users/{user_id}/backup_code" -> AffectedUser;
        /// Delete all TOTP authenticators of a user.
        delete_totp = DELETE "/users/{user_id}/totp" -> AffectedUser;
        /// Delete one passkey of a user; the user is told by email.
        delete_passkey = DELETE "/users/{user_id}/passkeys/{passkey_identification_id}" -> DeletedObject;
        /// Delete one web3 wallet of a user.
        delete_web3_wallet = DELETE "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}" -> DeletedObject;
        /// Delete one external (OAuth) account of a user.
        delete_external_account = DELETE "/users/{user_id}/external_accounts/{external_account_id}" -> DeletedObject;

        /// List the active trusted devices of a user.
        list_trusted_devices = GET "/users/{user_id}/trusted_devices" -> Page<TrustedDevice>;
        /// Revoke one trusted device of a user.
        revoke_trusted_device = DELETE "/users/{user_id}/trusted_devices/{trusted_device_id}" -> TrustedDevice;

        /// Mark a user's password as compromised: they must reset it at their next sign-in.
        set_password_compromised = POST "/users/{user_id}/password/set_compromised" json(SetPasswordCompromisedParams) -> User;
        /// Clear the compromised mark of a user's password.
        unset_password_compromised = POST "/users/{user_id}/password/unset_compromised" -> User;
        /// Remove a user's password, without asking for the current one.
        remove_password = POST "/users/{user_id}/remove_password" json(RemovePasswordParams) -> User;

        /// The OAuth access tokens Clerk holds for a user at a provider, refreshed when
        /// expired. The provider may be given as `google` or `oauth_google`.
        #[secret]
        get_oauth_access_token(user_id, provider: OAuthProvider) = GET "/users/{user_id}/oauth_access_tokens/{provider}" query(OAuthAccessTokenParams) -> Page<OAuthAccessToken>;

        /// The billing subscription of a user, with its plans and next payment.
        #[cfg(feature = "billing")]
        get_billing_subscription = GET "/users/{user_id}/billing/subscription" -> BillingSubscription;
        /// The credit balance of a user.
        #[cfg(feature = "billing")]
        get_billing_credit_balance = GET "/users/{user_id}/billing/credits" -> CreditBalance;
        /// Increase or decrease the credit balance of a user; one ledger entry per
        /// idempotency key.
        #[cfg(feature = "billing")]
        adjust_billing_credit_balance = POST "/users/{user_id}/billing/credits" json(AdjustCreditBalanceParams) -> CreditLedgerEntry;

        /// The organization memberships of a user.
        #[cfg(feature = "organizations")]
        list_organization_memberships = GET "/users/{user_id}/organization_memberships" query(UserOrganizationMembershipListParams) -> Page<OrganizationMembership>;
        /// The organization invitations sent to a user, with the public data of each
        /// organization.
        #[cfg(feature = "organizations")]
        list_organization_invitations = GET "/users/{user_id}/organization_invitations" query(UserOrganizationInvitationListParams) -> Page<OrganizationInvitation>;
    }
}
