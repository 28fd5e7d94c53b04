//! Redirect URLs on the generic layer: list (bare or `paginated`), add, get, remove. The
//! one rule of its own: a URL is a scheme, `://` and something after it, and a URL is
//! allowed once.

use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::ApiError;
use super::resource::{
    create, fetch, list, remove, row_accessors, Context, Create, Resource, Table,
};
use super::shared::reject_unknown;
use super::store::{new_id, Shared, Store};
use crate::models::RedirectUrl;

impl Resource for RedirectUrl {
    const OBJECT: &'static str = "redirect_url";
    const NAME: &'static str = "redirect URL";
    const DEFAULT_ORDER: &'static str = "+created_at";
    row_accessors!(redirect_urls);
}

/// Body of `POST /redirect_urls`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateBody {
    url: String,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Whether `url` has a scheme (a letter, then letters, digits, `+`, `-` or `.`), `://` and a
/// non-empty rest without spaces: `https://my-app.com/callback`, `my-app://oauth-callback`.
fn well_formed(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !url.chars().any(char::is_whitespace)
}

impl Create for RedirectUrl {
    type Params = CreateBody;

    fn create(store: &mut Store, cx: &Context<'_>, body: CreateBody) -> Result<Self, ApiError> {
        reject_unknown(&body.unknown)?;
        let url = body.url.trim().to_owned();
        if url.is_empty() {
            return Err(ApiError::missing("url"));
        }
        if !well_formed(&url) {
            return Err(ApiError::invalid(
                "url",
                "url must be a full URL with https:// or a custom scheme, such as \
                 https://my-app.com/oauth-callback or my-app://oauth-callback.",
            ));
        }
        if Self::table(store).find(|r| r.url == url).is_some() {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "duplicate_record",
                "duplicate redirect URL",
                format!("the redirect URL {url} already exists"),
            )
            .param("url"));
        }
        Ok(Self {
            object: Self::OBJECT.to_owned(),
            id: new_id("ru"),
            url,
            created_at: cx.now,
            updated_at: cx.now,
        })
    }
}

/// The routes of redirect URLs.
pub(super) fn routes() -> Router<Shared> {
    type Row = RedirectUrl;
    Router::new()
        .route("/redirect_urls", get(list::<Row>).post(create::<Row>))
        .route(
            "/redirect_urls/{id}",
            get(fetch::<Row>).delete(remove::<Row>),
        )
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn urls_need_a_scheme_and_a_rest() {
        assert!(well_formed("https://my-app.com/oauth-callback"));
        assert!(well_formed("my-app://oauth-callback"));
        assert!(well_formed("com.example.app+dev://cb"));
        assert!(!well_formed("my-app.com/oauth-callback"));
        assert!(!well_formed("https://"));
        assert!(!well_formed("1app://cb"));
        assert!(!well_formed("https://my app.com"));
    }
}
