//! Email addresses and phone numbers as resources of their own: `/email_addresses` and
//! `/phone_numbers`. They live inside their user (the user's `email_addresses` and
//! `phone_numbers`), so this module reads users through [`Store::all_users`] and changes them
//! through [`Store::edit_user`], which queues `user.updated` for every change.
//!
//! The rules: values are checked for format (RFC 5322-ish emails, E.164 phones) and are
//! unique across users; a user's first address or number becomes primary unless another
//! is asked for; the primary one cannot be deleted while it is primary; a number reserved
//! for second factor must be verified, and the user's first such number becomes the
//! default second factor.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identity_kinds::{
    check_format, check_free, holder, is_verified, owner, set_verified, slot, Identification,
};
use super::reply::{deleted, ok, ApiError, Body, Reply};
use super::shared::{missing_resource, reject_unknown, value_invalid};
use super::store::{now_ms, Shared, Store};
use super::user_input::{email, phone};
use super::user_mfa::refresh_two_factor;
use super::{identity_replace, identity_verifications};
use crate::models::{EmailAddress, PhoneNumber, User};

/// Adds `item` to the user, primary when asked or when it is the user's first of its kind,
/// then lets `then` finish the change; answers the item as stored.
fn attach<T: Identification>(
    store: &mut Store,
    user_id: &str,
    item: T,
    primary: Option<bool>,
    now: i64,
    then: impl FnOnce(&mut User),
) -> Result<T, ApiError> {
    let id = item.id().map(str::to_owned).unwrap_or_default();
    let (item, _) = store.edit_user(user_id, now, |user| {
        let first = T::of(user).is_empty();
        T::of_mut(user).push(item);
        if primary.unwrap_or(first) {
            *T::primary(user) = Some(id.clone());
        }
        then(user);
        slot::<T>(user, &id).cloned()
    })?;
    Ok(item)
}

/// `GET` of one identification.
async fn fetch<T: Identification>(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let store = inner.store();
    let user_id = holder::<T>(&store, &id)?;
    let found = store
        .all_users()
        .find(|u| u.id == user_id)
        .and_then(|u| T::of(u).iter().find(|i| i.id() == Some(id.as_str())))
        .cloned()
        .ok_or_else(|| missing_resource(T::NAME, &id))?;
    ok(found)
}

/// `DELETE` of one identification; refused while it is the user's primary one.
async fn remove<T: Identification>(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let user_id = holder::<T>(&store, &id)?;
    store.edit_user(&user_id, now_ms(), |user| {
        if T::primary(user).as_deref() == Some(id.as_str()) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "primary_identification_deletion_not_allowed",
                format!("cannot delete the primary {}", T::NAME),
                format!(
                    "{id} is the user's primary {}; make another one primary before deleting it.",
                    T::NAME
                ),
            ));
        }
        T::of_mut(user).retain(|i| i.id() != Some(id.as_str()));
        Ok(())
    })?;
    deleted(T::OBJECT, &id)
}

