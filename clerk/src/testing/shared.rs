//! Helpers the organization, membership, invitation, identifier-list and user modules share:
//! Clerk's 404 and 422 shapes, metadata deep merge, `order_by` and `+id`/`-id` filters, and
//! RFC 3339 times.

use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::reply::{ApiError, Problem};
use crate::models::Metadata;

/// 404 `resource_not_found` naming what was looked for.
pub(super) fn missing_resource(what: &str, id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "resource_not_found",
        "not found",
        format!("No {what} was found with id {id}."),
    )
}

/// 404 naming the user id, as Clerk words it; every module that takes a user id answers it.
pub(super) fn user_not_found(id: &str) -> ApiError {
    let mut err = ApiError::not_found();
    for p in &mut err.problems {
        p.long_message = format!("No user was found with id {id}");
    }
    err
}

/// 422 `form_param_value_invalid`: a value outside what the parameter allows.
pub(super) fn value_invalid(param: &str, long: impl Into<String>) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "form_param_value_invalid",
        "is invalid",
        long,
    )
    .param(param)
}

/// Deep merge as Clerk's metadata PATCH endpoints do: objects merge key by key, `null`
/// removes a key, anything else replaces the stored value.
pub(super) fn merge_metadata(target: &mut Metadata, patch: Metadata) {
    for (key, value) in patch {
        match value {
            Value::Null => {
                target.remove(&key);
            }
            Value::Object(inner) => {
                let slot = target
                    .entry(key)
                    .or_insert_with(|| Value::Object(Map::new()));
                if !slot.is_object() {
                    *slot = Value::Object(Map::new());
                }
                if let Value::Object(existing) = slot {
                    merge_metadata(existing, inner);
                }
            }
            other => {
                target.insert(key, other);
            }
        }
    }
}

/// An `order_by` value split into its field and direction (`true` = descending). A bare
/// field sorts ascending. `default` applies when the parameter is absent.
pub(super) fn order_by(
    raw: Option<&str>,
    default: &'static str,
    fields: &[&str],
) -> Result<(String, bool), ApiError> {
    let raw = raw.unwrap_or(default);
    // An unencoded `+` reaches us as a space.
    let (field, descending) = match raw.as_bytes().first() {
        Some(b'-') => (&raw[1..], true),
        Some(b'+' | b' ') => (&raw[1..], false),
        _ => (raw, false),
    };
    if fields.contains(&field) {
        Ok((field.to_owned(), descending))
    } else {
        let allowed: Vec<String> = fields.iter().map(|f| format!("+{f}, -{f}")).collect();
        Err(value_invalid(
            "order_by",
            format!(
                "{raw} does not match the allowed values for parameter order_by. Allowed values: {}",
                allowed.join(", ")
            ),
        ))
    }
}

/// Sorts `items` by `key`; ties keep their (creation) order, reversed when descending.
pub(super) fn sort_items<T, K: Ord>(items: &mut [T], descending: bool, key: impl Fn(&T) -> K) {
    items.sort_by_key(|item| key(item));
    if descending {
        items.reverse();
    }
}

/// A list filter whose values may carry `+` (keep matches) or `-` (drop matches).
#[derive(Debug, Default)]
pub(super) struct Signed {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Signed {
    /// Reads the repeated query values.
    pub fn parse(values: &[String]) -> Self {
        let mut signed = Self::default();
        for value in values {
            match value.as_bytes().first() {
                Some(b'-') => signed.exclude.push(value[1..].to_owned()),
                Some(b'+' | b' ') => signed.include.push(value[1..].to_owned()),
                _ => signed.include.push(value.clone()),
            }
        }
        signed
    }

    /// Whether an item passes: it `has` one of the included values (when any are given) and
    /// none of the excluded ones.
    pub fn admits(&self, has: impl Fn(&str) -> bool) -> bool {
        (self.include.is_empty() || self.include.iter().any(|v| has(v)))
            && !self.exclude.iter().any(|v| has(v))
    }
}

/// Unix milliseconds of an RFC 3339 time such as `2012-10-20T07:15:20.902Z`, or Clerk's 422.
pub(super) fn parse_time(param: &str, text: &str) -> Result<i64, ApiError> {
    rfc3339_ms(text).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_invalid_time",
            "invalid format",
            format!(
                "{param} must contain a datetime specified in RFC3339 format (e.g. `2022-10-20T10:00:27.645Z`)."
            ),
        )
        .param(param)
    })
}

fn rfc3339_ms(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let s = text.get(range)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded = format!("{:0<3}", &fraction[..digits.min(3)]);
        millis = padded.parse::<i64>().ok()?;
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let h: i64 = rest.get(1..3)?.parse().ok()?;
            let m: i64 = rest.get(4..6)?.parse().ok()?;
            sign * (h * 60 + m)
        }
        _ => return None,
    };
    // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1_000 + millis)
}

/// 422 `form_param_unknown` for each field the endpoint does not take.
pub(super) fn reject_unknown(unknown: &Map<String, Value>) -> Result<(), ApiError> {
    if unknown.is_empty() {
        return Ok(());
    }
    Err(ApiError::fields(
        unknown
            .keys()
            .map(|key| Problem {
                code: "form_param_unknown",
                message: "is unknown".to_owned(),
                long_message: format!("{key} is not a valid parameter for this request."),
                param: Some(key.clone()),
            })
            .collect(),
    ))
}

/// Reads a settings body whose fields are all optional. Unlike the shared extractor, a
/// value of the wrong type names its field (`meta.param_name`): a flattened body loses the
/// field in serde's message, so the field is found by reading each one alone.
pub(crate) fn read<T: DeserializeOwned>(raw: Map<String, Value>) -> Result<T, ApiError> {
    serde_json::from_value(Value::Object(raw.clone())).map_err(|e| {
        let culprit = raw.into_iter().find_map(|(key, value)| {
            let alone = Map::from_iter([(key.clone(), value)]);
            serde_json::from_value::<T>(Value::Object(alone))
                .is_err()
                .then_some(key)
        });
        ApiError::invalid(culprit.as_deref().unwrap_or("body"), e.to_string())
    })
}

/// Overwrites `slot` when the body gave a value.
pub(crate) fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::{merge_metadata, rfc3339_ms};
    use serde_json::json;

    #[test]
    fn rfc3339_reads_utc_fractions_and_offsets() {
        assert_eq!(rfc3339_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            rfc3339_ms("2012-10-20T07:15:20.902Z"),
            Some(1_350_717_320_902)
        );
        assert_eq!(
            rfc3339_ms("2012-10-20T09:15:20.902+02:00"),
            Some(1_350_717_320_902)
        );
        assert_eq!(rfc3339_ms("2012-10-20"), None);
        assert_eq!(rfc3339_ms("2012-13-20T07:15:20Z"), None);
    }

    #[test]
    fn merge_is_deep_and_null_removes() {
        let mut stored = json!({"a": {"b": 1, "c": 2}, "d": 3, "e": "x"})
            .as_object()
            .cloned()
            .unwrap_or_default();
        let patch = json!({"a": {"b": null, "f": {"g": null, "h": 1}}, "d": null, "e": [1]})
            .as_object()
            .cloned()
            .unwrap_or_default();
        merge_metadata(&mut stored, patch);
        assert_eq!(
            serde_json::Value::Object(stored),
            json!({"a": {"c": 2, "f": {"h": 1}}, "e": [1]})
        );
    }
}
