//! The machine-readable list of every declared operation, read by the `endpoints` tool.

/// One declared operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    /// The resource handle, e.g. `Users`.
    pub resource: &'static str,
    /// The method name on the handle, e.g. `get`.
    pub name: &'static str,
    /// The HTTP method, upper-case.
    pub method: &'static str,
    /// The path template, e.g. `/users/{user_id}`.
    pub path: &'static str,
    /// Whether the declaration is `#[deprecated]`.
    pub deprecated: bool,
    /// Whether the request carries the secret key; `false` for the few public operations
    /// (declared `#[unauthenticated]`).
    pub authenticated: bool,
    /// Whether the success answer carries a secret (an API key's secret, a token, a client
    /// secret; declared `#[secret]`): such a body is never kept in a
    /// [`DecodeError`](crate::DecodeError).
    pub returns_secret: bool,
    /// The declared response type as written in the table, e.g. `Page<ApiKey>`, `()` or
    /// `text`.
    pub response: &'static str,
}

impl Endpoint {
    /// `GET /users/{user_id}`: how the operation is named in logs and errors.
    pub fn route(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    pub(crate) fn http_method(&self) -> reqwest::Method {
        match self.method {
            "GET" => reqwest::Method::GET,
            "POST" => reqwest::Method::POST,
            "PUT" => reqwest::Method::PUT,
            "PATCH" => reqwest::Method::PATCH,
            "DELETE" => reqwest::Method::DELETE,
            // The macro only emits the five methods above.
            other => reqwest::Method::from_bytes(other.as_bytes()).unwrap_or(reqwest::Method::GET),
        }
    }
}

/// Every operation declared by the crate's resource tables.
pub fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    crate::api::TABLES.iter().flat_map(|table| table.iter())
}
