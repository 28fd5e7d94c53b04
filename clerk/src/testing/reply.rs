//! Replies in the Backend API's shapes: errors as `{"errors": [...]}`, lists, and the
//! extractors that turn bad bodies and queries into Clerk's 422s.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// One entry of an error reply's `errors` array.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub code: &'static str,
    pub message: String,
    pub long_message: String,
    /// `meta.param_name`: the body or query field at fault.
    pub param: Option<String>,
}

/// An error reply: a status and Clerk's `errors` array.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub problems: Vec<Problem>,
}

pub(crate) type Reply<T = Response> = Result<T, ApiError>;

impl ApiError {
    /// One problem with this status.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        long_message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            problems: vec![Problem {
                code,
                message: message.into(),
                long_message: long_message.into(),
                param: None,
            }],
        }
    }

    /// Names the field at fault (`meta.param_name`) on every problem.
    #[must_use]
    pub fn param(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        for p in &mut self.problems {
            p.param = Some(name.clone());
        }
        self
    }

    /// Several field problems in one 422, as Clerk reports form errors.
    pub fn fields(problems: Vec<Problem>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            problems,
        }
    }

    /// 404 `resource_not_found`.
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "resource_not_found",
            "not found",
            "The requested resource was not found.",
        )
    }

    /// 422 `form_identifier_exists`: an email, phone, username or external id is taken.
    pub fn identifier_exists(param: &str, what: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_identifier_exists",
            format!("That {what} is taken. Please try another."),
            format!("That {what} is taken. Please try another."),
        )
        .param(param)
    }

    /// 422 `form_param_missing`.
    pub fn missing(param: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_missing",
            format!("{param} must be included."),
            format!("{param} must be included."),
        )
        .param(param)
    }

    /// 422 `form_param_format_invalid`.
    pub fn invalid(param: &str, why: impl Into<String>) -> Self {
        let why = why.into();
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_format_invalid",
            format!("{param} is invalid."),
            why,
        )
        .param(param)
    }

    /// 400 with a code and message, for requests that are well-formed but not allowed.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::new(StatusCode::BAD_REQUEST, code, message.clone(), message)
    }

    /// 501 naming the operation the stand-in does not implement.
    pub fn not_implemented(operation: &str) -> Self {
        Self::new(
            StatusCode::NOT_IMPLEMENTED,
            "not_implemented",
            format!("{operation} is not implemented by the clerk_backend::testing stand-in"),
            format!(
                "The stand-in serves the families apps and their tests use (the crate's \
                 README lists them); {operation} is not one of them. Use the real Backend API or Prism for it."
            ),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let errors: Vec<Value> = self
            .problems
            .iter()
            .map(|p| {
                let mut e = json!({
                    "code": p.code,
                    "message": p.message,
                    "long_message": p.long_message,
                });
                if let Some(param) = &p.param {
                    e["meta"] = json!({ "param_name": param });
                }
                e
            })
            .collect();
        let trace = super::ids::new_id("trace");
        (
            self.status,
            Json(json!({ "errors": errors, "clerk_trace_id": trace })),
        )
            .into_response()
    }
}

/// 200 with `value` as JSON.
pub(crate) fn ok<T: Serialize>(value: T) -> Reply {
    Ok(Json(value).into_response())
}

/// 200 with the `{data, total_count}` envelope.
pub(crate) fn list<T: Serialize>(data: Vec<T>, total_count: usize) -> Reply {
    ok(json!({ "data": data, "total_count": total_count }))
}

/// `{"object": <object>, "id": <id>, "deleted": true}`.
pub(crate) fn deleted(object: &str, id: &str) -> Reply {
    ok(json!({ "object": object, "id": id, "deleted": true }))
}

/// The page `limit`/`offset` select, with the API's defaults (10, 0) and bounds (1..=500).
pub(crate) fn page<T: Clone>(
    items: &[T],
    limit: Option<i64>,
    offset: Option<i64>,
) -> Result<Vec<T>, ApiError> {
    let limit = limit.unwrap_or(10);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::invalid(
            "limit",
            "limit must be between 1 and 500.",
        ));
    }
    let offset = offset.unwrap_or(0);
    if offset < 0 {
        return Err(ApiError::invalid("offset", "offset must be 0 or more."));
    }
    let start = usize::try_from(offset).unwrap_or(usize::MAX);
    let count = usize::try_from(limit).unwrap_or(500);
    Ok(items.iter().skip(start).take(count).cloned().collect())
}

/// The query parameters of a list route whose spec documents `paginated`: in the stand-in,
/// `GET /invitations`, `GET /allowlist_identifiers` and `GET /sessions`.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Paging {
    /// `paginated=true` asks for the `{data, total_count}` envelope.
    pub paginated: Option<bool>,
    /// Page size, 1..=500, 10 when absent.
    pub limit: Option<i64>,
    /// Rows to skip, 0 when absent.
    pub offset: Option<i64>,
}

/// The one rule of those routes: the page `limit`/`offset` select out of every match, as a
/// bare array by default, or with `paginated=true` as `{data, total_count}` where
/// `total_count` counts every match, not just the page.
pub(crate) fn paged<T: Clone + Serialize>(items: &[T], paging: Paging) -> Reply {
    let data = page(items, paging.limit, paging.offset)?;
    if paging.paginated == Some(true) {
        list(data, items.len())
    } else {
        ok(data)
    }
}

/// A JSON body; a body that does not parse is a 422 naming the field, as Clerk answers.
/// An empty body reads as `{}`, so endpoints whose fields are all optional accept it.
#[derive(Debug)]
pub(crate) struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::bad_request("request_body_invalid", e.body_text()))?;
        let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &bytes
        };
        serde_json::from_slice(bytes)
            .map(Body)
            .map_err(|e| serde_problem(&e.to_string()))
    }
}

/// A query string; a bad one is a 422 naming the parameter.
#[derive(Debug)]
pub(crate) struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        serde_html_form::from_str(query)
            .map(Params)
            .map_err(|e| serde_problem(&e.to_string()))
    }
}

/// Turns serde's "missing field `x`" and "invalid type ... for field `x`" into Clerk's codes.
fn serde_problem(message: &str) -> ApiError {
    let field = message
        .split('`')
        .nth(1)
        .filter(|f| !f.is_empty())
        .unwrap_or("body");
    if message.starts_with("missing field") {
        ApiError::missing(field)
    } else {
        ApiError::invalid(field, message.to_owned())
    }
}
