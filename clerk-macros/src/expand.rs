//! Code generation. Per declaration only what is specific is emitted (signature, path pieces,
//! input and decoder choice); transport, retries and decoding live in `clerk`'s runtime.

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Attribute, GenericArgument, PathArguments, Type};

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
        let standalone = validate::table_attributes(t, &mut cx);
        let outcomes = validate::table(t, &mut cx);
        out.extend(table(t, standalone, &outcomes));
    }
    (out, cx.into_errors())
}

fn table(t: &Table, standalone: bool, outcomes: &[Outcome<'_>]) -> TokenStream {
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
    // A method finds its catalog entry by index. Entries under `#[cfg]` may be compiled out,
    // so the index counts the unconditional entries before it plus, for each conditional
    // one, whether its predicate holds (`cfg!` is a constant).
    let mut unconditional = 0usize;
    let mut conditional: Vec<TokenStream> = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Ok(c) => {
                let base = proc_macro2::Literal::usize_suffixed(unconditional);
                let index = quote!(#base #(+ (::core::cfg!(#conditional) as usize))*);
                let predicate = cfg_predicate(c);
                let gate = predicate.as_ref().map(|p| quote!(#[cfg(#p)]));
                methods.push(method(c, index, gate.clone()));
                let entry = catalog_entry(name, c);
                catalog.push(quote!(#gate #entry));
                match predicate {
                    Some(p) => conditional.push(p),
                    None => unconditional += 1,
                }
            }
            Outcome::Broken(b) => methods.push(stub(&b.ep.name)),
        }
    }
    // Outside the clerk crate an inherent impl on `Clerk` is not allowed.
    let accessor = (!standalone).then(|| {
        quote! {
            impl ::clerk_backend::Clerk {
                #[doc = #accessor_doc]
                pub fn #accessor(&self) -> #name<'_> {
                    #name { client: self }
                }
            }
        }
    });
    quote! {
        #(#docs)*
        #[derive(Clone, Copy, Debug)]
        pub struct #name<'c> {
            client: &'c ::clerk_backend::Clerk,
        }

        #accessor

        impl<'c> #name<'c> {
            /// The handle for `client`.
            pub fn new(client: &'c ::clerk_backend::Clerk) -> Self {
                Self { client }
            }

            /// Every operation this table declares (method, path template, name), in order.
            pub const ENDPOINTS: &'static [::clerk_backend::catalog::Endpoint] = &[#(#catalog),*];

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
    let authenticated = c.authenticated;
    let returns_secret = c.returns_secret;
    let response: String = match c.response {
        Response::Json(ty) | Response::Empty(ty) => quote!(#ty).to_string(),
        Response::Text(ident) => ident.to_string(),
    }
    .chars()
    .filter(|c| !c.is_whitespace())
    .collect();
    quote! {
        ::clerk_backend::catalog::Endpoint {
            resource: #resource,
            name: #name,
            method: #method,
            path: #path,
            deprecated: #deprecated,
            authenticated: #authenticated,
            returns_secret: #returns_secret,
            response: #response,
        }
    }
}

/// The line's `#[cfg]` predicates as one: `p` for one, `all(p, q)` for several.
fn cfg_predicate(c: &Checked<'_>) -> Option<TokenStream> {
    match c.cfgs.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        many => Some(quote!(all(#(#many),*))),
    }
}

fn method(c: &Checked<'_>, index: TokenStream, gate: Option<TokenStream>) -> TokenStream {
    let name = &c.ep.name;
    let docs = doc_attrs(&c.ep.attrs);
    let deprecated =
        c.ep.attrs
            .iter()
            .filter(|a| a.path().is_ident("deprecated"));
    let sends = format!(" Sends `{} {}`.", c.method, c.ep.path.value());
    let separator = if docs.is_empty() {
        quote!()
    } else {
        quote!(#[doc = ""])
    };

    // `&str` for plain arguments; `impl Into<T>` for typed ones, converted up front.
    let mut signature = Vec::new();
    let mut conversions = Vec::new();
    for (arg, ty, _) in &c.args {
        match ty {
            None => signature.push(quote!(#arg: &str)),
            Some(ty) => {
                signature.push(quote!(#arg: impl ::core::convert::Into<#ty>));
                conversions.push(quote!(let #arg: #ty = ::core::convert::Into::into(#arg);));
            }
        }
    }
    // Values in path order, whatever the signature order.
    let mut in_path: Vec<(&str, &Ident)> = c
        .args
        .iter()
        .map(|(a, _, i)| (c.template.params[*i].arg.as_str(), a))
        .collect();
    in_path.sort_by_key(|(n, _)| c.template.params.iter().position(|p| p.arg == *n));
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
        Response::Json(ty) => match page_item(ty) {
            Some(item) => (
                quote!(#ty),
                quote!(::clerk_backend::__private::decode_page::<#item>),
            ),
            None => (
                quote!(#ty),
                quote!(::clerk_backend::__private::decode_json::<#ty>),
            ),
        },
        Response::Empty(ty) => (
            quote!(#ty),
            quote!(::clerk_backend::__private::decode_empty),
        ),
        Response::Text(ident) => {
            let string = quote_spanned!(ident.span()=> ::std::string::String);
            (string, quote!(::clerk_backend::__private::decode_text))
        }
    };
    // Only a GET may be sent again page after page: other methods get the marker that
    // leaves out `stream`.
    let marker = (c.method != "GET").then(|| quote!(, ::clerk_backend::__private::Mutating));
    quote! {
        #(#docs)*
        #separator
        #[doc = #sends]
        #(#deprecated)*
        #gate
        // `#[inline]` makes the method, and the decoder and serializers it names, compiled in
        // the crate that calls it, only if it does: an app pays for the operations it uses,
        // not for all of them (see docs/compile-cost.md).
        #[inline]
        pub fn #name(&self, #(#signature,)* #(#extra_args),*) -> ::clerk_backend::__private::Request<'c, #output #marker> {
            #(#conversions)*
            ::clerk_backend::__private::Request::new(
                self.client,
                &Self::ENDPOINTS[#index],
                ::clerk_backend::__private::path(&[#(#literals),*], &[#((#param_names, &#param_values)),*]),
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
        pub fn #name(&self) -> ::clerk_backend::__private::Request<'c, ::clerk_backend::__private::Unknown> {
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

/// `T` when the response type is `Page<T>`: pages have their own decoder, which reads the
/// bare array or the envelope without a visitor per item type.
fn page_item(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Page" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(item) if args.args.len() == 1 => Some(item),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expands a table without errors and compares it with its snapshot.
    fn snapshot(name: &str, input: TokenStream) {
        let (tokens, errors) = expand(input);
        assert!(
            errors.is_empty(),
            "{:?}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
        crate::snapshot::assert_snapshot(name, tokens);
    }

    #[test]
    fn representative_declarations() {
        snapshot(
            "users",
            quote! {
                /// Users of the instance.
                Users {
                    /// List users.
                    list = GET "/users" query(UserListParams) -> Page<User>;
                    get = GET "/users/{user_id}" -> User;
                    #[secret]
                    token = POST "/users/{user_id}/token" -> Token;
                    #[deprecated(note = "gone")]
                    set_image = POST "/users/{user_id}/profile_image" multipart(ProfileImage) -> User;
                    page = GET "/public/interstitial" -> text;
                    leave(user_id, organization_id) = DELETE "/organizations/{organization_id}/memberships/{user_id}" -> ();
                    by_type = POST "/templates/{type}" json(Body) -> ();
                    find(organization_id: OrganizationKey) = GET "/organizations/{organization_id}" -> Organization;
                }
            },
        );
    }

    #[test]
    fn cfg_gated_declarations() {
        snapshot(
            "cfg_gated",
            quote! {
                /// Users of the instance.
                Users {
                    get = GET "/users/{user_id}" -> User;
                    /// Billing of a user.
                    #[cfg(feature = "billing")]
                    billing = GET "/users/{user_id}/billing/subscription" -> BillingSubscription;
                    #[cfg(feature = "organizations")]
                    #[cfg(feature = "billing")]
                    both = GET "/users/{user_id}/both" -> ();
                    delete = DELETE "/users/{user_id}" -> DeletedObject;
                }
            },
        );
    }

    #[test]
    fn cfg_without_predicate_is_an_error() {
        let (_, errors) = expand(quote! {
            A { #[cfg] x = GET "/a" -> (); }
        });
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 1, "{messages:#?}");
        assert!(messages[0].starts_with("`#[cfg]` takes one predicate"));
    }

    #[test]
    fn errors_accumulate_across_lines_and_tables() {
        let (_, errors) = expand(quote! {
            A { x = FETCH "/a" -> (); y = GET "b" -> (); }
            B { z = GET "/c/{id}" xml(T); }
        });
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert!(messages[0].starts_with("unknown HTTP method `FETCH`"));
        assert!(messages[1].contains("must start with `/`"));
        assert!(messages[2].starts_with("unknown input kind `xml`"));
        assert!(messages[3].starts_with("missing response type for `z`"));
    }

    #[test]
    fn templates_split_into_literals_and_params() {
        let t = validate::parse_template("/a/{b}/c/{d}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.literals, ["/a/", "/c/", ""]);
        assert_eq!(
            t.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["b", "d"]
        );
        for bad in [
            "", "a", "/a/", "/a//b", "/{1b}", "/{}", "/x{y}", "/a b", "/a%2F",
        ] {
            assert!(
                validate::parse_template(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn camel_case_path_parameters_become_snake_case_arguments() {
        assert_eq!(validate::param_snake("apiKeyID"), "api_key_id");
        assert_eq!(
            validate::param_snake("adminPortalLinkTokenID"),
            "admin_portal_link_token_id"
        );
        assert_eq!(validate::param_snake("statementID"), "statement_id");
        assert_eq!(validate::param_snake("user_id"), "user_id");
        let t = validate::parse_template("/api_keys/{apiKeyID}/secret")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (t.params[0].name.as_str(), t.params[0].arg.as_str()),
            ("apiKeyID", "api_key_id")
        );
        assert!(validate::parse_template("/a/{userId}/b/{user_id}").is_err());
    }

    #[test]
    fn accessor_names_are_snake_case() {
        assert_eq!(
            snake_case("OrganizationMemberships"),
            "organization_memberships"
        );
        assert_eq!(snake_case("Users"), "users");
        assert_eq!(words("SmsMessages"), "sms messages");
    }
}
