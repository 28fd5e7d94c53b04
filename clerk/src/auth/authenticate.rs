//! `Authenticator`: the auth state of an incoming request, from its headers.

use crate::headers::RequestHeaders;
use std::collections::HashSet;
use std::time::SystemTime;

use super::machine::{MachineTokenCache, MachineVerifier};
use crate::auth::token::{
    credentials, jwt_token_kind, opaque_kind, PublishableKey, TokenKind, TokenSource,
};
use crate::jwt::{
    decode, machine_kind, seconds, unix_millis, Decoded, SessionClaims, TokenError, Verifier,
};
use crate::{Clerk, SecretKey};

/// Authenticates requests: picks the token, checks its kind against what the route accepts,
/// and verifies it: session tokens and machine JWTs with a [`Verifier`], opaque machine tokens
/// through their Backend API verify endpoint.
///
/// Session state is decided as @clerk/backend decides it:
/// - a session whose `sts` is `pending` (tasks left, e.g. choosing an organization) is signed
///   out with [`SignedOutReason::SessionPending`] unless
///   [`treat_pending_as_signed_out(false)`](Self::treat_pending_as_signed_out);
/// - a token from the `__session` cookie is only as good as the `__client_uat` cookie next to
///   it: missing or `0` means the browser signed out
///   ([`SignedOutReason::SessionSignedOut`]), and a token issued (`iat`) before it is from
///   an earlier session state ([`SignedOutReason::SessionTokenOutdated`]). This answers
///   signed out with that reason; for page loads,
///   [`authenticate_page`](Self::authenticate_page) sends the browser through Clerk's
///   handshake for a fresh token instead. Header tokens do not have these rules.
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
    pub(super) verifier: Verifier,
    pub(super) clerk: Option<Clerk>,
    pub(super) publishable_key: Option<PublishableKey>,
    accepts: HashSet<TokenKind>,
    pub(super) pending_signed_out: bool,
    machine: MachineVerifier,
    /// The browser flow's settings, when turned on.
    pub(super) pages: Option<std::sync::Arc<super::browser::PageOptions>>,
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

    /// The kind of token that signed the caller in.
    pub fn kind(&self) -> TokenKind {
        match self {
            Self::Session(_) => TokenKind::SessionToken,
            Self::Machine(machine) => machine.kind,
        }
    }

    /// The token's claims read as the app's own type: every claim of a session token (JWT
    /// template claims included), or the custom claims of a machine token (an empty object
    /// when it has none). A field missing or of the wrong type is an error, which the
    /// framework integrations answer with 403 `claims-mismatch`.
    ///
    /// ```
    /// # fn run(who: &clerk_backend::auth::SignedIn) {
    /// #[derive(serde::Deserialize)]
    /// struct Tenant {
    ///     tenant_id: String,
    /// }
    /// match who.claims_as::<Tenant>() {
    ///     Ok(tenant) => println!("tenant {}", tenant.tenant_id),
    ///     Err(e) => println!("the token carries no tenant: {e}"),
    /// }
    /// # }
    /// ```
    pub fn claims_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, ClaimsError> {
        let value = match self {
            Self::Session(claims) => serde_json::Value::Object(claims.claims.clone()),
            Self::Machine(machine) => machine
                .claims
                .clone()
                .unwrap_or_else(|| serde_json::Value::Object(serde_json::Map::new())),
        };
        serde_json::from_value(value).map_err(|e| ClaimsError(e.to_string()))
    }
}

