//! When a failed request may be sent again, and how long to wait first.

use std::time::{Duration, SystemTime};

use crate::error::{Error, TransportKind};
use crate::request::route_method;

/// Retry behaviour: which failures are sent again, how long to wait, when to give up.
///
/// **Which failures.** `GET`, `PUT`, `DELETE` and `HEAD` are sent again after a connection
/// error, a timeout, a reset connection, a 429 or a 5xx. `POST` and `PATCH` are sent again
/// only when the request provably never reached the server (a connect error) or on 429, so
/// a create is never performed twice. A `501 Not Implemented` is never retried. The same
/// rule answers [`Error::is_retryable`].
///
/// **How long to wait.** When the response carries a `Retry-After` header, in seconds
/// (`120`) or as an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`; the obsolete RFC 850 and
/// asctime forms too), the wait is that value, or zero when it is negative or already past.
/// When that wait is longer than [`RetryPolicy::max_retry_after`], the client does not wait
/// at all: the error is returned at once and [`Error::retry_after`] says when the server
/// expects to be ready. A `Retry-After` that cannot be parsed is ignored. Without a usable
/// `Retry-After` the wait is exponential backoff with jitter: retry `n` (from 0) waits a
/// random time between half and all of `base_delay * 2^n`, at most [`RetryPolicy::max_delay`].
///
/// **When to stop.** After [`RetryPolicy::max_retries`] retries, or when the wait would end
/// past the call's deadline (see [`ClerkBuilder::deadline`](crate::ClerkBuilder::deadline)):
/// then the last error is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// Two retries, 250 ms base delay, 8 s cap, and `Retry-After` honoured up to 60 s.
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// How many times a request may be sent again after the first attempt.
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The delay before the first retry; it doubles on every further one.
    #[must_use]
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest backoff delay.
    #[must_use]
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The longest `Retry-After` the client will wait (60 s by default); when the server
    /// asks for a longer wait, the error is returned at once instead.
    #[must_use]
    pub fn max_retry_after(mut self, delay: Duration) -> Self {
        self.max_retry_after = delay;
        self
    }

    /// The number of retries allowed.
    pub fn retries(&self) -> u32 {
        self.max_retries
    }

    /// The wait before retry number `retry` (0-based): the server's `Retry-After` when given
    /// (or `None` when it is longer than allowed), else backoff with jitter in `[d/2, d]`.
    pub(crate) fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Option<Duration> {
        if let Some(wait) = retry_after {
            return (wait <= self.max_retry_after).then_some(wait);
        }
        let exp = self
            .base_delay
            .saturating_mul(1u32.checked_shl(retry).unwrap_or(u32::MAX))
            .min(self.max_delay);
        let half = exp / 2;
        Some(half + half.mul_f64(fastrand::f64()))
    }
}

/// Parses a `Retry-After` value as of `now`: delay-seconds or an HTTP date, as a wait of at
/// least zero. `None` when it is neither.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(value) {
        // More seconds than a u64 holds is "too long" all the same.
        return Some(value.parse().map_or(Duration::MAX, Duration::from_secs));
    }
    if value.strip_prefix('-').is_some_and(digits) {
        return Some(Duration::ZERO);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The one rule for whether `error` may be sent again: used by the retry loop and by
/// [`Error::is_retryable`]. Connect errors and 429 always (the server did not act on the
/// request); timeouts, resets and 5xx other than 501 only for idempotent methods.
pub(crate) fn may_send_again(error: &Error) -> bool {
    let route = match error {
        Error::Transport {
            kind: TransportKind::Connect,
            ..
        } => return true,
        Error::Transport { route, .. } => route,
        Error::Api(api) if api.status == http::StatusCode::TOO_MANY_REQUESTS => return true,
        Error::Api(api) if api.status == http::StatusCode::NOT_IMPLEMENTED => return false,
        Error::Api(api) if api.status.is_server_error() => &api.route,
        _ => return false,
    };
    matches!(route_method(route), "GET" | "PUT" | "DELETE" | "HEAD")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_jitter_and_caps() {
        let p = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(350));
        for (retry, full) in [(0, 100), (1, 200), (2, 350), (10, 350), (40, 350)] {
            let d = p.delay(retry, None).map(|d| d.as_millis());
            let d = d.unwrap_or(u128::MAX);
            assert!(d >= full / 2 && d <= full, "retry {retry}: {d}ms");
        }
    }

    #[test]
    fn retry_after_wins_until_it_exceeds_the_cap() {
        let p = RetryPolicy::default().max_retry_after(Duration::from_secs(5));
        assert_eq!(
            p.delay(0, Some(Duration::from_secs(3))),
            Some(Duration::from_secs(3))
        );
        assert_eq!(p.delay(0, Some(Duration::from_secs(6))), None);
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2026 07:28:00 GMT");
        let now = now.unwrap_or(SystemTime::UNIX_EPOCH);
        let secs = |s| Some(Duration::from_secs(s));
        assert_eq!(parse_retry_after(" 7 ", now), secs(7));
        assert_eq!(parse_retry_after("-3", now), secs(0));
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(Duration::MAX)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2026 07:28:30 GMT", now),
            secs(30)
        );
        // RFC 850 and asctime, the obsolete forms a recipient must still accept.
        assert_eq!(
            parse_retry_after("Wednesday, 21-Oct-26 07:29:00 GMT", now),
            secs(60)
        );
        assert_eq!(parse_retry_after("Wed Oct 21 07:28:05 2026", now), secs(5));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            secs(0)
        );
        for bad in ["", "soon", "1.5", "+5", "Wed, 32 Oct 2026 07:28:00 GMT"] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
        }
    }
}
