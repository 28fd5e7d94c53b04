//! What every framework's middleware does with a request, written once: authenticate it,
//! then hold it to the route's requirements.

use std::sync::Arc;

use http::{HeaderMap, HeaderValue, StatusCode};

use super::browser::{HeaderNames, PageRequest};
use super::{authorize, AuthState, Authenticator, Denied, Refusal, Requirement};
use crate::headers::RequestHeaders;

/// An [`Authenticator`] and the [`Requirement`]s a middleware enforces before the route
/// runs (none by default: signed-out requests pass, and the route decides). The tower, axum,
/// actix-web and poem middlewares are each a `Gate` in their framework's clothes. Cheap to
/// clone; clones share the authenticator and its caches.
#[derive(Debug, Clone)]
pub struct Gate {
    auth: Arc<Authenticator>,
    requirements: Arc<[Requirement]>,
    pages: bool,
}

/// What a gate decided for a request ([`Gate::admit_request`]).
#[allow(clippy::large_enum_variant)]
pub enum Admission {
    /// Run the route with this state (store it where the route's extractors find it), and
    /// add `headers` to the route's response (fresh cookies after a refresh or handshake).
    Proceed {
        /// The request's auth state.
        state: AuthState,
        /// Headers for the response; `Set-Cookie` may repeat.
        headers: HeaderMap,
        /// In page-route mode, for a signed-out browser navigation: where it signs in. Store
        /// it with the state, so route-level requirements redirect instead of answering 401.
        sign_in: Option<SignInRedirect>,
    },
    /// Refuse the request (401/403/500 JSON) instead of running the route.
    Refuse(Refusal),
    /// Page-route mode: send the browser elsewhere (handshake, clean URL, sign-in) instead
    /// of running the route.
    Redirect(Redirect),
}

/// A `307 Temporary Redirect` with its headers: `Location`, `Cache-Control: no-store`, and
/// any `Set-Cookie` (the handshake's loop counter, fresh cookies).
#[derive(Clone)]
pub struct Redirect {
    /// Every header of the answer.
    pub headers: HeaderMap,
}

