//! What email addresses and phone numbers have in common as identifications of a user: the
//! [`Identification`] trait over both models, finding one across users, and the checks their
//! create, replace and verification routes share.

use super::identifiers::Identifier;
use super::reply::ApiError;
use super::shared::missing_resource;
use super::store::Store;
use super::user_input::check_formats;
use crate::models::{
    CodeVerificationStrategy, EmailAddress, PhoneNumber, User, Verification, VerificationStatus,
};

/// What the two kinds of identification have in common.
pub(super) trait Identification: Clone + serde::Serialize + Sized {
    /// The `object` of the model and of the delete reply.
    const OBJECT: &'static str;
    /// What a 404 calls it.
    const NAME: &'static str;
    /// Which identifier it is, for uniqueness.
    const KIND: Identifier;
    /// The id (`idn_...`).
    fn id(&self) -> Option<&str>;
    /// The user's identifications of this kind.
    fn of(user: &User) -> &[Self];
    /// The user's identifications of this kind, for changes.
    fn of_mut(user: &mut User) -> &mut Vec<Self>;
    /// The user's primary id of this kind.
    fn primary(user: &mut User) -> &mut Option<String>;
    /// The verification, for marking it verified or not.
    fn verification(&mut self) -> &mut Option<Verification>;
    /// Stamps the last change.
    fn touch(&mut self, now: i64);
    /// How a one-time code reaches it.
    const STRATEGY: CodeVerificationStrategy;
    /// The address or number.
    fn value(&self) -> &str;
    /// Marks it reserved (usable for sign-in, unclaimable by others) or not.
    fn set_reserved(&mut self, reserved: bool);
}

impl Identification for EmailAddress {
    const OBJECT: &'static str = "email_address";
    const NAME: &'static str = "email address";
    const KIND: Identifier = Identifier::Email;
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn of(user: &User) -> &[Self] {
        &user.email_addresses
    }
    fn of_mut(user: &mut User) -> &mut Vec<Self> {
        &mut user.email_addresses
    }
    fn primary(user: &mut User) -> &mut Option<String> {
        &mut user.primary_email_address_id
    }
    fn verification(&mut self) -> &mut Option<Verification> {
        &mut self.verification
    }
    fn touch(&mut self, now: i64) {
        self.updated_at = now;
    }
    const STRATEGY: CodeVerificationStrategy = CodeVerificationStrategy::EmailCode;
    fn value(&self) -> &str {
        &self.email_address
    }
    fn set_reserved(&mut self, reserved: bool) {
        self.reserved = reserved;
    }
}

impl Identification for PhoneNumber {
    const OBJECT: &'static str = "phone_number";
    const NAME: &'static str = "phone number";
    const KIND: Identifier = Identifier::Phone;
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    fn of(user: &User) -> &[Self] {
        &user.phone_numbers
    }
    fn of_mut(user: &mut User) -> &mut Vec<Self> {
        &mut user.phone_numbers
    }
    fn primary(user: &mut User) -> &mut Option<String> {
        &mut user.primary_phone_number_id
    }
    fn verification(&mut self) -> &mut Option<Verification> {
        &mut self.verification
    }
    fn touch(&mut self, now: i64) {
        self.updated_at = now;
    }
    const STRATEGY: CodeVerificationStrategy = CodeVerificationStrategy::PhoneCode;
    fn value(&self) -> &str {
        &self.phone_number
    }
    fn set_reserved(&mut self, reserved: bool) {
        self.reserved = reserved;
    }
}

/// The id of the user holding the identification `id`, or Clerk's 404 naming it.
pub(super) fn holder<T: Identification>(store: &Store, id: &str) -> Result<String, ApiError> {
    store
        .all_users()
        .find(|u| T::of(u).iter().any(|i| i.id() == Some(id)))
        .map(|u| u.id.clone())
        .ok_or_else(|| missing_resource(T::NAME, id))
}

/// The identification `id` of `user` for changes; the caller found it there.
pub(super) fn slot<'u, T: Identification>(
    user: &'u mut User,
    id: &str,
) -> Result<&'u mut T, ApiError> {
    T::of_mut(user)
        .iter_mut()
        .find(|i| i.id() == Some(id))
        .ok_or_else(|| missing_resource(T::NAME, id))
}

/// A verification by the Backend API (`admin` strategy), verified.
pub(super) fn verified_by_admin() -> Verification {
    Verification {
        object: Some("verification_admin".to_owned()),
        status: VerificationStatus::Verified,
        strategy: "admin".to_owned(),
        attempts: None,
        expire_at: None,
        channel: None,
        verified_at_client: None,
        error: None,
        external_verification_redirect_url: None,
        nonce: None,
        message: None,
    }
}

/// Whether the identification's verification says verified.
pub(super) fn is_verified(verification: Option<&Verification>) -> bool {
    verification.is_some_and(|v| v.status == VerificationStatus::Verified)
}

/// Marks the identification verified, or takes its verification away.
pub(super) fn set_verified<T: Identification>(item: &mut T, verified: bool) {
    *item.verification() = verified.then(verified_by_admin);
}

/// The user of a create body: 422 when the id is missing, 404 when no user has it.
pub(super) fn owner(store: &Store, user_id: &str) -> Result<(), ApiError> {
    if user_id.trim().is_empty() {
        return Err(ApiError::missing("user_id"));
    }
    if store.user_exists(user_id) {
        Ok(())
    } else {
        Err(missing_resource("user", user_id).param("user_id"))
    }
}

/// 422 `form_identifier_exists` when some user already holds `value`.
pub(super) fn check_free<T: Identification>(store: &Store, value: &str) -> Result<(), ApiError> {
    if store.identifier_taken(T::KIND, value) {
        Err(ApiError::identifier_exists(T::KIND.param(), T::KIND.what()))
    } else {
        Ok(())
    }
}

/// 422 `form_param_format_invalid` for a malformed email or phone number.
pub(super) fn check_format(emails: &[String], phones: &[String]) -> Result<(), ApiError> {
    let mut problems = Vec::new();
    check_formats(emails, phones, &[], None, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::fields(problems))
    }
}
