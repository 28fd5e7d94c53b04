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

/// A secret returned by the API: an API key's secret, a machine's secret key, an OAuth
/// application's client secret. `Debug` prints `[redacted]`; read it with [`Secret::expose`].
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
