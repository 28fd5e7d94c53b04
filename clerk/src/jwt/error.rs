//! Why a token was rejected.

use std::sync::Arc;

/// Why a session token was rejected, or why no key could verify it.
///
/// Messages describe the problem without ever including the token; values copied from the
/// token (an algorithm, a `kid`, an `azp`) are shortened to at most
/// [`TokenError::ECHO_LIMIT`] characters.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// Not a JWT: not three base64url parts, or a header or payload that is not a JSON
    /// object.
    #[error("malformed token: {reason}")]
    Malformed {
        /// What is wrong with its shape.
        reason: &'static str,
    },
    /// A JWT, but not a session token: an M2M or OAuth access token.
    #[error("not a session token: this is {kind}")]
    NotASessionToken {
        /// What kind of token it is.
        kind: &'static str,
    },
    /// A JWT offered as a machine token that is neither an M2M token (subject `mch_...`)
    /// nor an OAuth access token (`typ: at+jwt`), or an M2M token of another category.
    #[error("not a machine token: {why}")]
    NotAMachineToken {
        /// What it is instead.
        why: &'static str,
    },
    /// The header's `typ` is present and is not `JWT`.
    #[error("invalid token type \"{typ}\"; expected \"JWT\"")]
    InvalidType {
        /// The `typ` of the header.
        typ: String,
    },
    /// The header's `alg` is not one of RS256, RS384 and RS512 (`none`, HS*, ES*... are
    /// refused).
    #[error("invalid token algorithm \"{alg}\"; supported: RS256, RS384, RS512")]
    InvalidAlgorithm {
        /// The `alg` of the header (empty when it had none).
        alg: String,
    },
    /// The key that matches the token's `kid` is for another algorithm.
    #[error("the token is signed with {token} but its key is for {key}")]
    AlgorithmMismatch {
        /// The `alg` of the token's header.
        token: String,
        /// The `alg` the key declares.
        key: String,
    },
    /// The signature does not match the header and payload.
    #[error("the token's signature is invalid")]
    BadSignature,
    /// No key of the instance's JWKS has the token's `kid`, even after fetching it again
    /// (or fetching again was not allowed yet).
    #[error("no signing key matches the token's kid {}", kid.as_deref().map_or("(none)".to_owned(), |k| format!("\"{k}\"")))]
    UnknownKey {
        /// The `kid` of the header, when it had one.
        kid: Option<String>,
    },
    /// The `sub` claim is missing, empty or not a string.
    #[error("the subject claim (sub) is required and must be a non-empty string")]
    MissingSubject,
    /// A claim that must be a number is not one (`exp` is also required).
    #[error("the {claim} claim must be a number")]
    InvalidClaim {
        /// The claim's name.
        claim: &'static str,
    },
    /// Authorized parties are configured and `azp` is missing or not one of them.
    #[error("invalid authorized party (azp) {}", azp.as_deref().map_or("(missing)".to_owned(), |a| format!("\"{a}\"")))]
    InvalidAuthorizedParty {
        /// The token's `azp`, when it had one.
        azp: Option<String>,
    },
    /// The token expired (`exp` at or before now minus the clock skew).
    #[error("the token expired at {exp} (now {now}, Unix seconds)")]
    Expired {
        /// The `exp` claim, in Unix seconds.
        exp: i64,
        /// The time of the check, in Unix seconds.
        now: i64,
    },
    /// `nbf` is after now plus the clock skew.
    #[error("the token is not valid before {nbf} (now {now}, Unix seconds)")]
    NotYetValid {
        /// The `nbf` claim, in Unix seconds.
        nbf: i64,
        /// The time of the check, in Unix seconds.
        now: i64,
    },
    /// `iat` is after now plus the clock skew.
    #[error(
        "the token was issued in the future, at {iat} (now {now}, Unix seconds); check the clock"
    )]
    IssuedInTheFuture {
        /// The `iat` claim, in Unix seconds.
        iat: i64,
        /// The time of the check, in Unix seconds.
        now: i64,
    },
    /// An audience is configured and the token's `aud` names none of its entries (or is
    /// neither a string nor an array of strings).
    #[error("invalid audience (aud)")]
    InvalidAudience,
    /// Issuers are configured and `iss` is missing or not one of them.
    #[error("invalid issuer (iss) {}", iss.as_deref().map_or("(missing)".to_owned(), |i| format!("\"{i}\"")))]
    InvalidIssuer {
        /// The token's `iss`, when it had one.
        iss: Option<String>,
    },
    /// The JWKS could not be fetched from the Backend API (the source says why: a bad
    /// secret key is an [`Error::Api`](crate::Error::Api) with code `clerk_key_invalid`).
    #[error("could not load the instance's JWKS: {0}")]
    KeyUnavailable(#[source] Arc<crate::Error>),
    /// The instance's JWKS has no keys.
    #[error("the instance's JWKS contains no signing keys")]
    EmptyKeySet,
    /// The configured PEM key, or the JWK that matches the token, cannot be used.
    #[error("unusable verification key: {reason}")]
    InvalidKey {
        /// What is wrong with the key.
        reason: String,
    },
}

impl TokenError {
    /// Values copied from a token into an error are cut to this many characters.
    pub const ECHO_LIMIT: usize = 64;

    /// The matching reason code of Clerk's JavaScript SDK (`token-expired`,
    /// `token-invalid-signature`, `jwk-kid-mismatch`...), for `x-clerk-auth-reason`-style
    /// reporting.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Malformed { .. }
            | Self::NotASessionToken { .. }
            | Self::NotAMachineToken { .. }
            | Self::InvalidType { .. } => "token-invalid",
            Self::InvalidAlgorithm { .. } | Self::AlgorithmMismatch { .. } => {
                "token-invalid-algorithm"
            }
            Self::BadSignature => "token-invalid-signature",
            Self::UnknownKey { .. } => "jwk-kid-mismatch",
            Self::MissingSubject
            | Self::InvalidClaim { .. }
            | Self::InvalidAudience
            | Self::InvalidIssuer { .. }
            | Self::InvalidKey { .. } => "token-verification-failed",
            Self::InvalidAuthorizedParty { .. } => "token-invalid-authorized-parties",
            Self::Expired { .. } => "token-expired",
            Self::NotYetValid { .. } => "token-not-active-yet",
            Self::IssuedInTheFuture { .. } => "token-iat-in-the-future",
            Self::KeyUnavailable(e) if e.code() == Some("clerk_key_invalid") => {
                "secret-key-invalid"
            }
            Self::KeyUnavailable(_) | Self::EmptyKeySet => "jwk-remote-failed-to-load",
        }
    }
}

/// A value taken from a token, cut for an error message (control characters become `?`, so
/// it cannot forge log lines).
pub(crate) fn echo(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(TokenError::ECHO_LIMIT)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if value.chars().nth(TokenError::ECHO_LIMIT).is_some() {
        out.push_str("...");
    }
    out
}
