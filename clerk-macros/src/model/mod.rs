//! `#[derive(Deserialize)]` and `#[derive(Serialize)]` for the crate's models and parameter
//! types: the subset of serde's derives those types use, written with less code per struct.
//!
//! serde's `Deserialize` derive writes, per struct, a field enum with its own visitor (string,
//! bytes and index keys), a `visit_seq` and a `visit_map`, each a body the compiler
//! type-checks and borrow-checks. Clerk sends JSON objects only, so a model needs the map
//! half: this derive emits that, a `match` from field name to index, and the assembly of the
//! struct, and leaves the generic work (duplicate and missing fields, unknown keys) to
//! `clerk_backend`'s `__private::model_de` helpers, compiled once. The `Serialize` derive
//! writes one `serialize_field` per field, without serde's `skip_field` calls and exact length
//! count: JSON and form serializers ignore the former and only tell zero from the rest in the
//! latter.

mod ast;
mod attr;
mod de;
mod ser;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;

/// Which of the two derives is expanding (for its error messages).
#[derive(Clone, Copy)]
pub(crate) enum Derive {
    Deserialize,
    Serialize,
}

impl Derive {
    fn name(self) -> &'static str {
        match self {
            Derive::Deserialize => "Deserialize",
            Derive::Serialize => "Serialize",
        }
    }
}

/// Parses, validates (collecting every error) and expands one derive input.
pub(crate) fn derive(kind: Derive, input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut ctxt = Ctxt::default();
    let model = ast::Model::from_input(&mut ctxt, kind, &input);
    match model {
        Some(model) if !ctxt.has_errors() => match kind {
            Derive::Deserialize => de::expand(&model),
            Derive::Serialize => ser::expand(&model),
        },
        _ => Ctxt::to_compile_errors(&ctxt.into_errors()),
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{derive, Derive};
    use crate::snapshot::assert_snapshot;

    #[test]
    fn deserialize_expansion() {
        let input = quote! {
            #[serde(deny_unknown_fields)]
            struct Model {
                id: String,
                note: Option<String>,
                #[serde(default)]
                tags: Vec<String>,
                #[serde(rename = "type", default = "kind")]
                kind: String,
                #[serde(default, deserialize_with = "empty_object_as_none")]
                nested: Option<Inner>,
                #[serde(skip_serializing_if = "Option::is_none")]
                limit: Option<i64>,
            }
        };
        assert_snapshot("model", derive(Derive::Deserialize, input));
    }

    #[test]
    fn serialize_expansion() {
        let input = quote! {
            #[serde(deny_unknown_fields)]
            struct Params {
                name: String,
                #[serde(skip_serializing_if = "Option::is_none")]
                limit: Option<i64>,
                #[serde(rename = "type", default)]
                kind: String,
                #[serde(skip_serializing_if = "Vec::is_empty")]
                tags: Vec<String>,
            }
        };
        assert_snapshot("params", derive(Derive::Serialize, input));
    }
}
