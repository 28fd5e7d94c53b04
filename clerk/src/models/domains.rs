//! Domains of the instance (the primary one and satellites), their DNS setup, and checks of
//! a proxy in front of the Frontend API.

use clerk_macros::{Deserialize, Serialize};

/// A domain the instance runs on: the primary domain or a satellite.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Domain {
    /// Always `domain`.
    pub object: String,
    /// Unique id of the domain.
    pub id: String,
    /// The domain name (with a port for development instances, e.g. `localhost:3000`).
    pub name: String,
    /// Whether this is a satellite domain.
    pub is_satellite: bool,
    /// URL of the Frontend API for this domain.
    pub frontend_api_url: String,
    /// URL of the Account Portal; `None` for satellite domains.
    #[serde(default)]
    pub accounts_portal_url: Option<String>,
    /// URL of the proxy forwarding to the Frontend API, if the domain uses one.
    #[serde(default)]
    pub proxy_url: Option<String>,
    /// Origin of the development application.
    pub development_origin: String,
    /// CNAME records the DNS setup needs, if any.
    #[serde(default)]
    pub cname_targets: Option<Vec<CnameTarget>>,
}

/// One CNAME record a [`Domain`] needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct CnameTarget {
    /// Host name of the record.
    pub host: String,
    /// Target the record points to.
    pub value: String,
    /// Whether the record must exist for the domain to count as deployed.
    pub required: bool,
}

/// The result of a proxy check: whether a proxy URL reaches the Frontend API.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct ProxyCheck {
    /// Always `proxy_check`.
    pub object: String,
    /// Unique id of the check.
    pub id: String,
    /// Id of the domain checked.
    pub domain_id: String,
    /// When the check last ran (unix timestamp), if it ran.
    #[serde(default)]
    pub last_run_at: Option<i64>,
    /// The proxy URL checked.
    pub proxy_url: String,
    /// Whether the proxy works.
    pub successful: bool,
    /// When the check was created (unix timestamp).
    pub created_at: i64,
    /// When the check was last updated (unix timestamp).
    pub updated_at: i64,
}

/// JSON body of `POST /domains`: a new satellite domain.
#[derive(Debug, Clone, Serialize)]
pub struct CreateDomainParams {
    /// The domain name; may carry a port for development instances (`localhost:3000`).
    pub name: String,
    /// Must be `true`: an instance has one primary domain, so new domains are satellites.
    pub is_satellite: bool,
    /// URL of a proxy forwarding to the Frontend API for this domain (production
    /// instances only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
}

impl CreateDomainParams {
    /// A new satellite domain `name` (the only kind the API accepts).
    pub fn satellite(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            is_satellite: true,
            proxy_url: None,
        }
    }
}

setters! { CreateDomainParams {
    opt proxy_url: String,
} }

/// JSON body of `PATCH /domains/{domain_id}`; unset fields stay as they are.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateDomainParams {
    /// New domain name: with a port for development instances (`myhostname:3000`), a bare
    /// FQDN (`mysite.com`, no scheme) for production. Renaming a production primary domain
    /// also moves the instance's home origin; DNS and email setup must be redone first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Proxy forwarding to the Frontend API (production instances only):
    /// `Some(Some(url))` sets it, `Some(None)` sends `null`, which switches the domain back to
    /// the DNS setup; `None` leaves it alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<Option<String>>,
    /// Whether the domain belongs to a secondary app: its subdomain then matters and is kept
    /// as part of the domain, so several apps can share one root domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_secondary: Option<bool>,
}

setters! { UpdateDomainParams {
    opt name: String,
    opt is_secondary: bool,
} }

impl UpdateDomainParams {
    /// Serves the domain through the proxy at `url`.
    #[must_use]
    pub fn proxy_url(mut self, url: impl Into<String>) -> Self {
        self.proxy_url = Some(Some(url.into()));
        self
    }

    /// Stops using a proxy: sends `"proxy_url": null`, back to the DNS setup.
    #[must_use]
    pub fn remove_proxy_url(mut self) -> Self {
        self.proxy_url = Some(None);
        self
    }
}

/// JSON body of `POST /proxy_checks`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyProxyParams {
    /// Id of the domain the proxy is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// Full URL of the proxy forwarding to the Frontend API, e.g.
    /// `https://example.com/__clerk`; may differ from the domain's current proxy URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
}

impl VerifyProxyParams {
    /// Checks that `proxy_url` forwards to the Frontend API for the domain `domain_id`.
    pub fn new(domain_id: impl Into<String>, proxy_url: impl Into<String>) -> Self {
        Self {
            domain_id: Some(domain_id.into()),
            proxy_url: Some(proxy_url.into()),
        }
    }
}

setters! { VerifyProxyParams {
    opt domain_id: String,
    opt proxy_url: String,
} }
