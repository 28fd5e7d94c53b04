//! What the stand-in answers for operations it does not serve: `501` naming a declared
//! operation, `410` for the endpoints Clerk retired, `404` for any other path.

use axum::http::{Method, StatusCode};
use axum::routing::post;
use axum::Router;

use super::reply::ApiError;
use super::store::Shared;

/// The endpoints Clerk has retired but this crate still declares (deprecated) for old
/// code. Clerk answers them `410 Gone` with `operation_deprecated` (as reported in
/// clerk/clerk-sdk-ruby#43 for `/sessions/{id}/verify`), so the stand-in does too.
pub(super) fn retired_routes() -> Router<Shared> {
    Router::new()
        .route("/sessions/{session_id}/verify", post(retired))
        .route("/emails", post(retired))
        .route("/sms_messages", post(retired))
}

/// `410 operation_deprecated`, Clerk's answer for a retired endpoint.
async fn retired() -> ApiError {
    ApiError::new(
        StatusCode::GONE,
        "operation_deprecated",
        "endpoint is deprecated and pending removal",
        "This endpoint is retired from the Backend API. Verify session tokens locally, \
         and send emails and text messages through your own provider.",
    )
}

/// 501 naming the declared operation the path matches; 404 when no operation matches.
/// Under `/v1` the `Uri` axum hands a nested router lacks the prefix, so both match alike.
pub(crate) async fn not_implemented(method: Method, uri: http::Uri) -> ApiError {
    let path = uri.path();
    let operation = crate::catalog::endpoints()
        .find(|e| e.method == method.as_str() && template_matches(e.path, path));
    match operation {
        Some(e) => {
            ApiError::not_implemented(&format!("{}::{} ({})", e.resource, e.name, e.route()))
        }
        None => ApiError::not_found(),
    }
}

/// Whether `path` fits `template`, each `{param}` standing for one non-empty segment.
fn template_matches(template: &str, path: &str) -> bool {
    let mut t = template.trim_matches('/').split('/');
    let mut p = path.trim_matches('/').split('/');
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(t), Some(p)) if t.starts_with('{') => {
                if p.is_empty() {
                    return false;
                }
            }
            (Some(t), Some(p)) if t == p => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::template_matches;

    #[test]
    fn templates_match_one_segment_per_param() {
        assert!(template_matches("/users/{user_id}", "/users/user_1"));
        assert!(template_matches("/users/count", "/users/count"));
        assert!(!template_matches("/users/{user_id}", "/users/a/b"));
        assert!(!template_matches("/users/{user_id}", "/users/"));
        assert!(!template_matches("/users/{user_id}/mfa", "/users/user_1"));
    }
}
