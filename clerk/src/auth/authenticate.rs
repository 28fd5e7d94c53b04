//! `Authenticator`: the auth state of an incoming request, from its headers.

use std::collections::HashSet;
use std::time::SystemTime;

use crate::auth::token::{jwt_token_kind, opaque_kind, token_from_request, TokenKind, TokenSource};
use crate::jwt::{decode, machine_kind, Decoded, SessionClaims, TokenError, Verifier};
use crate::models::{VerifyApiKeyParams, VerifyM2mTokenParams, VerifyOAuthAccessTokenParams};
use crate::Clerk;

/// Authenticates requests: picks the token, checks its kind against what the route accepts,
/// and verifies it: session tokens and machine JWTs with a [`Verifier`], opaque machine tokens
/// through their Backend API verify endpoint.
///
/// ```no_run
/// # async fn run(headers: http::HeaderMap) -> Result<(), Box<dyn std::error::Error>> {
/// use clerk_backend::auth::{AuthState, Authenticator, TokenKind};
/// use clerk_backend::jwt::Verifier;
///
/// let clerk = clerk_backend::Clerk::from_env()?;
/// let auth = Authenticator::new(Verifier::from_env(clerk.clone())?)
///     .machine_client(clerk)
///     .accept([TokenKind::SessionToken, TokenKind::ApiKey]);
/// match auth.authenticate(&headers).await {
///     AuthState::SignedIn(signed_in) => println!("hello {:?}", signed_in.user_id()),
///     AuthState::SignedOut(out) => println!("signed out: {}", out.reason),
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Authenticator {
    verifier: Verifier,
    clerk: Option<Clerk>,
    publishable_key: Option<String>,
    accepts: HashSet<TokenKind>,
}

/// The outcome of [`Authenticator::authenticate`].
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)]
pub enum AuthState {
    /// The request carries a valid token of an accepted kind.
    SignedIn(SignedIn),
    /// It does not; the reason says why.
    SignedOut(SignedOut),
}

/// A verified identity.
#[derive(Debug, Clone)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)]
pub enum SignedIn {
    /// A user's session: the verified session token claims.
    Session(SessionClaims),
    /// A machine token (M2M token, API key or OAuth access token), verified by the Backend
    /// API when opaque, or locally against the instance's keys when it is a JWT.
    Machine(MachineAuth),
}

impl SignedIn {
    /// The user id: the session's subject, or a machine token's subject when it is a user.
    pub fn user_id(&self) -> Option<&str> {
        match self {
            Self::Session(claims) => Some(claims.user_id()),
            Self::Machine(m) => m.subject.starts_with("user_").then_some(m.subject.as_str()),
        }
    }

    /// The session claims, for session tokens.
    pub fn session(&self) -> Option<&SessionClaims> {
        match self {
            Self::Session(claims) => Some(claims),
            Self::Machine(_) => None,
        }
    }
}

/// A verified machine token: what the Backend API reported about an opaque one, or what a
/// machine JWT says.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MachineAuth {
    /// Which kind of machine token it was.
    pub kind: TokenKind,
    /// The token's id (`mt_...`, `ak_...`, `oat_...`; a JWT's `jti`, empty if it has none).
    pub id: String,
    /// Who it acts for: a machine (`mch_...`), a user (`user_...`) or an organization (`org_...`).
    pub subject: String,
    /// The scopes it grants.
    pub scopes: Vec<String>,
    /// Custom claims attached to it, if any.
    pub claims: Option<serde_json::Value>,
}

/// Why a request is signed out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignedOutReason {
    /// No token in the `Authorization` header or the session cookie.
    NoToken,
    /// A token of a kind this route does not accept (e.g. an API key on a session-only route).
    TokenTypeNotAccepted(TokenKind),
    /// The session token failed verification; the reason code is Clerk's
    /// (`token-expired`, `token-invalid-signature`, ...).
    InvalidSessionToken(&'static str),
    /// The machine token is unknown, revoked or expired.
    InvalidMachineToken,
    /// A machine token arrived but no client was configured to verify it, or the Backend API
    /// could not be reached.
    MachineVerificationFailed,
}

