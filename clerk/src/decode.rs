//! Response decoders the generated methods pick from: JSON, ignored body, or text.

use serde::de::DeserializeOwned;

/// Why a body did not decode: where (serde path) and what.
pub struct DecodeFailure {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// A decoder turns a success body into the method's output type.
pub type Decoder<T> = fn(&[u8]) -> Result<T, DecodeFailure>;

/// Decodes JSON. On failure it decodes again with path tracking, to report where the first
/// mismatch is (`data[2].email_addresses[0].id`): tracking costs an allocation per key, so
/// the success path does not pay for it.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeFailure> {
    serde_json::from_slice(body).map_err(|plain| {
        let de = &mut serde_json::Deserializer::from_slice(body);
        match serde_path_to_error::deserialize::<_, T>(de) {
            Err(e) => DecodeFailure {
                path: e.path().to_string(),
                message: e.into_inner().to_string(),
            },
            // Cannot happen for a deterministic decoder; keep the first error anyway.
            Ok(_) => DecodeFailure {
                path: String::from("."),
                message: plain.to_string(),
            },
        }
    })
}

/// Ignores the body.
pub fn decode_empty(_body: &[u8]) -> Result<(), DecodeFailure> {
    Ok(())
}

/// Returns the body as text (e.g. the interstitial HTML).
pub fn decode_text(body: &[u8]) -> Result<String, DecodeFailure> {
    String::from_utf8(body.to_vec()).map_err(|e| DecodeFailure {
        path: String::from("."),
        message: format!("the body is not UTF-8: {e}"),
    })
}
