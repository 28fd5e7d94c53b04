//! The rules application and organization invitations share: how long one lasts, the link an
//! invitee follows, and the states a `status` filter may name. Pure functions, so both
//! invitation families use them without depending on each other.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use super::reply::ApiError;
use super::shared::value_invalid;
use super::store::new_id;

/// One day in milliseconds, the unit of `expires_in_days`.
pub(super) const DAY_MS: i64 = 86_400_000;

/// When an invitation created `now` for `days` (1 to 365, default 30) expires.
pub(super) fn expires_at(days: Option<i64>, now: i64) -> Result<i64, ApiError> {
    match days {
        None => Ok(now + 30 * DAY_MS),
        Some(d) if (1..=365).contains(&d) => Ok(now + d * DAY_MS),
        Some(_) => Err(value_invalid(
            "expires_in_days",
            "expires_in_days must be between 1 and 365.",
        )),
    }
}

/// The link an invitee follows, carrying a ticket and, when given, where to land afterwards.
pub(super) fn ticket_url(origin: &str, redirect_url: Option<&str>) -> String {
    let ticket = new_id("tkt");
    match redirect_url {
        Some(url) => format!(
            "{origin}/v1/tickets/accept?ticket={ticket}&redirect_url={}",
            utf8_percent_encode(url, NON_ALPHANUMERIC)
        ),
        None => format!("{origin}/v1/tickets/accept?ticket={ticket}"),
    }
}

/// Parses a `status` filter into one of the four states Clerk knows.
pub(super) fn parse_status<T: std::str::FromStr>(raw: &str) -> Result<T, ApiError> {
    if matches!(raw, "pending" | "accepted" | "revoked" | "expired") {
        if let Ok(status) = raw.parse() {
            return Ok(status);
        }
    }
    Err(value_invalid(
        "status",
        format!(
            "{raw} does not match the allowed values for parameter status. Allowed values: pending, accepted, revoked, expired"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::{expires_at, parse_status, DAY_MS};
    use crate::models::InvitationStatus;

    #[test]
    fn invitations_last_thirty_days_unless_told_one_to_365() {
        assert_eq!(expires_at(None, 0).ok(), Some(30 * DAY_MS));
        assert_eq!(expires_at(Some(365), 0).ok(), Some(365 * DAY_MS));
        assert!(expires_at(Some(0), 0).is_err());
        assert!(expires_at(Some(366), 0).is_err());
    }

    #[test]
    fn status_filters_name_the_four_states() {
        assert!(parse_status::<InvitationStatus>("revoked").is_ok());
        assert!(parse_status::<InvitationStatus>("bogus").is_err());
    }
}
