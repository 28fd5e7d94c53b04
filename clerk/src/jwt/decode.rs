//! Splitting a compact JWT and decoding its header and payload, once.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::TokenError;

/// base64url, padding optional (as Clerk's JavaScript SDK decodes tokens).
pub(crate) const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The header fields that matter for verification; others are ignored.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Header {
    #[serde(default)]
    pub alg: Option<String>,
    #[serde(default)]
    pub typ: Option<String>,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default)]
    pub cat: Option<String>,
}

/// A token split and decoded, not verified yet.
#[derive(Debug)]
pub(crate) struct Decoded<'t> {
    pub header: Header,
    pub claims: Map<String, Value>,
    /// `header.payload` exactly as received: what the signature covers.
    pub signing_input: &'t str,
    /// The signature part, base64url without padding.
    pub signature: &'t str,
}

fn malformed(reason: &'static str) -> TokenError {
    TokenError::Malformed { reason }
}

/// Splits `token` into its three parts and decodes the header and payload.
pub(crate) fn decode(token: &str) -> Result<Decoded<'_>, TokenError> {
    let (signing_input, signature) = token
        .rsplit_once('.')
        .ok_or_else(|| malformed("a JWT has three parts separated by dots"))?;
    let (header, payload) = signing_input
        .split_once('.')
        .filter(|(_, payload)| !payload.contains('.'))
        .ok_or_else(|| malformed("a JWT has three parts separated by dots"))?;
    if header.is_empty() || payload.is_empty() {
        return Err(malformed("the header or payload part is empty"));
    }
    // Padding is optional; the verifier wants the bare alphabet.
    let signature = signature.trim_end_matches('=');
    if !signature
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        || signature.len() % 4 == 1
    {
        return Err(malformed("the signature is not base64url"));
    }
    let header_bytes = BASE64URL
        .decode(header)
        .map_err(|_| malformed("the header is not base64url"))?;
    let header: Header = serde_json::from_slice(&header_bytes)
        .map_err(|_| malformed("the header is not a JSON object with string fields"))?;
    let payload_bytes = BASE64URL
        .decode(payload)
        .map_err(|_| malformed("the payload is not base64url"))?;
    let claims: Map<String, Value> = serde_json::from_slice(&payload_bytes)
        .map_err(|_| malformed("the payload is not a JSON object"))?;
    Ok(Decoded {
        header,
        claims,
        signing_input,
        signature,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        BASE64URL.encode(s)
    }

    #[test]
    fn splits_and_decodes() {
        let token = format!(
            "{}.{}.c2ln",
            b64(r#"{"alg":"RS256","kid":"k"}"#),
            b64(r#"{"sub":"u"}"#)
        );
        let d = decode(&token).expect("decodes");
        assert_eq!(d.header.alg.as_deref(), Some("RS256"));
        assert_eq!(d.header.kid.as_deref(), Some("k"));
        assert_eq!(d.claims.get("sub"), Some(&Value::from("u")));
        assert_eq!(d.signature, "c2ln");
        assert_eq!(d.signing_input, &token[..token.len() - 5]);
    }

    #[test]
    fn rejects_wrong_shapes() {
        let (h, p) = (b64(r#"{"alg":"RS256"}"#), b64("{}"));
        for bad in [
            String::new(),
            format!("{h}.{p}"),
            format!("{h}.{p}.c2ln.c2ln"),
            format!(".{p}.c2ln"),
            format!("{h}.{p}.c2*n"),
            format!("{h}.!!.c2ln"),
            format!("{h}.{}.c2ln", b64("[1]")),
            format!("{}.{p}.c2ln", b64(r#"{"alg":7}"#)),
        ] {
            assert!(
                matches!(decode(&bad), Err(TokenError::Malformed { .. })),
                "{bad}"
            );
        }
    }
}
