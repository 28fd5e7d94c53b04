//! `#[derive(Deserialize)]` for the crate's models: the subset of serde's derive the models
//! use, written as one `visit_map` per struct over a field index shared with the runtime.
//!
//! serde's own derive writes, per struct, a field enum with its own visitor (string, bytes and
//! index keys), a `visit_seq` and a `visit_map`, each a body the compiler type-checks and
//! borrow-checks. Clerk sends JSON objects only, so a model needs the map half: this derive
//! emits that, a `match` from field name to index, and the assembly of the struct, and leaves
//! the generic work (duplicate and missing fields, unknown keys) to `clerk_backend`'s
//! `__private::model_de` helpers, compiled once.

mod ast;
mod attr;
mod expand;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;

/// Parses, validates (collecting every error) and expands one derive input.
pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut ctxt = Ctxt::default();
    let model = ast::Model::from_input(&mut ctxt, &input);
    match model {
        Some(model) if !ctxt.has_errors() => expand::expand(&model),
        _ => Ctxt::to_compile_errors(&ctxt.into_errors()),
    }
}
