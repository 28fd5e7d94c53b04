//! Response decoders the generated methods pick from: JSON, ignored body, or text.
//!
//! A JSON decode is one `serde_json` pass, instantiated once per response type. When it fails,
//! the JSON path of the failure (`data[2].email_addresses[0].id`) is recovered by scanning the
//! raw body up to the error's position: that scanner is not generic, so it is compiled once
//! instead of doubling every model's deserializer the way a path-tracking wrapper would.

use serde::de::DeserializeOwned;

use crate::objects::ObjectsOnly;

/// Why a body did not decode: where (JSON path) and what.
pub struct DecodeFailure {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// A decoder turns a success body into the method's output type.
pub type Decoder<T> = fn(&[u8]) -> Result<T, DecodeFailure>;

/// Decodes JSON; on failure reports the JSON path where it went wrong. Structs are read from
/// JSON objects only (the `ObjectsOnly` adapter), as the Backend API sends them.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeFailure> {
    let mut de = serde_json::Deserializer::from_slice(body);
    T::deserialize(ObjectsOnly(&mut de))
        .and_then(|value| de.end().map(|()| value))
        .map_err(|e| json_failure(body, &e))
}

fn json_failure(body: &[u8], error: &serde_json::Error) -> DecodeFailure {
    let offset = byte_offset(body, error.line(), error.column());
    DecodeFailure {
        path: path_at(body, offset),
        message: crate::redact::elide_quoted(&error.to_string()),
    }
}

/// Ignores the body.
pub fn decode_empty(_body: &[u8]) -> Result<(), DecodeFailure> {
    Ok(())
}

/// Returns the body as text (e.g. the interstitial HTML).
pub fn decode_text(body: &[u8]) -> Result<String, DecodeFailure> {
    String::from_utf8(body.to_vec()).map_err(|e| DecodeFailure {
        path: String::from("."),
        message: format!("the body is not UTF-8: {e}"),
    })
}

/// serde_json positions are 1-based lines and 1-based byte columns.
fn byte_offset(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match body[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => return body.len(),
        }
    }
    (start + column).min(body.len())
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// The JSON path of the value being read at `offset`, e.g. `data[0].email_addresses[1].id`;
/// `.` at the top level.
fn path_at(body: &[u8], offset: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < offset {
        match body[i] {
            b'{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expecting_key = true,
                None => {}
            },
            b':' => expecting_key = false,
            b'"' => {
                let end = string_end(body, i + 1);
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(
                            String::from_utf8_lossy(&body[i + 1..end.min(body.len())]).into_owned(),
                        );
                    }
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// The index of the closing quote of a string whose content starts at `from`.
fn string_end(body: &[u8], mut from: usize) -> usize {
    while from < body.len() {
        match body[from] {
            b'\\' => from += 2,
            b'"' => return from,
            _ => from += 1,
        }
    }
    body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Email {
        id: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct User {
        id: String,
        emails: Vec<Email>,
        age: Option<i64>,
    }

    fn failure_path(json: &str) -> String {
        match decode_json::<Vec<User>>(json.as_bytes()) {
            Ok(v) => panic!("decoded {v:?}"),
            Err(f) => f.path,
        }
    }

    #[test]
    fn paths_point_at_the_failing_value() {
        assert_eq!(
            failure_path(r#"[{"id":"u1","emails":[{"id":"e1"},{"id":7}]}]"#),
            "[0].emails[1].id"
        );
        assert_eq!(
            failure_path(r#"[{"id":"u1","emails":[]},{"id":"u2","emails":[{}]}]"#),
            "[1].emails[0]"
        );
        assert_eq!(
            failure_path("[\n  {\"id\": \"a,b}\\\"]\", \"emails\": [], \"age\": \"old\"}\n]"),
            "[0].age"
        );
        assert_eq!(failure_path(r#"{"id":"u1"}"#), ".");
        assert_eq!(
            failure_path(r#"[{"id":"u1","emails":[{"id":"e1""#),
            "[0].emails[0].id"
        );
    }
}
