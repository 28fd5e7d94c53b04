//! Auto-pagination: a `Stream` of items over limit/offset pages, one page in memory at a time.
//!
//! A stream always ends. Besides the normal ends (a short page, `total_count` reached), it
//! stops with [`Error::Pagination`] when a page holds the same items as an earlier page of
//! the same stream (a server that ignores `offset` would otherwise be asked for the same
//! page forever), and when it has fetched its cap of pages ([`Request::max_pages`],
//! [`DEFAULT_MAX_PAGES`] unless set) and the list still goes on.
//!
//! Pages are compared by a 64-bit fingerprint of their items: a SipHash of every JSON value
//! inside the page's item array (the bare array, or the envelope's `data`), taken from the
//! raw body in one pass that allocates nothing per value. Other fields of an envelope
//! (`total_count`) do not count. The stream keeps one fingerprint per page fetched, so its
//! memory stays at most 8 bytes times the page cap.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hasher;

use futures_util::stream::{self, Stream, StreamExt, TryStreamExt};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};
use crate::page::Page;
use crate::request::{run_keeping_body, Core, Parts, Request};

/// Page size used by [`Request::stream`] when the query sets no `limit`.
pub const DEFAULT_PAGE_SIZE: u64 = 100;

/// The largest `limit` the Backend API accepts; [`Request::stream`] never asks for more.
pub const MAX_PAGE_SIZE: u64 = 500;

/// How many pages one [`Request::stream`] fetches at most unless [`Request::max_pages`]
/// says otherwise: a million items at the largest page size, five at the smallest.
pub const DEFAULT_MAX_PAGES: u64 = 10_000;

/// Why a [`Request::stream`] stopped before the end of the list ([`Error::Pagination`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaginationStop {
    /// The page asked for at `offset`, the `page`-th of the stream (counting from 1), held
    /// the same items as an earlier page: the server does not move through the list.
    Repeated {
        /// Which page of the stream repeated an earlier one (at least 2).
        page: u64,
        /// The `offset` that page was asked for with.
        offset: u64,
    },
    /// The stream fetched `max_pages` pages, the last one full, and the list had not ended.
    MaxPages {
        /// The cap that was reached.
        max_pages: u64,
    },
}

impl fmt::Display for PaginationStop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Repeated { page, offset } => write!(
                f,
                "page {page} (offset {offset}) has the same items as an earlier page; \
                 the server does not seem to honour `offset`"
            ),
            Self::MaxPages { max_pages } => write!(
                f,
                "fetched the most pages allowed ({max_pages}) and the list goes on; \
                 raise it with `max_pages` or narrow the query"
            ),
        }
    }
}

impl<'c, T: Send + 'c> Request<'c, Page<T>> {
    /// Caps how many pages [`Request::stream`] fetches (default [`DEFAULT_MAX_PAGES`]).
    ///
    /// When the cap is reached and the last page was full (the list may go on), the stream
    /// yields that page's items and then ends with [`Error::Pagination`] and
    /// [`PaginationStop::MaxPages`]. A cap of 0 ends the stream with that error at once,
    /// without sending anything. Awaiting the request directly (one page) ignores the cap.
    pub fn max_pages(mut self, max_pages: u64) -> Self {
        self.core.max_pages = Some(max_pages);
        self
    }

    /// Every item of every page, fetched lazily page by page.
    ///
    /// Starts at the query's `offset` (or 0) and asks for pages of the query's `limit` (or
    /// [`DEFAULT_PAGE_SIZE`], at most [`MAX_PAGE_SIZE`]; a limit below 1 means the default);
    /// stops after a short page or once `total_count` is reached.
    ///
    /// It also stops, with [`Error::Pagination`], when a page has the same items as an
    /// earlier one ([`PaginationStop::Repeated`]; that page's items are not yielded again)
    /// and when it reaches its page cap ([`Request::max_pages`]) before the end of the list.
    /// Any error ends the stream after it is yielded.
    ///
    /// Only requests that read have a stream: an operation that answers a `POST` or a `PUT`
    /// with a page returns a [`Request`] marked [`Mutating`](crate::Mutating), which can be
    /// awaited but not streamed. A [`Clerk::raw`](crate::Clerk::raw) request whose method is
    /// not `GET` streams one [`Error::InvalidInput`] and sends nothing.
    ///
    /// ```no_run
    /// # async fn run(clerk: clerk_backend::Clerk) -> clerk_backend::Result<()> {
    /// use futures_util::TryStreamExt;
    /// let mut users = clerk.users().list(Default::default()).max_pages(50).stream();
    /// while let Some(user) = users.try_next().await? {
    ///     println!("{}", user.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream(self) -> impl Stream<Item = Result<T>> + Send + 'c {
        let Request { core, decode, .. } = self;
        let Core {
            client,
            parts,
            error,
            overrides,
            max_pages,
            ..
        } = core;
        let (rest, limit, offset) = split_paging(parts.query.as_deref());
        // A server caps pages at MAX_PAGE_SIZE; asking for more would look like a short page.
        let limit = limit
            .filter(|l| *l > 0)
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .min(MAX_PAGE_SIZE);
        let max_pages = max_pages.unwrap_or(DEFAULT_MAX_PAGES);
        let error = error.or_else(|| {
            (parts.route.method != reqwest::Method::GET).then(|| {
                Error::invalid(format!(
                    "`stream` sends its request once per page, so it only pages GET requests, \
                     not {}",
                    parts.route
                ))
            })
        });
        let start = match error {
            Some(e) => Err(e),
            None => Ok(Some(Walk {
                offset: offset.unwrap_or(0),
                pages: 0,
                seen: HashSet::new(),
            })),
        };
        stream::try_unfold(start, move |state| {
            let mut parts = parts.clone();
            let rest = rest.clone();
            async move {
                let Some(mut walk) = state? else {
                    return Ok(None);
                };
                if walk.pages >= max_pages {
                    return Err(stopped(&parts, PaginationStop::MaxPages { max_pages }));
                }
                parts.query = Some(with_paging(&rest, limit, walk.offset));
                let (page, body): (Page<T>, _) =
                    run_keeping_body(client, &parts, decode, overrides).await?;
                walk.pages += 1;
                let got = page.data.len() as u64;
                let next = walk.offset.saturating_add(got);
                let done = got < limit || page.total_count.is_some_and(|t| next >= t.max(0) as u64);
                // The first page needs a fingerprint only if a second one will come.
                if got > 0 && (walk.pages > 1 || !done) && !walk.seen.insert(fingerprint(&body)) {
                    let reason = PaginationStop::Repeated {
                        page: walk.pages,
                        offset: walk.offset,
                    };
                    return Err(stopped(&parts, reason));
                }
                walk.offset = next;
                Ok(Some((page.data, Ok((!done).then_some(walk)))))
            }
        })
        .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
    }
}

