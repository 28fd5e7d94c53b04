//! The time a [`Verifier`](super::Verifier) checks tokens and ages its key cache against.

use std::time::{SystemTime, UNIX_EPOCH};

/// Where a [`Verifier`](super::Verifier) reads the current time: for `exp`/`nbf`/`iat` and
/// for the age of its cached JWKS. The default is [`SystemClock`]; tests can pass any
/// `Fn() -> SystemTime`.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use clerk_backend::jwt::{KeySource, Verifier};
///
/// # fn run(pem: &str) -> Result<(), clerk_backend::jwt::TokenError> {
/// let verifier = Verifier::builder(KeySource::pem(pem)?)
///     .clock(|| UNIX_EPOCH + Duration::from_secs(1_700_000_000))
///     .build();
/// # Ok(()) }
/// ```
pub trait Clock: Send + Sync + 'static {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

impl<F> Clock for F
where
    F: Fn() -> SystemTime + Send + Sync + 'static,
{
    fn now(&self) -> SystemTime {
        self()
    }
}

/// Milliseconds since the Unix epoch (negative before it), saturating.
pub(crate) fn unix_millis(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
    }
}
