//! OAuth applications (clients for which your Clerk instance is the OAuth provider), their
//! logos and client secrets, and the verification of the access tokens they are issued.

use clerk_macros::{Deserialize, Serialize};

use crate::multipart::{FileUpload, Multipart, Part};
use crate::Secret;

/// An OAuth application, without its client secret.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct OAuthApplication {
    /// Always `oauth_application`.
    pub object: String,
    /// Unique id of the application, used in the paths of the other endpoints.
    pub id: String,
    /// Id of the instance the application belongs to.
    pub instance_id: String,
    /// Name of the application.
    pub name: String,
    /// The OAuth client id the application presents.
    pub client_id: String,
    /// Home page of the client, if known.
    #[serde(default)]
    pub client_uri: Option<String>,
    /// URL of the application's logo, if one was uploaded.
    #[serde(default)]
    pub client_image_url: Option<String>,
    /// Whether the client registered itself through dynamic client registration.
    pub dynamically_registered: bool,
    /// Whether users see a consent screen when authorizing the application.
    pub consent_screen_enabled: bool,
    /// Whether the application must use PKCE.
    pub pkce_required: bool,
    /// Whether the client is public (holds no secret and uses PKCE).
    pub public: bool,
    /// Allowed scopes, separated by spaces (e.g. `profile email`).
    pub scopes: String,
    /// The redirect URIs the application may send users back to.
    pub redirect_uris: Vec<String>,
    /// Deprecated: the first redirect URI; read `redirect_uris` instead.
    pub callback_url: String,
    /// The authorization endpoint of the provider.
    pub authorize_url: String,
    /// The token endpoint of the provider.
    pub token_fetch_url: String,
    /// The user info endpoint of the provider.
    pub user_info_url: String,
    /// The OpenID discovery document of the provider.
    pub discovery_url: String,
    /// The token introspection endpoint of the provider.
    pub token_introspection_url: String,
    /// When the application was created (unix milliseconds).
    pub created_at: i64,
    /// When the application was last changed (unix milliseconds).
    pub updated_at: i64,
}

/// Answer of `POST /oauth_applications` and of the secret rotation: the application and its
/// client secret, returned only by these two calls.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[non_exhaustive]
pub struct OAuthApplicationWithSecret {
    /// The application.
    #[serde(flatten)]
    pub application: OAuthApplication,
    /// The client secret (empty for a public client); `Debug` hides it.
    #[serde(default)]
    pub client_secret: Option<Secret>,
}

string_enum! {
    /// Order of `GET /oauth_applications` results.
    pub enum OAuthApplicationOrderBy {
        /// Oldest first (the default).
        CreatedAtAsc = "+created_at",
        /// Newest first.
        CreatedAtDesc = "-created_at",
        /// By name, A to Z.
        NameAsc = "+name",
        /// By name, Z to A.
        NameDesc = "-name",
    }
}

/// Query of `GET /oauth_applications`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OAuthApplicationListParams {
    /// Page size (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of applications to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// Sort order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<OAuthApplicationOrderBy>,
    /// Case-insensitive partial match on the name; an exact client id also matches, which
    /// finds the application id of a client id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_query: Option<String>,
}

setters! { OAuthApplicationListParams {
    opt limit: i64,
    opt offset: i64,
    opt order_by: OAuthApplicationOrderBy,
    opt name_query: String,
} }

/// JSON body of `POST /oauth_applications`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateOAuthApplicationParams {
    /// Name of the application (up to 256 characters).
    pub name: String,
    /// Where the application may send users back after authorization.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub redirect_uris: Vec<String>,
    /// Deprecated: a single callback URL (up to 1024 characters); use `redirect_uris`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// Allowed scopes separated by spaces, among `profile`, `email`, `public_metadata` and
    /// `private_metadata` (the API defaults to `profile email`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<String>,
    /// Show a consent screen when users authorize the application (default `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_screen_enabled: Option<bool>,
    /// Require PKCE (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pkce_required: Option<bool>,
    /// Make the client public: no secret, PKCE instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
}

impl CreateOAuthApplicationParams {
    /// An application called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            redirect_uris: Vec::new(),
            callback_url: None,
            scopes: None,
            consent_screen_enabled: None,
            pkce_required: None,
            public: None,
        }
    }
}

setters! { CreateOAuthApplicationParams {
    list redirect_uris: String,
    opt callback_url: String,
    opt scopes: String,
    opt consent_screen_enabled: bool,
    opt pkce_required: bool,
    opt public: bool,
} }

/// JSON body of `PATCH /oauth_applications/{oauth_application_id}`: only the given fields
/// change.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateOAuthApplicationParams {
    /// New name (up to 256 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New redirect URIs, replacing the current ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_uris: Option<Vec<String>>,
    /// Deprecated: a new single callback URL (up to 1024 characters); use `redirect_uris`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// New allowed scopes separated by spaces, among `profile`, `email`, `public_metadata`
    /// and `private_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<String>,
    /// Show a consent screen (cannot be turned off for dynamically registered clients).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_screen_enabled: Option<bool>,
    /// Require PKCE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pkce_required: Option<bool>,
    /// Make the client public (no secret, PKCE) or confidential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
}

