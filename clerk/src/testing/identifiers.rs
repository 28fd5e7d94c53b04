//! Rules about identifiers that several resources apply: what an email address looks like,
//! what kind an allow-list or block-list identifier is, the duplicate check both lists
//! share, and the identifiers that must be unique across users with their uniqueness check.
//! Kept apart from every resource so none of them imports another for these.

use axum::http::StatusCode;

use super::reply::ApiError;
use crate::models::{IdentifierType, User};

/// The instance id the stand-in reports on list entries.
pub(super) const INSTANCE_ID: &str = "ins_standin";

/// Whether `email` looks like an address Clerk would take: one `@`, a local part, and a
/// dotted domain, with no spaces.
pub(super) fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

/// 422 unless `email` is a valid address, naming `param`.
pub(super) fn check_email(param: &str, email: &str) -> Result<(), ApiError> {
    if email.is_empty() {
        return Err(ApiError::missing(param));
    }
    if !valid_email(email) {
        return Err(ApiError::invalid(
            param,
            format!("{param} must be a valid email address."),
        ));
    }
    Ok(())
}

/// The kind of an identifier, read from its shape: an email address (or, with
/// `allow_domain`, a bare `@domain`/`*@domain`), an E.164 phone number, or a `0x` wallet.
/// Anything else is Clerk's 422 naming `identifier`.
pub(super) fn identifier_type(
    identifier: &str,
    allow_domain: bool,
) -> Result<IdentifierType, ApiError> {
    if identifier.is_empty() {
        return Err(ApiError::missing("identifier"));
    }
    if let Some(domain) = identifier
        .strip_prefix("*@")
        .or_else(|| identifier.strip_prefix('@'))
    {
        if allow_domain && valid_email(&format!("x@{domain}")) {
            return Ok(IdentifierType::EmailAddress);
        }
    } else if identifier.contains('@') && valid_email(identifier) {
        return Ok(IdentifierType::EmailAddress);
    }
    if let Some(digits) = identifier.strip_prefix('+') {
        if (7..=15).contains(&digits.len()) && digits.bytes().all(|c| c.is_ascii_digit()) {
            return Ok(IdentifierType::PhoneNumber);
        }
    }
    if let Some(hex) = identifier.strip_prefix("0x") {
        if hex.len() == 40 && hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return Ok(IdentifierType::Web3Wallet);
        }
    }
    Err(ApiError::invalid(
        "identifier",
        "identifier must be either a valid email address, a valid phone number according to \
         E.164 international standard or a valid web3 wallet.",
    ))
}

/// 400 `duplicate_record` when `identifier` is already on the `list` (compared
/// case-insensitively), as Clerk answers.
pub(super) fn check_unlisted<'r>(
    list: &str,
    mut listed: impl Iterator<Item = Option<&'r str>>,
    identifier: &str,
) -> Result<(), ApiError> {
    if listed.any(|i| i.is_some_and(|i| i.eq_ignore_ascii_case(identifier))) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "duplicate_record",
            format!("duplicate {list} identifier"),
            format!("the identifier {identifier} already exists"),
        )
        .param("identifier"));
    }
    Ok(())
}

/// The identifiers that must be unique across users, with the `param_name` Clerk reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Identifier {
    Email,
    Phone,
    Username,
    Web3,
    ExternalId,
}

impl Identifier {
    /// The body field that carries it.
    pub(super) fn param(self) -> &'static str {
        match self {
            Self::Email => "email_address",
            Self::Phone => "phone_number",
            Self::Username => "username",
            Self::Web3 => "web3_wallet",
            Self::ExternalId => "external_id",
        }
    }

    /// How Clerk names it in messages.
    pub(super) fn what(self) -> &'static str {
        match self {
            Self::Email => "email address",
            Self::Phone => "phone number",
            Self::Username => "username",
            Self::Web3 => "web3 wallet",
            Self::ExternalId => "external ID",
        }
    }

    /// The user's values of this identifier.
    pub(super) fn values(self, user: &User) -> Box<dyn Iterator<Item = String> + '_> {
        match self {
            Self::Email => Box::new(user.email_addresses.iter().map(|e| e.email_address.clone())),
            Self::Phone => Box::new(user.phone_numbers.iter().map(|p| p.phone_number.clone())),
            Self::Username => Box::new(user.username.clone().into_iter()),
            Self::Web3 => Box::new(user.web3_wallets.iter().map(|w| w.web3_wallet.clone())),
            Self::ExternalId => Box::new(user.external_id.clone().into_iter()),
        }
    }

    /// Whether two values are the same identifier: emails, usernames and wallets ignore
    /// case, as Clerk does; phone numbers and external ids are compared exactly.
    pub(super) fn same(self, a: &str, b: &str) -> bool {
        match self {
            Self::Email | Self::Username | Self::Web3 => a.eq_ignore_ascii_case(b),
            Self::Phone | Self::ExternalId => a == b,
        }
    }
}

/// 422 `form_identifier_exists` for the first value of each kind that is `taken` (by another
/// user, as the caller decides) or repeated within the same request.
pub(super) fn check_unique(
    taken: impl Fn(Identifier, &str) -> bool,
    wanted: &[(Identifier, Vec<String>)],
) -> Result<(), ApiError> {
    let mut problems = Vec::new();
    for (kind, values) in wanted {
        for (i, value) in values.iter().enumerate() {
            let repeated = values[..i].iter().any(|v| kind.same(v, value));
            if repeated || taken(*kind, value) {
                problems.extend(ApiError::identifier_exists(kind.param(), kind.what()).problems);
                break;
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::fields(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::{identifier_type, valid_email};
    use crate::models::IdentifierType;

    #[test]
    fn identifiers_are_typed_by_shape() {
        let kind = |i: &str, domain: bool| identifier_type(i, domain).ok();
        assert_eq!(
            kind("ada@example.com", false),
            Some(IdentifierType::EmailAddress)
        );
        assert_eq!(
            kind("*@example.com", true),
            Some(IdentifierType::EmailAddress)
        );
        assert_eq!(kind("*@example.com", false), None);
        assert_eq!(
            kind("+15555550100", false),
            Some(IdentifierType::PhoneNumber)
        );
        assert_eq!(
            kind("0x0123456789abcdef0123456789abcdef01234567", false),
            Some(IdentifierType::Web3Wallet)
        );
        assert_eq!(kind("nobody", true), None);
        assert!(!valid_email("ada@example"));
    }
}
