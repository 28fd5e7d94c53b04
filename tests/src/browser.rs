//! A browser-like client for the page-flow tests: a cookie jar, navigation headers, and
//! redirects followed by hand so every hop can be asserted.

use std::time::{Duration, Instant};

/// One response on the way.
#[derive(Debug, Clone)]
pub struct Hop {
    /// The URL requested.
    pub url: String,
    /// The status answered.
    pub status: u16,
    /// The `Set-Cookie` directives answered.
    pub set_cookie: Vec<String>,
}

/// Where a navigation ended.
#[derive(Debug)]
pub struct Visit {
    /// Every response, in order (redirects included).
    pub hops: Vec<Hop>,
    /// The last URL requested.
    pub url: String,
    /// Its status.
    pub status: u16,
    /// Its body.
    pub body: String,
}

impl Visit {
    /// How many hops went to a URL containing `part`.
    pub fn hops_to(&self, part: &str) -> usize {
        self.hops.iter().filter(|h| h.url.contains(part)).count()
    }
}

#[derive(Debug, Clone)]
struct Cookie {
    name: String,
    value: String,
    expires: Option<Instant>,
}

/// Cookies for every loopback server at once (cookies do not tell ports apart), sent with
/// each request; `Set-Cookie` with `Max-Age` is honoured.
#[derive(Debug)]
pub struct Browser {
    http: reqwest::Client,
    jar: Vec<Cookie>,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
}

impl Default for Browser {
    fn default() -> Self {
        Self::new()
    }
}

impl Browser {
    /// An empty jar.
    pub fn new() -> Self {
        Self {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            jar: Vec::new(),
            max_redirects: 12,
        }
    }

    /// Sets a cookie, as a page's script or an earlier visit would have.
    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.jar.retain(|c| c.name != name);
        self.jar.push(Cookie {
            name: name.to_owned(),
            value: value.to_owned(),
            expires: None,
        });
    }

    /// The cookie's current value.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let now = Instant::now();
        self.jar
            .iter()
            .find(|c| c.name == name && c.expires.is_none_or(|e| e > now))
            .map(|c| c.value.clone())
    }

    fn cookie_header(&self) -> String {
        let now = Instant::now();
        self.jar
            .iter()
            .filter(|c| c.expires.is_none_or(|e| e > now))
            .map(|c| format!("{}={}", c.name, c.value))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn apply(&mut self, directive: &str) {
        let mut parts = directive.split(';');
        let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
            return;
        };
        let (name, value) = (name.trim(), value.trim());
        let max_age = parts
            .filter_map(|a| a.trim().split_once('='))
            .find(|(k, _)| k.eq_ignore_ascii_case("max-age"))
            .and_then(|(_, v)| v.trim().parse::<i64>().ok());
        self.jar.retain(|c| c.name != name);
        if max_age.is_some_and(|age| age <= 0) || value.is_empty() {
            return;
        }
        self.jar.push(Cookie {
            name: name.to_owned(),
            value: value.to_owned(),
            expires: max_age.map(|age| Instant::now() + Duration::from_secs(age.unsigned_abs())),
        });
    }

    /// Navigates to `url` as a browser does (a document GET accepting HTML), following
    /// redirects.
    pub async fn navigate(&mut self, url: &str) -> Visit {
        self.visit(
            url,
            &[
                ("accept", "text/html,application/xhtml+xml"),
                ("sec-fetch-dest", "document"),
            ],
        )
        .await
    }

    /// GETs `url` with these headers, following redirects.
    pub async fn visit(&mut self, url: &str, headers: &[(&str, &str)]) -> Visit {
        let mut hops = Vec::new();
        let mut url = url.to_owned();
        for _ in 0..=self.max_redirects {
            let mut request = self.http.get(&url).header("cookie", self.cookie_header());
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            let response = request.send().await.expect("the request is answered");
            let status = response.status().as_u16();
            let set_cookie: Vec<String> = response
                .headers()
                .get_all("set-cookie")
                .iter()
                .filter_map(|v| v.to_str().ok().map(str::to_owned))
                .collect();
            for directive in &set_cookie {
                self.apply(directive);
            }
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            hops.push(Hop {
                url: url.clone(),
                status,
                set_cookie,
            });
            match location {
                Some(next) if (300..400).contains(&status) => {
                    url = reqwest::Url::parse(&url)
                        .and_then(|base| base.join(&next))
                        .expect("a valid Location")
                        .to_string();
                }
                _ => {
                    let body = response.text().await.unwrap_or_default();
                    return Visit {
                        hops,
                        url,
                        status,
                        body,
                    };
                }
            }
        }
        panic!("more than {} redirects: {hops:#?}", self.max_redirects);
    }
}

/// `url` with one character of the signature at its end changed (ten from the end: the
/// last character of a base64url signature may only hold padding bits), so the token still
/// decodes but its signature no longer verifies.
pub fn tamper(url: &str) -> String {
    let mut chars: Vec<char> = url.chars().collect();
    let at = chars.len().saturating_sub(10);
    chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

/// A new user made of `params`, signed in on a browser of the stand-in's Frontend API.
pub async fn signed_in_user(
    standin: &clerk_backend::testing::StandIn,
    params: clerk_backend::models::CreateUserParams,
) -> clerk_backend::testing::BrowserSignIn {
    let user = standin
        .clerk()
        .users()
        .create(params)
        .await
        .expect("create the user");
    standin
        .sign_in_browser(&user.id)
        .expect("sign the user in on a browser")
}
