//! What the `Deserialize` impls derived by `clerk_macros::Deserialize` call: the map-key
//! reader and the rules for duplicate, missing and unknown keys. Being shared, these are
//! type-checked once rather than once per model, and their errors read as serde's derive
//! words them.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

/// The index a model's name lookup gives a key it does not know.
pub const UNKNOWN: usize = usize::MAX;

/// Reads a map key and turns it into the model's field index.
#[derive(Clone, Copy)]
pub struct FieldKey {
    /// The model's name-to-index `match`.
    pub index: fn(&str) -> usize,
    /// The known keys, when an unknown one is an error (`deny_unknown_fields`).
    pub deny_unknown: Option<&'static [&'static str]>,
}

impl<'de> DeserializeSeed<'de> for FieldKey {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldKey {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<usize, E> {
        match ((self.index)(key), self.deny_unknown) {
            (UNKNOWN, Some(known)) => Err(E::unknown_field(key, known)),
            (index, _) => Ok(index),
        }
    }
}

/// Reads the value of a key into its slot; a second occurrence of the key is an error.
pub fn fill<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// [`fill`] for a field read through its `deserialize_with` function, wrapped in `W`.
pub fn fill_with<'de, W: Deserialize<'de>, T, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
    unwrap: fn(W) -> T,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(unwrap(map.next_value()?));
    Ok(())
}

/// The value of a field that must be present.
pub fn required<T, E: Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// Skips the value of a key the model does not read.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|IgnoredAny| ())
}