impl SignedOutReason {
    /// A short, stable code for the reason, in the style of Clerk's `x-clerk-auth-reason`:
    /// `no-token`, `token-type-mismatch`, the session token's reason (`token-expired`...),
    /// `machine-token-invalid` or `machine-token-verification-failed`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoToken => "no-token",
            Self::TokenTypeNotAccepted(_) => "token-type-mismatch",
            Self::InvalidSessionToken(code) => code,
            Self::InvalidMachineToken => "machine-token-invalid",
            Self::MachineVerificationFailed => "machine-token-verification-failed",
        }
    }
}

impl std::fmt::Display for SignedOutReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoToken => {
                f.write_str("no token in the Authorization header or the session cookie")
            }
            Self::TokenTypeNotAccepted(kind) => write!(f, "a {kind:?} is not accepted here"),
            Self::InvalidSessionToken(code) => write!(f, "invalid session token ({code})"),
            Self::InvalidMachineToken => {
                f.write_str("the machine token is unknown, revoked or expired")
            }
            Self::MachineVerificationFailed => {
                f.write_str("the machine token could not be verified")
            }
        }
    }
}

/// A signed-out result: the reason and a human-readable message (never the token).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SignedOut {
    /// Why.
    pub reason: SignedOutReason,
    /// Details, e.g. the verification error's message.
    pub message: String,
}

impl SignedOut {
    fn state(reason: SignedOutReason, message: impl Into<String>) -> AuthState {
        AuthState::SignedOut(Self {
            reason,
            message: message.into(),
        })
    }
}

impl Authenticator {
    /// Accepts session tokens only, verified by `verifier`.
    pub fn new(verifier: Verifier) -> Self {
        Self {
            verifier,
            clerk: None,
            publishable_key: None,
            accepts: HashSet::from([TokenKind::SessionToken]),
        }
    }

    /// Reads the suffixed `__session_<suffix>` cookie this publishable key implies.
    #[must_use]
    pub fn publishable_key(mut self, key: impl Into<String>) -> Self {
        self.publishable_key = Some(key.into());
        self
    }

    /// The token kinds this authenticator accepts (replacing the default: session tokens).
    #[must_use]
    pub fn accept(mut self, kinds: impl IntoIterator<Item = TokenKind>) -> Self {
        self.accepts = kinds.into_iter().collect();
        self
    }

    /// The client used to verify machine tokens through the Backend API.
    #[must_use]
    pub fn machine_client(mut self, clerk: Clerk) -> Self {
        self.clerk = Some(clerk);
        self
    }

    /// The auth state of a request with these headers.
    pub async fn authenticate(&self, headers: &http::HeaderMap) -> AuthState {
        let Some(found) = token_from_request(headers, self.publishable_key.as_deref()) else {
            return SignedOut::state(SignedOutReason::NoToken, "sign in to continue");
        };
        let token = found.token;
        let opaque = opaque_kind(token);
        // Decoded once: it tells machine JWTs apart and is what the verifier checks.
        let decoded = decode(token);
        let kind = match found.source {
            // Machine tokens only count from the header.
            TokenSource::Cookie => TokenKind::SessionToken,
            TokenSource::Header => opaque
                .or_else(|| {
                    decoded
                        .as_ref()
                        .ok()
                        .and_then(machine_kind)
                        .map(jwt_token_kind)
                })
                .unwrap_or(TokenKind::SessionToken),
        };
        if !self.accepts.contains(&kind) {
            return SignedOut::state(
                SignedOutReason::TokenTypeNotAccepted(kind),
                "this route does not accept this kind of token",
            );
        }
        let now = self.verifier.now();
        match (kind, decoded) {
            (TokenKind::SessionToken, Ok(decoded)) => {
                match self.verifier.session_at(decoded, now).await {
                    Ok(claims) => AuthState::SignedIn(SignedIn::Session(claims)),
                    Err(e) => session_error(&e),
                }
            }
            (TokenKind::SessionToken, Err(e)) => session_error(&e),
            (machine, _) if opaque.is_some() => self.opaque_machine(machine, token).await,
            (_, Ok(decoded)) => self.machine_jwt(decoded, now).await,
            // A header token is only a machine JWT when it decodes.
            (_, Err(e)) => SignedOut::state(SignedOutReason::InvalidMachineToken, e.to_string()),
        }
    }

