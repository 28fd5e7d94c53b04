//! The stand-in's RSA signing key: generated once per process (key generation is the slow
//! part of starting a stand-in), served as a JWKS and as a PEM.

use std::sync::{Arc, OnceLock};

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{KeyPair, KeySize, PublicKeyComponents};
use aws_lc_rs::signature::KeyPair as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use jsonwebtoken::{EncodingKey, Header};
use serde::Serialize;
use serde_json::{json, Value};

/// A private key for signing session tokens and its public halves.
pub(crate) struct SigningKey {
    pub kid: String,
    encoding: EncodingKey,
    /// The public key as a JWK (`kty`, `kid`, `alg`, `use`, `n`, `e`).
    pub jwk: Value,
    /// The public key as an SPKI PEM, what `CLERK_JWT_KEY` holds.
    pub pem: String,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// The process-wide key, generated on first use.
    pub fn shared() -> Result<Arc<Self>, String> {
        static KEY: OnceLock<Result<Arc<SigningKey>, String>> = OnceLock::new();
        KEY.get_or_init(|| Self::generate().map(Arc::new)).clone()
    }

    fn generate() -> Result<Self, String> {
        let fail = |what: &str| format!("the stand-in could not {what}");
        let pair = KeyPair::generate(KeySize::Rsa2048).map_err(|_| fail("generate an RSA key"))?;
        let pkcs8 = pair.as_der().map_err(|_| fail("encode its private key"))?;
        // jsonwebtoken takes PKCS#8 through its PEM reader.
        let private_pem = pem("PRIVATE KEY", pkcs8.as_ref());
        let encoding = EncodingKey::from_rsa_pem(private_pem.as_bytes())
            .map_err(|_| fail("load its private key"))?;
        let public = pair.public_key();
        let spki = public.as_der().map_err(|_| fail("encode its public key"))?;
        let components = PublicKeyComponents::<Vec<u8>>::from(public);
        let kid = super::store::new_id("ins");
        let jwk = json!({
            "kid": kid,
            "kty": "RSA",
            "alg": "RS256",
            "use": "sig",
            "n": URL_SAFE_NO_PAD.encode(&components.n),
            "e": URL_SAFE_NO_PAD.encode(&components.e),
        });
        Ok(Self {
            kid,
            encoding,
            jwk,
            pem: pem("PUBLIC KEY", spki.as_ref()),
        })
    }

    /// Signs `claims` as an RS256 JWT with this key's `kid`.
    pub fn sign<C: Serialize>(&self, claims: &C) -> Result<String, jsonwebtoken::errors::Error> {
        let mut header = Header::new(jsonwebtoken::Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding)
    }

    /// The claims of `token` if this key signed it (RS256). `exp` and `nbf` are checked only
    /// when `current` is set; none is required, as client tokens carry neither.
    pub fn decode(
        &self,
        token: &str,
        current: bool,
    ) -> Result<serde_json::Map<String, Value>, jsonwebtoken::errors::Error> {
        let key = jsonwebtoken::DecodingKey::from_rsa_pem(self.pem.as_bytes())?;
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        validation.validate_exp = current;
        validation.validate_nbf = current;
        validation.validate_aud = false;
        validation.required_spec_claims.clear();
        Ok(jsonwebtoken::decode(token, &key, &validation)?.claims)
    }

    /// `{"keys": [<jwk>]}`, the body of `GET /jwks`.
    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.jwk] })
    }
}

/// DER as PEM with 64-character lines.
fn pem(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

impl SigningKey {
    /// Signs `claims` as an RS256 JWT with this key's `kid` and the extra header fields
    /// `extra` (such as the `cat` of M2M tokens), which the `jsonwebtoken` header type has no
    /// place for.
    pub fn sign_with_header<C: Serialize>(
        &self,
        claims: &C,
        extra: &[(&str, &str)],
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let mut header = json!({ "alg": "RS256", "kid": self.kid });
        for (name, value) in extra {
            header[*name] = json!(value);
        }
        let encode = |value: &Value| -> Result<String, jsonwebtoken::errors::Error> {
            Ok(URL_SAFE_NO_PAD.encode(serde_json::to_vec(value)?))
        };
        let claims = serde_json::to_value(claims)?;
        let message = format!("{}.{}", encode(&header)?, encode(&claims)?);
        let signature = jsonwebtoken::crypto::sign(
            message.as_bytes(),
            &self.encoding,
            jsonwebtoken::Algorithm::RS256,
        )?;
        Ok(format!("{message}.{signature}"))
    }
}
