//! `Verifier`: checks session tokens the way Clerk's backend SDK does.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use serde_json::Value;

use super::claims::SessionClaims;
use super::clock::{unix_millis, Clock, SystemClock};
use super::decode::{decode, Decoded, BASE64URL};
use super::error::{echo, TokenError};
use super::jwks::{shared_cache, CachePolicy, JwksCache};
use super::key::{from_pem, VerifyingKey};
use super::machine::{machine_kind, MachineClaims, MachineJwtKind};
use super::rsa::RsaAlgorithm;
use crate::Clerk;

/// The default allowance for clocks that disagree: 5 s, as in Clerk's other SDKs.
pub const DEFAULT_CLOCK_SKEW: Duration = Duration::from_secs(5);
/// How long a fetched JWKS is used before it is fetched again: 5 minutes.
pub const DEFAULT_JWKS_TTL: Duration = Duration::from_secs(300);
/// The least time between two fetches caused by unknown `kid`s: 10 s.
pub const DEFAULT_JWKS_REFETCH_INTERVAL: Duration = Duration::from_secs(10);

/// The `cat` header of M2M tokens.
const M2M_CATEGORY: &str = "cl_B7d4PD333AAA";
/// The `cat` of session (and handshake) tokens, and the one instances stamp on every class
/// when they ignore categories (@clerk/backend tokens/jwtCategories.ts).
const SESSION_CATEGORY: &str = "cl_B7d4PD111AAA";
const IGNORED_CATEGORY: &str = "cl_I7d4PD111III";

/// Where a [`Verifier`] gets the key that checks signatures.
#[derive(Clone)]
pub struct KeySource(Source);

#[derive(Clone)]
enum Source {
    Pem(Arc<VerifyingKey>),
    Jwks(Clerk),
}

impl fmt::Debug for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Source::Pem(_) => f.write_str("KeySource::Pem"),
            Source::Jwks(clerk) => f
                .debug_tuple("KeySource::Jwks")
                .field(&clerk.base_url())
                .finish(),
        }
    }
}

impl KeySource {
    /// The instance's PEM public key (what `CLERK_JWT_KEY` holds, shown under API keys in
    /// the Dashboard): verification needs no network. Accepts a normal PEM, a one-line
    /// PEM, a PEM whose newlines are literal `\n`, or the bare base64 body.
    ///
    /// # Errors
    /// [`TokenError::InvalidKey`] when it is empty, not a PEM or DER public key, or not an
    /// RSA key of 2048 to 8192 bits. The message never quotes the key.
    pub fn pem(pem: &str) -> Result<Self, TokenError> {
        Ok(Self(Source::Pem(Arc::new(from_pem(pem)?))))
    }

    /// The instance's JWKS, fetched with `clerk` (`GET /jwks`, with its secret key) when
    /// needed and cached; see [`VerifierBuilder::jwks_ttl`].
    pub fn jwks(clerk: Clerk) -> Self {
        Self(Source::Jwks(clerk))
    }

    /// `CLERK_JWT_KEY` when it is set and not blank, the JWKS through `clerk` otherwise.
    ///
    /// # Errors
    /// [`TokenError::InvalidKey`] when `CLERK_JWT_KEY` is set but unusable.
    pub fn from_env(clerk: Clerk) -> Result<Self, TokenError> {
        match std::env::var("CLERK_JWT_KEY") {
            Ok(pem) if !pem.trim().is_empty() => Self::pem(&pem),
            _ => Ok(Self::jwks(clerk)),
        }
    }
}

/// Verifies Clerk session tokens (the `__session` cookie, or the bearer token of an
/// `Authorization` header) and returns their claims. Cheap to clone, `Send + Sync`.
///
/// ```no_run
/// # async fn run(token: &str) -> Result<(), Box<dyn std::error::Error>> {
/// use clerk_backend::jwt::{Check, KeySource, Verifier};
///
/// let clerk = clerk_backend::Clerk::from_env()?;
/// let verifier = Verifier::builder(KeySource::from_env(clerk)?)
///     .authorized_parties(["https://app.example.com"])
///     .build();
/// let claims = verifier.verify(token).await?;
/// println!("user {} in org {:?}", claims.user_id(), claims.org_id());
/// if claims.has(Check::role("admin")) {
///     // ...
/// }
/// # Ok(()) }
/// ```
///
/// Checks, in this order (the first failure is returned): three base64url parts with JSON
/// header and payload; not an M2M or OAuth token; `typ` absent or `JWT`; `alg` RS256,
/// RS384 or RS512 (and the one the key declares); the signature; `sub`; `aud` and `azp`
/// when configured; `exp`, `nbf` and `iat` against the clock with the allowed skew; `iss`
/// when configured.
#[derive(Clone)]
pub struct Verifier {
    inner: Arc<Inner>,
}