impl Redirect {
    /// Where the browser goes.
    pub fn location(&self) -> &str {
        self.headers
            .get(http::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The redirect as an `http` 1.x response with an empty body.
    pub fn into_http<B: From<String>>(self) -> http::Response<B> {
        let mut response = http::Response::new(B::from(String::new()));
        *response.status_mut() = StatusCode::TEMPORARY_REDIRECT;
        append_headers(response.headers_mut(), self.headers);
        response
    }
}

/// Appends every header of `from` (repeats included) to `to`: how a middleware copies a
/// page decision's `Set-Cookie`s onto the route's response.
pub fn append_headers(to: &mut HeaderMap, from: HeaderMap) {
    let mut last = None;
    for (name, value) in from {
        // The owned iterator names a header once, then `None` for its repeats.
        if let Some(name) = name {
            last = Some(name);
        }
        if let Some(name) = &last {
            to.append(name.clone(), value);
        }
    }
}

impl Gate {
    /// Authenticates with `authenticator`, requiring nothing.
    pub fn new(authenticator: Authenticator) -> Self {
        Self {
            auth: Arc::new(authenticator),
            requirements: Arc::from([]),
            pages: false,
        }
    }

    /// Page-route mode, for apps that render pages for browsers signed in with cookies:
    /// requests go through the browser flow ([`Authenticator::authenticate_page`]: refresh,
    /// handshake redirects, development instances, satellites), and a signed-out browser
    /// navigating to a protected page is redirected to sign in
    /// ([`Authenticator::sign_in_url`]) instead of getting a 401. API requests (`fetch`,
    /// JSON) still get the 401 JSON. The authenticator needs its publishable key and Backend
    /// API client; [`Authenticator::pages`] sets the sign-in URL, satellite and proxy.
    #[must_use]
    pub fn pages(mut self) -> Self {
        self.pages = true;
        self
    }

    /// Whether this gate is in page-route mode.
    pub fn is_pages(&self) -> bool {
        self.pages
    }

    /// Refuses signed-out requests (401, or 500 when authentication failed on this side).
    #[must_use]
    pub fn require_signed_in(self) -> Self {
        self.require(Requirement::SignedIn)
    }

    /// Also requires `requirement` (401 when signed out, 403 when unmet).
    #[must_use]
    pub fn require(mut self, requirement: Requirement) -> Self {
        let mut all = self.requirements.to_vec();
        all.push(requirement);
        self.requirements = Arc::from(all);
        self
    }

    /// Whether pending sessions (`sts: "pending"`) are signed out here: default `true`; see
    /// [`Authenticator::treat_pending_as_signed_out`].
    #[must_use]
    pub fn treat_pending_as_signed_out(mut self, signed_out: bool) -> Self {
        let auth = Arc::make_mut(&mut self.auth);
        *auth = auth.clone().treat_pending_as_signed_out(signed_out);
        self
    }

    /// The request's auth state, to store for the route; or why the requirements refuse it.
    pub async fn admit(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
    ) -> Result<AuthState, Denied> {
        let state = self.auth.authenticate(headers).await;
        if !self.requirements.is_empty() {
            authorize(&state, &self.requirements)?;
        }
        Ok(state)
    }

    /// The decision for a request, in either mode: what [`admit`](Self::admit) decides
    /// (as a 401/403/500 answer when refused), or in page-route mode the browser flow's,
    /// with redirects for browsers. Every integration's middleware is this call.
    pub async fn admit_request<H: RequestHeaders + ?Sized>(
        &self,
        request: &PageRequest<'_, H>,
    ) -> Admission {
        if !self.pages {
            return match self.admit(request.headers()).await {
                Ok(state) => Admission::Proceed {
                    state,
                    headers: HeaderMap::new(),
                    sign_in: None,
                },
                Err(denied) => Admission::Refuse(Refusal::denied(&denied)),
            };
        }
        let page = self.auth.authenticate_page(request).await;
        if page.location().is_some() {
            return Admission::Redirect(Redirect {
                headers: page.headers,
            });
        }
        let state = page.auth_state();
        let sign_in = match &state {
            AuthState::SignedOut(_) if request.is_navigation() => self
                .auth
                .sign_in_url(request)
                .map(|location| SignInRedirect { location }),
            _ => None,
        };
        if self.requirements.is_empty() {
            return Admission::Proceed {
                state,
                headers: page.headers,
                sign_in,
            };
        }
        match authorize(&state, &self.requirements) {
            Ok(_) => Admission::Proceed {
                state,
                headers: page.headers,
                sign_in,
            },
            Err(denied) if SignInRedirect::applies(sign_in.as_ref(), &denied) => {
                let location = sign_in.map(|s| s.location).unwrap_or_default();
                let mut headers = page.headers;
                if let Ok(value) = HeaderValue::from_str(&location) {
                    headers.insert(http::header::LOCATION, value);
                }
                headers.insert(
                    http::header::CACHE_CONTROL,
                    HeaderValue::from_static("no-store"),
                );
                Admission::Redirect(Redirect { headers })
            }
            Err(denied) => Admission::Refuse(Refusal::denied(&denied)),
        }
    }
}

/// Where a signed-out browser signs in, for the page it navigated to: what page-route mode
/// answers instead of a 401 when a route requires a signed-in user.
#[derive(Clone, PartialEq, Eq)]
pub struct SignInRedirect {
    /// The sign-in URL, with `redirect_url` back to the page.
    pub location: String,
}

impl SignInRedirect {
    /// Whether `denied` is answered by this redirect: a signed-out refusal (not a failure on
    /// this side), when there is a redirect.
    pub fn applies(redirect: Option<&Self>, denied: &Denied) -> bool {
        redirect.is_some() && matches!(denied, Denied::SignedOut(out) if !out.reason.is_internal())
    }

    /// The 307 to the sign-in page, `Cache-Control: no-store`.
    pub fn redirect(&self) -> Redirect {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(&self.location) {
            headers.insert(http::header::LOCATION, value);
        }
        headers.insert(
            http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        );
        Redirect { headers }
    }
}

// The headers and URLs below may carry tokens (Set-Cookie, the session token in a handshake
// URL, a dev-browser token): `Debug` shows header names and URLs without their query.
impl std::fmt::Debug for Admission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Proceed {
                state,
                headers,
                sign_in,
            } => f
                .debug_struct("Proceed")
                .field("state", state)
                .field("headers", &HeaderNames(headers))
                .field("sign_in", sign_in)
                .finish(),
            Self::Refuse(refusal) => f.debug_tuple("Refuse").field(refusal).finish(),
            Self::Redirect(redirect) => f.debug_tuple("Redirect").field(redirect).finish(),
        }
    }
}

impl std::fmt::Debug for Redirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redirect")
            .field("location", &without_query(self.location()))
            .field("headers", &HeaderNames(&self.headers))
            .finish()
    }
}

impl std::fmt::Debug for SignInRedirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRedirect")
            .field("location", &without_query(&self.location))
            .finish()
    }
}

fn without_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or_default()
}
