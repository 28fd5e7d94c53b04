//! The generated `Serialize` impl: a struct of the fields in declaration order, each written
//! unless its `skip_serializing_if` function says to leave it out.

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::Model;

pub(crate) fn expand(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let name = ident.to_string();
    let len = model.fields.len();
    let fields = model.fields.iter().map(|f| {
        let key = &f.name;
        let member = f.member;
        let write = quote! {
            ::serde::ser::SerializeStruct::serialize_field(&mut __state, #key, &self.#member)?;
        };
        match &f.attrs.skip_serializing_if {
            Some(skip) => quote!(if !#skip(&self.#member) { #write }),
            None => write,
        }
    });
    quote! {
        const _: () = {
            #[automatically_derived]
            impl ::serde::Serialize for #ident {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    // The length counts every field, skipped or not: JSON and form serializers
                    // only distinguish zero (an empty struct) from the rest.
                    let mut __state =
                        ::serde::Serializer::serialize_struct(__serializer, #name, #len)?;
                    #(#fields)*
                    ::serde::ser::SerializeStruct::end(__state)
                }
            }
        };
    }
}
