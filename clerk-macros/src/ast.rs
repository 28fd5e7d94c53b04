//! The parsed form of an `endpoints!` invocation, before any validation.

use proc_macro2::Ident;
use syn::{Attribute, LitStr, Token, Type};

/// One resource table: `/// docs  Users { ... }`.
pub(crate) struct Table {
    pub attrs: Vec<Attribute>,
    pub name: Ident,
    pub endpoints: Vec<Endpoint>,
}

/// One declaration line, e.g. `get = GET "/users/{user_id}" -> User;`.
pub(crate) struct Endpoint {
    pub attrs: Vec<Attribute>,
    pub name: Ident,
    /// Explicit path arguments, `get(user_id) = ...`; `None` when derived from the path.
    pub args: Option<Vec<Arg>>,
    pub method: Ident,
    pub path: LitStr,
    /// `query(T)`, `json(T)`, `multipart(T)`, ... in the order written.
    pub inputs: Vec<Input>,
    /// `None` when the declaration has no `-> ...` part.
    pub response: Option<Response>,
}

/// An explicit path argument: `user_id`, or `organization_id: OrganizationKey<'_>` for a
/// typed one (the method then takes `impl Into<Type>`).
pub(crate) struct Arg {
    pub name: Ident,
    pub ty: Option<Type>,
}

/// `kind(Type)`.
pub(crate) struct Input {
    pub kind: Ident,
    pub ty: Type,
}

pub(crate) enum Response {
    /// `-> T`: the body is decoded as JSON.
    Json(Type),
    /// `-> ()`: the body is ignored.
    Empty(Type),
    /// `-> text`: the body is returned as a `String`.
    Text(Ident),
}

/// A `{name}` segment of a path template, in order of appearance.
pub(crate) struct PathParam {
    /// The name as the path writes it, e.g. `apiKeyID`.
    pub name: String,
    /// The Rust argument name, e.g. `api_key_id`.
    pub arg: String,
}

/// The literal and parameter pieces of a valid path template:
/// `/users/{user_id}/ban` -> literals `["/users/", "/ban"]`, params `[user_id]`.
pub(crate) struct PathTemplate {
    pub literals: Vec<String>,
    pub params: Vec<PathParam>,
}

pub(crate) type Arrow = Token![->];
