//! The generated `Deserialize` impl: a map visitor with one slot per field, a name-to-index
//! `match`, and the struct assembled by each field's rule for an absent key.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ast::{Field, Missing, Model};

pub(crate) fn expand(model: &Model<'_>) -> TokenStream {
    let ident = model.ident;
    let de = quote!(::clerk_backend::__private::model_de);
    let expecting = format!("struct {ident}");
    let names: Vec<&str> = model.fields.iter().map(|f| f.name.as_str()).collect();
    let indices = 0..model.fields.len();
    let deny_unknown = if model.container.deny_unknown_fields {
        quote!(::core::option::Option::Some(&[#(#names),*]))
    } else {
        quote!(::core::option::Option::None)
    };
    let wrappers = model
        .fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| wrapper(i, f));
    let slots = model.fields.iter().enumerate().map(|(i, f)| {
        let slot = format_ident!("__f{i}");
        let ty = f.ty;
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let arms = model.fields.iter().enumerate().map(|(i, f)| {
        let slot = format_ident!("__f{i}");
        let name = &f.name;
        match f.attrs.deserialize_with {
            None => quote!(#i => #de::fill(&mut __map, &mut #slot, #name),),
            Some(_) => {
                let with = format_ident!("__With{i}");
                quote!(#i => #de::fill_with(&mut __map, &mut #slot, #name, |w: #with| w.0),)
            }
        }
    });
    let container_default = model.container.default;
    let take_default = container_default
        .then(|| quote!(let __default: #ident = ::core::default::Default::default();));
    // Required fields first, each with its own `?`, before any value moves into the struct:
    // an error then has only the slots to drop.
    let required = model.fields.iter().enumerate().filter_map(|(i, f)| {
        let slot = format_ident!("__f{i}");
        let name = &f.name;
        matches!(f.missing(container_default), Missing::Error)
            .then(|| quote!(let #slot = #de::required(#slot, #name)?;))
    });
    let inits = model.fields.iter().enumerate().map(|(i, f)| {
        let slot = format_ident!("__f{i}");
        let member = f.member;
        let value = match f.missing(container_default) {
            Missing::Default => quote!(#slot.unwrap_or_default()),
            Missing::Call(path) => quote!(#slot.unwrap_or_else(#path)),
            Missing::FromContainer => quote!(#slot.unwrap_or(__default.#member)),
            Missing::None => quote!(#slot.flatten()),
            Missing::Error => quote!(#slot),
        };
        quote!(#member: #value,)
    });
    quote! {
        const _: () = {
            #[automatically_derived]
            impl<'de> ::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: ::serde::Deserializer<'de>>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    __deserializer.deserialize_map(__Visitor)
                }
            }

            // Inline: compiled where a decoder uses it, like the operations (see expand.rs).
            #[inline]
            fn __index(__name: &str) -> usize {
                match __name {
                    #(#names => #indices,)*
                    _ => #de::UNKNOWN,
                }
            }

            #(#wrappers)*

            struct __Visitor;

            impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                type Value = #ident;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#expecting)
                }

                fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<#ident, __A::Error> {
                    #(#slots)*
                    let __key = #de::FieldKey { index: __index, deny_unknown: #deny_unknown };
                    // One `?` for reading a key and its value: each exit drops every slot.
                    loop {
                        match ::serde::de::MapAccess::next_key_seed(&mut __map, __key) {
                            ::core::result::Result::Ok(::core::option::Option::Some(__i)) => {
                                match __i {
                                    #(#arms)*
                                    _ => #de::skip(&mut __map),
                                }
                            }
                            ::core::result::Result::Ok(::core::option::Option::None) => break,
                            ::core::result::Result::Err(__e) => ::core::result::Result::Err(__e),
                        }?;
                    }
                    #(#required)*
                    #take_default
                    ::core::result::Result::Ok(#ident { #(#inits)* })
                }
            }
        };
    }
}

/// A newtype whose `Deserialize` is the field's `deserialize_with` function.
fn wrapper(i: usize, field: &Field<'_>) -> Option<TokenStream> {
    let path = field.attrs.deserialize_with.as_ref()?;
    let with = format_ident!("__With{i}");
    let ty = field.ty;
    Some(quote! {
        struct #with(#ty);

        impl<'de> ::serde::Deserialize<'de> for #with {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #path(__deserializer).map(#with)
            }
        }
    })
}