/// The verified claims do not fit the type [`SignedIn::claims_as`] was asked for; the message
/// is serde's (field names, never values).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the token's claims do not fit the expected type: {0}")]
pub struct ClaimsError(String);

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
    /// The session token failed verification; the reason is Clerk's
    /// (`token-expired`, `token-invalid-signature`, ...; see [`TokenError::reason`]).
    InvalidSessionToken(&'static str),
    /// The token could not be checked: the instance's JWKS could not be loaded (the Backend
    /// API failed, the secret key is invalid, or the set is empty). A problem on this side;
    /// the reason is Clerk's (`jwk-remote-failed-to-load`, `secret-key-invalid`).
    VerificationUnavailable(&'static str),
    /// A valid session token of a pending session (`sts: "pending"`), and the authenticator
    /// treats pending sessions as signed out (the default, as in Clerk's SDKs).
    SessionPending,
    /// A `__session` cookie without a `__client_uat` cookie, or with `__client_uat=0`: the
    /// browser has signed out (perhaps in another tab or app of the same domain) and the
    /// session cookie is left over.
    SessionSignedOut,
    /// A `__session` cookie issued (`iat`) before the `__client_uat` cookie: the client has
    /// changed since (signed in again, switched session or organization); the frontend must
    /// fetch a fresh token.
    SessionTokenOutdated,
    /// A browser that needs Clerk's handshake first (its session token expired, its dev
    /// browser is missing, a satellite must sync...), on a request that cannot be redirected
    /// there (an API call, a form post) or after the redirect-loop guard gave up. Only the
    /// browser flow ([`Authenticator::authenticate_page`]) answers this.
    HandshakeRequired,
    /// The machine token is unknown, revoked, expired or fails verification.
    InvalidMachineToken,
    /// A machine token arrived but no client was configured to verify it, or the Backend API
    /// could not be reached.
    MachineVerificationFailed,
}

impl SignedOutReason {
    /// Every value [`code`](Self::code) returns: a closed set, stable across releases.
    pub const CODES: [&'static str; 9] = [
        "token-missing",
        "token-invalid",
        "token-expired",
        "token-kind-not-accepted",
        "session-pending",
        "session-signed-out",
        "session-token-outdated",
        "handshake-required",
        "internal",
    ];

    /// A short, stable code for the reason, one of [`CODES`](Self::CODES), safe to show to
    /// anyone (it is the `reason` of `clerk_backend::axum`'s 401 body):
    ///
    /// | code | reason |
    /// |---|---|
    /// | `token-missing` | [`NoToken`](Self::NoToken) |
    /// | `token-invalid` | [`InvalidSessionToken`](Self::InvalidSessionToken) (all but expiry), [`InvalidMachineToken`](Self::InvalidMachineToken) |
    /// | `token-expired` | [`InvalidSessionToken`](Self::InvalidSessionToken)`("token-expired")` |
    /// | `token-kind-not-accepted` | [`TokenTypeNotAccepted`](Self::TokenTypeNotAccepted) |
    /// | `session-pending` | [`SessionPending`](Self::SessionPending) |
    /// | `session-signed-out` | [`SessionSignedOut`](Self::SessionSignedOut) |
    /// | `session-token-outdated` | [`SessionTokenOutdated`](Self::SessionTokenOutdated) |
    /// | `handshake-required` | [`HandshakeRequired`](Self::HandshakeRequired) |
    /// | `internal` | [`VerificationUnavailable`](Self::VerificationUnavailable), [`MachineVerificationFailed`](Self::MachineVerificationFailed) |
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoToken => "token-missing",
            Self::InvalidSessionToken("token-expired") => "token-expired",
            Self::InvalidSessionToken(_) | Self::InvalidMachineToken => "token-invalid",
            Self::TokenTypeNotAccepted(_) => "token-kind-not-accepted",
            Self::SessionPending => "session-pending",
            Self::SessionSignedOut => "session-signed-out",
            Self::SessionTokenOutdated => "session-token-outdated",
            Self::HandshakeRequired => "handshake-required",
            Self::VerificationUnavailable(_) | Self::MachineVerificationFailed => "internal",
        }
    }

    /// Whether the request could not be authenticated because of a problem on this side
    /// (code `internal`) rather than because of what it carries.
    pub fn is_internal(&self) -> bool {
        self.code() == "internal"
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
            Self::VerificationUnavailable(code) => {
                write!(f, "the token could not be verified ({code})")
            }
            Self::SessionPending => f.write_str("the session is pending"),
            Self::SessionSignedOut => {
                f.write_str("the session cookie has no signed-in __client_uat next to it")
            }
            Self::SessionTokenOutdated => {
                f.write_str("the session cookie was issued before the last __client_uat")
            }
            Self::HandshakeRequired => {
                f.write_str("the browser must go through Clerk's handshake first")
            }
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
    /// The signed-out state; its details go to `tracing` (an error for `internal` reasons,
    /// a debug event otherwise), never to the caller's response.
    pub(super) fn state(reason: SignedOutReason, message: impl Into<String>) -> AuthState {
        let message = message.into();
        if reason.is_internal() {
            tracing::error!(reason = reason.code(), detail = %message, "clerk: could not authenticate the request");
        } else {
            tracing::debug!(reason = reason.code(), detail = %message, "clerk: signed out");
        }
        AuthState::SignedOut(Self { reason, message })
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
            pending_signed_out: true,
            machine: MachineVerifier::default(),
            pages: None,
        }
    }

    /// The instance's publishable key (`pk_test_...`, `pk_live_...`): cookies may then be
    /// the suffixed `__session_<suffix>` and `__client_uat_<suffix>` (see
    /// [`cookie_suffix`](crate::auth::cookie_suffix)), chosen over the plain ones as
    /// @clerk/backend chooses them. Without it, only the plain cookies are read.
    #[must_use]
    pub fn publishable_key(mut self, key: impl AsRef<str>) -> Self {
        self.publishable_key = Some(PublishableKey::parse(key.as_ref()));
        self
    }

    /// Whether a pending session (`sts: "pending"`: signed in with tasks left, such as
    /// choosing an organization) is signed out, with [`SignedOutReason::SessionPending`].
    /// Default `true`, as `treatPendingAsSignedOut` in Clerk's JavaScript SDKs; `false`
    /// signs such sessions in (check [`SessionClaims::is_pending`] yourself).
    #[must_use]
    pub fn treat_pending_as_signed_out(mut self, signed_out: bool) -> Self {
        self.pending_signed_out = signed_out;
        self
    }

    /// The token kinds this authenticator accepts (replacing the default: session tokens).
    #[must_use]
    pub fn accept(mut self, kinds: impl IntoIterator<Item = TokenKind>) -> Self {
        self.accepts = kinds.into_iter().collect();
        self
    }

    /// The Backend API client: it verifies opaque machine tokens, and in the browser flow
    /// ([`pages`](Self::pages)) redeems handshake nonces and refreshes sessions.
    #[must_use]
    pub fn machine_client(mut self, clerk: Clerk) -> Self {
        self.clerk = Some(clerk);
        self
    }

    /// How long answers about opaque machine tokens are kept (see [`MachineTokenCache`]; by
    /// default verified tokens for up to 60 s, refused ones for 10 s).
    #[must_use]
    pub fn machine_token_cache(mut self, cache: MachineTokenCache) -> Self {
        self.machine = self.machine.with_cache(cache);
        self
    }

    /// Verifies M2M tokens with this machine secret key (`ak_...`) instead of the client's
    /// instance secret key, as @clerk/backend's `machineSecretKey` option does: a service that
    /// only receives M2M tokens needs no instance key. A token is then found only when it
    /// may call that machine.
    #[must_use]
    pub fn machine_secret_key(mut self, key: impl Into<SecretKey>) -> Self {
        self.machine = self.machine.with_machine_secret_key(key.into());
        self
    }

    /// The auth state of a request with these headers.
    pub async fn authenticate(&self, headers: &(impl RequestHeaders + ?Sized)) -> AuthState {
        let now = self.verifier.now();
        let now_secs = unix_millis(now).div_euclid(1000);
        let Some(found) = credentials(headers, self.publishable_key.as_ref(), now_secs) else {
            return SignedOut::state(SignedOutReason::NoToken, "sign in to continue");
        };
        let token = found.token.token;
        let from_cookie = found.token.source == TokenSource::Cookie;
        let opaque = opaque_kind(token);
        // Decoded once: it tells machine JWTs apart and is what the verifier checks.
        let decoded = decode(token);
        let kind = if from_cookie {
            // Machine tokens only count from the header.
            TokenKind::SessionToken
        } else {
            opaque
                .or_else(|| {
                    decoded
                        .as_ref()
                        .ok()
                        .and_then(machine_kind)
                        .map(jwt_token_kind)
                })
                .unwrap_or(TokenKind::SessionToken)
        };
        if !self.accepts.contains(&kind) {
            return SignedOut::state(
                SignedOutReason::TokenTypeNotAccepted(kind),
                "this route does not accept this kind of token",
            );
        }
        // @clerk/backend (tokens/request.ts, authenticateRequestWithTokenInCookie): a session
        // cookie without a signed-in `__client_uat` is left over from a signed-out client.
        if from_cookie && found.client_uat == 0 {
            return SignedOut::state(
                SignedOutReason::SessionSignedOut,
                "__session cookie without a signed-in __client_uat",
            );
        }
        match (kind, decoded) {
            (TokenKind::SessionToken, Ok(decoded)) => {
                // Same source: `iat < clientUat` is decided before verification.
                let iat = decoded.claims.get("iat").and_then(seconds);
                if from_cookie && iat.is_some_and(|iat| iat < found.client_uat) {
                    return SignedOut::state(
                        SignedOutReason::SessionTokenOutdated,
                        format!(
                            "the session cookie was issued before __client_uat {}",
                            found.client_uat
                        ),
                    );
                }
                match self.verifier.session_at(decoded, now).await {
                    Ok(claims) if claims.is_pending() && self.pending_signed_out => {
                        SignedOut::state(
                            SignedOutReason::SessionPending,
                            "the session is pending; this authenticator treats it as signed out",
                        )
                    }
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

    /// Opaque machine tokens are verified by their Backend API verify endpoint (through the
    /// cache of answers).
    async fn opaque_machine(&self, kind: TokenKind, token: &str) -> AuthState {
        let Some(clerk) = &self.clerk else {
            return SignedOut::state(
                SignedOutReason::MachineVerificationFailed,
                "machine tokens need Authenticator::machine_client",
            );
        };
        self.machine.verify(clerk, kind, token).await
    }
}

impl Authenticator {
    /// Machine tokens in JWT form are checked locally, with the session tokens' keys.
    async fn machine_jwt(&self, decoded: Decoded<'_>, now: SystemTime) -> AuthState {
        match self.verifier.machine_at(decoded, now).await {
            Ok(verified) => {
                let kind = jwt_token_kind(verified.kind);
                let claims = verified.custom_claims().map(serde_json::Value::Object);
                AuthState::SignedIn(SignedIn::Machine(MachineAuth::new(
                    kind,
                    verified.id,
                    verified.subject,
                    verified.scopes,
                    claims,
                )))
            }
            Err(e) if unavailable(&e) => {
                SignedOut::state(SignedOutReason::MachineVerificationFailed, e.to_string())
            }
            Err(e) => SignedOut::state(SignedOutReason::InvalidMachineToken, e.to_string()),
        }
    }
}

/// Whether the keys could not be had: nothing the token can be blamed for.
fn unavailable(error: &TokenError) -> bool {
    matches!(
        error,
        TokenError::KeyUnavailable(_) | TokenError::EmptyKeySet
    )
}

impl MachineAuth {
    pub(crate) fn new(
        kind: TokenKind,
        id: String,
        subject: String,
        scopes: Vec<String>,
        claims: Option<serde_json::Value>,
    ) -> Self {
        Self {
            kind,
            id,
            subject,
            scopes,
            claims,
        }
    }
}

fn session_error(error: &TokenError) -> AuthState {
    let reason = if unavailable(error) {
        SignedOutReason::VerificationUnavailable(error.reason())
    } else {
        SignedOutReason::InvalidSessionToken(error.reason())
    };
    SignedOut::state(reason, error.to_string())
}
