//! The instance's JSON Web Key Set, for checking the signatures of its tokens.

use clerk_macros::Deserialize;

use crate::Secret;

string_enum! {
    /// Key type of a [`Jwk`] (its `kty`).
    pub enum JwkKeyType {
        /// An RSA key.
        Rsa = "RSA",
        /// An elliptic-curve key.
        Ec = "EC",
        /// An octet key pair (Ed25519).
        Okp = "OKP",
        /// A symmetric key.
        Oct = "oct",
    }
}

/// A JSON Web Key Set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(clerk_macros::Serialize))]
#[non_exhaustive]
pub struct JwkSet {
    /// The keys of the set.
    #[serde(default)]
    pub keys: Option<Vec<Jwk>>,
}

/// One JSON Web Key. The spec allows RSA, EC and Ed25519 public keys, their private
/// counterparts and symmetric keys, so everything beyond `kid`, `alg`, `use` and `kty`
/// is optional; which fields are present depends on [`kty`](Self::kty). Private and
/// symmetric key material is a [`Secret`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(clerk_macros::Serialize))]
#[non_exhaustive]
pub struct Jwk {
    /// Key id, matched against the `kid` header of a token.
    pub kid: String,
    /// Algorithm the key is used with (e.g. `RS256`).
    pub alg: String,
    /// Intended use (`sig` for signatures).
    #[serde(rename = "use")]
    pub use_: String,
    /// Key type.
    pub kty: JwkKeyType,
    /// RSA modulus (base64url).
    #[serde(default)]
    pub n: Option<String>,
    /// RSA public exponent (base64url).
    #[serde(default)]
    pub e: Option<String>,
    /// Curve of an EC or OKP key (e.g. `Ed25519`, `P-256`).
    #[serde(default)]
    pub crv: Option<String>,
    /// X coordinate of an EC key, or the public key of an OKP key (base64url).
    #[serde(default)]
    pub x: Option<String>,
    /// Y coordinate of an EC key (base64url).
    #[serde(default)]
    pub y: Option<String>,
    /// Private exponent or private key (private keys only).
    #[serde(default)]
    pub d: Option<Secret>,
    /// First RSA prime factor (private keys only).
    #[serde(default)]
    pub p: Option<Secret>,
    /// Second RSA prime factor (private keys only).
    #[serde(default)]
    pub q: Option<Secret>,
    /// First RSA CRT exponent (private keys only).
    #[serde(default)]
    pub dp: Option<Secret>,
    /// Second RSA CRT exponent (private keys only).
    #[serde(default)]
    pub dq: Option<Secret>,
    /// RSA CRT coefficient (private keys only).
    #[serde(default)]
    pub qi: Option<Secret>,
    /// Key value of a symmetric key.
    #[serde(default)]
    pub k: Option<Secret>,
    /// X.509 certificate chain (base64 DER).
    #[serde(default)]
    pub x5c: Option<Vec<String>>,
    /// SHA-1 thumbprint of the X.509 certificate.
    #[serde(default)]
    pub x5t: Option<String>,
    /// SHA-256 thumbprint of the X.509 certificate.
    #[serde(default, rename = "x5t#S256")]
    pub x5t_s256: Option<String>,
    /// URL of the X.509 certificate chain.
    #[serde(default)]
    pub x5u: Option<String>,
}