/// Body of `POST /email_addresses`.
#[derive(Debug, Deserialize)]
struct CreateEmailBody {
    user_id: String,
    email_address: String,
    verified: Option<bool>,
    primary: Option<bool>,
    /// The stand-in sends no emails: accepted and ignored.
    #[allow(dead_code)]
    notify_primary_email_address_changed: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /email_addresses`: unverified unless `verified` says otherwise.
async fn create_email(State(inner): State<Shared>, Body(body): Body<CreateEmailBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let address = body.email_address.trim().to_owned();
    if address.is_empty() {
        return Err(ApiError::missing("email_address"));
    }
    check_format(std::slice::from_ref(&address), &[])?;
    let mut store = inner.store();
    owner(&store, &body.user_id)?;
    check_free::<EmailAddress>(&store, &address)?;
    let now = now_ms();
    let mut item = email(&address, false, now);
    set_verified(&mut item, body.verified.unwrap_or(false));
    ok(attach(
        &mut store,
        &body.user_id,
        item,
        body.primary,
        now,
        |_| {},
    )?)
}

/// Body of `PATCH /email_addresses/{email_address_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdateEmailBody {
    verified: Option<bool>,
    primary: Option<bool>,
    #[allow(dead_code)]
    notify_primary_email_address_changed: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /email_addresses/{email_address_id}`: `primary: true` makes it the user's primary
/// address; `primary: false` on the primary one is refused, as a user keeps a primary.
async fn update_email(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateEmailBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let user_id = holder::<EmailAddress>(&store, &id)?;
    let now = now_ms();
    let (item, _) = store.edit_user(&user_id, now, |user| {
        change_primary::<EmailAddress>(user, &id, body.primary)?;
        let item = slot::<EmailAddress>(user, &id)?;
        if let Some(verified) = body.verified {
            set_verified(item, verified);
        }
        item.touch(now);
        Ok(item.clone())
    })?;
    ok(item)
}

/// Applies a `primary` flag of an update to the user.
fn change_primary<T: Identification>(
    user: &mut User,
    id: &str,
    primary: Option<bool>,
) -> Result<(), ApiError> {
    let is_primary = T::primary(user).as_deref() == Some(id);
    match primary {
        Some(true) => *T::primary(user) = Some(id.to_owned()),
        Some(false) if is_primary => {
            return Err(value_invalid(
                "primary",
                format!(
                    "{id} is the user's primary {}; make another one primary instead.",
                    T::NAME
                ),
            ))
        }
        _ => {}
    }
    Ok(())
}

/// Body of `POST /phone_numbers`.
#[derive(Debug, Deserialize)]
struct CreatePhoneBody {
    user_id: String,
    phone_number: String,
    verified: Option<bool>,
    primary: Option<bool>,
    reserved_for_second_factor: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// 422 when a number is reserved for second factor without being verified.
fn check_second_factor(reserved: bool, verified: bool) -> Result<(), ApiError> {
    if reserved && !verified {
        Err(value_invalid(
            "reserved_for_second_factor",
            "Only a verified phone number can be reserved for second factor.",
        ))
    } else {
        Ok(())
    }
}

/// Reserves (or releases) the number `id` for second factor: the user's first reserved
/// number becomes the default, a released default hands over to another reserved number,
/// and `two_factor_enabled` follows the user's second factors.
fn reserve(user: &mut User, id: &str, reserved: bool, now: i64) {
    let has_default = user
        .phone_numbers
        .iter()
        .any(|p| p.id.as_deref() != Some(id) && p.default_second_factor == Some(true));
    for p in &mut user.phone_numbers {
        if p.id.as_deref() == Some(id) {
            p.reserved_for_second_factor = Some(reserved);
            p.default_second_factor = Some(reserved && !has_default);
        }
    }
    if !reserved && !has_default {
        if let Some(next) = user
            .phone_numbers
            .iter_mut()
            .find(|p| p.reserved_for_second_factor == Some(true))
        {
            next.default_second_factor = Some(true);
        }
    }
    refresh_two_factor(user, now);
}

/// `POST /phone_numbers`: unverified unless `verified` says otherwise.
async fn create_phone(State(inner): State<Shared>, Body(body): Body<CreatePhoneBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let number = body.phone_number.trim().to_owned();
    if number.is_empty() {
        return Err(ApiError::missing("phone_number"));
    }
    check_format(&[], std::slice::from_ref(&number))?;
    let verified = body.verified.unwrap_or(false);
    let reserved = body.reserved_for_second_factor.unwrap_or(false);
    check_second_factor(reserved, verified)?;
    let mut store = inner.store();
    owner(&store, &body.user_id)?;
    check_free::<PhoneNumber>(&store, &number)?;
    let now = now_ms();
    let mut item = phone(&number, false, now);
    set_verified(&mut item, verified);
    let id = item.id.clone().unwrap_or_default();
    let item = attach(&mut store, &body.user_id, item, body.primary, now, |user| {
        if reserved {
            reserve(user, &id, true, now);
        }
    })?;
    ok(item)
}

/// Body of `PATCH /phone_numbers/{phone_number_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdatePhoneBody {
    verified: Option<bool>,
    primary: Option<bool>,
    reserved_for_second_factor: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /phone_numbers/{phone_number_id}`.
async fn update_phone(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdatePhoneBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let user_id = holder::<PhoneNumber>(&store, &id)?;
    let now = now_ms();
    let (item, _) = store.edit_user(&user_id, now, |user| {
        change_primary::<PhoneNumber>(user, &id, body.primary)?;
        let item = slot::<PhoneNumber>(user, &id)?;
        if let Some(verified) = body.verified {
            set_verified(item, verified);
        }
        let verified = is_verified(item.verification.as_ref());
        let reserved = body
            .reserved_for_second_factor
            .unwrap_or(item.reserved_for_second_factor == Some(true));
        check_second_factor(reserved, verified)?;
        item.touch(now);
        if body.reserved_for_second_factor.is_some() {
            reserve(user, &id, reserved, now);
        }
        slot::<PhoneNumber>(user, &id).cloned()
    })?;
    ok(item)
}

/// The routes of email addresses and phone numbers.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/email_addresses", post(create_email))
        .route(
            "/email_addresses/{id}",
            get(fetch::<EmailAddress>)
                .patch(update_email)
                .delete(remove::<EmailAddress>),
        )
        .route("/phone_numbers", post(create_phone))
        .route(
            "/phone_numbers/{id}",
            get(fetch::<PhoneNumber>)
                .patch(update_phone)
                .delete(remove::<PhoneNumber>),
        )
        .merge(identity_verifications::routes())
        .merge(identity_replace::routes())
}
