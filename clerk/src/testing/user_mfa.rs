//! Second factors of users: a TOTP secret and backup codes given on create or update (Clerk's
//! `totp_secret` and `backup_codes`), checked by `verify_totp` for real (RFC 6238 with
//! Clerk's settings: SHA-1, 6 digits, 30 seconds), and removed one kind at a time or all at
//! once. `two_factor_enabled` follows whatever second factor is left.

use aws_lc_rs::{digest, hmac};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::reply::{self, ApiError, Body, Problem, Reply};
use super::shared::reject_unknown;
use super::store::{now_ms, Shared};
use super::user_table::{edit_row, Stored};
use crate::models::{TotpCodeType, TotpVerification, User};

/// Seconds one TOTP code lasts, as Clerk configures TOTP.
const TOTP_PERIOD_SECONDS: i64 = 30;
/// Digits of a TOTP code.
const TOTP_DIGITS: u32 = 6;

/// The routes of second factors.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/users/{user_id}/verify_totp", post(verify_totp))
        .route("/users/{user_id}/mfa", delete(disable_mfa))
        .route("/users/{user_id}/backup_code", delete(delete_backup_codes))
        .route("/users/{user_id}/totp", delete(delete_totp))
}

/// The bytes a base32 `totp_secret` (RFC 4648, any case, padding and spaces ignored) encodes;
/// anything else is a field problem.
pub(super) fn totp_secret(text: Option<&str>, problems: &mut Vec<Problem>) -> Option<Vec<u8>> {
    let text = text?;
    let decoded = base32(text).filter(|bytes| !bytes.is_empty());
    if decoded.is_none() {
        problems.extend(
            ApiError::invalid(
                "totp_secret",
                "totp_secret must be a base32 secret, as authenticator apps take it.",
            )
            .problems,
        );
    }
    decoded
}

