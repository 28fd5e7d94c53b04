//! Verification keys: a `CLERK_JWT_KEY` PEM, or one JWK of the instance's JWKS, turned into
//! an RSA public key.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine};

use super::error::{echo, TokenError};
use super::rsa::{RsaAlgorithm, RsaPublicKey};
use crate::models::{Jwk, JwkKeyType};

/// An RSA public key ready to verify signatures.
#[derive(Debug)]
pub(crate) struct VerifyingKey {
    /// The algorithm the key declares (a JWK's `alg`); `None` accepts RS256/384/512.
    pub alg: Option<RsaAlgorithm>,
    pub key: RsaPublicKey,
}

/// RSA moduli accepted, in bits: what the verification primitives support.
const MIN_BITS: usize = 2048;
const MAX_BITS: usize = 8192;

/// `rsaEncryption`, 1.2.840.113549.1.1.1.
const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// `id-ecPublicKey`, 1.2.840.10045.2.1.
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/// Ed25519 and Ed448, 1.3.101.112 and 1.3.101.113.
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];
const OID_ED448: &[u8] = &[0x2b, 0x65, 0x71];

const STANDARD_LOOSE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

fn invalid(reason: impl Into<String>) -> TokenError {
    TokenError::InvalidKey {
        reason: reason.into(),
    }
}

/// Parses the instance's PEM public key as `CLERK_JWT_KEY` holds it: a normal PEM, one
/// line, with literal `\n` escapes, or only the base64 body. SPKI (`PUBLIC KEY`) and PKCS#1
/// (`RSA PUBLIC KEY`) are accepted; anything but an RSA key of 2048 to 8192 bits is refused.
/// Errors never quote the key.
pub(crate) fn from_pem(pem: &str) -> Result<VerifyingKey, TokenError> {
    // Environment files often keep newlines as the two characters `\n`.
    let text = pem.replace("\\r", "").replace("\\n", "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid(
            "the PEM public key is empty (set CLERK_JWT_KEY to the instance's PEM public key)",
        ));
    }
    let (label, body) = match text.strip_prefix("-----BEGIN ") {
        Some(rest) => {
            let (label, rest) = rest
                .split_once("-----")
                .ok_or_else(|| invalid("the PEM BEGIN line is not closed by -----"))?;
            let end = format!("-----END {label}-----");
            let (body, _) = rest
                .split_once(&end)
                .ok_or_else(|| invalid(format!("the PEM has no `{end}` line")))?;
            (Some(label.trim()), body)
        }
        None => (None, text),
    };
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let der = STANDARD_LOOSE
        .decode(&body)
        .or_else(|_| super::decode::BASE64URL.decode(&body))
        .map_err(|_| invalid("the PEM body is not base64"))?;
    let (n, e) = match label {
        Some("PUBLIC KEY") => rsa_from_spki(&der)?,
        Some("RSA PUBLIC KEY") => rsa_from_pkcs1(&der)?,
        Some(label) if label.contains("PRIVATE") => {
            return Err(invalid(format!(
                "this is a {label}; use the instance's PEM *public* key"
            )))
        }
        Some(label) => {
            return Err(invalid(format!(
                "a `{}` PEM is not an RSA public key",
                echo(label)
            )))
        }
        // A bare body: SPKI as Clerk shows it, or PKCS#1.
        None => rsa_from_spki(&der).or_else(|spki| rsa_from_pkcs1(&der).map_err(|_| spki))?,
    };
    Ok(VerifyingKey {
        alg: None,
        key: rsa_key(n, e)?,
    })
}

/// The (n, e) of an RSA key, checked.
fn rsa_key(n: &[u8], e: &[u8]) -> Result<RsaPublicKey, TokenError> {
    let key = RsaPublicKey::new(n, e);
    let (n, e) = key.components();
    check_rsa(n, e)?;
    Ok(key)
}

/// Checks the size of a modulus and an exponent without leading zeros.
fn check_rsa(n: &[u8], e: &[u8]) -> Result<(), TokenError> {
    let bits = bit_len(n);
    if !(MIN_BITS..=MAX_BITS).contains(&bits) {
        return Err(invalid(format!(
            "the RSA modulus has {bits} bits; {MIN_BITS} to {MAX_BITS} are supported"
        )));
    }
    if e.is_empty() || e.len() > 4 || e.last().is_some_and(|b| b & 1 == 0) || e == [1] {
        return Err(invalid("the RSA public exponent is not valid"));
    }
    Ok(())
}

fn bit_len(n: &[u8]) -> usize {
    match n.first() {
        Some(first) => (n.len() - 1) * 8 + (8 - first.leading_zeros() as usize),
        None => 0,
    }
}

/// SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID, params }, BIT STRING { RSAPublicKey } }.
fn rsa_from_spki(der: &[u8]) -> Result<(&[u8], &[u8]), TokenError> {
    let not_spki = || invalid("the key is not a DER SubjectPublicKeyInfo");
    let (spki, rest) = der::expect(der, der::SEQUENCE).ok_or_else(not_spki)?;
    if !rest.is_empty() {
        return Err(not_spki());
    }
    let (algorithm, rest) = der::expect(spki, der::SEQUENCE).ok_or_else(not_spki)?;
    let (oid, _params) = der::expect(algorithm, der::OID).ok_or_else(not_spki)?;
    match oid {
        OID_RSA => {}
        OID_EC => {
            return Err(invalid(
                "this is an EC key; Clerk session tokens use RSA keys",
            ))
        }
        OID_ED25519 | OID_ED448 => {
            return Err(invalid(
                "this is an EdDSA key; Clerk session tokens use RSA keys",
            ))
        }
        _ => return Err(invalid("the key is not an RSA key")),
    }
    let (bits, rest) = der::expect(rest, der::BIT_STRING).ok_or_else(not_spki)?;
    if !rest.is_empty() {
        return Err(not_spki());
    }
    match bits.split_first() {
        Some((0, key)) => rsa_from_pkcs1(key),
        _ => Err(not_spki()),
    }
}

