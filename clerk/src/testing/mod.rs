//! An in-memory stand-in of the Clerk Backend API for your own tests.
//!
//! [`StandIn::start`] binds 127.0.0.1 on a free port and serves most of the Backend API
//! (users and their identities, organizations and their memberships, invitations, roles and
//! domains, sessions, clients and session tokens, JWT templates, machine auth, the
//! instance's settings and resources; the crate's README lists them), with Clerk's error
//! codes and statuses. State lives in memory, in the crate's own models, so every response
//! decodes. Session tokens are real RS256 JWTs signed by the stand-in and checked by
//! [`crate::jwt::Verifier`] against its `GET /jwks`, so your auth middleware accepts them end to
//! end. Operations it does not implement answer `501` with the operation's name.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use clerk_backend::models::CreateUserParams;
//! use clerk_backend::testing::{Seed, StandIn};
//!
//! let standin = StandIn::start().await?;
//! let seeded = standin
//!     .seed(Seed::new().user(CreateUserParams::default().email_address(["ada@example.com"])))
//!     .await?;
//! let user = standin.clerk().users().get(&seeded.users[0].id).await?;
//! assert_eq!(user.email_addresses[0].email_address, "ada@example.com");
//! // What did the code under test send?
//! assert!(standin.requests().iter().any(|r| r.path == "/users"));
//! # Ok(()) }
//! ```
//!
//! Machine auth works end to end too: machines and their scopes and secret keys, M2M tokens
//! minted with a machine's secret key (opaque `mt_...`, or JWTs signed with the same key as
//! session tokens), API keys, and the verify endpoints [`crate::auth::Authenticator`] calls,
//! so a route that accepts machine tokens is tested against tokens the stand-in minted.
//! OAuth applications are served too, and [`StandIn::issue_oauth_access_token`] issues
//! `oat_...` access tokens for them that verify until revoked, expired, or deleted with their
//! application.
//!
//! Browser sessions run on loopback too, for server-side SDKs that follow @clerk/backend's
//! handshake: [`StandIn::sign_in_browser`] signs a user in from a new browser (a dev browser
//! token, a fresh and an expired session token, a refresh token), the stand-in serves the
//! Frontend API's `GET /v1/client/handshake` at its own URL (the Frontend API host of
//! [`StandIn::publishable_key`]) with both of its answers (a nonce collected through
//! `GET /clients/handshake_payload`, or a signed JWT), and `POST /sessions/{id}/refresh`
//! takes the refresh tokens it issued and answers cookies on request;
//! [`StandIn::sign_out_browser`] ends the browser's sessions.
//!
//! The stand-in bounds what one test can make it spend: [`StandIn::requests`] keeps the
//! latest [`DEFAULT_MAX_RECORDED_REQUESTS`] requests (see [`StandIn::builder`]), and imported
//! argon2 password digests are refused with a 422 on `password_digest` when they ask for more
//! than 64 MiB of memory, 10 passes or 4 lanes; password hashing runs on tokio's blocking
//! pool, never on the workers that serve requests.
//!
//! Give it a webhook endpoint ([`StandInBuilder::webhook`]) and it sends Clerk's events for
//! every change it serves (`user.created`, `organizationMembership.deleted`,
//! `session.revoked`...), Svix-signed with your `whsec_` secret, in order and with retries, so
//! the app's own webhook handler is tested end to end; [`StandIn::webhooks_settled`] waits
//! for them and [`StandIn::webhook_attempts`] shows each try.
//!
//! Requires the `testing` feature. The server stops when the [`StandIn`] is dropped.
//!
//! The same stand-in also runs as a process, for tests written in any language: the
//! `clerk-standin` binary of this package (`cargo install clerk-backend --features testing
//! --bin clerk-standin`; `clerk-standin --help`) takes a seed file read by
//! [`Seed::from_json`] and prints its URL and keys on start.

mod actor_tokens;
mod allowlist_identifiers;
mod api_keys;
mod blocklist_identifiers;
mod browser_sign_in;
mod clients;
mod cookies;
mod dev_browsers;
mod domain_rules;
mod domains;
mod enterprise_connection_settings;
mod enterprise_connection_test_runs;
mod enterprise_connections;
mod fallback;
mod frontend_api;
mod handshake_payloads;
mod identifiers;
mod identity_kinds;
mod identity_replace;
mod identity_verifications;
mod ids;
mod image_upload;
mod instance_communication;
mod instance_oauth;
mod instance_settings;
mod invitation_rules;
mod invitations;
mod jwks;
mod jwt_templates;
mod keys;
mod m2m_tokens;
mod machines;
mod membership_filters;
mod oauth_access_tokens;
mod oauth_applications;
mod oauth_rules;
mod organization_domain_lists;
mod organization_domains;
mod organization_invitations;
mod organization_logos;
mod organization_memberships;
mod organization_permissions;
mod organization_roles;
mod organization_settings;
mod organizations;
mod redirect_urls;
mod reply;
mod requests;
mod resource;
mod role_rules;
mod role_set_changes;
mod role_set_rules;
mod role_sets;
mod saml_connections;
mod seed;
mod server;
mod session_refresh;
mod sessions;
mod shared;
mod sign_in_tokens;
mod store;
mod testing_tokens;
mod user_accounts;
mod user_actions;
mod user_filters;
mod user_identifications;
mod user_images;
mod user_input;
mod user_labels;
mod user_mfa;
mod user_passwords;
mod user_table;
mod users;
mod waitlist_entries;
mod webhooks;

pub use browser_sign_in::BrowserSignIn;
pub use requests::{RecordedRequest, ServedRequest};
pub use seed::{Seed, SeedError, Seeded};
pub use server::{StandIn, StandInBuilder, DEFAULT_MAX_RECORDED_REQUESTS, STANDIN_SECRET_KEY};
pub use webhooks::{
    generate_webhook_secret, WebhookAttempt, DEFAULT_WEBHOOK_RETRY_DELAYS,
    MAX_RECORDED_WEBHOOK_ATTEMPTS, WEBHOOK_ATTEMPT_TIMEOUT,
};
