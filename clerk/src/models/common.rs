//! Small response shapes shared by many resources.

use clerk_macros::{Deserialize, Serialize};

/// What the API answers after deleting an object.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct DeletedObject {
    /// Type of the deleted object, e.g. `user`.
    pub object: String,
    /// Id of the deleted object, when it had one.
    #[serde(default)]
    pub id: Option<String>,
    /// Slug of the deleted object (organizations).
    #[serde(default)]
    pub slug: Option<String>,
    /// Always `true` on success.
    pub deleted: bool,
    /// External id of the deleted object, when it had one.
    #[serde(default)]
    pub external_id: Option<String>,
}

/// A bare count, as returned by `GET /users/count`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TotalCount {
    /// Always `total_count`.
    pub object: String,
    /// The number of matching objects.
    pub total_count: i64,
}

/// Arbitrary JSON metadata (public, private or unsafe) attached to an object.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

/// Typed access to [`Metadata`]: read it into your own types instead of walking JSON.
///
/// ```
/// use clerk_backend::models::{Metadata, MetadataExt};
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Billing { plan: String, seats: u32 }
///
/// let mut meta = Metadata::new();
/// meta.set("billing", &Billing { plan: "pro".into(), seats: 5 }).unwrap();
/// let billing: Option<Billing> = meta.get_as("billing").unwrap();
/// assert_eq!(billing.map(|b| b.seats), Some(5));
/// ```
pub trait MetadataExt {
    /// The value under `key` decoded as `T`; `Ok(None)` when the key is absent or null.
    ///
    /// # Errors
    /// When the value does not have the shape of `T`.
    fn get_as<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, serde_json::Error>;

    /// The whole object decoded as `T`.
    ///
    /// # Errors
    /// When the object does not have the shape of `T`.
    fn to_typed<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error>;

    /// Stores `value` under `key`, replacing what was there.
    ///
    /// # Errors
    /// When `value` cannot be represented as JSON.
    fn set<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), serde_json::Error>;
}

impl MetadataExt for Metadata {
    fn get_as<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, serde_json::Error> {
        match self.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(value) => T::deserialize(value).map(Some),
        }
    }

    fn to_typed<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(serde_json::Value::Object(self.clone()))
    }

    fn set<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.insert(key.to_owned(), serde_json::to_value(value)?);
        Ok(())
    }
}

/// Decodes a nullable object field, reading `null` and an empty object `{}` as `None`.
///
/// The spec wraps a few nested objects as `nullable` + `oneOf: [$ref]`; mock servers built on
/// the spec emit `{}` for them, which carries no data. Anything else must decode fully.
/// It streams: the first key is read to tell `{}` apart, then handed back to `T` with the rest
/// of the map (no detour through `serde_json::Value`, whose deserializer would be compiled
/// and linked for these few fields alone).
#[cfg_attr(
    not(any(feature = "users", feature = "organizations", feature = "invitations")),
    allow(dead_code)
)]
pub(crate) fn empty_object_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    deserializer.deserialize_option(NonEmptyObject(std::marker::PhantomData))
}

/// The visitor of [`empty_object_as_none`].
struct NonEmptyObject<T>(std::marker::PhantomData<T>);

impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for NonEmptyObject<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object or null")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        inner.deserialize_map(self)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Ok(None);
        };
        let rest = FirstKeyAgain {
            first: Some(first),
            rest: map,
        };
        T::deserialize(serde::de::value::MapAccessDeserializer::new(rest)).map(Some)
    }
}

/// A map whose first key was already read: yields it again, then the rest.
struct FirstKeyAgain<A> {
    first: Option<String>,
    rest: A,
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for FirstKeyAgain<A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => {
                let key: serde::de::value::StringDeserializer<A::Error> =
                    serde::de::IntoDeserializer::into_deserializer(key);
                seed.deserialize(key).map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.rest.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        let first = usize::from(self.first.is_some());
        self.rest.size_hint().map(|n| n + first)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        id: String,
    }

    #[derive(Debug, Deserialize)]
    struct Outer {
        #[serde(default, deserialize_with = "super::empty_object_as_none")]
        inner: Option<Inner>,
    }

    fn decode(json: &str) -> Result<Option<Inner>, serde_json::Error> {
        serde_json::from_str::<Outer>(json).map(|o| o.inner)
    }

    #[test]
    fn empty_objects_and_nulls_are_none_but_partial_objects_fail() {
        assert_eq!(decode("{}").ok(), Some(None));
        assert_eq!(decode(r#"{"inner":null}"#).ok(), Some(None));
        assert_eq!(decode(r#"{"inner":{}}"#).ok(), Some(None));
        assert_eq!(
            decode(r#"{"inner":{"id":"x"}}"#).ok(),
            Some(Some(Inner { id: "x".into() }))
        );
        assert!(decode(r#"{"inner":{"name":"no id"}}"#).is_err());
    }

    #[test]
    fn the_first_key_is_read_again_by_the_model() {
        // An escaped first key, and a first key the model ignores.
        assert_eq!(
            decode(r#"{"inner":{"i\u0064":"x"}}"#).ok(),
            Some(Some(Inner { id: "x".into() }))
        );
        assert_eq!(
            decode(r#"{"inner":{"extra":[1,{"a":2}],"id":"y"}}"#).ok(),
            Some(Some(Inner { id: "y".into() }))
        );
        // A duplicate of the first key is still a duplicate.
        assert!(decode(r#"{"inner":{"id":"x","id":"z"}}"#).is_err());
    }

    #[test]
    fn anything_but_an_object_or_null_is_refused() {
        for json in [r#"{"inner":"x"}"#, r#"{"inner":[]}"#, r#"{"inner":1}"#] {
            let error = decode(json).expect_err(json).to_string();
            assert!(error.contains("an object or null"), "{json}: {error}");
        }
    }

    #[test]
    fn it_streams_under_the_objects_only_adapter() {
        let decode = |json: &[u8]| {
            crate::decode::decode_json::<Outer>(json)
                .ok()
                .map(|o| o.inner)
        };
        assert_eq!(
            decode(br#"{"inner":{"id":"x"}}"#),
            Some(Some(Inner { id: "x".into() }))
        );
        assert_eq!(decode(br#"{"inner":{}}"#), Some(None));
        assert_eq!(decode(br#"{"inner":{"name":"no id"}}"#), None);
    }
}

// Enums two families share: email addresses and organization domains are verified, and both
// organization domains and the instance's organization settings name enrollment modes.

string_enum! {
    /// Progress of a verification (of an identification, a domain, ...).
    pub enum VerificationStatus {
        /// Not verified yet.
        Unverified = "unverified",
        /// Verified.
        Verified = "verified",
        /// The attempt failed.
        Failed = "failed",
        /// The attempt expired before completion.
        Expired = "expired",
        /// The verification can be moved to a new sign-up (OAuth and SAML flows).
        Transferable = "transferable",
    }
}

string_enum! {
    /// How users whose email address belongs to an organization domain join the organization.
    pub enum EnrollmentMode {
        /// Nothing happens automatically; admins invite members by hand.
        ManualInvitation = "manual_invitation",
        /// Matching users get an invitation to join automatically.
        AutomaticInvitation = "automatic_invitation",
        /// Matching users are suggested to ask for membership.
        AutomaticSuggestion = "automatic_suggestion",
        /// Users join through the organization's enterprise SSO connection.
        EnterpriseSso = "enterprise_sso",
    }
}