/// RFC 4648 base32 without the padding.
fn base32(text: &str) -> Option<Vec<u8>> {
    let mut bits: u64 = 0;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.chars().filter(|c| !matches!(c, '=' | ' ' | '-')) {
        let value = match c.to_ascii_uppercase() {
            c @ 'A'..='Z' => c as u64 - 'A' as u64,
            c @ '2'..='7' => c as u64 - '2' as u64 + 26,
            _ => return None,
        };
        bits = (bits << 5) | value;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push(((bits >> count) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The TOTP code of `secret` for the 30-second step `counter`.
fn totp_code(secret: &[u8], counter: i64) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, secret);
    let tag = hmac::sign(&key, &counter.to_be_bytes());
    let mac = tag.as_ref();
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    let word = u32::from_be_bytes([
        mac[offset] & 0x7f,
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]);
    format!(
        "{:0width$}",
        word % 10u32.pow(TOTP_DIGITS),
        width = TOTP_DIGITS as usize
    )
}

/// Whether `code` is the TOTP of `secret` at `now` (unix ms), one step of clock drift either
/// way allowed, as authenticator checks usually do.
fn totp_matches(secret: &[u8], code: &str, now: i64) -> bool {
    let step = now.div_euclid(1000 * TOTP_PERIOD_SECONDS);
    (step - 1..=step + 1).any(|counter| totp_code(secret, counter) == code)
}

/// How backup codes are kept: their SHA-256, so the store never holds a usable code.
fn digest_code(code: &str) -> Vec<u8> {
    digest::digest(&digest::SHA256, code.trim().as_bytes())
        .as_ref()
        .to_vec()
}

/// Turns on TOTP with `secret` and replaces the backup codes with `codes` (each when given).
pub(super) fn enroll(row: &mut Stored, secret: Option<Vec<u8>>, codes: &[String], now: i64) {
    if let Some(secret) = secret {
        row.totp_secret = Some(secret);
        row.user.totp_enabled = true;
    }
    if !codes.is_empty() {
        row.backup_codes = codes.iter().map(|c| digest_code(c)).collect();
        row.user.backup_code_enabled = true;
    }
    refresh_two_factor(&mut row.user, now);
}

/// Brings `two_factor_enabled` in line with the user's second factors (TOTP, backup codes,
/// numbers reserved for second factor) and stamps when MFA went on or off.
pub(super) fn refresh_two_factor(user: &mut User, now: i64) {
    let enabled = user.totp_enabled
        || user.backup_code_enabled
        || user
            .phone_numbers
            .iter()
            .any(|p| p.reserved_for_second_factor == Some(true));
    if enabled && !user.two_factor_enabled {
        user.mfa_enabled_at = Some(now);
        user.mfa_disabled_at = None;
    } else if !enabled && user.two_factor_enabled {
        user.mfa_disabled_at = Some(now);
        user.mfa_enabled_at = None;
    }
    user.two_factor_enabled = enabled;
}

/// Takes away every second factor of the row: TOTP, backup codes, and the second-factor
/// reservation of its phone numbers.
pub(super) fn disable_all(row: &mut Stored, now: i64) {
    row.totp_secret = None;
    row.backup_codes.clear();
    row.user.totp_enabled = false;
    row.user.backup_code_enabled = false;
    for phone in &mut row.user.phone_numbers {
        phone.reserved_for_second_factor = Some(false);
        phone.default_second_factor = Some(false);
    }
    refresh_two_factor(&mut row.user, now);
}

/// The body of `POST /users/{user_id}/verify_totp`.
#[derive(Debug, Deserialize)]
struct VerifyTotpBody {
    code: String,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /users/{user_id}/verify_totp`: a current TOTP, or one of the backup codes (used up by
/// the match, which is announced by `user.updated`). 400 when the user has neither, 422
/// `form_code_incorrect` (Clerk's code for a wrong one-time code) otherwise.
async fn verify_totp(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<VerifyTotpBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let now = now_ms();
    let row = store.users.found_mut(&user_id)?;
    if row.totp_secret.is_none() && row.backup_codes.is_empty() {
        return Err(ApiError::bad_request(
            "totp_not_enabled",
            format!("User {user_id} has no TOTP configured."),
        ));
    }
    let code = body.code.trim();
    if row
        .totp_secret
        .as_deref()
        .is_some_and(|secret| totp_matches(secret, code, now))
    {
        return reply::ok(verification(TotpCodeType::Totp));
    }
    let digest = digest_code(code);
    if row.backup_codes.contains(&digest) {
        edit_row(&mut store, &user_id, now, |row| {
            row.backup_codes.retain(|d| d != &digest);
            row.user.backup_code_enabled = !row.backup_codes.is_empty();
            refresh_two_factor(&mut row.user, now);
            Ok(())
        })?;
        return reply::ok(verification(TotpCodeType::BackupCode));
    }
    Err(ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "form_code_incorrect",
        "Incorrect code",
        "The code is neither the user's current TOTP nor one of their backup codes.",
    )
    .param("code"))
}

/// A successful `verify_totp` answer.
fn verification(code_type: TotpCodeType) -> TotpVerification {
    TotpVerification {
        verified: Some(true),
        code_type: Some(code_type),
    }
}

/// `{"user_id": ...}`, what the MFA removals answer.
fn affected(user_id: &str) -> Reply {
    reply::ok(json!({ "user_id": user_id }))
}

/// 404 for a removal of a second factor the user does not have.
fn none_to_remove(what: &str, user_id: &str) -> ApiError {
    let mut err = ApiError::not_found();
    for p in &mut err.problems {
        p.long_message = format!("No {what} was found for user {user_id}.");
    }
    err
}

/// `DELETE /users/{user_id}/mfa`: every second factor at once; a user without any is still
/// answered 200, as there is nothing to refuse.
async fn disable_mfa(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    edit_row(&mut store, &user_id, now, |row| {
        disable_all(row, now);
        Ok(())
    })?;
    affected(&user_id)
}

/// `DELETE /users/{user_id}/backup_code`: 404 when the user has none.
async fn delete_backup_codes(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    edit_row(&mut store, &user_id, now, |row| {
        if row.backup_codes.is_empty() {
            return Err(none_to_remove("backup code", &user_id));
        }
        row.backup_codes.clear();
        row.user.backup_code_enabled = false;
        refresh_two_factor(&mut row.user, now);
        Ok(())
    })?;
    affected(&user_id)
}

/// `DELETE /users/{user_id}/totp`: 404 when the user has no TOTP.
async fn delete_totp(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    edit_row(&mut store, &user_id, now, |row| {
        if row.totp_secret.is_none() {
            return Err(none_to_remove("TOTP", &user_id));
        }
        row.totp_secret = None;
        row.user.totp_enabled = false;
        refresh_two_factor(&mut row.user, now);
        Ok(())
    })?;
    affected(&user_id)
}

#[cfg(test)]
mod tests {
    use super::{base32, totp_code};

    #[test]
    fn totp_matches_the_rfc_6238_vectors() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", last six digits.
        let secret = b"12345678901234567890";
        assert_eq!(totp_code(secret, 59 / 30), "287082");
        assert_eq!(totp_code(secret, 1_111_111_109 / 30), "081804");
        assert_eq!(totp_code(secret, 2_000_000_000 / 30), "279037");
    }

    #[test]
    fn base32_reads_rfc_4648() {
        assert_eq!(base32("MZXW6YTBOI======"), Some(b"foobar".to_vec()));
        assert_eq!(base32("mzxw6ytboi"), Some(b"foobar".to_vec()));
        assert_eq!(base32("not base32!"), None);
    }
}
