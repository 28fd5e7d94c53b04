//! Reading the identifier and timestamp fields of user bodies: format checks, uniqueness
//! across users, and the identifications (`idn_...`) built from them.

use super::reply::{ApiError, Problem};
use super::shared::parse_time;
use super::store::new_id;
use crate::models::{
    EmailAddress, Metadata, PhoneNumber, Verification, VerificationStatus, Web3Wallet,
};

/// Format checks of the identifiers, each failure one field problem.
pub(super) fn check_formats(
    emails: &[String],
    phones: &[String],
    wallets: &[String],
    username: Option<&str>,
    problems: &mut Vec<Problem>,
) {
    for e in emails.iter().filter(|e| !valid_email(e)) {
        problems.extend(
            ApiError::invalid(
                "email_address",
                format!("{e} is not a valid email address."),
            )
            .problems,
        );
    }
    for p in phones.iter().filter(|p| !valid_phone(p)) {
        problems.extend(
            ApiError::invalid(
                "phone_number",
                format!("{p} is not a valid phone number: use E.164, e.g. +15555550100."),
            )
            .problems,
        );
    }
    for w in wallets.iter().filter(|w| !valid_wallet(w)) {
        problems.extend(
            ApiError::invalid(
                "web3_wallet",
                format!("{w} is not a valid web3 wallet: expected 0x and 40 hex digits."),
            )
            .problems,
        );
    }
    if let Some(name) = username {
        let length = name.chars().count();
        if !(4..=64).contains(&length) {
            problems.push(field(
                "form_username_invalid_length",
                "username",
                "Usernames must be between 4 and 64 characters long.",
            ));
        } else if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            problems.push(field(
                "form_username_invalid_character",
                "username",
                "Usernames can only contain letters, numbers, '_' and '-'.",
            ));
        }
    }
}

/// One 422 field problem with its own code.
pub(super) fn field(code: &'static str, param: &str, message: &str) -> Problem {
    Problem {
        code,
        message: message.to_owned(),
        long_message: message.to_owned(),
        param: Some(param.to_owned()),
    }
}

/// `something@something.tld`, no spaces.
fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
}

/// E.164: `+` and 7 to 15 digits.
fn valid_phone(phone: &str) -> bool {
    phone
        .strip_prefix('+')
        .is_some_and(|d| (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// An Ethereum address: `0x` and 40 hex digits.
fn valid_wallet(wallet: &str) -> bool {
    wallet
        .strip_prefix("0x")
        .is_some_and(|h| h.len() == 40 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Which identifications are created reserved, from the `*_identification_status` array
/// that runs parallel to the values (empty means all verified).
pub(super) fn statuses(
    param: &str,
    given: &[String],
    count: usize,
    problems: &mut Vec<Problem>,
) -> Vec<bool> {
    if given.is_empty() {
        return vec![false; count];
    }
    if given.len() != count {
        problems.extend(
            ApiError::invalid(
                param,
                format!(
                    "{param} must have one entry per value ({count}), not {}.",
                    given.len()
                ),
            )
            .problems,
        );
    }
    given
        .iter()
        .map(|s| match s.as_str() {
            "verified" => false,
            "reserved" => true,
            other => {
                problems.extend(
                    ApiError::invalid(
                        param,
                        format!("{other} is not one of `verified`, `reserved`."),
                    )
                    .problems,
                );
                false
            }
        })
        .collect()
}

/// An RFC 3339 body field as unix ms; a malformed one is a field problem (the stand-in's
/// shared time parser and code).
pub(super) fn timestamp(
    param: &str,
    value: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Option<i64> {
    match parse_time(param, value?) {
        Ok(ms) => Some(ms),
        Err(err) => {
            problems.extend(err.problems);
            None
        }
    }
}

/// How an identification created by the Backend API is verified.
fn admin_verification(reserved: bool) -> Verification {
    Verification {
        object: Some("verification_admin".to_owned()),
        status: if reserved {
            VerificationStatus::Unverified
        } else {
            VerificationStatus::Verified
        },
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

/// A new email address identification, verified unless `reserved`.
pub(super) fn email(address: &str, reserved: bool, now: i64) -> EmailAddress {
    EmailAddress {
        id: Some(new_id("idn")),
        object: "email_address".to_owned(),
        email_address: address.to_owned(),
        reserved,
        verification: Some(admin_verification(reserved)),
        linked_to: Vec::new(),
        matches_sso_connection: Some(false),
        created_at: now,
        updated_at: now,
    }
}

/// A new phone number identification, verified unless `reserved`.
pub(super) fn phone(number: &str, reserved: bool, now: i64) -> PhoneNumber {
    PhoneNumber {
        id: Some(new_id("idn")),
        object: "phone_number".to_owned(),
        phone_number: number.to_owned(),
        reserved_for_second_factor: Some(false),
        default_second_factor: Some(false),
        reserved,
        verification: Some(admin_verification(reserved)),
        linked_to: Vec::new(),
        backup_codes: None,
        created_at: now,
        updated_at: now,
    }
}

/// A new, verified web3 wallet identification.
pub(super) fn wallet(address: &str, now: i64) -> Web3Wallet {
    Web3Wallet {
        id: Some(new_id("idn")),
        object: "web3_wallet".to_owned(),
        web3_wallet: address.to_owned(),
        verification: Some(admin_verification(false)),
        created_at: now,
        updated_at: now,
    }
}

/// A metadata field read as raw JSON: anything but an object (or null, meaning "not
/// given") is a field problem naming it, which serde's own error would not.
pub(super) fn metadata(
    param: &str,
    value: Option<serde_json::Value>,
    problems: &mut Vec<Problem>,
) -> Option<Metadata> {
    match value? {
        serde_json::Value::Object(map) => Some(map),
        serde_json::Value::Null => None,
        other => {
            problems.extend(
                ApiError::invalid(param, format!("{param} must be an object, not {other}."))
                    .problems,
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{valid_email, valid_phone};

    #[test]
    fn identifier_formats() {
        assert!(valid_email("ada@example.com"));
        assert!(!valid_email("ada@example"));
        assert!(!valid_email("ada example.com"));
        assert!(!valid_email("@example.com"));
        assert!(valid_phone("+15555550100"));
        assert!(!valid_phone("5555550100"));
    }
}
