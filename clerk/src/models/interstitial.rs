//! Query parameters of the interstitial page.

use clerk_macros::Serialize;

/// Query parameters of `GET /public/interstitial`: which instance the page loads
/// `clerk.js` for, and from where.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InterstitialParams {
    /// Frontend API of the instance under its old parameter name; deprecated by Clerk in
    /// favour of [`frontend_api`](Self::frontend_api).
    #[serde(rename = "frontendApi", skip_serializing_if = "Option::is_none")]
    pub frontend_api_legacy: Option<String>,
    /// Frontend API of the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frontend_api: Option<String>,
    /// Publishable key of the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publishable_key: Option<String>,
    /// Proxy URL of the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// Domain of the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Sign-in URL of the instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_in_url: Option<String>,
    /// Load the script from the domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_domain_for_script: Option<bool>,
}

setters! { InterstitialParams {
    opt frontend_api_legacy: String,
    opt frontend_api: String,
    opt publishable_key: String,
    opt proxy_url: String,
    opt domain: String,
    opt sign_in_url: String,
    opt use_domain_for_script: bool,
} }
