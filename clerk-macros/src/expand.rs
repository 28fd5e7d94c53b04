//! Code generation. Per declaration only what is specific is emitted (signature, path pieces,
//! input and decoder choice); transport, retries and decoding live in `clerk`'s runtime.

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};
use syn::Attribute;

use crate::ast::{Response, Table};
use crate::ctxt::Ctxt;
use crate::parse;
use crate::validate::{self, BodyKind, Checked, Outcome};

/// Entry point: tokens in, tokens out, errors appended as `compile_error!`s.
pub(crate) fn endpoints(input: TokenStream) -> TokenStream {
    let (tokens, errors) = expand(input);
    let errors = Ctxt::to_compile_errors(&errors);
    quote! { #tokens #errors }
}

/// Expands every table; returns the code for what is valid plus all errors found.
pub(crate) fn expand(input: TokenStream) -> (TokenStream, Vec<syn::Error>) {
    let mut cx = Ctxt::default();
    let tables = parse::tables(input, &mut cx);
    let mut out = TokenStream::new();
    for t in &tables {
        let outcomes = validate::table(t, &mut cx);
        out.extend(table(t, &outcomes));
    }
    (out, cx.into_errors())
}

fn table(t: &Table, outcomes: &[Outcome<'_>]) -> TokenStream {
    let name = &t.name;
    let docs = doc_attrs(&t.attrs);
    let accessor = Ident::new(&snake_case(&name.to_string()), name.span());
    let accessor_doc = format!(
        "Operations on {}: see [`{}`].",
        words(&name.to_string()),
        name
    );
    let mut catalog = Vec::new();
    let mut methods = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Ok(c) => {
                methods.push(method(c, catalog.len()));
                catalog.push(catalog_entry(name, c));
            }
            Outcome::Broken(b) => methods.push(stub(&b.ep.name)),
        }
    }
    quote! {
        #(#docs)*
        #[derive(Clone, Copy, Debug)]
        pub struct #name<'c> {
            client: &'c ::clerk::Clerk,
        }

        impl ::clerk::Clerk {
            #[doc = #accessor_doc]
            pub fn #accessor(&self) -> #name<'_> {
                #name { client: self }
            }
        }

        impl<'c> #name<'c> {
            /// Every operation this table declares (method, path template, name), in order.
            pub const ENDPOINTS: &'static [::clerk::catalog::Endpoint] = &[#(#catalog),*];

            #(#methods)*
        }
    }
}

fn catalog_entry(resource: &Ident, c: &Checked<'_>) -> TokenStream {
    let resource = resource.to_string();
    let name = c.ep.name.to_string();
    let method = c.method;
    let path = c.ep.path.value();
    let deprecated = c.deprecated;
    quote! {
        ::clerk::catalog::Endpoint {
            resource: #resource,
            name: #name,
            method: #method,
            path: #path,
            deprecated: #deprecated,
        }
    }
}

fn method(c: &Checked<'_>, index: usize) -> TokenStream {
    let name = &c.ep.name;
    let docs = doc_attrs(&c.ep.attrs);
    let deprecated =
        c.ep.attrs
            .iter()
            .filter(|a| a.path().is_ident("deprecated"));
    let sends = format!("Sends `{} {}`.", c.method, c.ep.path.value());
    let separator = if docs.is_empty() {
        quote!()
    } else {
        quote!(#[doc = ""])
    };

    let arg_idents: Vec<&Ident> = c.args.iter().map(|(a, _)| a).collect();
    // Values in path order, whatever the signature order.
    let mut in_path: Vec<(&str, &Ident)> = c
        .args
        .iter()
        .map(|(a, i)| (c.template.params[*i].name.as_str(), a))
        .collect();
    in_path.sort_by_key(|(n, _)| c.template.params.iter().position(|p| p.name == *n));
    let param_names = in_path.iter().map(|(n, _)| *n);
    let param_values = in_path.iter().map(|(_, a)| *a);
    let literals = &c.template.literals;

    let mut extra_args = Vec::new();
    let mut calls = Vec::new();
    if let Some(q) = c.query {
        extra_args.push(quote!(query: #q));
        calls.push(quote!(.query(&query)));
    }
    if let Some((kind, ty)) = &c.body {
        extra_args.push(quote!(body: #ty));
        calls.push(match kind {
            BodyKind::Json => quote!(.json(&body)),
            BodyKind::Form => quote!(.form(&body)),
            BodyKind::Multipart => quote!(.multipart(::core::convert::Into::into(body))),
        });
    }
    let (output, decoder) = match c.response {
        Response::Json(ty) => (quote!(#ty), quote!(::clerk::__private::decode_json::<#ty>)),
        Response::Empty(ty) => (quote!(#ty), quote!(::clerk::__private::decode_empty)),
        Response::Text(ident) => {
            let string = quote_spanned!(ident.span()=> ::std::string::String);
            (string, quote!(::clerk::__private::decode_text))
        }
    };
    quote! {
        #(#docs)*
        #separator
        #[doc = #sends]
        #(#deprecated)*
        pub fn #name(&self, #(#arg_idents: &str,)* #(#extra_args),*) -> ::clerk::__private::Request<'c, #output> {
            ::clerk::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[#index],
                ::clerk::__private::path(&[#(#literals),*], &[#((#param_names, #param_values)),*]),
                #decoder,
            )
            #(#calls)*
        }
    }
}

/// Stands in for a declaration with errors, so uses of it do not pile up more errors.
fn stub(name: &Ident) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(unused_variables)]
        pub fn #name(&self) -> ::clerk::__private::Request<'c, ::clerk::__private::Unknown> {
            ::core::unimplemented!()
        }
    }
}

fn doc_attrs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("doc")).collect()
}

/// `OrganizationMemberships` -> `organization_memberships`.
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// `OrganizationMemberships` -> `organization memberships`, for generated docs.
fn words(name: &str) -> String {
    snake_case(name).replace('_', " ")
}