/// The keys, ready to use.
enum Keys {
    Pem(Arc<VerifyingKey>),
    Jwks { clerk: Clerk, cache: Arc<JwksCache> },
}

struct Inner {
    keys: Keys,
    authorized_parties: Vec<String>,
    audience: Vec<String>,
    issuers: Vec<String>,
    clock_skew_ms: i64,
    cache: CachePolicy,
    clock: Box<dyn Clock>,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Verifier")
            .field(
                "source",
                &match &inner.keys {
                    Keys::Pem(key) => KeySource(Source::Pem(key.clone())),
                    Keys::Jwks { clerk, .. } => KeySource(Source::Jwks(clerk.clone())),
                },
            )
            .field("authorized_parties", &inner.authorized_parties)
            .field("audience", &inner.audience)
            .field("issuers", &inner.issuers)
            .field("clock_skew_ms", &inner.clock_skew_ms)
            .field("jwks_ttl", &inner.cache.ttl)
            .field("jwks_refetch_interval", &inner.cache.min_refetch)
            .finish_non_exhaustive()
    }
}

/// Settings of a [`Verifier`].
pub struct VerifierBuilder {
    source: KeySource,
    authorized_parties: Vec<String>,
    audience: Vec<String>,
    issuers: Vec<String>,
    clock_skew: Duration,
    cache: CachePolicy,
    clock: Box<dyn Clock>,
}

impl fmt::Debug for VerifierBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifierBuilder")
            .field("source", &self.source)
            .field("authorized_parties", &self.authorized_parties)
            .field("clock_skew", &self.clock_skew)
            .finish_non_exhaustive()
    }
}

fn strings<I>(values: I) -> Vec<String>
where
    I: IntoIterator,
    I::Item: Into<String>,
{
    values
        .into_iter()
        .map(Into::into)
        .filter(|v| !v.is_empty())
        .collect()
}

impl VerifierBuilder {
    /// The origins allowed in `azp` (e.g. `https://app.example.com`, compared exactly).
    /// When any is set, a token without `azp` is refused. Strongly recommended for tokens
    /// read from cookies, against CSRF from other sites.
    #[must_use]
    pub fn authorized_parties<I>(mut self, parties: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.authorized_parties = strings(parties);
        self
    }

    /// Accepted audiences: when any is set and a token has an `aud` (a string or an array of
    /// strings), it must name one of them. A token without `aud` passes, as in Clerk's
    /// JavaScript SDK: Clerk's session tokens name their origin in `azp`, not in `aud` (use
    /// [`authorized_parties`](Self::authorized_parties) for that).
    #[must_use]
    pub fn audience<I>(mut self, audience: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.audience = strings(audience);
        self
    }

    /// Accepted issuers (the instance's Frontend API URL, e.g.
    /// `https://clerk.example.com`): when any is set, `iss` must equal one of them. Clerk's
    /// JavaScript SDK does not check `iss`; the signature already binds the token to the
    /// instance.
    #[must_use]
    pub fn issuers<I>(mut self, issuers: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.issuers = strings(issuers);
        self
    }

    /// How far the clocks of Clerk and this server may disagree; default
    /// [`DEFAULT_CLOCK_SKEW`]. Zero is allowed.
    #[must_use]
    pub fn clock_skew(mut self, skew: Duration) -> Self {
        self.clock_skew = skew;
        self
    }

    /// How long a fetched JWKS is trusted, counted from the fetch (using it does not extend
    /// it); default [`DEFAULT_JWKS_TTL`]. A key removed from the instance's JWKS stops
    /// verifying after at most this long.
    #[must_use]
    pub fn jwks_ttl(mut self, ttl: Duration) -> Self {
        self.cache.ttl = ttl;
        self
    }

    /// The least time between two JWKS fetches caused by a `kid` the cached set does not
    /// have (after a key rotation); default [`DEFAULT_JWKS_REFETCH_INTERVAL`]. Within it,
    /// such tokens fail with [`TokenError::UnknownKey`] without a request, and after a
    /// failed fetch every verification that needs the JWKS fails with the same error.
    #[must_use]
    pub fn jwks_refetch_interval(mut self, interval: Duration) -> Self {
        self.cache.min_refetch = interval;
        self
    }

