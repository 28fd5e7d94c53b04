//! The `#[serde(...)]` attributes both derives read. Each derive uses the ones that concern it
//! and ignores the others (the same attributes drive both directions); an attribute neither
//! implements is an error pointing at serde's own derive.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, ExprPath, LitStr, Token};

use super::Derive;
use crate::ctxt::Ctxt;

/// Attributes on the struct.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    /// `deny_unknown_fields`: an unknown key is an error instead of being skipped.
    pub deny_unknown_fields: bool,
    /// `default`: absent fields come from the struct's `Default` value.
    pub default: bool,
}

/// Attributes on a field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub rename: Option<LitStr>,
    pub default: Option<Default>,
    pub deserialize_with: Option<ExprPath>,
    /// Serialization leaves the field out when this function says so.
    pub skip_serializing_if: Option<ExprPath>,
}

/// A field's `default`.
pub(crate) enum Default {
    Trait,
    Path(ExprPath),
}

pub(crate) fn container(ctxt: &mut Ctxt, derive: Derive, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for_each_item(ctxt, attrs, |ctxt, meta| {
        if meta.path.is_ident("deny_unknown_fields") {
            flag(ctxt, &meta, &mut out.deny_unknown_fields)
        } else if meta.path.is_ident("default") && !meta.input.peek(Token![=]) {
            flag(ctxt, &meta, &mut out.default)
        } else {
            unsupported(ctxt, derive, meta)
        }
    });
    out
}

pub(crate) fn field(ctxt: &mut Ctxt, derive: Derive, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for_each_item(ctxt, attrs, |ctxt, meta| {
        if meta.path.is_ident("rename") && meta.input.peek(Token![=]) {
            let name: LitStr = meta.value()?.parse()?;
            once(ctxt, &meta, &mut out.rename, name);
        } else if meta.path.is_ident("default") {
            let default = if meta.input.peek(Token![=]) {
                Default::Path(path_in_string(&meta)?)
            } else {
                Default::Trait
            };
            once(ctxt, &meta, &mut out.default, default);
        } else if meta.path.is_ident("deserialize_with") {
            let path = path_in_string(&meta)?;
            once(ctxt, &meta, &mut out.deserialize_with, path);
        } else if meta.path.is_ident("skip_serializing_if") {
            let path = path_in_string(&meta)?;
            once(ctxt, &meta, &mut out.skip_serializing_if, path);
        } else {
            unsupported(ctxt, derive, meta)?;
        }
        Ok(())
    });
    out
}

/// Runs `item` on every `key` or `key = value` inside the `#[serde(...)]` attributes. A
/// malformed attribute is reported and the next one is still read.
fn for_each_item(
    ctxt: &mut Ctxt,
    attrs: &[Attribute],
    mut item: impl FnMut(&mut Ctxt, ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let mut errors = Ctxt::default();
        if let Err(error) = attr.parse_nested_meta(|meta| item(&mut errors, meta)) {
            errors.syn_error(error);
        }
        for error in errors.into_errors() {
            ctxt.syn_error(error);
        }
    }
}

fn flag(ctxt: &mut Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut bool) -> syn::Result<()> {
    if *slot {
        ctxt.syn_error(meta.error(duplicate(meta)));
    }
    *slot = true;
    Ok(())
}

fn once<T>(ctxt: &mut Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        ctxt.syn_error(meta.error(duplicate(meta)));
    }
    *slot = Some(value);
}

fn duplicate(meta: &ParseNestedMeta<'_>) -> String {
    format!("duplicate serde attribute `{}`", path_name(meta))
}

/// Reports an attribute this derive does not implement and skips over its value.
fn unsupported(ctxt: &mut Ctxt, derive: Derive, meta: ParseNestedMeta<'_>) -> syn::Result<()> {
    let name = derive.name();
    ctxt.syn_error(meta.error(format!(
        "`#[serde({})]` is not supported by clerk_macros::{name}; derive serde::{name} for \
         this type",
        path_name(&meta)
    )));
    skip_value(&meta)
}

fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_value(&inner))?;
    }
    Ok(())
}

/// `key = "some::path"`, as serde spells function paths.
fn path_in_string(meta: &ParseNestedMeta<'_>) -> syn::Result<ExprPath> {
    let expected = |span| {
        let message = format!(
            "`{}` takes the path of a function, in quotes, such as \"crate::module::name\"",
            path_name(meta)
        );
        syn::Error::new(span, message)
    };
    let text: LitStr = meta
        .value()?
        .parse()
        .map_err(|e: syn::Error| expected(e.span()))?;
    text.parse().map_err(|_| expected(text.span()))
}

fn path_name(meta: &ParseNestedMeta<'_>) -> String {
    let path = &meta.path;
    quote::quote!(#path).to_string().replace(' ', "")
}