    /// Opaque machine tokens are verified by their Backend API verify endpoint.
    async fn opaque_machine(&self, kind: TokenKind, token: &str) -> AuthState {
        let Some(clerk) = &self.clerk else {
            return SignedOut::state(
                SignedOutReason::MachineVerificationFailed,
                "machine tokens need Authenticator::machine_client",
            );
        };
        let verified = match kind {
            TokenKind::ApiKey => clerk
                .api_keys()
                .verify(VerifyApiKeyParams::new(token))
                .await
                .map(|k| {
                    (!k.revoked && !k.expired)
                        .then(|| machine_auth(kind, k.id, k.subject, k.scopes, k.claims))
                }),
            TokenKind::M2mToken => clerk
                .m2m_tokens()
                .verify(VerifyM2mTokenParams::new(token))
                .await
                .map(|t| {
                    (!t.revoked && !t.expired).then(|| {
                        machine_auth(
                            kind,
                            t.id,
                            t.subject,
                            t.scopes.unwrap_or_default(),
                            t.claims,
                        )
                    })
                }),
            _ => clerk
                .oauth_access_tokens()
                .verify(VerifyOAuthAccessTokenParams::new(token))
                .await
                .map(|v| {
                    v.token().filter(|t| !t.revoked && !t.expired).map(|t| {
                        machine_auth(
                            kind,
                            t.id.clone(),
                            t.subject.clone(),
                            t.scopes.clone(),
                            None,
                        )
                    })
                }),
        };
        match verified {
            Ok(Some(auth)) => AuthState::SignedIn(SignedIn::Machine(auth)),
            Ok(None) => {
                SignedOut::state(SignedOutReason::InvalidMachineToken, "revoked or expired")
            }
            Err(e) if matches!(e.status().map(|s| s.as_u16()), Some(400 | 404 | 422)) => {
                SignedOut::state(SignedOutReason::InvalidMachineToken, e.to_string())
            }
            Err(e) => SignedOut::state(SignedOutReason::MachineVerificationFailed, e.to_string()),
        }
    }
}

impl Authenticator {
    /// Machine tokens in JWT form are checked locally, with the session tokens' keys.
    async fn machine_jwt(&self, decoded: Decoded<'_>, now: SystemTime) -> AuthState {
        match self.verifier.machine_at(decoded, now).await {
            Ok(verified) => {
                let kind = jwt_token_kind(verified.kind);
                let claims = verified.custom_claims().map(serde_json::Value::Object);
                AuthState::SignedIn(SignedIn::Machine(machine_auth(
                    kind,
                    verified.id,
                    verified.subject,
                    verified.scopes,
                    claims,
                )))
            }
            Err(e) => SignedOut::state(SignedOutReason::InvalidMachineToken, e.to_string()),
        }
    }
}

fn machine_auth(
    kind: TokenKind,
    id: String,
    subject: String,
    scopes: Vec<String>,
    claims: Option<serde_json::Value>,
) -> MachineAuth {
    MachineAuth {
        kind,
        id,
        subject,
        scopes,
        claims,
    }
}

fn session_error(error: &TokenError) -> AuthState {
    SignedOut::state(
        SignedOutReason::InvalidSessionToken(error.reason()),
        error.to_string(),
    )
}
