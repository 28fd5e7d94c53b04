//! How an app's pages meet Clerk: where sign-in lives, satellite domains, a Frontend API
//! proxy; and what the publishable key says about the instance.

use reqwest::Url;

use crate::auth::token::PublishableKey;

/// Settings of the browser flow ([`Authenticator::pages`](crate::auth::Authenticator::pages)),
/// named like @clerk/backend's `authenticateRequest` options. All optional for a primary
/// domain; a satellite needs `domain` or `proxy_url`, and in development a `sign_in_url`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageOptions {
    /// Where signed-out visitors of protected pages go (`https://accounts.example.com/sign-in`
    /// or a path of this app, `/sign-in`). Default: the Account Portal of the instance.
    pub sign_in_url: Option<String>,
    /// Where sign-up lives; default: `<sign_in_url>/create`, else the Account Portal's.
    pub sign_up_url: Option<String>,
    /// This app's domain when it is a satellite (`satellite.example.com`).
    pub domain: Option<String>,
    /// Whether this app is a satellite of a primary domain that holds the session.
    pub is_satellite: bool,
    /// The URL (absolute, or a path of this app such as `/__clerk`) through which this app
    /// proxies Clerk's Frontend API; handshakes then go through it.
    pub proxy_url: Option<String>,
    /// Whether a satellite syncs with the primary on a first visit without cookies (Clerk's
    /// `satelliteAutoSync`; default `false`: only after a sign-in on the primary).
    pub satellite_auto_sync: bool,
}

impl PageOptions {
    /// Signed-out visitors go to this URL.
    #[must_use]
    pub fn sign_in_url(mut self, url: impl Into<String>) -> Self {
        self.sign_in_url = Some(url.into());
        self
    }

    /// Sign-up lives at this URL.
    #[must_use]
    pub fn sign_up_url(mut self, url: impl Into<String>) -> Self {
        self.sign_up_url = Some(url.into());
        self
    }

    /// This app is a satellite served at `domain`.
    #[must_use]
    pub fn satellite(mut self, domain: impl Into<String>) -> Self {
        self.domain = Some(domain.into());
        self.is_satellite = true;
        self
    }

    /// Clerk's Frontend API is reached through this proxy URL.
    #[must_use]
    pub fn proxy_url(mut self, url: impl Into<String>) -> Self {
        self.proxy_url = Some(url.into());
        self
    }

    /// Whether a satellite syncs on a first visit without cookies.
    #[must_use]
    pub fn satellite_auto_sync(mut self, sync: bool) -> Self {
        self.satellite_auto_sync = sync;
        self
    }
}

/// Why the browser flow cannot run with the settings given: @clerk/backend's
/// `authenticateRequest` assertions, checked before any request is answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PageConfigError {
    /// The browser flow needs the instance's publishable key, and it is missing or does not
    /// decode to a Frontend API host.
    #[error("the browser flow needs a valid publishable key (pk_test_... or pk_live_...)")]
    PublishableKey,
    /// A satellite needs its `domain` or a `proxy_url`.
    #[error("a satellite application needs a domain or a proxy_url")]
    SatelliteWithoutDomain,
    /// A satellite of a development instance needs a `sign_in_url` (on the primary).
    #[error("a satellite of a development instance needs a sign_in_url")]
    SatelliteWithoutSignIn,
    /// A satellite's sign-in URL must be absolute and on another origin than the satellite.
    #[error("a satellite's sign_in_url must be an absolute URL on another origin")]
    SatelliteSignInOrigin,
}

/// The instance and app as the flow uses them, derived once per request from the key and
/// [`PageOptions`].
#[derive(Debug)]
pub(super) struct Site<'a> {
    pub options: &'a PageOptions,
    pub key: &'a PublishableKey,
    /// Where the Frontend API is reached: the proxy, a satellite's `clerk.<domain>` (in
    /// production), else the key's host.
    pub frontend_api: String,
    /// The key's own Frontend API host: the issuer of the instance's tokens.
    pub original_frontend_api: &'a str,
    pub production: bool,
}

impl<'a> Site<'a> {
    /// @clerk/backend's `parsePublishableKey` with `proxyUrl`, `domain` and `isSatellite`,
    /// and the satellite assertions of `authenticateRequest`.
    pub fn new(
        options: &'a PageOptions,
        key: Option<&'a PublishableKey>,
        request_origin: &str,
    ) -> Result<Self, PageConfigError> {
        let key = key.ok_or(PageConfigError::PublishableKey)?;
        let original = key
            .frontend_api
            .as_deref()
            .ok_or(PageConfigError::PublishableKey)?;
        let production = key.production;
        let proxy_url = options
            .proxy_url
            .as_deref()
            .filter(|p| !p.is_empty())
            .map(|p| {
                if p.starts_with('/') {
                    format!("{request_origin}{p}")
                } else {
                    p.to_owned()
                }
            });
        let domain = options.domain.as_deref().filter(|d| !d.is_empty());
        if options.is_satellite {
            if !production && options.sign_in_url.as_deref().is_none_or(str::is_empty) {
                return Err(PageConfigError::SatelliteWithoutSignIn);
            }
            if let Some(sign_in) = options.sign_in_url.as_deref().filter(|s| !s.is_empty()) {
                let url =
                    Url::parse(sign_in).map_err(|_| PageConfigError::SatelliteSignInOrigin)?;
                if url.origin().ascii_serialization() == request_origin {
                    return Err(PageConfigError::SatelliteSignInOrigin);
                }
            }
            if proxy_url.is_none() && domain.is_none() {
                return Err(PageConfigError::SatelliteWithoutDomain);
            }
        }
        let frontend_api = match (&proxy_url, domain) {
            (Some(proxy), _) => proxy.clone(),
            (None, Some(domain)) if production && options.is_satellite => {
                format!("clerk.{domain}")
            }
            _ => original.to_owned(),
        };
        Ok(Self {
            options,
            key,
            frontend_api,
            original_frontend_api: original,
            production,
        })
    }