setters! { UpdateOAuthApplicationParams {
    opt name: String,
    opt callback_url: String,
    opt scopes: String,
    opt consent_screen_enabled: bool,
    opt pkce_required: bool,
    opt public: bool,
} }

impl UpdateOAuthApplicationParams {
    /// Sets [`redirect_uris`](Self::redirect_uris), replacing the application's redirect URIs
    /// with these.
    #[must_use]
    pub fn redirect_uris<I>(mut self, uris: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.redirect_uris = Some(uris.into_iter().map(Into::into).collect());
        self
    }
}

/// The multipart body of `PUT /oauth_applications/{oauth_application_id}/logo`: the image in
/// the `file` field (JPEG, PNG, GIF or WebP, at most 10 MB) and, optionally, the user
/// credited with the upload.
#[derive(Debug, Clone)]
pub struct OAuthApplicationLogo {
    /// The image to upload.
    pub file: FileUpload,
    /// Id of the user credited with the upload.
    pub uploader_user_id: Option<String>,
}

impl OAuthApplicationLogo {
    /// A logo upload of `file`, credited to nobody in particular.
    pub fn new(file: FileUpload) -> Self {
        Self {
            file,
            uploader_user_id: None,
        }
    }
}

setters! { OAuthApplicationLogo {
    opt uploader_user_id: String,
} }

impl From<FileUpload> for OAuthApplicationLogo {
    fn from(file: FileUpload) -> Self {
        Self::new(file)
    }
}

impl From<OAuthApplicationLogo> for Multipart {
    fn from(logo: OAuthApplicationLogo) -> Self {
        let mut form = Multipart::new();
        if let Some(uploader) = logo.uploader_user_id {
            form = form.part(Part::text("uploader_user_id", uploader));
        }
        form.part(logo.file.into_part("file"))
    }
}

/// JSON body of `POST /oauth_applications/{oauth_application_id}/revoke_token`. `Debug` hides
/// the token.
#[derive(Debug, Clone, Serialize)]
pub struct RevokeOAuthApplicationTokenParams {
    /// An opaque access or refresh token of the application; every token of the same grant
    /// is revoked with it.
    pub token: Secret,
}

impl RevokeOAuthApplicationTokenParams {
    /// Revokes the grant of `token`.
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: Secret::new(token),
        }
    }
}

/// JSON body of `POST /oauth_applications/access_tokens/verify`. `Debug` hides the token.
///
/// Both fields are optional in the spec; set `access_token` (`secret` is its deprecated
/// former name).
#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyOAuthAccessTokenParams {
    /// The access token to check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Secret>,
    /// Deprecated: the access token under its former name; use `access_token`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<Secret>,
}

impl VerifyOAuthAccessTokenParams {
    /// Checks `access_token`.
    pub fn new(access_token: impl Into<String>) -> Self {
        Self {
            access_token: Some(Secret::new(access_token)),
            secret: None,
        }
    }
}

setters! { VerifyOAuthAccessTokenParams {
    opt access_token: Secret,
    opt secret: Secret,
} }

/// An opaque access token issued by one of your OAuth applications, as verification reports
/// it. The spec types its timestamps as JSON `number`s, hence `f64`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct IdpOAuthAccessToken {
    /// Always `clerk_idp_oauth_access_token`.
    pub object: String,
    /// Unique id of the token (`oat_...`).
    pub id: String,
    /// Client id of the application the token was issued to.
    pub client_id: String,
    /// The user who granted the token (`user_...`).
    pub subject: String,
    /// Scopes granted to the token.
    pub scopes: Vec<String>,
    /// Whether the token was revoked.
    pub revoked: bool,
    /// Why the token was revoked, if it was and a reason was given.
    #[serde(default)]
    pub revocation_reason: Option<String>,
    /// Whether the token is past its expiration.
    pub expired: bool,
    /// When the token expires; `None` if it never does.
    #[serde(default)]
    pub expiration: Option<f64>,
    /// When the token was created.
    pub created_at: f64,
    /// When the token was last changed.
    pub updated_at: f64,
}

/// What verification answers for a JWT access token that is no longer active (expired).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct InactiveOAuthAccessToken {
    /// Always `false`.
    pub active: bool,
}

/// Answer of `POST /oauth_applications/access_tokens/verify`: the token's details, or a bare
/// "not active" for an expired JWT access token. A token Clerk does not know is an error
/// (404), not a variant.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serialize", derive(serde::Serialize))]
#[serde(untagged)]
#[non_exhaustive]
pub enum OAuthAccessTokenVerification {
    /// The token is known; check `revoked` and `expired` before trusting it.
    Token(IdpOAuthAccessToken),
    /// A JWT access token that is no longer active.
    Inactive(InactiveOAuthAccessToken),
}

impl OAuthAccessTokenVerification {
    /// The token's details, unless the answer was "not active".
    pub fn token(&self) -> Option<&IdpOAuthAccessToken> {
        match self {
            Self::Token(token) => Some(token),
            Self::Inactive(_) => None,
        }
    }

    /// `true` only for a known token that is neither revoked nor expired.
    pub fn is_valid(&self) -> bool {
        self.token().is_some_and(|t| !t.revoked && !t.expired)
    }
}
