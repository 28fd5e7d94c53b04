//! The cookie, query-parameter and reason names of Clerk's browser flow, as @clerk/backend
//! spells them (constants.ts, tokens/authStatus.ts).

pub(super) const SESSION: &str = "__session";
pub(super) const REFRESH: &str = "__refresh";
pub(super) const CLIENT_UAT: &str = "__client_uat";
pub(super) const HANDSHAKE: &str = "__clerk_handshake";
pub(super) const HANDSHAKE_NONCE: &str = "__clerk_handshake_nonce";
pub(super) const HANDSHAKE_HELP: &str = "__clerk_help";
pub(super) const HANDSHAKE_REASON: &str = "__clerk_hs_reason";
pub(super) const DEV_BROWSER: &str = "__clerk_db_jwt";
pub(super) const LEGACY_DEV_BROWSER: &str = "__dev_session";
pub(super) const REDIRECT_COUNT: &str = "__clerk_redirect_count";
pub(super) const SYNCED: &str = "__clerk_synced";
pub(super) const CLERK_REDIRECT_URL: &str = "__clerk_redirect_url";
pub(super) const SUFFIXED_COOKIES: &str = "suffixed_cookies";
/// The Backend API version @clerk/backend 3.25 names in the handshake redirect, the version
/// this crate is written against.
pub(super) const API_VERSION: &str = "2026-05-12";

/// How many handshakes in a row (within the counter cookie's two seconds) before the flow
/// gives up and answers signed out.
pub(super) const MAX_REDIRECTS: u32 = 3;

/// @clerk/backend's `AuthErrorReason`.
pub(super) mod reason {
    pub const CLIENT_UAT_WITHOUT_SESSION_TOKEN: &str = "client-uat-but-no-session-token";
    pub const DEV_BROWSER_MISSING: &str = "dev-browser-missing";
    pub const DEV_BROWSER_SYNC: &str = "dev-browser-sync";
    pub const PRIMARY_RESPONDS_TO_SYNCING: &str = "primary-responds-to-syncing";
    pub const PRIMARY_DOMAIN_CROSS_ORIGIN_SYNC: &str = "primary-domain-cross-origin-sync";
    pub const SATELLITE_NEEDS_SYNCING: &str = "satellite-needs-syncing";
    pub const SESSION_TOKEN_AND_UAT_MISSING: &str = "session-token-and-uat-missing";
    pub const SESSION_TOKEN_MISSING: &str = "session-token-missing";
    pub const SESSION_TOKEN_EXPIRED: &str = "session-token-expired";
    pub const SESSION_TOKEN_IAT_BEFORE_CLIENT_UAT: &str = "session-token-iat-before-client-uat";
    pub const SESSION_TOKEN_NBF: &str = "session-token-nbf";
    pub const SESSION_TOKEN_IAT_IN_THE_FUTURE: &str = "session-token-iat-in-the-future";
    pub const SESSION_TOKEN_WITHOUT_CLIENT_UAT: &str = "session-token-but-no-client-uat";
    pub const TOKEN_TYPE_MISMATCH: &str = "token-type-mismatch";
    pub const UNEXPECTED_ERROR: &str = "unexpected-error";
    pub const TOKEN_INVALID_ISSUER: &str = "token-invalid-issuer";
}
