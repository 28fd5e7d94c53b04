//! One page of a list endpoint.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    Deserialize, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use crate::decode::{decode_json, DecodeFailure};

/// One page of results. Decodes both shapes the Backend API uses for lists: a bare JSON
/// array, and the `{"data": [...], "total_count": n}` envelope.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub data: Vec<T>,
    /// The number of matching items across all pages, when the endpoint reports it.
    pub total_count: Option<i64>,
}

impl<T> Page<T> {
    /// A page from its parts.
    pub fn new(data: Vec<T>, total_count: Option<i64>) -> Self {
        Self { data, total_count }
    }

    /// Number of items on this page.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether this page has no items.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Iterates over the items of this page.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.data.iter()
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Page<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.data.iter()
    }
}

/// Decodes a list endpoint's body, what the generated methods returning `Page<T>` use. The
/// first byte picks the shape, so each item type gets a `Vec<T>` decode and a small envelope
/// struct, not a visitor for "array or object" (the `Deserialize` impl below, kept for
/// callers who deserialize pages themselves).
pub fn decode_page<T: DeserializeOwned>(body: &[u8]) -> Result<Page<T>, DecodeFailure> {
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        decode_json::<Vec<T>>(body).map(|data| Page::new(data, None))
    } else {
        decode_json::<Envelope<T>>(body).map(|page| Page::new(page.data, page.total_count))
    }
}

#[derive(serde::Deserialize)]
#[serde(expecting = "a JSON array or an object with `data` and `total_count`")]
struct Envelope<T> {
    data: Vec<T>,
    #[serde(default, deserialize_with = "total_count")]
    total_count: Option<i64>,
}

fn total_count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Option::<serde_json::Number>::deserialize(deserializer).map(as_count)
}

/// Some endpoints type the count as a JSON number: accept `12.0` as 12.
fn as_count(number: Option<serde_json::Number>) -> Option<i64> {
    number.and_then(|n| n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)))
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PageVisitor(PhantomData))
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array or an object with `data` and `total_count`")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut data = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(512));
        while let Some(item) = seq.next_element()? {
            data.push(item);
        }
        Ok(Page::new(data, None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut data = None;
        let mut total_count = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "data" => data = Some(map.next_value::<Vec<T>>()?),
                "total_count" => {
                    total_count = as_count(map.next_value()?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let data = data.ok_or_else(|| serde::de::Error::missing_field("data"))?;
        Ok(Page::new(data, total_count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_both_list_shapes() {
        let bare: Page<u8> = serde_json::from_str("[1,2]").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((bare.data, bare.total_count), (vec![1, 2], None));
        let env: Page<u8> = serde_json::from_str(r#"{"total_count":7,"data":[3],"x":{}}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((env.data, env.total_count), (vec![3], Some(7)));
        assert!(serde_json::from_str::<Page<u8>>(r#"{"total_count":1}"#).is_err());
        let float: Page<u8> = serde_json::from_str(r#"{"data":[],"total_count":12.0}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(float.total_count, Some(12));
    }

    #[test]
    fn the_page_decoder_reads_both_shapes_like_the_deserialize_impl() {
        for body in [
            "[1,2]",
            " \n [1,2]",
            r#"{"total_count":7,"data":[3],"x":{}}"#,
            r#"{"data":[],"total_count":12.0}"#,
            r#"{"data":[4],"total_count":null}"#,
        ] {
            let ours =
                decode_page::<u8>(body.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message));
            let serde: Page<u8> = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(ours, serde, "{body}");
        }
        for body in [
            r#"{"total_count":1}"#,
            "null",
            r#""x""#,
            "[1,",
            r#"{"data":[1,"a"]}"#,
        ] {
            assert!(decode_page::<u8>(body.as_bytes()).is_err(), "{body}");
        }
        let Err(failure) = decode_page::<u8>(br#"{"data":[1,"a"]}"#) else {
            unreachable!()
        };
        assert_eq!(failure.path, "data[1]");
    }
}
