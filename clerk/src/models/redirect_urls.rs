//! Redirect URLs that native applications may be sent back to.

use clerk_macros::{Deserialize, Serialize};

/// Query parameters of `GET /redirect_urls`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RedirectUrlListParams {
    /// Ask for the paginated shape (`{data, total_count}`); both shapes decode into a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { RedirectUrlListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// JSON body of `POST /redirect_urls`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateRedirectUrlParams {
    /// The full URL, with `https://` or a custom scheme (`my-app://oauth-callback`).
    pub url: String,
}

impl CreateRedirectUrlParams {
    /// Allows `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self { url: url.into() }
    }
}

/// A URL that authentication flows of native applications may redirect to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct RedirectUrl {
    /// Always `redirect_url`.
    pub object: String,
    /// Unique id of the redirect URL.
    pub id: String,
    /// The allowed URL.
    pub url: String,
    /// When it was added (unix milliseconds).
    pub created_at: i64,
    /// When it was last modified (unix milliseconds).
    pub updated_at: i64,
}
