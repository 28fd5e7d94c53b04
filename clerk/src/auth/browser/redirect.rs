//! Sending signed-out visitors to sign in or sign up, back to the page afterwards:
//! @clerk/backend's `createRedirect` (createRedirect.ts).

use reqwest::Url;

use super::context::Context;
use super::names::{DEV_BROWSER, SYNCED};
use super::options::{PageOptions, Site};
use super::request::PageRequest;
use crate::auth::Authenticator;
use crate::headers::RequestHeaders;

impl Authenticator {
    /// Where a signed-out visitor of this page goes to sign in: the configured
    /// [`sign_in_url`](PageOptions::sign_in_url) (relative ones resolved against the
    /// request), else the instance's Account Portal, with `redirect_url` set to this page. On
    /// another origin, a development instance also passes its dev-browser token, and a
    /// satellite asks for a sync on return (`__clerk_synced=false`). `None` when the browser
    /// flow is not configured (no valid publishable key).
    pub fn sign_in_url<H: RequestHeaders + ?Sized>(
        &self,
        request: &PageRequest<'_, H>,
    ) -> Option<String> {
        self.auth_page_url(request, Target::SignIn)
    }

    /// Where a visitor of this page goes to sign up: the configured
    /// [`sign_up_url`](PageOptions::sign_up_url), else `<sign_in_url>/create`, else the
    /// Account Portal's sign-up, with the same parameters as [`sign_in_url`](Self::sign_in_url).
    pub fn sign_up_url<H: RequestHeaders + ?Sized>(
        &self,
        request: &PageRequest<'_, H>,
    ) -> Option<String> {
        self.auth_page_url(request, Target::SignUp)
    }

    fn auth_page_url<H: RequestHeaders + ?Sized>(
        &self,
        request: &PageRequest<'_, H>,
        target: Target,
    ) -> Option<String> {
        let default = PageOptions::default();
        let options = self.pages.as_deref().unwrap_or(&default);
        let origin = request.url().origin().ascii_serialization();
        let site = Site::new(options, self.publishable_key.as_ref(), &origin).ok()?;
        let now = crate::jwt::unix_millis(self.verifier.now()).div_euclid(1000);
        let ctx = Context::new(request, &site, now);
        let base = request.url();
        let sign_in = options.sign_in_url.as_deref().filter(|s| !s.is_empty());
        let accounts = site.accounts_base_url();
        let target = match target {
            Target::SignIn => sign_in.map_or_else(|| format!("{accounts}/sign-in"), str::to_owned),
            Target::SignUp => match (
                options.sign_up_url.as_deref().filter(|s| !s.is_empty()),
                sign_in,
            ) {
                (Some(up), _) => up.to_owned(),
                (None, Some(sign_in)) => {
                    let mut url = base.join(sign_in).ok()?;
                    let path = format!("{}/create", url.path());
                    url.set_path(&path);
                    url.to_string()
                }
                (None, None) => format!("{accounts}/sign-up"),
            },
        };
        let dev_browser = (!site.production)
            .then_some(ctx.dev_browser.as_deref())
            .flatten();
        Some(build_url(base, &target, Some(base), dev_browser, options.is_satellite)?.to_string())
    }
}

#[derive(Clone, Copy)]
enum Target {
    SignIn,
    SignUp,
}

/// createRedirect.ts's `buildUrl`: `target` resolved against `base`, `redirect_url` set to
/// the return URL; across origins a dev-browser token rides along and a satellite's return
/// URL asks for a sync.
fn build_url(
    base: &Url,
    target: &str,
    return_back: Option<&Url>,
    dev_browser: Option<&str>,
    satellite: bool,
) -> Option<Url> {
    let mut res = base.join(target).ok()?;
    let host_port = |u: &Url| {
        format!(
            "{}:{}",
            u.host_str().unwrap_or_default(),
            u.port().map(|p| p.to_string()).unwrap_or_default()
        )
    };
    let cross_origin = host_port(base) != host_port(&res);
    if let Some(back) = return_back {
        let mut back = back.clone();
        if cross_origin && satellite {
            super::flow::set_query(&mut back, SYNCED, "false");
        }
        super::flow::set_query(&mut res, "redirect_url", back.as_str());
    }
    if cross_origin {
        if let Some(token) = dev_browser {
            super::flow::set_query(&mut res, DEV_BROWSER, token);
        }
    }
    Some(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    // createRedirect.ts buildUrl: same origin keeps the dev browser out; a satellite going
    // to the primary asks for a sync on return.
    #[test]
    fn createredirect_buildurl_sets_redirect_url_and_cross_origin_extras() {
        let page = url("http://app.test:3000/dash?x=1");
        let same =
            build_url(&page, "/sign-in", Some(&page), Some("db"), false).map(|u| u.to_string());
        assert_eq!(
            same.as_deref(),
            Some("http://app.test:3000/sign-in?redirect_url=http%3A%2F%2Fapp.test%3A3000%2Fdash%3Fx%3D1")
        );
        let cross = build_url(
            &page,
            "https://primary.test/sign-in",
            Some(&page),
            Some("db"),
            true,
        )
        .unwrap_or_else(|| panic!("url"));
        let pairs: Vec<(String, String)> = cross
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (
                    "redirect_url".to_owned(),
                    "http://app.test:3000/dash?x=1&__clerk_synced=false".to_owned()
                ),
                ("__clerk_db_jwt".to_owned(), "db".to_owned()),
            ]
        );
    }
}
