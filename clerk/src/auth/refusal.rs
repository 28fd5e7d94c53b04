//! The one answer every framework integration gives a request it turns away, as status,
//! headers and a JSON body the integration copies into its own response type.

use http::StatusCode;

use super::{Denied, SignedOut};

/// A response refusing a request: 401 for a signed-out caller (with
/// `WWW-Authenticate: Bearer`), 403 for a signed-in caller who does not meet a requirement,
/// 500 when authentication itself failed on this side. The body is JSON with an `error` and
/// a `reason` code (and for 403 the `requirement` the route declared), never a token or an
/// error message; `x-clerk-auth-status` and `x-clerk-auth-reason` repeat the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// The status to answer with.
    pub status: StatusCode,
    /// Headers to set, name and value.
    pub headers: Vec<(&'static str, &'static str)>,
    /// The JSON body (`content-type: application/json`).
    pub body: String,
    /// The reason code the body names (`token-missing`, `permission-missing`, `internal`,
    /// `invalid_webhook`...), for answers that are not JSON (gRPC statuses).
    pub reason: &'static str,
    /// For an unmet requirement, the requirement the route declared (as the body's
    /// `requirement` says it).
    pub requirement: Option<String>,
}

impl Refusal {
    /// The answer for a signed-out request: 401, or 500 for an
    /// [internal](super::SignedOutReason::is_internal) reason.
    pub fn signed_out(out: &SignedOut) -> Self {
        let code = out.reason.code();
        let mut refusal = if out.reason.is_internal() {
            Self::internal()
        } else {
            Self {
                status: StatusCode::UNAUTHORIZED,
                headers: vec![("www-authenticate", "Bearer")],
                body: serde_json::json!({ "error": "unauthenticated", "reason": code }).to_string(),
                reason: code,
                requirement: None,
            }
        };
        refusal.headers.push(("x-clerk-auth-status", "signed-out"));
        refusal.headers.push(("x-clerk-auth-reason", code));
        refusal
    }

    /// 500 `{"error": "server_error", "reason": "internal"}`: authentication could not be
    /// done (the keys could not be loaded, no layer ran before an extractor).
    pub fn internal() -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            headers: Vec::new(),
            body: serde_json::json!({ "error": "server_error", "reason": "internal" }).to_string(),
            reason: "internal",
            requirement: None,
        }
    }

    /// 400 `{"error": "invalid_webhook", "message": "<why>"}`: a webhook delivery whose
    /// headers, timestamp or signature did not check out, or whose body could not be read.
    pub fn invalid_webhook(why: &impl std::fmt::Display) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            headers: Vec::new(),
            body: serde_json::json!({ "error": "invalid_webhook", "message": why.to_string() })
                .to_string(),
            reason: "invalid_webhook",
            requirement: None,
        }
    }

    /// The answer for `denied`.
    pub fn denied(denied: &Denied) -> Self {
        match denied {
            Denied::SignedOut(out) => Self::signed_out(out),
            Denied::Unmet(requirement) => {
                Self::forbidden(requirement.code(), Some(requirement.to_string()))
            }
            Denied::ClaimsMismatch => Self::forbidden("claims-mismatch", None),
        }
    }

    /// 403 naming `code` and, when there is one, the unmet `requirement`.
    fn forbidden(code: &'static str, requirement: Option<String>) -> Self {
        let mut body = serde_json::json!({ "error": "forbidden", "reason": code });
        if let Some(requirement) = &requirement {
            body["requirement"] = requirement.as_str().into();
        }
        Self {
            status: StatusCode::FORBIDDEN,
            headers: vec![
                ("x-clerk-auth-status", "signed-in"),
                ("x-clerk-auth-reason", code),
            ],
            body: body.to_string(),
            reason: code,
            requirement,
        }
    }

    /// The refusal as an `http` 1.x response with any body built from a `String` (axum's,
    /// hyper's `Full<Bytes>`, ...), for tower stacks and `http`-based frameworks.
    pub fn into_http<B: From<String>>(self) -> http::Response<B> {
        let mut response = http::Response::new(B::from(self.body));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        for (name, value) in self.headers {
            headers.insert(name, http::HeaderValue::from_static(value));
        }
        response
    }
}
