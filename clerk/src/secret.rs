//! The secret key, wrapped so it cannot be printed by accident.

use std::fmt;

/// A Clerk secret key (`sk_live_...` / `sk_test_...`). `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(String);

impl SecretKey {
    /// Wraps a secret key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The key itself. Call this only to hand the key to something that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `sk_test`, `sk_live` or `sk`: enough to tell environments apart in logs.
    pub fn kind(&self) -> &'static str {
        if self.0.starts_with("sk_live_") {
            "sk_live"
        } else if self.0.starts_with("sk_test_") {
            "sk_test"
        } else {
            "sk"
        }
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({}_[redacted])", self.kind())
    }
}

impl fmt::Display for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}_[redacted]", self.kind())
    }
}

impl From<String> for SecretKey {
    fn from(key: String) -> Self {
        Self(key)
    }
}

impl From<&str> for SecretKey {
    fn from(key: &str) -> Self {
        Self(key.to_owned())
    }
}

/// A secret the API returns or a request carries: an API key's secret, a machine's secret
/// key, an OAuth client secret, a session JWT, a sign-in or actor token, a token to verify, a
/// password. `Debug` prints `Secret([redacted])` and there is no `Display`; read it with
/// [`Secret::expose`]. It (de)serializes as the plain string.
///
/// A model with a `Secret` field marks the operations that return it as `#[secret]` in the
/// endpoint tables, so a body that fails to decode is never kept in the error.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself. Call this only to hand it to whatever needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_decode_but_do_not_print() {
        #[derive(Debug, serde::Deserialize)]
        struct Key {
            #[allow(dead_code)]
            secret: Secret,
        }
        let key: Key = serde_json::from_str(r#"{"secret":"ak_live_TOPSECRET"}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!format!("{key:?}").contains("TOPSECRET"));
        assert_eq!(key.secret.expose(), "ak_live_TOPSECRET");
    }
}
