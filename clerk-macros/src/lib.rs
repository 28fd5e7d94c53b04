//! The endpoint DSL of the `clerk` crate.
//!
//! `endpoints!` turns a table of one-line declarations into a resource handle with one typed
//! method per line. The grammar, for one table:
//!
//! ```text
//! /// docs for the resource
//! Users {
//!     /// docs for the method
//!     #[deprecated(note = "...")]                      // optional, carried over
//!     get = GET "/users/{user_id}" -> User;
//!     #[unauthenticated]                               // a public operation: no secret key
//!     page = GET "/public/page" -> text;
//!     #[secret]                                        // the answer holds a secret: a body
//!     create_key = POST "/keys" -> CreatedKey;         // that fails to decode is not kept
//!     #[cfg(feature = "billing")]                      // compiled (method and catalog entry)
//!     billing = GET "/users/{user_id}/billing" -> Sub; // only when the predicate holds
//!     list = GET "/users" query(UserListParams) -> Page<User>;
//!     create = POST "/users" json(CreateUserParams) -> User;
//!     set_logo(organization_id) = PUT "/organizations/{organization_id}/logo" multipart(Logo) -> Organization;
//! }
//! ```
//!
//! Path parameters come from the `{name}` segments (or from an explicit argument list after
//! the method name, which then fixes their order). Bodies are `json(T)`, `form(T)` or
//! `multipart(T)`; the response is a JSON type, `()` for an ignored body, or `text`.

mod ast;
mod ctxt;
mod expand;
mod model;
mod parse;
#[cfg(test)]
mod snapshot;
mod validate;

/// Declares resource tables of Backend API endpoints. See the crate docs for the grammar.
#[proc_macro]
pub fn endpoints(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand::endpoints(input.into()).into()
}

/// Derives `serde::Deserialize` for a response model of `clerk_backend`: a struct with named
/// fields, read from a JSON object. It honours the `#[serde(...)]` attributes the models use
/// (`rename`, `default`, `default = "path"`, `deserialize_with` on fields; `default` and
/// `deny_unknown_fields` on the struct) as serde's derive does, and refuses the others.
///
/// Unlike serde's derive it writes no sequence visitor and no per-struct field enum, so it
/// is a fraction of the code to compile; the generated impl calls helpers in
/// `clerk_backend::__private`, so it is meant for that crate's own types.
#[proc_macro_derive(Deserialize, attributes(serde))]
pub fn derive_deserialize(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    model::derive(model::Derive::Deserialize, input.into()).into()
}

/// Derives `serde::Serialize` for a parameter type or model of `clerk_backend`: a struct with
/// named fields, written as a struct in declaration order. It honours `rename` and
/// `skip_serializing_if` as serde's derive does, ignores the attributes that only concern
/// reading, and refuses the others.
///
/// The output of JSON and form serializers is the same as with serde's derive; the length it
/// announces counts skipped fields too, which only serializers that need an exact count
/// (none the crate uses) would notice.
#[proc_macro_derive(Serialize, attributes(serde))]
pub fn derive_serialize(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    model::derive(model::Derive::Serialize, input.into()).into()
}
