//! Redirect URLs allowed for native applications.

use crate::models::{CreateRedirectUrlParams, DeletedObject, RedirectUrl, RedirectUrlListParams};
use crate::Page;

clerk_macros::endpoints! {
    /// Redirect URLs allowed for native applications.
    RedirectUrls {
        /// List the allowed redirect URLs.
        list = GET "/redirect_urls" query(RedirectUrlListParams) -> Page<RedirectUrl>;
        /// Allow a redirect URL.
        create = POST "/redirect_urls" json(CreateRedirectUrlParams) -> RedirectUrl;
        /// Fetch one redirect URL.
        get = GET "/redirect_urls/{id}" -> RedirectUrl;
        /// Stop allowing a redirect URL.
        delete = DELETE "/redirect_urls/{id}" -> DeletedObject;
    }
}
