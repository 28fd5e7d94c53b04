//! The one Frontend API route a server-side SDK sends browsers to: `GET /v1/client/handshake`.
//! A page load whose session cookie expired is redirected here; the stand-in finds the
//! browser by its dev browser token (`__clerk_db_jwt`), works out the cookies it should hold
//! (signed in with a fresh session token when its client has an active session, signed out
//! otherwise) and redirects back to the app with them: under a nonce the app collects
//! through `GET /clients/handshake_payload` (`format=nonce`), or inside a signed JWT
//! (`format=token`). Browsers call it without the secret key.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use reqwest::Url;
use serde::Deserialize;
use serde_json::json;

use super::cookies::{self, Jar, Refresh};
use super::reply::{ApiError, Params, Reply};
use super::store::{now_ms, Inner, Shared};

/// How long the JWT of a `format=token` handshake is valid, in seconds.
const HANDSHAKE_TOKEN_SECONDS: i64 = 60;

/// The Frontend API routes, at their full path (outside the Backend API's `/v1` nest).
pub(super) fn routes() -> Router<Shared> {
    Router::new().route("/v1/client/handshake", get(handshake))
}

/// The query of the handshake. @clerk/backend also sends `__clerk_api_version`,
/// `__clerk_hs_reason`, and sometimes `__session` and `organization_id`, which the stand-in
/// does not need.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct HandshakeQuery {
    redirect_url: Option<String>,
    suffixed_cookies: Option<String>,
    format: Option<String>,
    #[serde(rename = "__clerk_db_jwt")]
    dev_browser: Option<String>,
}

/// How the directives travel back to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Under a single-use nonce, `__clerk_handshake_nonce`.
    Nonce,
    /// In a signed JWT, `__clerk_handshake`.
    Token,
}

/// `GET /v1/client/handshake`: a 307 back to `redirect_url` carrying the browser's cookie
/// directives. A query the handshake cannot use is a 400.
async fn handshake(
    State(inner): State<Shared>,
    query: Result<Params<HandshakeQuery>, ApiError>,
) -> Reply {
    let Params(query) = query.map_err(bad_request)?;
    let mut target = redirect_target(query.redirect_url.as_deref())?;
    let format = match query.format.as_deref() {
        None | Some("token") => Format::Token,
        Some("nonce") => Format::Nonce,
        Some(other) => {
            return Err(param_invalid(
                "format",
                format!("{other} is not one of nonce, token."),
            ))
        }
    };
    let suffixed = query.suffixed_cookies.as_deref() == Some("true");
    let now = now_ms();
    let directives = browser_directives(&inner, query.dev_browser.as_deref(), suffixed, now)?;
    match format {
        Format::Nonce => {
            let nonce = inner.store().stash_handshake(directives);
            target
                .query_pairs_mut()
                .append_pair("__clerk_handshake_nonce", &nonce);
        }
        Format::Token => {
            let iat = now / 1000;
            let claims = json!({
                "handshake": directives,
                "iat": iat,
                "exp": iat.saturating_add(HANDSHAKE_TOKEN_SECONDS),
            });
            let jwt = inner
                .key
                .sign_with_header(&claims, &[("typ", "JWT")])
                .map_err(|e| {
                    ApiError::new(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal_clerk_error",
                        "the handshake could not be signed",
                        format!("The stand-in could not sign the handshake token: {e}"),
                    )
                })?;
            target
                .query_pairs_mut()
                .append_pair("__clerk_handshake", &jwt);
        }
    }
    Ok(redirect(&target))
}

/// The cookies the browser with dev browser `token` should hold at `now`: signed in (a
/// fresh session token, `__client_uat` now, a new refresh token) when its client has an
/// active session, signed out otherwise; with the dev browser cookie always, a new dev
/// browser for a missing or unknown token.
fn browser_directives(
    inner: &Inner,
    token: Option<&str>,
    suffixed: bool,
    now: i64,
) -> Result<Vec<String>, ApiError> {
    let suffix = cookies::suffix(&inner.origin);
    let mut store = inner.store();
    let (dev_browser, client) = store.open_dev_browser(token);
    let active = client.and_then(|c| store.active_session_of_client(&c, now));
    let Some(session_id) = active else {
        let jar = Jar {
            session: None,
            suffixed,
            refresh: Refresh::Clear,
            dev_browser: Some(&dev_browser),
        };
        return Ok(cookies::directives(&jar, &suffix));
    };
    let (session, jwt) = store.session_token(inner, &session_id, now, now)?;
    let uat = store.stamp_client_uat(&session.client_id, now / 1000);
    let refresh_token = store.issue_refresh_token(&session.id);
    let jar = Jar {
        session: Some((&jwt, uat)),
        suffixed,
        refresh: Refresh::Set(&refresh_token),
        dev_browser: Some(&dev_browser),
    };
    Ok(cookies::directives(&jar, &suffix))
}

/// The absolute http(s) URL `redirect_url` names, or the 400 for a missing or unusable one.
fn redirect_target(redirect_url: Option<&str>) -> Result<Url, ApiError> {
    let text = redirect_url
        .filter(|u| !u.is_empty())
        .ok_or_else(|| bad_request(ApiError::missing("redirect_url")))?;
    let url = Url::parse(text).map_err(|e| {
        param_invalid(
            "redirect_url",
            format!("redirect_url must be an absolute URL: {e}."),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || !url.has_host() {
        return Err(param_invalid(
            "redirect_url",
            "redirect_url must be an http or https URL with a host.",
        ));
    }
    Ok(url)
}

/// 307 to `target`, never cached: each handshake answers afresh.
fn redirect(target: &Url) -> Response {
    (
        StatusCode::TEMPORARY_REDIRECT,
        [
            (header::LOCATION, target.as_str().to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response()
}

/// 400 `form_param_invalid` naming `param`.
fn param_invalid(param: &str, why: impl Into<String>) -> ApiError {
    let why = why.into();
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "form_param_invalid",
        why.clone(),
        why,
    )
    .param(param)
}

/// The same problems as a 400: the Frontend API answers a bad handshake query so.
fn bad_request(mut err: ApiError) -> ApiError {
    err.status = StatusCode::BAD_REQUEST;
    err
}

#[cfg(test)]
mod tests {
    use super::redirect_target;

    #[test]
    fn only_absolute_http_urls_are_redirect_targets() {
        let code = |u: Option<&str>| {
            redirect_target(u)
                .err()
                .map(|e| (e.status.as_u16(), e.problems[0].code))
        };
        assert_eq!(code(Some("http://127.0.0.1:3000/app?x=1")), None);
        assert_eq!(code(Some("https://app.example.com")), None);
        assert_eq!(code(None), Some((400, "form_param_missing")));
        assert_eq!(code(Some("")), Some((400, "form_param_missing")));
        assert_eq!(code(Some("/app")), Some((400, "form_param_invalid")));
        assert_eq!(
            code(Some("javascript:alert(1)")),
            Some((400, "form_param_invalid"))
        );
    }
}