fn stopped(parts: &Parts, reason: PaginationStop) -> Error {
    Error::Pagination {
        route: parts.route.to_string(),
        reason,
    }
}

/// Where a stream is: the next offset, pages fetched so far, fingerprints of those pages.
struct Walk {
    offset: u64,
    pages: u64,
    seen: HashSet<u64>,
}

/// The fingerprint of a page's items: a hash of every JSON value in the bare array or in
/// the envelope's `data`. A body that does not parse hashes as far as it got (it decoded
/// once already, so that does not happen in practice).
fn fingerprint(body: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    let mut de = serde_json::Deserializer::from_slice(body);
    let _ = de.deserialize_any(Items(&mut hasher));
    hasher.finish()
}

/// Visits a page body: hashes the array itself, or the `data` member of an object.
struct Items<'h>(&'h mut DefaultHasher);

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Hash(self.0).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "data" {
                map.next_value_seed(Hash(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// Feeds one JSON value, tokens and structure, into the hasher.
struct Hash<'h>(&'h mut DefaultHasher);

impl<'de> DeserializeSeed<'de> for Hash<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Hash<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.0.write_u8(0);
        Ok(())
    }

    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.0.write_u8(1 + u8::from(v));
        Ok(())
    }

    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.0.write_u8(3);
        self.0.write_i64(v);
        Ok(())
    }

    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.0.write_u8(4);
        self.0.write_u64(v);
        Ok(())
    }

    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.0.write_u8(5);
        self.0.write_u64(v.to_bits());
        Ok(())
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.0.write_u8(6);
        self.0.write_usize(v.len());
        self.0.write(v.as_bytes());
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.write_u8(7);
        let mut n = 0usize;
        while seq.next_element_seed(Hash(&mut *self.0))?.is_some() {
            n += 1;
        }
        self.0.write_usize(n);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.write_u8(8);
        let mut n = 0usize;
        while map.next_key_seed(Hash(&mut *self.0))?.is_some() {
            map.next_value_seed(Hash(&mut *self.0))?;
            n += 1;
        }
        self.0.write_usize(n);
        Ok(())
    }
}

/// Splits an encoded query into its other pairs, `limit` and `offset`.
fn split_paging(query: Option<&str>) -> (Vec<(String, String)>, Option<u64>, Option<u64>) {
    let pairs: Vec<(String, String)> = query
        .and_then(|q| serde_html_form::from_str(q).ok())
        .unwrap_or_default();
    let (mut limit, mut offset) = (None, None);
    let rest = pairs
        .into_iter()
        .filter(|(k, v)| match k.as_str() {
            "limit" => {
                limit = v.parse().ok();
                false
            }
            "offset" => {
                offset = v.parse().ok();
                false
            }
            _ => true,
        })
        .collect();
    (rest, limit, offset)
}

fn with_paging(rest: &[(String, String)], limit: u64, offset: u64) -> String {
    let mut pairs: Vec<(&str, String)> =
        rest.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    pairs.push(("limit", limit.to_string()));
    pairs.push(("offset", offset.to_string()));
    serde_html_form::to_string(&pairs).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_compare_items_only() {
        let a = fingerprint(br#"{"data":[{"id":"a","n":1}],"total_count":9}"#);
        assert_eq!(
            a,
            fingerprint(br#"{"total_count":3, "data": [ {"id":"a", "n":1} ]}"#)
        );
        assert_eq!(a, fingerprint(br#"[{"id":"a","n":1}]"#));
        for other in [
            &br#"[{"id":"b","n":1}]"#[..],
            br#"[{"id":"a","n":2}]"#,
            br#"[{"id":"a","n":1},{"id":"a","n":1}]"#,
            br#"[{"id":"a","n":"1"}]"#,
            br#"[{"id":"a"}]"#,
            br#"[]"#,
        ] {
            assert_ne!(a, fingerprint(other), "{}", String::from_utf8_lossy(other));
        }
        // Strings are length-prefixed: moving a boundary changes the hash.
        assert_ne!(
            fingerprint(br#"[["ab","c"]]"#),
            fingerprint(br#"[["a","bc"]]"#)
        );
    }

    #[test]
    fn paging_replaces_limit_and_offset_and_keeps_the_rest() {
        let (rest, limit, offset) = split_paging(Some(
            "email_address=a%40b.co&limit=5&offset=10&email_address=c",
        ));
        assert_eq!((limit, offset), (Some(5), Some(10)));
        assert_eq!(
            with_paging(&rest, 5, 15),
            "email_address=a%40b.co&email_address=c&limit=5&offset=15"
        );
    }
}