/// RSAPublicKey: SEQUENCE { INTEGER n, INTEGER e }.
fn rsa_from_pkcs1(der: &[u8]) -> Result<(&[u8], &[u8]), TokenError> {
    let not_rsa = || invalid("the key is not a DER RSA public key");
    let (seq, rest) = der::expect(der, der::SEQUENCE).ok_or_else(not_rsa)?;
    let (n, after_n) = der::expect(seq, der::INTEGER).ok_or_else(not_rsa)?;
    let (e, after_e) = der::expect(after_n, der::INTEGER).ok_or_else(not_rsa)?;
    if !rest.is_empty() || !after_e.is_empty() {
        return Err(not_rsa());
    }
    // Negative integers have their top bit set without a leading zero byte.
    if n.first().is_some_and(|b| b & 0x80 != 0) || e.first().is_some_and(|b| b & 0x80 != 0) {
        return Err(not_rsa());
    }
    Ok((n, e))
}

/// The little DER reading SPKI needs: one TLV at a time, definite lengths only.
mod der {
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OID: u8 = 0x06;
    pub const SEQUENCE: u8 = 0x30;

    /// The value of a `tag` element at the start of `input`, and what follows it.
    pub fn expect(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
        let (&first, rest) = input.split_first()?;
        if first != tag {
            return None;
        }
        let (&len, mut rest) = rest.split_first()?;
        let len = if len < 0x80 {
            usize::from(len)
        } else {
            let count = usize::from(len & 0x7f);
            if count == 0 || count > 2 || rest.len() < count {
                return None;
            }
            let (bytes, after) = rest.split_at(count);
            rest = after;
            bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        };
        (rest.len() >= len).then(|| rest.split_at(len))
    }
}

/// One JWK of the instance's JWKS as a verification key, or why it cannot be used.
pub(crate) fn from_jwk(jwk: &Jwk) -> Result<VerifyingKey, TokenError> {
    let unusable = |why: String| invalid(format!("JWK \"{}\": {why}", echo(&jwk.kid)));
    if jwk.kty != JwkKeyType::Rsa {
        return Err(unusable(format!(
            "{} keys are not supported; Clerk session tokens use RSA",
            jwk.kty
        )));
    }
    if !(jwk.use_.is_empty() || jwk.use_ == "sig") {
        return Err(unusable(format!(
            "its use is \"{}\", not \"sig\"",
            echo(&jwk.use_)
        )));
    }
    let alg =
        match jwk.alg.as_str() {
            "" => None,
            other => Some(RsaAlgorithm::from_name(other).ok_or_else(|| {
                unusable(format!("algorithm \"{}\" is not supported", echo(other)))
            })?),
        };
    let (Some(n), Some(e)) = (jwk.n.as_deref(), jwk.e.as_deref()) else {
        return Err(unusable("an RSA key needs `n` and `e`".to_owned()));
    };
    let base64url = |part: &str| {
        super::decode::BASE64URL
            .decode(part.trim_end_matches('='))
            .map_err(|_| unusable("`n` or `e` is not base64url".to_owned()))
    };
    let (n, e) = (base64url(n)?, base64url(e)?);
    let key = rsa_key(&n, &e).map_err(|err| match err {
        TokenError::InvalidKey { reason } => unusable(reason),
        other => other,
    })?;
    Ok(VerifyingKey { alg, key })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths() {
        assert_eq!(
            der::expect(&[0x30, 0x01, 0xaa], der::SEQUENCE),
            Some((&[0xaa][..], &[][..]))
        );
        assert_eq!(
            der::expect(&[0x30, 0x81, 0x01, 0xaa, 0xbb], der::SEQUENCE),
            Some((&[0xaa][..], &[0xbb][..]))
        );
        assert_eq!(der::expect(&[0x30, 0x02, 0xaa], der::SEQUENCE), None);
        assert_eq!(der::expect(&[0x30, 0x80], der::SEQUENCE), None);
        assert_eq!(der::expect(&[0x02, 0x01, 0x01], der::SEQUENCE), None);
    }

    #[test]
    fn bits() {
        assert_eq!(bit_len(&[0x01]), 1);
        assert_eq!(bit_len(&[0x80, 0]), 16);
        assert_eq!(bit_len(&[]), 0);
    }

    #[test]
    fn refuses_garbage_without_quoting_it() {
        for pem in [
            "",
            "   ",
            "not base64 at all!",
            "AAAA",
            "-----BEGIN PUBLIC KEY-----\nAAAA",
        ] {
            let err = from_pem(pem)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                err.starts_with("unusable verification key"),
                "{pem:?}: {err}"
            );
        }
        let err = from_pem("-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("public"), "{err}");
        assert!(!err.contains("QUJD"), "{err}");
    }
}
