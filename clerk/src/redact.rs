//! Scrubbing of everything the crate keeps from a server's answer before it can reach an
//! error's `Display`/`Debug` or a log line.
//!
//! The rule, applied to every string kept from an error body (message, long message, code,
//! meta, trace id, the raw body) and to the start of an undecodable success body:
//! - every occurrence of a key this client sends (its own secret key, a per-call key) is
//!   replaced, whatever its shape: a proxy that echoes `Authorization` must not hand the key
//!   back to whoever prints the error;
//! - any other text shaped like a Clerk secret key (`sk_live_` or `sk_test_` followed by key
//!   characters) is replaced too, since it is a credential whoever it belongs to;
//! - scrubbing happens before truncation, so a key cut in two at the limit cannot leak its
//!   first half.
//!
//! Serde's messages quote the offending value (`invalid type: string "…"`); those values are
//! elided while the shape of the message, the JSON path and the status stay.

use std::borrow::Cow;

use crate::client::Clerk;
use crate::request::{Auth, Parts};

/// What a replaced key becomes when it is not shaped like a Clerk secret key.
const REDACTED: &str = "[redacted]";

/// The prefixes of Clerk secret keys, scrubbed wherever they appear.
const SECRET_KEY_PREFIXES: [&str; 2] = ["sk_live_", "sk_test_"];

/// Longest string kept from one field of an error entry.
pub(crate) const FIELD_LIMIT: usize = 2048;

/// The keys a request carries, to be scrubbed from whatever comes back.
pub(crate) struct Scrubber<'a> {
    keys: Vec<&'a str>,
}

impl<'a> Scrubber<'a> {
    /// The client's own key and, when the call uses one, its per-call key.
    pub(crate) fn for_request(client: &'a Clerk, parts: &'a Parts) -> Self {
        let mut keys = vec![client.secret_key().expose()];
        if let Auth::Key(value) = &parts.auth {
            if let Ok(text) = value.to_str() {
                keys.push(text.strip_prefix("Bearer ").unwrap_or(text));
            }
        }
        Self::new(keys)
    }

    /// Scrubs `keys` (empty ones are ignored), longest first so a key that contains another
    /// is replaced whole.
    pub(crate) fn new(mut keys: Vec<&'a str>) -> Self {
        keys.retain(|k| !k.trim().is_empty());
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        keys.dedup();
        Self { keys }
    }

    fn longest_key(&self) -> usize {
        self.keys.first().map_or(0, |k| k.len())
    }

    /// `text` with every key and every Clerk-secret-shaped string replaced.
    pub(crate) fn scrub<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = Cow::Borrowed(text);
        for key in &self.keys {
            if out.contains(key) {
                out = Cow::Owned(out.replace(key, replacement(key)));
            }
        }
        match scrub_secret_keys(&out) {
            Some(scrubbed) => Cow::Owned(scrubbed),
            None => out,
        }
    }

    /// Scrubs then truncates one kept string to `limit` bytes.
    pub(crate) fn scrub_field(&self, text: &str, limit: usize) -> String {
        truncate(self.scrub(text).into_owned(), limit)
    }

    /// Scrubs every string (keys included) inside a JSON value.
    pub(crate) fn scrub_json(&self, value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(s) => Value::String(self.scrub_field(&s, FIELD_LIMIT)),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| self.scrub_json(v)).collect())
            }
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (self.scrub(&k).into_owned(), self.scrub_json(v)))
                    .collect(),
            ),
            other => other,
        }
    }

    /// The start of `body` as text, scrubbed, then cut to at most `limit` bytes (with `...`
    /// when something was cut). The window read is long enough that a key starting before
    /// the limit is replaced whole.
    pub(crate) fn kept_body(&self, body: &[u8], limit: usize) -> String {
        let window = body.len().min(limit + self.longest_key() + 64);
        let text = String::from_utf8_lossy(&body[..window]);
        let scrubbed = self.scrub(&text).into_owned();
        let cut = body.len() > limit || scrubbed.len() > limit;
        let mut kept = truncate(scrubbed, limit);
        if cut && !kept.ends_with("...") {
            kept.push_str("...");
        }
        kept
    }
}

