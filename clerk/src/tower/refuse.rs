//! How a layer turns a [`Refusal`] into the stack's own response type.

use crate::auth::{Redirect, Refusal};

/// Builds the response a layer answers a refused (or, in page-route mode, redirected)
/// request with.
pub trait Refuse<B>: Clone + Send + Sync + 'static {
    /// The response for `refusal`.
    fn refuse(&self, refusal: Refusal) -> http::Response<B>;

    /// The response for a page-route redirect (a 307 with its headers).
    fn redirect(&self, redirect: Redirect) -> http::Response<B>;
}

/// The JSON refusal of [`Refusal::into_http`], for any response body that can be built from
/// a `String` (axum's `Body`, `Full<Bytes>`, `String`...).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonRefusal;

impl<B: From<String>> Refuse<B> for JsonRefusal {
    fn refuse(&self, refusal: Refusal) -> http::Response<B> {
        refusal.into_http()
    }

    fn redirect(&self, redirect: Redirect) -> http::Response<B> {
        redirect.into_http()
    }
}
