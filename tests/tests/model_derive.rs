//! `clerk_macros::Deserialize` and `clerk_macros::Serialize` against serde's own derives: the
//! same struct, derived both ways, fed the same JSON, must give the same value or the same
//! error message (position included), and must write the same JSON, query and form text.
//! The one intended difference: a struct is read from a JSON object only, never from an
//! array of its fields (Clerk sends objects; the SDK's decoder already refused arrays).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Stamps one struct body twice: `ours::T` with clerk_macros' derive and `serde::T` with
/// serde's, in modules named after the case.
macro_rules! twins {
    ($case:ident { $(#[$meta:meta])* struct { $($body:tt)* } }) => {
        mod $case {
            #![allow(dead_code)]
            #[allow(unused_imports)]
            use super::*;
            pub mod ours {
                #[allow(unused_imports)]
                use super::super::*;
                #[derive(Debug, PartialEq, clerk_macros::Deserialize)]
                $(#[$meta])*
                pub struct T { $($body)* }
            }
            pub mod serde {
                #[allow(unused_imports)]
                use super::super::*;
                #[derive(Debug, PartialEq, ::serde::Deserialize)]
                $(#[$meta])*
                pub struct T { $($body)* }
            }
        }
    };
}

#[derive(Debug, PartialEq, serde::Deserialize)]
pub struct Inner {
    pub id: String,
}

fn seven() -> u8 {
    7
}

/// A `deserialize_with` in the shape of the models' `empty_object_as_none`: `{}` reads as
/// `None`.
fn empty_as_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Inner>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    match value {
        Some(Value::Object(map)) if map.is_empty() => Ok(None),
        Some(value) => Inner::deserialize(value)
            .map(Some)
            .map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

use serde::Deserialize;

twins!(every_rule {
    struct {
        pub id: String,
        pub count: i64,
        pub note: Option<String>,
        #[serde(default)]
        pub tags: Vec<String>,
        #[serde(default = "seven")]
        pub seven: u8,
        #[serde(rename = "type", default)]
        pub kind: String,
        pub r#ref: Option<bool>,
        #[serde(default, deserialize_with = "empty_as_none")]
        pub nested: Option<Inner>,
        #[serde(deserialize_with = "empty_as_none")]
        pub required_with: Option<Inner>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub maybe: Option<Option<u32>>,
        #[serde(default)]
        pub raw: Value,
    }
});

twins!(strict {
    #[serde(deny_unknown_fields)]
    struct {
        pub name: String,
        #[serde(default)]
        pub slug: Option<String>,
    }
});

twins!(container_default {
    #[derive(Default)]
    #[serde(default, deny_unknown_fields)]
    struct {
        pub name: String,
        pub limit: Option<i64>,
        #[serde(default = "seven")]
        pub seven: u8,
    }
});

twins!(empty {
    struct {}
});

/// Decodes with both derives, from text and from a `serde_json::Value`, and compares.
fn same<O, S>(json: &str)
where
    O: DeserializeOwned + std::fmt::Debug,
    S: DeserializeOwned + std::fmt::Debug,
{
    let ours = serde_json::from_str::<O>(json).map_err(|e| e.to_string());
    let theirs = serde_json::from_str::<S>(json).map_err(|e| e.to_string());
    assert_eq!(
        format!("{ours:?}"),
        format!("{theirs:?}"),
        "from text, input: {json}"
    );
    if let Ok(value) = serde_json::from_str::<Value>(json) {
        let ours = serde_json::from_value::<O>(value.clone()).map_err(|e| e.to_string());
        let theirs = serde_json::from_value::<S>(value).map_err(|e| e.to_string());
        assert_eq!(
            format!("{ours:?}"),
            format!("{theirs:?}"),
            "from a Value, input: {json}"
        );
    }
}

const REQUIRED: &str = r#""id": "x", "count": 1, "required_with": null"#;

#[test]
fn every_field_rule_reads_as_serde_derive_reads_it() {
    let cases = [
        format!("{{{REQUIRED}}}"),
        format!(
            r#"{{{REQUIRED}, "note": "n", "tags": ["a", "b"], "seven": 8, "type": "t",
                "ref": true, "nested": {{"id": "i"}}, "maybe": 3, "raw": {{"a": [1]}}}}"#
        ),
        format!(r#"{{{REQUIRED}, "nested": {{}}, "maybe": null, "note": null}}"#),
        format!(r#"{{{REQUIRED}, "nested": null, "raw": null}}"#),
        r#"{"id": "x", "count": 1, "required_with": {"id": "r"}}"#.to_owned(),
        // Keys the struct does not know are skipped, whatever their value.
        format!(r#"{{"unknown": {{"deep": [1, {{"x": null}}]}}, {REQUIRED}, "kind": 5}}"#),
        // An escaped key is the same key.
        r#"{"\u0069d": "x", "count": 1, "required_with": null}"#.to_owned(),
        // Absent required fields, in declaration order of the error.
        r#"{"count": 1, "required_with": null}"#.to_owned(),
        r#"{"id": "x", "required_with": null}"#.to_owned(),
        r#"{"id": "x", "count": 1}"#.to_owned(),
        "{}".to_owned(),
        // Duplicate keys.
        format!(r#"{{{REQUIRED}, "id": "again"}}"#),
        format!(r#"{{{REQUIRED}, "type": "a", "type": "b"}}"#),
        format!(r#"{{{REQUIRED}, "nested": null, "nested": {{}}}}"#),
        // Wrong types, at the top and in a nested or `deserialize_with` field.
        r#"{"id": 1, "count": 1, "required_with": null}"#.to_owned(),
        r#"{"id": null, "count": 1, "required_with": null}"#.to_owned(),
        format!(r#"{{{REQUIRED}, "tags": "a"}}"#),
        format!(r#"{{{REQUIRED}, "nested": {{"id": 5}}}}"#),
        format!(r#"{{{REQUIRED}, "seven": 300}}"#),
        // Not an object.
        "null".to_owned(),
        "\"user\"".to_owned(),
        "12".to_owned(),
        // Broken JSON.
        format!(r#"{{{REQUIRED}, "note": "#),
        format!(r#"{{{REQUIRED}"#),
        format!(r#"{{{REQUIRED},}}"#),
    ];
    for json in &cases {
        same::<every_rule::ours::T, every_rule::serde::T>(json);
    }
}

#[test]
fn deny_unknown_fields_names_the_key_and_the_known_ones() {
    for json in [
        r#"{"name": "a"}"#,
        r#"{"name": "a", "slug": "s"}"#,
        r#"{"name": "a", "colour": "red"}"#,
        r#"{"colour": "red"}"#,
        r#"{"slug": null}"#,
    ] {
        same::<strict::ours::T, strict::serde::T>(json);
    }
    let error = serde_json::from_str::<strict::ours::T>(r#"{"name": "a", "colour": "red"}"#)
        .expect_err("an unknown key is refused");
    assert!(error
        .to_string()
        .contains("unknown field `colour`, expected `name` or `slug`"));
}

#[test]
fn a_struct_level_default_fills_every_absent_field() {
    for json in [
        "{}",
        r#"{"name": "a"}"#,
        r#"{"limit": 3, "seven": 1}"#,
        r#"{"name": "a", "other": 1}"#,
    ] {
        same::<container_default::ours::T, container_default::serde::T>(json);
    }
}

#[test]
fn a_struct_without_fields_accepts_any_object() {
    for json in ["{}", r#"{"a": 1, "b": [2]}"#, "[]", "null"] {
        if json == "[]" {
            continue; // serde's derive reads an empty array as the struct; see the next test
        }
        same::<empty::ours::T, empty::serde::T>(json);
    }
}

#[test]
fn a_struct_is_never_read_from_an_array_of_its_fields() {
    // serde's derive accepts a positional array here; the Backend API never sends one and
    // the SDK's decoder refused it before this derive existed.
    let json = r#"["x", 1, null, null, null]"#;
    let error = serde_json::from_str::<every_rule::ours::T>(json).expect_err("array refused");
    assert_eq!(
        error.to_string(),
        "invalid type: sequence, expected struct T at line 1 column 0"
    );
    let positional = r#"["x", 1, null, [], 7, "t", null, null, null, null, null]"#;
    assert!(serde_json::from_str::<every_rule::serde::T>(positional).is_ok());
}

/// Stamps one struct body twice for serialization: `ours::T` with clerk_macros' derive and
/// `serde::T` with serde's; `both!` builds the same value of each.
macro_rules! ser_twins {
    ($case:ident { $(#[$meta:meta])* struct { $($body:tt)* } }) => {
        mod $case {
            #![allow(dead_code)]
            pub mod ours {
                #[allow(unused_imports)]
                use super::super::*;
                #[derive(clerk_macros::Serialize)]
                $(#[$meta])*
                pub struct T { $($body)* }
            }
            pub mod serde {
                #[allow(unused_imports)]
                use super::super::*;
                #[derive(::serde::Serialize)]
                $(#[$meta])*
                pub struct T { $($body)* }
            }
        }
    };
}

macro_rules! both {
    ($case:ident { $($field:ident: $value:expr),* $(,)? }) => {
        (
            $case::ours::T { $($field: $value),* },
            $case::serde::T { $($field: $value),* },
        )
    };
}

ser_twins!(params {
    #[serde(deny_unknown_fields)]
    struct {
        pub name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub limit: Option<i64>,
        #[serde(rename = "type", default)]
        pub kind: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub email_address: Vec<String>,
        pub note: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub metadata: Option<Value>,
    }
});

ser_twins!(all_optional {
    struct {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub a: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub b: Option<String>,
    }
});

/// Serializes with both derives to JSON (compact, pretty, a `Value`) and to a form/query
/// string, and compares.
fn same_output<O: serde::Serialize, S: serde::Serialize>(ours: &O, theirs: &S) {
    assert_eq!(
        serde_json::to_string(ours).ok(),
        serde_json::to_string(theirs).ok()
    );
    assert_eq!(
        serde_json::to_string_pretty(ours).ok(),
        serde_json::to_string_pretty(theirs).ok()
    );
    assert_eq!(
        serde_json::to_value(ours).ok(),
        serde_json::to_value(theirs).ok()
    );
    let form = |v: Result<String, serde_html_form::ser::Error>| v.map_err(|e| e.to_string());
    assert_eq!(
        form(serde_html_form::to_string(ours)),
        form(serde_html_form::to_string(theirs))
    );
}

#[test]
fn parameters_write_as_serde_derive_writes_them() {
    let (ours, theirs) = both!(params {
        name: "Acme & Co".to_owned(),
        limit: Some(10),
        kind: "t".to_owned(),
        email_address: vec!["a@example.com".to_owned(), "b@example.com".to_owned()],
        note: None,
        metadata: None,
    });
    same_output(&ours, &theirs);
    assert_eq!(
        serde_html_form::to_string(&ours).ok().as_deref(),
        Some("name=Acme+%26+Co&limit=10&type=t&email_address=a%40example.com&email_address=b%40example.com")
    );
    let (ours, theirs) = both!(params {
        name: String::new(),
        limit: None,
        kind: String::new(),
        email_address: Vec::new(),
        note: Some("n".to_owned()),
        metadata: Some(serde_json::json!({"plan": ["pro"]})),
    });
    same_output(&ours, &theirs);
    assert_eq!(
        serde_json::to_string(&ours).ok().as_deref(),
        Some(r#"{"name":"","type":"","note":"n","metadata":{"plan":["pro"]}}"#)
    );
}

#[test]
fn a_struct_whose_fields_are_all_skipped_writes_an_empty_object() {
    let (ours, theirs) = both!(all_optional { a: None, b: None });
    same_output(&ours, &theirs);
    assert_eq!(serde_json::to_string(&ours).ok().as_deref(), Some("{}"));
    assert_eq!(
        serde_json::to_string_pretty(&ours).ok().as_deref(),
        Some("{}")
    );
    let (ours, theirs) = both!(all_optional {
        a: Some(1),
        b: None
    });
    same_output(&ours, &theirs);
}