/// What `key` is replaced with: `sk_live_[redacted]` style for Clerk keys, so the kind of key
/// stays visible, `[redacted]` otherwise.
fn replacement(key: &str) -> &'static str {
    if key.starts_with("sk_live_") {
        "sk_live_[redacted]"
    } else if key.starts_with("sk_test_") {
        "sk_test_[redacted]"
    } else {
        REDACTED
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// Replaces `sk_live_…`/`sk_test_…` (with at least one key character after the prefix);
/// `None` when there is nothing to replace.
fn scrub_secret_keys(text: &str) -> Option<String> {
    if !SECRET_KEY_PREFIXES.iter().any(|p| text.contains(p)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while !rest.is_empty() {
        let next = SECRET_KEY_PREFIXES
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, *p)))
            .min_by_key(|(i, _)| *i);
        let Some((start, prefix)) = next else {
            break;
        };
        let after = start + prefix.len();
        let tail = &rest[after..];
        let key_len = tail.find(|c: char| !is_key_char(c)).unwrap_or(tail.len());
        out.push_str(&rest[..after]);
        if key_len > 0 {
            out.push_str(REDACTED);
            changed = true;
        }
        rest = &tail[key_len..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Cuts `text` to at most `limit` bytes on a character boundary.
fn truncate(mut text: String, limit: usize) -> String {
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push_str("...");
    }
    text
}

/// Serde's message with the values it quotes elided: `invalid type: string "sk_live_x",
/// expected i64` becomes `invalid type: string "…", expected i64`, and the value of
/// ``unknown variant `x`, expected …`` becomes `…`. Field and variant names that come from
/// the model (``missing field `id` ``, the `expected one of` list) are kept.
pub(crate) fn elide_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    loop {
        let quote = rest.find('"');
        let variant = rest.find(UNKNOWN_VARIANT);
        match (quote, variant) {
            (Some(q), v) if v.is_none_or(|v| q < v) => {
                out.push_str(&rest[..q]);
                out.push_str("\"…\"");
                rest = &rest[string_end(rest, q + 1)..];
            }
            (_, Some(v)) => {
                let start = v + UNKNOWN_VARIANT.len();
                out.push_str(&rest[..start]);
                out.push('…');
                let tail = &rest[start..];
                let end = ["`, expected", "`, there are no variants"]
                    .iter()
                    .filter_map(|m| tail.find(m))
                    .min()
                    .or_else(|| tail.rfind('`'))
                    .unwrap_or(tail.len());
                rest = &tail[end..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

const UNKNOWN_VARIANT: &str = "unknown variant `";

/// The index just past the closing quote of a Debug-escaped string whose content starts at
/// `from`, or the end of `text` when it is not closed.
fn string_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_secret_shaped_strings_are_replaced() {
        let s = Scrubber::new(vec!["sk_test_OWNkey", "machine_KEY_123"]);
        assert_eq!(
            s.scrub("Bearer sk_test_OWNkey and machine_KEY_123, other sk_live_abc-DEF_9."),
            "Bearer sk_test_[redacted] and [redacted], other sk_live_[redacted]."
        );
        assert_eq!(s.scrub("sk_test_ alone"), "sk_test_ alone");
        assert_eq!(s.scrub("nothing here"), "nothing here");
    }

    #[test]
    fn a_key_at_the_cut_is_replaced_whole() {
        let s = Scrubber::new(vec!["PERCALLsecretVALUE"]);
        let body = format!("{}PERCALLsecretVALUE", "x".repeat(10));
        let kept = s.kept_body(body.as_bytes(), 14);
        assert!(!kept.contains("PERC"), "{kept}");
        assert!(kept.ends_with("..."), "{kept}");
    }

    #[test]
    fn serde_messages_lose_their_quoted_values() {
        assert_eq!(
            elide_quoted(r#"invalid type: string "sk_live_a\"b", expected i64 at line 1 column 9"#),
            r#"invalid type: string "…", expected i64 at line 1 column 9"#
        );
        assert_eq!(
            elide_quoted("unknown variant `secret`, expected one of `a`, `b` at line 1"),
            "unknown variant `…`, expected one of `a`, `b` at line 1"
        );
        assert_eq!(elide_quoted("missing field `id`"), "missing field `id`");
    }
}
