//! What every framework's middleware does with a request, written once: authenticate it,
//! then hold it to the route's requirements.

use std::sync::Arc;

use http::{HeaderMap, HeaderValue, StatusCode};

use super::browser::{PageRequest, PageState};
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
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Admission {
    /// Run the route with this state (store it where the route's extractors find it), and
    /// add `headers` to the route's response (fresh cookies after a refresh or handshake).
    Proceed {
        /// The request's auth state.
        state: AuthState,
        /// Headers for the response; `Set-Cookie` may repeat.
        headers: HeaderMap,
    },
    /// Answer with this response instead of running the route: a refusal (401/403/500
    /// JSON), or in page mode a 307 redirect (handshake, sign-in) with its cookies.
    Answer(http::Response<String>),
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
                },
                Err(denied) => Admission::Answer(Refusal::denied(&denied).into_http()),
            };
        }
        let page = self.auth.authenticate_page(request).await;
        if page.location().is_some() {
            return Admission::Answer(redirect(page.headers));
        }
        let state = page.auth_state();
        if self.requirements.is_empty() {
            return Admission::Proceed {
                state,
                headers: page.headers,
            };
        }
        match authorize(&state, &self.requirements) {
            Ok(_) => Admission::Proceed {
                state,
                headers: page.headers,
            },
            Err(Denied::SignedOut(out)) if request.is_navigation() && !out.reason.is_internal() => {
                let mut headers = page.headers;
                match self
                    .auth
                    .sign_in_url(request)
                    .and_then(|u| HeaderValue::from_str(&u).ok())
                {
                    Some(location) => {
                        headers.insert(http::header::LOCATION, location);
                        headers.insert(
                            http::header::CACHE_CONTROL,
                            HeaderValue::from_static("no-store"),
                        );
                        Admission::Answer(redirect(headers))
                    }
                    None => Admission::Answer(with_headers(
                        Refusal::signed_out(&out).into_http(),
                        headers,
                    )),
                }
            }
            Err(denied) => {
                let signed_in = matches!(page.state, PageState::SignedIn(_));
                let mut response = Refusal::denied(&denied).into_http();
                if signed_in {
                    // Fresh cookies of a refresh or handshake are still worth keeping.
                    response = with_headers(response, page.headers);
                }
                Admission::Answer(response)
            }
        }
    }
}

/// A 307 with these headers and no body.
fn redirect(headers: HeaderMap) -> http::Response<String> {
    let mut response = http::Response::new(String::new());
    *response.status_mut() = StatusCode::TEMPORARY_REDIRECT;
    with_headers(response, headers)
}

fn with_headers(
    mut response: http::Response<String>,
    headers: HeaderMap,
) -> http::Response<String> {
    let mut last = None;
    for (name, value) in headers {
        // `HeaderMap`'s owned iterator names a header once, then `None` for its repeats.
        if let Some(name) = name {
            last = Some(name);
        }
        if let Some(name) = &last {
            response.headers_mut().append(name.clone(), value);
        }
    }
    response
}