    /// Where the current time comes from (default [`SystemClock`]): for `exp`, `nbf` and
    /// `iat`, and the age of the cached JWKS. Verifiers of one instance share their key
    /// cache, so give them the same clock.
    #[must_use]
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// The verifier. With a JWKS source, it shares the key cache of every other live
    /// verifier of the same instance (API URL and secret key).
    pub fn build(self) -> Verifier {
        let keys = match self.source.0 {
            Source::Pem(key) => Keys::Pem(key),
            Source::Jwks(clerk) => Keys::Jwks {
                cache: shared_cache(&clerk),
                clerk,
            },
        };
        Verifier {
            inner: Arc::new(Inner {
                keys,
                authorized_parties: self.authorized_parties,
                audience: self.audience,
                issuers: self.issuers,
                clock_skew_ms: i64::try_from(self.clock_skew.as_millis()).unwrap_or(i64::MAX),
                cache: self.cache,
                clock: self.clock,
            }),
        }
    }
}

impl Verifier {
    /// Settings for a verifier that gets its keys from `source`.
    pub fn builder(source: KeySource) -> VerifierBuilder {
        VerifierBuilder {
            source,
            authorized_parties: Vec::new(),
            audience: Vec::new(),
            issuers: Vec::new(),
            clock_skew: DEFAULT_CLOCK_SKEW,
            cache: CachePolicy {
                ttl: DEFAULT_JWKS_TTL,
                min_refetch: DEFAULT_JWKS_REFETCH_INTERVAL,
            },
            clock: Box::new(SystemClock),
        }
    }

    /// A verifier with default settings and a PEM public key; see [`KeySource::pem`].
    ///
    /// # Errors
    /// [`TokenError::InvalidKey`] when the key is unusable.
    pub fn from_pem(pem: &str) -> Result<Self, TokenError> {
        Ok(Self::builder(KeySource::pem(pem)?).build())
    }

    /// A verifier with default settings and the instance's JWKS; see [`KeySource::jwks`].
    pub fn from_jwks(clerk: Clerk) -> Self {
        Self::builder(KeySource::jwks(clerk)).build()
    }

    /// A verifier with default settings, `CLERK_JWT_KEY` when set and the JWKS through
    /// `clerk` otherwise; see [`KeySource::from_env`].
    ///
    /// # Errors
    /// [`TokenError::InvalidKey`] when `CLERK_JWT_KEY` is set but unusable.
    pub fn from_env(clerk: Clerk) -> Result<Self, TokenError> {
        Ok(Self::builder(KeySource::from_env(clerk)?).build())
    }

    /// Verifies a session token at the clock's current time; returns its claims.
    ///
    /// # Errors
    /// [`TokenError`] says which check failed, or why no key was available.
    pub async fn verify(&self, token: &str) -> Result<SessionClaims, TokenError> {
        self.verify_at(token, self.inner.clock.now()).await
    }

    /// Verifies a session token as if the time were `now` (the JWKS cache still ages by the
    /// verifier's clock).
    ///
    /// # Errors
    /// [`TokenError`] says which check failed, or why no key was available.
    pub async fn verify_at(
        &self,
        token: &str,
        now: SystemTime,
    ) -> Result<SessionClaims, TokenError> {
        self.session_at(decode(token)?, now).await
    }

    /// [`Verifier::verify_at`] for a token already decoded (the authenticator decodes once
    /// to tell token kinds apart).
    pub(crate) async fn session_at(
        &self,
        decoded: Decoded<'_>,
        now: SystemTime,
    ) -> Result<SessionClaims, TokenError> {
        check_category(&decoded)?;
        check_type(&decoded)?;
        self.check_signed(&decoded, now).await?;
        SessionClaims::from_claims(decoded.claims).ok_or(TokenError::MissingSubject)
    }

    /// The verifier's clock.
    pub(crate) fn now(&self) -> SystemTime {
        self.inner.clock.now()
    }

    /// Verifies a machine token in JWT form: an M2M token (its subject is a machine,
    /// `mch_...`) or an OAuth access token (`typ: at+jwt`), with the same key, signature and
    /// claim checks as a session token (authorized parties and audience included).
    ///
    /// Opaque machine tokens (`mt_...`, `oat_...`, `ak_...`) are not JWTs; verify those
    /// through the Backend API (see [`crate::auth::Authenticator`]).
    ///
    /// # Errors
    /// [`TokenError::NotAMachineToken`] for any other JWT, and the errors of
    /// [`Verifier::verify`].
    pub async fn verify_machine(&self, token: &str) -> Result<MachineClaims, TokenError> {
        self.verify_machine_at(token, self.inner.clock.now()).await
    }

