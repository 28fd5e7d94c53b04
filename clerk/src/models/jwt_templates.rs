//! JWT templates: custom session tokens for third-party services.

use clerk_macros::{Deserialize, Serialize};

use crate::models::Metadata;
use crate::Secret;

/// Query parameters of `GET /jwt_templates`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct JwtTemplateListParams {
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

setters! { JwtTemplateListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// A template for minting custom JWTs from a session.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct JwtTemplate {
    /// Always `jwt_template`.
    pub object: String,
    /// Unique id of the template.
    pub id: String,
    /// Name of the template, used to ask a session for a token.
    pub name: String,
    /// Claims of the token, with shortcodes such as `{{user.id}}` filled in at minting.
    #[serde(default)]
    pub claims: Metadata,
    /// Lifetime of minted tokens, in seconds.
    pub lifetime: i64,
    /// Clock skew tolerated when checking minted tokens, in seconds.
    pub allowed_clock_skew: i64,
    /// Whether tokens are signed with a key of your own instead of the instance's.
    pub custom_signing_key: bool,
    /// Algorithm minted tokens are signed with (e.g. `RS256`).
    pub signing_algorithm: String,
    /// When the template was created (unix milliseconds).
    pub created_at: i64,
    /// When the template was last modified (unix milliseconds).
    pub updated_at: i64,
}

/// JSON body of `POST /jwt_templates` and `PATCH /jwt_templates/{template_id}` (the spec
/// requires `name` and `claims` in both). The signing key is a [`Secret`], so `Debug` hides
/// it.
#[derive(Debug, Clone, Serialize)]
pub struct JwtTemplateParams {
    /// Name of the template.
    pub name: String,
    /// Claims of the token, as a JSON object.
    pub claims: Metadata,
    /// Lifetime of minted tokens, in seconds (30 to 315360000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<i64>,
    /// Clock skew tolerated when checking minted tokens, in seconds (0 to 300).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_clock_skew: Option<i64>,
    /// Whether `signing_algorithm` and `signing_key` are given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_signing_key: Option<bool>,
    /// Algorithm to sign with; required when `custom_signing_key` is `true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_algorithm: Option<String>,
    /// Private key to sign with; required when `custom_signing_key` is `true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<Secret>,
}

impl JwtTemplateParams {
    /// A template called `name` with the given claims.
    pub fn new(name: impl Into<String>, claims: Metadata) -> Self {
        Self {
            name: name.into(),
            claims,
            lifetime: None,
            allowed_clock_skew: None,
            custom_signing_key: None,
            signing_algorithm: None,
            signing_key: None,
        }
    }

    /// Signs minted tokens with your own key: sets `custom_signing_key`,
    /// `signing_algorithm` and `signing_key` together.
    #[must_use]
    pub fn custom_signing(
        mut self,
        algorithm: impl Into<String>,
        private_key: impl Into<String>,
    ) -> Self {
        self.custom_signing_key = Some(true);
        self.signing_algorithm = Some(algorithm.into());
        self.signing_key = Some(Secret::new(private_key));
        self
    }

    /// Sets [`signing_key`](Self::signing_key), the private key to sign with.
    #[must_use]
    pub fn signing_key(mut self, private_key: impl Into<String>) -> Self {
        self.signing_key = Some(Secret::new(private_key));
        self
    }
}

setters! { JwtTemplateParams {
    opt lifetime: i64,
    opt allowed_clock_skew: i64,
    opt custom_signing_key: bool,
    opt signing_algorithm: String,
} }
