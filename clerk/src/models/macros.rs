//! Declarative helpers shared by the model files.

/// Declares an open string enum: known values as variants plus `Unknown(String)`,
/// so a value Clerk adds later still deserializes (and round-trips unchanged).
///
/// ```ignore
/// string_enum! {
///     /// Status of a session.
///     pub enum SessionStatus {
///         /// The session is active.
///         Active = "active",
///         /// The session was revoked.
///         Revoked = "revoked",
///     }
/// }
/// ```
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know yet, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// The wire value of this variant.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Unknown(other) => other.as_str(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(match s {
                    $( $value => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok(match s.parse() {
                    Ok(v) => v,
                    Err(never) => match never {},
                })
            }
        }
    };
}

/// Adds chainable setters to a parameter struct whose optional fields are `Option<T>`
/// (`opt`) or `Vec<T>` (`list`), so call sites read
/// `UserListParams::default().limit(10).email_address(["a@b.co"])`.
///
/// ```ignore
/// setters! { UserListParams {
///     opt limit: i64,
///     opt query: String,
///     list email_address: String,
/// } }
/// ```
#[allow(unused_macros)] // with no resource family on, no parameter type is compiled
macro_rules! setters {
    ( $ty:ident { $( $kind:ident $field:ident : $t:ty ),* $(,)? } ) => {
        impl $ty {
            $( setters!(@one $kind $field : $t); )*
        }
    };
    (@one opt $field:ident : $t:ty) => {
        #[doc = concat!("Sets [`", stringify!($field), "`](Self::", stringify!($field), ").")]
        #[must_use]
        pub fn $field(mut self, value: impl Into<$t>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@one list $field:ident : $t:ty) => {
        #[doc = concat!("Appends to [`", stringify!($field), "`](Self::", stringify!($field), ").")]
        #[must_use]
        pub fn $field<I>(mut self, values: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<$t>,
        {
            self.$field.extend(values.into_iter().map(Into::into));
            self
        }
    };
}