    /// [`Verifier::verify_machine`] at a given time.
    ///
    /// # Errors
    /// As [`Verifier::verify_machine`].
    pub async fn verify_machine_at(
        &self,
        token: &str,
        now: SystemTime,
    ) -> Result<MachineClaims, TokenError> {
        self.machine_at(decode(token)?, now).await
    }

    /// [`Verifier::verify_machine_at`] for a token already decoded.
    pub(crate) async fn machine_at(
        &self,
        decoded: Decoded<'_>,
        now: SystemTime,
    ) -> Result<MachineClaims, TokenError> {
        let kind = machine_kind(&decoded).ok_or(TokenError::NotAMachineToken {
            why: "a machine JWT has a subject starting with mch_ (M2M) or typ at+jwt (OAuth)",
        })?;
        match kind {
            MachineJwtKind::M2m => {
                if decoded
                    .header
                    .cat
                    .as_deref()
                    .is_some_and(|cat| cat != M2M_CATEGORY)
                {
                    return Err(TokenError::NotAMachineToken {
                        why: "its category is not the M2M one",
                    });
                }
                check_type(&decoded)?;
            }
            // Its `typ` is at+jwt by definition: the only type an OAuth token may carry.
            MachineJwtKind::OAuth => {}
        }
        self.check_signed(&decoded, now).await?;
        Ok(MachineClaims::new(kind, decoded.claims))
    }

    /// Algorithm, key, signature, then the claims: what every kind of token goes through.
    async fn check_signed(&self, decoded: &Decoded<'_>, now: SystemTime) -> Result<(), TokenError> {
        self.check_signature(decoded).await?;
        self.inner.check_claims(decoded, unix_millis(now))
    }

    /// A handshake payload (the `__clerk_handshake` JWT the Frontend API hands back): as
    /// @clerk/backend's `verifyHandshakeJwt` (tokens/handshake.ts), its type, algorithm,
    /// category (no other class of token signed by the instance) and signature are checked,
    /// not its time claims; the payload is returned.
    pub(crate) async fn handshake_payload(
        &self,
        decoded: Decoded<'_>,
    ) -> Result<serde_json::Map<String, Value>, TokenError> {
        check_type(&decoded)?;
        if decoded
            .header
            .cat
            .as_deref()
            .is_some_and(|cat| cat != SESSION_CATEGORY && cat != IGNORED_CATEGORY)
        {
            return Err(TokenError::NotASessionToken {
                kind: "a token of another category",
            });
        }
        self.check_signature(&decoded).await?;
        Ok(decoded.claims)
    }

    /// Algorithm, key and signature.
    async fn check_signature(&self, decoded: &Decoded<'_>) -> Result<(), TokenError> {
        let inner = &*self.inner;
        let alg = decoded.header.alg.as_deref().unwrap_or_default();
        let algorithm = RsaAlgorithm::from_name(alg)
            .ok_or_else(|| TokenError::InvalidAlgorithm { alg: echo(alg) })?;
        let key = match &inner.keys {
            // The PEM is the instance's only key: any `kid` names it.
            Keys::Pem(key) => key.clone(),
            Keys::Jwks { clerk, cache } => {
                let kid = decoded
                    .header
                    .kid
                    .as_deref()
                    .ok_or(TokenError::UnknownKey { kid: None })?;
                cache.key(clerk, kid, &*inner.clock, inner.cache).await?
            }
        };
        if let Some(declared) = key.alg {
            if declared != algorithm {
                return Err(TokenError::AlgorithmMismatch {
                    token: alg.to_owned(),
                    key: declared.name().to_owned(),
                });
            }
        }
        let signature = BASE64URL
            .decode(decoded.signature)
            .map_err(|_| TokenError::Malformed {
                reason: "the signature is not base64url",
            })?;
        let valid = key
            .key
            .verifies(algorithm, decoded.signing_input.as_bytes(), &signature);
        if !valid {
            return Err(TokenError::BadSignature);
        }
        Ok(())
    }
}

