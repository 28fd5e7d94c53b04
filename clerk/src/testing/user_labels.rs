//! How other resources label a user: the primary email and the one identifier Clerk shows in
//! memberships, invitations and sessions. Pure reads of a `User`, shared by several families.

use crate::models::User;

/// The user's primary email address, or their first one.
pub(super) fn primary_email(user: &User) -> Option<&str> {
    let primary = user
        .email_addresses
        .iter()
        .find(|e| e.id.is_some() && e.id == user.primary_email_address_id);
    primary
        .or_else(|| user.email_addresses.first())
        .map(|e| e.email_address.as_str())
}

/// What Clerk shows as a user's identifier: email, else phone, else username, else wallet.
pub(super) fn identifier(user: &User) -> Option<String> {
    primary_email(user)
        .map(str::to_owned)
        .or_else(|| user.phone_numbers.first().map(|p| p.phone_number.clone()))
        .or_else(|| user.username.clone())
        .or_else(|| user.web3_wallets.first().map(|w| w.web3_wallet.clone()))
}
