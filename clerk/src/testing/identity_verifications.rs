//! One-time-code verifications of email addresses and phone numbers:
//! `POST /email_addresses/{id}/prepare_verification` and `.../attempt_verification`, and the
//! same two for phone numbers.
//!
//! The stand-in sends no email or SMS, so the code is always Clerk's test-mode code
//! [`TEST_CODE`] (what Clerk accepts for `+clerk_test` addresses and 555-01xx numbers,
//! clerk.com/docs/guides/development/testing/test-emails-and-phones). As the spec says, an
//! attempt reports a wrong or expired code through the verification's `status` (with the
//! `attempts` count), not as an error; only a verification that already succeeded is refused
//! (400 `verification_already_verified`). A right code also verifies the identification if it
//! was not verified yet (strategy `email_code`/`phone_code`, announced by `user.updated`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identity_kinds::{holder, is_verified, slot, Identification};
use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{missing_resource, reject_unknown};
use super::store::{new_id, now_ms, Shared};
use crate::models::{
    CodeVerification, CodeVerificationStrategy, EmailAddress, PhoneNumber, Verification,
    VerificationStatus,
};

/// The code every verification accepts: Clerk's test-mode code.
pub(crate) const TEST_CODE: &str = "424242";
/// How long a code stays valid: ten minutes, Clerk's lifetime of email and SMS codes.
const CODE_LIFETIME_MS: i64 = 10 * 60 * 1000;
/// Wrong codes a verification takes before it fails for good (the stand-in's choice; Clerk
/// does not document its number).
const MAX_ATTEMPTS: i64 = 3;

/// One verification `prepare_verification` started.
#[derive(Debug, Clone)]
struct Pending {
    id: String,
    /// The email address or phone number it verifies.
    identification_id: String,
    strategy: CodeVerificationStrategy,
    status: VerificationStatus,
    attempts: i64,
    expire_at: i64,
}

impl Pending {
    /// The verification as the API shows it.
    fn view(&self) -> CodeVerification {
        CodeVerification {
            object: Some("verification_otp".to_owned()),
            id: Some(self.id.clone()),
            status: Some(self.status.clone()),
            strategy: Some(self.strategy.clone()),
            attempts: Some(self.attempts),
            expire_at: Some(self.expire_at),
            channel: (self.strategy == CodeVerificationStrategy::PhoneCode)
                .then(|| "sms".to_owned()),
        }
    }

    /// The verification the identification shows once this one succeeded.
    fn verified(&self) -> Verification {
        Verification {
            object: Some("verification_otp".to_owned()),
            status: VerificationStatus::Verified,
            strategy: self.strategy.as_str().to_owned(),
            attempts: Some(self.attempts),
            expire_at: Some(self.expire_at),
            channel: None,
            verified_at_client: None,
            error: None,
            external_verification_redirect_url: None,
            nonce: None,
            message: None,
        }
    }
}

/// The verifications started so far, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Pending>,
}

/// The routes of code verifications.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/email_addresses/{id}/prepare_verification",
            post(prepare::<EmailAddress>),
        )
        .route(
            "/email_addresses/{id}/attempt_verification",
            post(attempt::<EmailAddress>),
        )
        .route(
            "/phone_numbers/{id}/prepare_verification",
            post(prepare::<PhoneNumber>),
        )
        .route(
            "/phone_numbers/{id}/attempt_verification",
            post(attempt::<PhoneNumber>),
        )
}

/// `POST .../prepare_verification`: a new pending (`unverified`) verification of the
/// identification, whether or not it is verified already; 404 for an unknown one.
async fn prepare<T: Identification>(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    holder::<T>(&store, &id)?;
    let pending = Pending {
        id: new_id("ver"),
        identification_id: id,
        strategy: T::STRATEGY,
        status: VerificationStatus::Unverified,
        attempts: 0,
        expire_at: now_ms().saturating_add(CODE_LIFETIME_MS),
    };
    let view = pending.view();
    store.code_verifications.rows.push(pending);
    ok(view)
}

/// The body of `POST .../attempt_verification`.
#[derive(Debug, Deserialize)]
struct AttemptBody {
    verification_id: String,
    code: String,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST .../attempt_verification`: checks `code` against the verification and answers it
/// with its new status. 404 for an unknown identification, or a verification that is not
/// one of this identification's.
async fn attempt<T: Identification>(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<AttemptBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let user_id = holder::<T>(&store, &id)?;
    let now = now_ms();
    let pending = store
        .code_verifications
        .rows
        .iter_mut()
        .find(|p| p.id == body.verification_id && p.identification_id == id)
        .ok_or_else(|| missing_resource("verification", &body.verification_id))?;
    match pending.status {
        VerificationStatus::Verified => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "verification_already_verified",
                "This verification has already been verified.",
                format!(
                    "Verification {} was already verified; prepare a new one to check again.",
                    pending.id
                ),
            ))
        }
        VerificationStatus::Unverified if now > pending.expire_at => {
            pending.status = VerificationStatus::Expired;
        }
        VerificationStatus::Unverified => {
            pending.attempts += 1;
            if body.code.trim() == TEST_CODE {
                pending.status = VerificationStatus::Verified;
            } else if pending.attempts >= MAX_ATTEMPTS {
                pending.status = VerificationStatus::Failed;
            }
        }
        // Expired and failed verifications stay as they are.
        _ => {}
    }
    let pending = pending.clone();
    if pending.status == VerificationStatus::Verified {
        let already = store
            .all_users()
            .find(|u| u.id == user_id)
            .and_then(|u| T::of(u).iter().find(|i| i.id() == Some(id.as_str())))
            .is_some_and(|i| is_verified(i.clone().verification().as_ref()));
        if !already {
            store.edit_user(&user_id, now, |user| {
                let item = slot::<T>(user, &id)?;
                *item.verification() = Some(pending.verified());
                item.set_reserved(false);
                item.touch(now);
                Ok(())
            })?;
        }
    }
    ok(pending.view())
}