/// M2M and OAuth tokens are JWTs too, but not session tokens.
fn check_category(decoded: &Decoded<'_>) -> Result<(), TokenError> {
    let kind = if decoded.header.cat.as_deref() == Some(M2M_CATEGORY) {
        Some("an M2M token")
    } else {
        match machine_kind(decoded) {
            Some(MachineJwtKind::OAuth) => Some("an OAuth access token"),
            Some(MachineJwtKind::M2m) => Some("an M2M token (its subject is a machine)"),
            None => None,
        }
    };
    match kind {
        Some(kind) => Err(TokenError::NotASessionToken { kind }),
        None => Ok(()),
    }
}

fn check_type(decoded: &Decoded<'_>) -> Result<(), TokenError> {
    match decoded.header.typ.as_deref() {
        None | Some("JWT") => Ok(()),
        Some(other) => Err(TokenError::InvalidType { typ: echo(other) }),
    }
}

/// Milliseconds of a numeric time claim; `Err` when present but not a number.
fn time_claim(decoded: &Decoded<'_>, claim: &'static str) -> Result<Option<i64>, TokenError> {
    match decoded.claims.get(claim) {
        None => Ok(None),
        Some(Value::Number(n)) => Ok(Some(if let Some(s) = n.as_i64() {
            s.saturating_mul(1000)
        } else if n.as_u64().is_some() {
            i64::MAX
        } else {
            // Saturating; JSON numbers are finite.
            (n.as_f64().unwrap_or_default() * 1000.0) as i64
        })),
        Some(_) => Err(TokenError::InvalidClaim { claim }),
    }
}

/// @clerk/backend's `assertAudienceClaim` (jwt/assertions.ts): `aud` is only checked when
/// the token has one. Absent, `null`, `""`, `[]` or only empty strings: nothing to check
/// (Clerk's session tokens carry `azp`, not `aud`). A string must be listed; an array of
/// strings must list one. Any other value is refused (the JS SDK lets it through).
fn audience_ok(aud: Option<&Value>, audience: &[String]) -> bool {
    let listed = |aud: &str| audience.iter().any(|a| a == aud);
    match aud {
        None | Some(Value::Null) => true,
        Some(Value::String(aud)) => aud.is_empty() || listed(aud),
        Some(Value::Array(auds)) => {
            let Some(auds) = auds.iter().map(Value::as_str).collect::<Option<Vec<_>>>() else {
                return false;
            };
            auds.iter().all(|a| a.is_empty()) || auds.into_iter().any(listed)
        }
        Some(_) => false,
    }
}

impl Inner {
    /// The claim checks, after the signature, in Clerk's order.
    fn check_claims(&self, decoded: &Decoded<'_>, now_ms: i64) -> Result<(), TokenError> {
        let claims = &decoded.claims;
        let text = |name: &str| claims.get(name).and_then(Value::as_str);
        if text("sub").is_none_or(str::is_empty) {
            return Err(TokenError::MissingSubject);
        }
        if !self.audience.is_empty() && !audience_ok(claims.get("aud"), &self.audience) {
            return Err(TokenError::InvalidAudience);
        }
        if !self.authorized_parties.is_empty() {
            let azp = text("azp").filter(|azp| !azp.is_empty());
            if !azp.is_some_and(|azp| self.authorized_parties.iter().any(|p| p == azp)) {
                return Err(TokenError::InvalidAuthorizedParty { azp: azp.map(echo) });
            }
        }
        let skew = self.clock_skew_ms;
        let now = now_ms.div_euclid(1000);
        let exp = time_claim(decoded, "exp")?.ok_or(TokenError::InvalidClaim { claim: "exp" })?;
        if exp <= now_ms.saturating_sub(skew) {
            return Err(TokenError::Expired {
                exp: exp.div_euclid(1000),
                now,
            });
        }
        if let Some(nbf) = time_claim(decoded, "nbf")? {
            if nbf > now_ms.saturating_add(skew) {
                return Err(TokenError::NotYetValid {
                    nbf: nbf.div_euclid(1000),
                    now,
                });
            }
        }
        if let Some(iat) = time_claim(decoded, "iat")? {
            if iat > now_ms.saturating_add(skew) {
                return Err(TokenError::IssuedInTheFuture {
                    iat: iat.div_euclid(1000),
                    now,
                });
            }
        }
        if !self.issuers.is_empty() {
            let iss = text("iss");
            if !iss.is_some_and(|iss| self.issuers.iter().any(|i| i == iss)) {
                return Err(TokenError::InvalidIssuer { iss: iss.map(echo) });
            }
        }
        Ok(())
    }
}
