//! `PUT /users/{user_id}/email_address` and `PUT /users/{user_id}/phone_number`: all of a
//! user's addresses (or numbers) replaced by one primary, as the spec describes: verified by
//! the `admin` strategy by default, `reserved` (unverified but unclaimable) or `unverified`
//! (neither, so another user may hold it too) when asked. A replaced number reserved for
//! second factor turns the user's MFA off. Announced by `user.updated`.

use axum::extract::{Path, State};
use axum::routing::put;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identity_kinds::{check_format, set_verified, Identification};
use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{reject_unknown, user_not_found, value_invalid};
use super::store::{now_ms, Shared};
use super::user_input::{email, phone};
use super::user_mfa::disable_all;
use super::user_table::{edit_row, Stored};
use crate::models::{EmailAddress, PhoneNumber};

/// The routes of the replacements.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/users/{user_id}/email_address", put(replace_email))
        .route("/users/{user_id}/phone_number", put(replace_phone))
}

/// What `identification_status` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Verified,
    Reserved,
    Unverified,
}

impl Status {
    /// The parameter's value, `verified` when absent; 422 for anything else.
    fn parse(value: Option<&str>) -> Result<Self, ApiError> {
        match value {
            None | Some("verified") => Ok(Self::Verified),
            Some("reserved") => Ok(Self::Reserved),
            Some("unverified") => Ok(Self::Unverified),
            Some(other) => Err(value_invalid(
                "identification_status",
                format!(
                    "{other} is not one of the allowed values for identification_status: \
                     verified, reserved, unverified."
                ),
            )),
        }
    }
}

/// Checks the replacement against the store and puts it in place of every identification of
/// its kind; `then` finishes the change on the stored user.
fn replace<T: Identification>(
    inner: &Shared,
    user_id: &str,
    item: T,
    status: Status,
    then: impl FnOnce(&mut Stored, &[T], i64),
) -> Reply {
    let mut store = inner.store();
    if !store.user_exists(user_id) {
        return Err(user_not_found(user_id));
    }
    // An unverified replacement claims nothing, so another user may hold it too.
    if status != Status::Unverified && store.users.taken(T::KIND, item.value(), Some(user_id)) {
        return Err(ApiError::identifier_exists(T::KIND.param(), T::KIND.what()));
    }
    let now = now_ms();
    let id = item.id().map(str::to_owned);
    let (item, _) = edit_row(&mut store, user_id, now, |row| {
        let old = std::mem::replace(T::of_mut(&mut row.user), vec![item.clone()]);
        *T::primary(&mut row.user) = id;
        then(row, &old, now);
        Ok(item)
    })?;
    ok(item)
}

/// The body of `PUT /users/{user_id}/email_address`.
#[derive(Debug, Deserialize)]
struct EmailBody {
    email_address: String,
    identification_status: Option<String>,
    /// The stand-in sends no emails: accepted and ignored.
    #[allow(dead_code)]
    notify_primary_email_address_changed: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PUT /users/{user_id}/email_address`.
async fn replace_email(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<EmailBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let address = body.email_address.trim().to_owned();
    if address.is_empty() {
        return Err(ApiError::missing("email_address"));
    }
    check_format(std::slice::from_ref(&address), &[])?;
    let status = Status::parse(body.identification_status.as_deref())?;
    let mut item: EmailAddress = email(&address, status == Status::Reserved, now_ms());
    if status == Status::Unverified {
        set_verified(&mut item, false);
    }
    replace(&inner, &user_id, item, status, |_, _, _| {})
}

/// The body of `PUT /users/{user_id}/phone_number`.
#[derive(Debug, Deserialize)]
struct PhoneBody {
    phone_number: String,
    identification_status: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PUT /users/{user_id}/phone_number`: the new number is never reserved for second factor.
async fn replace_phone(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<PhoneBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let number = body.phone_number.trim().to_owned();
    if number.is_empty() {
        return Err(ApiError::missing("phone_number"));
    }
    check_format(&[], std::slice::from_ref(&number))?;
    let status = Status::parse(body.identification_status.as_deref())?;
    let mut item: PhoneNumber = phone(&number, status == Status::Reserved, now_ms());
    if status == Status::Unverified {
        set_verified(&mut item, false);
    }
    replace(&inner, &user_id, item, status, |row, old, now| {
        if old
            .iter()
            .any(|p| p.reserved_for_second_factor == Some(true))
        {
            disable_all(row, now);
        }
    })
}
