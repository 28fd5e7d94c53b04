//! Auto-pagination: a `Stream` of items over limit/offset pages, one page in memory at a time.

use futures_util::stream::{self, Stream, StreamExt, TryStreamExt};

use crate::error::Result;
use crate::page::Page;
use crate::request::{run, Request};

/// Page size used by [`Request::stream`] when the query sets no `limit`.
pub const DEFAULT_PAGE_SIZE: u64 = 100;

/// The largest `limit` the Backend API accepts; [`Request::stream`] never asks for more.
pub const MAX_PAGE_SIZE: u64 = 500;

impl<'c, T: Send + 'c> Request<'c, Page<T>> {
    /// Every item of every page, fetched lazily page by page.
    ///
    /// Starts at the query's `offset` (or 0) and asks for pages of the query's `limit` (or
    /// [`DEFAULT_PAGE_SIZE`], at most [`MAX_PAGE_SIZE`]; a limit below 1 means the default);
    /// stops after a short page or once `total_count` is reached.
    /// An error ends the stream after it is yielded.
    ///
    /// ```no_run
    /// # async fn run(clerk: clerk_backend::Clerk) -> clerk_backend::Result<()> {
    /// use futures_util::TryStreamExt;
    /// let mut users = clerk.users().list(Default::default()).stream();
    /// while let Some(user) = users.try_next().await? {
    ///     println!("{}", user.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream(self) -> impl Stream<Item = Result<T>> + Send + 'c {
        let Request { core, decode } = self;
        let client = core.client;
        let parts = core.parts;
        let (error, overrides) = (core.error, core.overrides);
        let (rest, limit, offset) = split_paging(parts.query.as_deref());
        // A server caps pages at MAX_PAGE_SIZE; asking for more would look like a short page.
        let limit = limit
            .filter(|l| *l > 0)
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .min(MAX_PAGE_SIZE);
        let start = match error {
            Some(e) => Err(e),
            None => Ok(Some(offset.unwrap_or(0))),
        };
        stream::try_unfold(start, move |state| {
            let mut parts = parts.clone();
            let rest = rest.clone();
            async move {
                let Some(offset) = state? else {
                    return Ok(None);
                };
                parts.query = Some(with_paging(&rest, limit, offset));
                let page: Page<T> = run(client, &parts, decode, overrides).await?;
                let got = page.data.len() as u64;
                let next = offset + got;
                let done = got < limit || page.total_count.is_some_and(|t| next >= t.max(0) as u64);
                Ok(Some((page.data, Ok((!done).then_some(next)))))
            }
        })
        .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
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