    /// The Frontend API as a base URL ending in `/` (`https://` unless it names a scheme).
    pub fn frontend_api_base(&self) -> String {
        let base = if self.frontend_api.starts_with("http") {
            self.frontend_api.clone()
        } else {
            format!("https://{}", self.frontend_api)
        };
        format!("{}/", base.trim_end_matches('/'))
    }

    /// @clerk/shared's `buildAccountsBaseUrl`: the Account Portal of the instance.
    pub fn accounts_base_url(&self) -> String {
        let host = self.original_frontend_api;
        let host = if let Some(rest) = host.strip_prefix("clerk.accountsstage.") {
            format!("accountsstage.{rest}")
        } else if let Some(i) = host.find("clerk.accounts.") {
            format!(
                "{}accounts.{}",
                &host[..i],
                &host[i + "clerk.accounts.".len()..]
            )
        } else if let Some(i) = host.find("clerk.") {
            format!("{}accounts.{}", &host[..i], &host[i + "clerk.".len()..])
        } else {
            host.to_owned()
        };
        format!("https://{host}")
    }

    /// Whether `iss` names this instance: the key's Frontend API host, or where the app
    /// reaches it (a proxy, a satellite's domain), compared without the scheme.
    pub fn issued_here(&self, iss: &str) -> bool {
        let iss = strip_scheme(iss).trim_end_matches('/');
        iss == self.original_frontend_api
            || iss == strip_scheme(&self.frontend_api).trim_end_matches('/')
    }
}

fn strip_scheme(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    // @clerk/backend's fixtures: Frontend API clerk.inspired.puma-74.lcl.dev.
    const PK_LIVE: &str = "pk_live_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";
    const PK_TEST: &str = "pk_test_Y2xlcmsuaW5zcGlyZWQucHVtYS03NC5sY2wuZGV2JA";

    fn site(pk: &str, options: &PageOptions) -> Result<String, PageConfigError> {
        let key = PublishableKey::parse(pk);
        Site::new(options, Some(&key), "https://app.test").map(|s| s.frontend_api)
    }

    // @clerk/shared parsePublishableKey: proxyUrl wins, then clerk.<domain> for production
    // satellites, else the key's host.
    #[test]
    fn parsepublishablekey_frontend_api_follows_proxy_then_satellite_domain() {
        let plain = PageOptions::default();
        assert_eq!(
            site(PK_LIVE, &plain).as_deref(),
            Ok("clerk.inspired.puma-74.lcl.dev")
        );
        let proxy = PageOptions::default().proxy_url("/__clerk");
        assert_eq!(
            site(PK_LIVE, &proxy).as_deref(),
            Ok("https://app.test/__clerk")
        );
        let satellite = PageOptions::default().satellite("sat.test");
        assert_eq!(site(PK_LIVE, &satellite).as_deref(), Ok("clerk.sat.test"));
        // Development satellites keep the key's host (and need a sign-in URL).
        let dev_satellite = satellite
            .clone()
            .sign_in_url("https://primary.test/sign-in");
        assert_eq!(
            site(PK_TEST, &dev_satellite).as_deref(),
            Ok("clerk.inspired.puma-74.lcl.dev")
        );
    }

    // tokens/request.ts: assertSignInUrlExists, assertSignInUrlFormatAndOrigin,
    // assertProxyUrlOrDomain.
    #[test]
    fn authenticaterequest_satellite_assertions() {
        let satellite = PageOptions {
            is_satellite: true,
            ..PageOptions::default()
        };
        assert_eq!(
            site(PK_LIVE, &satellite),
            Err(PageConfigError::SatelliteWithoutDomain)
        );
        assert_eq!(
            site(
                PK_TEST,
                &satellite.clone().sign_in_url("https://p.test/sign-in")
            ),
            Err(PageConfigError::SatelliteWithoutDomain)
        );
        assert_eq!(
            site(PK_TEST, &PageOptions::default().satellite("sat.test")),
            Err(PageConfigError::SatelliteWithoutSignIn)
        );
        for bad in ["/sign-in", "https://app.test/sign-in"] {
            assert_eq!(
                site(
                    PK_LIVE,
                    &PageOptions::default().satellite("s.test").sign_in_url(bad)
                ),
                Err(PageConfigError::SatelliteSignInOrigin),
                "{bad}"
            );
        }
        assert_eq!(
            site("pk_test_bm9wZQ", &PageOptions::default()),
            Err(PageConfigError::PublishableKey)
        );
    }

    // @clerk/shared buildAccountsBaseUrl.
    #[test]
    fn buildaccountsbaseurl_swaps_clerk_for_accounts() {
        let key = PublishableKey::parse(PK_LIVE);
        let options = PageOptions::default();
        let site =
            Site::new(&options, Some(&key), "https://app.test").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            site.accounts_base_url(),
            "https://accounts.inspired.puma-74.lcl.dev"
        );
        assert!(site.issued_here("https://clerk.inspired.puma-74.lcl.dev"));
        assert!(!site.issued_here("https://clerk.other.dev"));
    }
}
