//! The typed form of a derive input: a struct with named fields and what each field's
//! `#[serde(...)]` attributes mean for reading and writing it.

use syn::{Data, DeriveInput, ExprPath, Fields, Ident, Type};

use super::attr::{self, ContainerAttrs, FieldAttrs};
use super::Derive;
use crate::ctxt::Ctxt;

/// A struct whose `Deserialize` or `Serialize` impl is derived.
pub(crate) struct Model<'a> {
    pub ident: &'a Ident,
    pub container: ContainerAttrs,
    pub fields: Vec<Field<'a>>,
}

/// One named field.
pub(crate) struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    /// The key in JSON: the field's name, or its `rename`.
    pub name: String,
    pub attrs: FieldAttrs,
}

/// What a field takes when its key is absent.
pub(crate) enum Missing<'a> {
    /// `Default::default()` (`#[serde(default)]`).
    Default,
    /// A function's value (`#[serde(default = "path")]`).
    Call(&'a ExprPath),
    /// The field of the struct's own default (`#[serde(default)]` on the struct).
    FromContainer,
    /// `None`: serde reads an absent `Option<T>` field as `None` when it has no
    /// `deserialize_with`.
    None,
    /// A `missing field` error.
    Error,
}

impl<'a> Model<'a> {
    /// Checks that the input is a struct serde would accept and this derive supports; every
    /// problem found is recorded in `ctxt`.
    pub(crate) fn from_input(
        ctxt: &mut Ctxt,
        kind: Derive,
        input: &'a DeriveInput,
    ) -> Option<Self> {
        let derive = kind.name();
        let container = attr::container(ctxt, kind, &input.attrs);
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            ctxt.error_spanned_by(
                &input.generics,
                format!(
                    "clerk_macros::{derive} supports structs without generics; derive \
                     serde::{derive} for this type"
                ),
            );
        }
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => named,
                _ => {
                    ctxt.error_spanned_by(
                        &input.ident,
                        format!("clerk_macros::{derive} supports structs with named fields only"),
                    );
                    return None;
                }
            },
            _ => {
                ctxt.error_spanned_by(
                    &input.ident,
                    format!(
                        "clerk_macros::{derive} supports structs only; derive serde::{derive} for \
                         enums"
                    ),
                );
                return None;
            }
        };
        let mut fields: Vec<Field<'a>> = Vec::with_capacity(named.named.len());
        for field in &named.named {
            let member = field.ident.as_ref()?;
            let attrs = attr::field(ctxt, kind, &field.attrs);
            let name = attrs
                .rename
                .as_ref()
                .map_or_else(|| unraw(member), syn::LitStr::value);
            if let Some(first) = fields.iter().find(|f| f.name == name) {
                ctxt.error_spanned_by(
                    member,
                    format!("the key `{name}` is already read into `{}`", first.member),
                );
            }
            fields.push(Field {
                member,
                ty: &field.ty,
                name,
                attrs,
            });
        }
        Some(Model {
            ident: &input.ident,
            container,
            fields,
        })
    }
}

impl Field<'_> {
    /// The rule for an absent key, in serde's order of precedence.
    pub(crate) fn missing(&self, container_default: bool) -> Missing<'_> {
        match &self.attrs.default {
            Some(attr::Default::Trait) => Missing::Default,
            Some(attr::Default::Path(path)) => Missing::Call(path),
            None if container_default => Missing::FromContainer,
            None if self.attrs.deserialize_with.is_none() && is_option(self.ty) => Missing::None,
            None => Missing::Error,
        }
    }
}

/// `r#type` is read from the key `type`, as serde does.
fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(bare) => bare.to_owned(),
        None => name,
    }
}

/// Whether the type is spelled `Option<..>`. serde's derive decides at run time instead (an
/// absent field is `None` if the type's deserializer accepts a missing value); the two agree
/// for every type whose `Deserialize` calls `deserialize_option` only as `Option` does.
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().is_some_and(|s| {
            s.ident == "Option" && matches!(s.arguments, syn::PathArguments::AngleBracketed(_))
        }),
        _ => false,
    }
}
