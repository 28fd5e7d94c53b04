//! Browser sessions for server-rendered pages: @clerk/backend's handshake, refresh,
//! development instances, satellite domains and sign-in redirects.
//!
//! A browser signed in with Clerk carries a `__session` cookie whose token lives about a
//! minute; clerk-js in the page keeps it fresh. When a page is loaded after the tab was idle
//! (or in a new tab, or from a link), the cookie has expired although the client is still
//! signed in (`__client_uat` says so). [`Authenticator::authenticate_page`](crate::auth::Authenticator::authenticate_page) then answers
//! like @clerk/backend's `authenticateRequest`:
//!
//! - with a `__refresh` cookie, it refreshes the token through the Backend API
//!   (`POST /sessions/{id}/refresh`) and the page is signed in, with fresh cookies to set;
//! - otherwise a document request is redirected (307) through the Frontend API's handshake
//!   (`/v1/client/handshake`), which comes back with a nonce; the nonce's cookie directives
//!   are fetched through the Backend API, set on the response, and (on development
//!   instances) the browser goes on to the page's clean URL, now signed in;
//! - API requests (`fetch`, JSON) and form posts are never redirected: they are signed out
//!   with the reason, and the frontend refreshes its token itself;
//! - a `__clerk_redirect_count` cookie stops a broken setup after three handshakes in a row.
//!
//! Development instances also need the dev-browser token (`__clerk_db_jwt`, in the query
//! or a cookie), and satellite domains sync with the primary (see [`PageOptions`]). The
//! framework integrations use this in their page mode; apps that only receive bearer tokens
//! from a separate frontend do not need any of it.
//!
//! ```no_run
//! # async fn run(request: http::Request<()>) -> Result<(), Box<dyn std::error::Error>> {
//! use clerk_backend::auth::browser::{PageOptions, PageRequest, PageState};
//! use clerk_backend::auth::Authenticator;
//!
//! let auth = Authenticator::from_env()?.pages(PageOptions::default().sign_in_url("/sign-in"));
//! let page = auth.authenticate_page(&PageRequest::from_http(&request)).await;
//! if let Some(location) = page.location() {
//!     // Answer 307 with `page.headers` (Location, Set-Cookie, Cache-Control).
//!     println!("redirect to {location}");
//! } else if let PageState::SignedIn(who) = &page.state {
//!     // Render the page; copy `page.headers` (fresh cookies) onto the response.
//!     println!("hello {:?}", who.user_id());
//! } else {
//!     println!("sign in at {:?}", auth.sign_in_url(&PageRequest::from_http(&request)));
//! }
//! # Ok(()) }
//! ```

mod context;
mod flow;
mod handshake;
mod names;
mod options;
mod outcome;
mod redirect;
mod refresh;
mod request;

pub use options::{PageConfigError, PageOptions};
pub(crate) use outcome::HeaderNames;
pub use outcome::{PageAuth, PageState};
pub use request::PageRequest;
