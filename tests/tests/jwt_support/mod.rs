//! Keys and tokens for the session-token tests (tests/jwt.rs, tests/jwks.rs) and the
//! verify_token bench: fresh RSA keys from aws-lc-rs, tokens signed with jsonwebtoken.
#![allow(dead_code)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{KeyPair, KeySize, PublicKeyComponents};
use aws_lc_rs::signature::KeyPair as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey};
use serde_json::{json, Value};

/// The time most tests verify at, in Unix seconds.
pub const NOW: i64 = 1_700_000_000;

/// `NOW + offset_ms` milliseconds as a `SystemTime`.
pub fn at_ms(offset_ms: i64) -> SystemTime {
    let ms = NOW * 1000 + offset_ms;
    UNIX_EPOCH + Duration::from_millis(u64::try_from(ms).expect("after the epoch"))
}

/// `NOW` as a `SystemTime`.
pub fn now() -> SystemTime {
    at_ms(0)
}

/// An RSA key pair freshly generated for a test.
pub struct TestKey {
    pub kid: String,
    pub encoding: EncodingKey,
    /// SubjectPublicKeyInfo DER of the public key.
    pub spki_der: Vec<u8>,
    /// PKCS#1 RSAPublicKey DER of the public key.
    pub pkcs1_der: Vec<u8>,
    /// base64url modulus and exponent, as in a JWK.
    pub n: String,
    pub e: String,
}

impl TestKey {
    pub fn generate(kid: &str) -> Self {
        Self::generate_sized(kid, KeySize::Rsa2048)
    }

    pub fn generate_sized(kid: &str, size: KeySize) -> Self {
        let pair = KeyPair::generate(size).expect("generate RSA key");
        let pkcs8 = pair.as_der().expect("pkcs8");
        let private_pem = pem("PRIVATE KEY", pkcs8.as_ref());
        let encoding = EncodingKey::from_rsa_pem(private_pem.as_bytes()).expect("encoding key");
        let public = pair.public_key();
        let spki_der = public.as_der().expect("spki").as_ref().to_vec();
        let pkcs1_der = public.as_ref().to_vec();
        let components = PublicKeyComponents::<Vec<u8>>::from(public);
        Self {
            kid: kid.to_owned(),
            encoding,
            spki_der,
            pkcs1_der,
            n: URL_SAFE_NO_PAD.encode(&components.n),
            e: URL_SAFE_NO_PAD.encode(&components.e),
        }
    }

    /// The public key as a normal SPKI PEM (64-character lines).
    pub fn pem(&self) -> String {
        pem("PUBLIC KEY", &self.spki_der)
    }

    /// The public key as the JWKS of the Backend API lists it.
    pub fn jwk(&self) -> Value {
        json!({"kid": self.kid, "alg": "RS256", "use": "sig", "kty": "RSA", "n": self.n, "e": self.e})
    }

    /// Signs `payload` with an RS256 header carrying this key's `kid`.
    pub fn token(&self, payload: &Value) -> String {
        self.sign(
            &json!({"alg": "RS256", "typ": "JWT", "kid": self.kid}),
            payload,
        )
    }

    /// Signs any header and payload with this key, with the header's RS* algorithm.
    pub fn sign(&self, header: &Value, payload: &Value) -> String {
        let alg = match header["alg"].as_str() {
            Some("RS384") => Algorithm::RS384,
            Some("RS512") => Algorithm::RS512,
            _ => Algorithm::RS256,
        };
        let input = signing_input(header, payload);
        let signature =
            jsonwebtoken::crypto::sign(input.as_bytes(), &self.encoding, alg).expect("sign");
        format!("{input}.{signature}")
    }
}

/// `base64url(header).base64url(payload)`.
pub fn signing_input(header: &Value, payload: &Value) -> String {
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    )
}

/// A token with any header and payload and the given signature bytes.
pub fn raw_token(header: &Value, payload: &Value, signature: &[u8]) -> String {
    format!(
        "{}.{}",
        signing_input(header, payload),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

/// PEM armour with 64-character lines.
pub fn pem(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).expect("ascii"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// The claims of a typical v2 session token, valid at `NOW`.
pub fn session_claims() -> Value {
    json!({
        "sub": "user_2abc",
        "sid": "sess_2xyz",
        "azp": "https://app.example.com",
        "iss": "https://clerk.example.com",
        "exp": NOW + 60,
        "iat": NOW - 10,
        "nbf": NOW - 20,
        "sts": "active",
        "fva": [3, -1],
        "v": 2
    })
}
