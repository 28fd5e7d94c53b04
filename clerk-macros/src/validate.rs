//! Checks a parsed table and resolves it into what expansion needs. Every problem is pushed
//! into the `Ctxt`; a declaration with problems comes back as `None`.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Span, TokenStream};
use syn::{Attribute, Type};

use crate::ast::{Arg, Endpoint, PathParam, PathTemplate, Response, Table};
use crate::ctxt::Ctxt;

pub(crate) const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

pub(crate) enum BodyKind {
    Json,
    Form,
    Multipart,
}

/// A declaration that passed every check.
pub(crate) struct Checked<'a> {
    pub ep: &'a Endpoint,
    pub method: &'static str,
    pub template: PathTemplate,
    /// Method arguments for the path parameters, in signature order, with their type when
    /// typed, paired with the parameter's position in the path.
    pub args: Vec<(Ident, Option<&'a Type>, usize)>,
    pub query: Option<&'a Type>,
    pub body: Option<(BodyKind, &'a Type)>,
    pub response: &'a Response,
    pub deprecated: bool,
    /// `false` for `#[unauthenticated]` lines: the request goes without the secret key.
    pub authenticated: bool,
    /// `true` for `#[secret]` lines: the answer carries a secret, so its body is never kept
    /// in a decode error.
    pub returns_secret: bool,
    /// The predicates of `#[cfg(...)]` lines, e.g. `feature = "billing"`: the method and its
    /// catalog entry exist only when all of them hold.
    pub cfgs: Vec<TokenStream>,
}

/// A declaration that failed: just enough to emit a stub so call sites do not cascade.
pub(crate) struct Broken<'a> {
    pub ep: &'a Endpoint,
}

pub(crate) enum Outcome<'a> {
    Ok(Checked<'a>),
    Broken(Broken<'a>),
}

/// Table attributes: docs, and `#[standalone]` for a table declared outside the clerk crate
/// (no `Clerk` accessor; build the handle with `Name::new(&clerk)`). Returns `standalone`.
pub(crate) fn table_attributes(t: &Table, cx: &mut Ctxt) -> bool {
    let mut standalone = false;
    for attr in &t.attrs {
        if attr.path().is_ident("doc") {
            continue;
        }
        if attr.path().is_ident("standalone") && matches!(attr.meta, syn::Meta::Path(_)) {
            standalone = true;
            continue;
        }
        cx.error_spanned_by(
            attr,
            "unsupported attribute on a table; only doc comments and `#[standalone]` are allowed",
        );
    }
    standalone
}

pub(crate) fn table<'a>(t: &'a Table, cx: &mut Ctxt) -> Vec<Outcome<'a>> {
    let mut seen: Vec<&Ident> = Vec::new();
    let mut out = Vec::new();
    for ep in &t.endpoints {
        let mut local = Ctxt::default();
        let duplicate = seen.contains(&&ep.name);
        if duplicate {
            local.error_spanned_by(
                &ep.name,
                format!(
                    "duplicate endpoint name `{}` in `{}`; each name becomes one method",
                    ep.name, t.name
                ),
            );
        } else {
            seen.push(&ep.name);
        }
        let checked = endpoint(ep, &mut local);
        let failed = local.has_errors();
        for e in local.into_errors() {
            cx.syn_error(e);
        }
        match checked {
            // The first declaration keeps the name; a duplicate emits nothing more.
            _ if duplicate => {}
            Some(c) if !failed => out.push(Outcome::Ok(c)),
            _ => out.push(Outcome::Broken(Broken { ep })),
        }
    }
    out
}

fn endpoint<'a>(ep: &'a Endpoint, cx: &mut Ctxt) -> Option<Checked<'a>> {
    let Attributes {
        deprecated,
        authenticated,
        returns_secret,
        cfgs,
    } = attributes(&ep.attrs, cx);
    let method = method(&ep.method, cx);
    let template = path(&ep.path, cx);
    let args = template.as_ref().and_then(|t| args(ep, t, cx));
    let (query, body) = inputs(ep, method, cx);
    let response = match &ep.response {
        Some(r) => Some(r),
        None => {
            cx.error_spanned_by(
                &ep.path,
                format!(
                    "missing response type for `{}`; end the declaration with `-> Type`, `-> ()` or `-> text`",
                    ep.name
                ),
            );
            None
        }
    };
    if let (true, Some(Response::Empty(ty))) = (returns_secret, response) {
        cx.error_spanned_by(
            ty,
            format!(
                "`#[secret]` on `{}` has no effect: its body is ignored; remove the attribute",
                ep.name
            ),
        );
    }
    Some(Checked {
        ep,
        method: method?,
        template: template?,
        args: args?,
        query,
        body,
        response: response?,
        deprecated,
        authenticated,
        returns_secret,
        cfgs,
    })
}

/// What the attributes of a declaration say.
struct Attributes {
    deprecated: bool,
    authenticated: bool,
    returns_secret: bool,
    cfgs: Vec<TokenStream>,
}

/// Only doc comments, `#[deprecated]`, `#[unauthenticated]`, `#[secret]` and `#[cfg(...)]`
/// mean something on a declaration.
fn attributes(attrs: &[Attribute], cx: &mut Ctxt) -> Attributes {
    let mut cfgs = Vec::new();
    let mut deprecated = false;
    let mut authenticated = true;
    let mut returns_secret = false;
    for attr in attrs {
        if attr.path().is_ident("doc") {
            continue;
        }
        if attr.path().is_ident("deprecated") {
            deprecated = true;
            continue;
        }
        if attr.path().is_ident("unauthenticated") {
            if !matches!(attr.meta, syn::Meta::Path(_)) {
                cx.error_spanned_by(attr, "`#[unauthenticated]` takes no arguments");
            }
            authenticated = false;
            continue;
        }
        if attr.path().is_ident("secret") {
            if !matches!(attr.meta, syn::Meta::Path(_)) {
                cx.error_spanned_by(attr, "`#[secret]` takes no arguments");
            }
            returns_secret = true;
            continue;
        }
        if attr.path().is_ident("cfg") {
            // A resource-family gate: the line compiles only with the family of its types.
            match &attr.meta {
                syn::Meta::List(list) if !list.tokens.is_empty() => {
                    cfgs.push(list.tokens.clone());
                }
                _ => cx.error_spanned_by(
                    attr,
                    "`#[cfg]` takes one predicate, e.g. `#[cfg(feature = \"billing\")]`",
                ),
            }
            continue;
        }
        cx.error_spanned_by(
            attr,
            "unsupported attribute on an endpoint; only doc comments, `#[deprecated]`, \
             `#[unauthenticated]`, `#[secret]` and `#[cfg(...)]` are allowed",
        );
    }
    Attributes {
        deprecated,
        authenticated,
        returns_secret,
        cfgs,
    }
}

fn method(ident: &Ident, cx: &mut Ctxt) -> Option<&'static str> {
    let text = ident.to_string();
    if let Some(m) = METHODS.iter().find(|m| **m == text) {
        return Some(m);
    }
    let hint = match METHODS.iter().find(|m| m.eq_ignore_ascii_case(&text)) {
        Some(m) => format!("; methods are upper-case: `{m}`"),
        None => String::new(),
    };
    cx.error_spanned_by(
        ident,
        format!(
            "unknown HTTP method `{text}`; expected one of `GET`, `POST`, `PUT`, `PATCH`, `DELETE`{hint}"
        ),
    );
    None
}

/// Splits `/users/{user_id}/ban` into literals and parameters. A parameter must be a whole
/// segment, so the runtime can encode it as exactly one segment.
pub(crate) fn parse_template(path: &str) -> Result<PathTemplate, String> {
    if !path.starts_with('/') {
        return Err(format!("malformed path \"{path}\": it must start with `/`"));
    }
    if path.len() > 1 && path.ends_with('/') {
        return Err(format!(
            "malformed path \"{path}\": remove the trailing `/`"
        ));
    }
    if let Some(c) = path
        .chars()
        .find(|c| matches!(c, '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control())
    {
        return Err(format!(
            "malformed path \"{path}\": `{}` is not allowed; query strings go in `query(T)`",
            c.escape_default()
        ));
    }
    let mut literals = Vec::new();
    let mut current = String::new();
    let mut params: Vec<PathParam> = Vec::new();
    for (i, segment) in path.split('/').enumerate().skip(1) {
        current.push('/');
        if segment.is_empty() {
            return Err(format!("malformed path \"{path}\": empty segment `//`"));
        }
        let opens = segment.matches('{').count();
        let closes = segment.matches('}').count();
        if opens == 0 && closes == 0 {
            current.push_str(segment);
            continue;
        }
        let name = segment
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .filter(|n| opens == 1 && closes == 1 && !n.is_empty());
        let Some(name) = name else {
            return Err(format!(
                "malformed path \"{path}\": segment {i} `{segment}` must be plain text or one whole `{{name}}` parameter"
            ));
        };
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(format!(
                "malformed path \"{path}\": parameter `{{{name}}}` must be an identifier"
            ));
        }
        let arg = param_snake(name);
        if params.iter().any(|p| p.arg == arg) {
            return Err(format!(
                "malformed path \"{path}\": parameter `{{{name}}}` appears twice"
            ));
        }
        params.push(PathParam {
            name: name.to_owned(),
            arg,
        });
        literals.push(std::mem::take(&mut current));
    }
    literals.push(current);
    Ok(PathTemplate { literals, params })
}

fn path(lit: &syn::LitStr, cx: &mut Ctxt) -> Option<PathTemplate> {
    match parse_template(&lit.value()) {
        Ok(t) => Some(t),
        Err(message) => {
            cx.error_spanned_by(lit, message);
            None
        }
    }
}

/// Resolves the method arguments: explicit ones must match the path parameters one to one.
fn args<'a>(
    ep: &'a Endpoint,
    t: &PathTemplate,
    cx: &mut Ctxt,
) -> Option<Vec<(Ident, Option<&'a Type>, usize)>> {
    let Some(explicit) = &ep.args else {
        return Some(
            t.params
                .iter()
                .enumerate()
                .map(|(i, p)| (param_ident(&p.arg, ep.path.span()), None, i))
                .collect(),
        );
    };
    let mut ok = true;
    let mut out = Vec::new();
    let mut used = BTreeSet::new();
    for Arg { name: arg, ty } in explicit {
        let name = arg.to_string();
        let plain = name.strip_prefix("r#").unwrap_or(&name);
        match t.params.iter().position(|p| p.arg == plain) {
            Some(i) if used.insert(i) => out.push((arg.clone(), ty.as_ref(), i)),
            Some(_) => {
                cx.error_spanned_by(arg, format!("argument `{plain}` is listed twice"));
                ok = false;
            }
            None => {
                cx.error_spanned_by(
                    arg,
                    format!(
                        "argument `{plain}` is never used: the path has no `{{{plain}}}` segment"
                    ),
                );
                ok = false;
            }
        }
    }
    for (i, p) in t.params.iter().enumerate() {
        if !used.contains(&i) {
            cx.error_spanned_by(
                &ep.path,
                format!(
                    "path parameter `{{{}}}` has no matching argument in `{}(...)`",
                    p.name, ep.name
                ),
            );
            ok = false;
        }
    }
    ok.then_some(out)
}

/// The argument name for a path parameter: `apiKeyID` -> `api_key_id`, `user_id` unchanged.
pub(crate) fn param_snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_is_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `{type}` becomes `r#type`: a keyword cannot be an argument name otherwise.
pub(crate) fn param_ident(name: &str, span: Span) -> Ident {
    match syn::parse_str::<Ident>(name) {
        Ok(_) => Ident::new(name, span),
        Err(_) => Ident::new_raw(name, span),
    }
}

fn inputs<'a>(
    ep: &'a Endpoint,
    method: Option<&str>,
    cx: &mut Ctxt,
) -> (Option<&'a Type>, Option<(BodyKind, &'a Type)>) {
    let mut query = None;
    let mut body: Option<(BodyKind, &Type)> = None;
    for input in &ep.inputs {
        let kind = input.kind.to_string();
        let body_kind = match kind.as_str() {
            "query" => {
                if query.replace(&input.ty).is_some() {
                    cx.error_spanned_by(&input.kind, "`query(...)` is given twice");
                }
                continue;
            }
            "json" => BodyKind::Json,
            "form" => BodyKind::Form,
            "multipart" => BodyKind::Multipart,
            other => {
                cx.error_spanned_by(
                    &input.kind,
                    format!(
                        "unknown input kind `{other}`; expected `query`, `json`, `form` or `multipart`"
                    ),
                );
                continue;
            }
        };
        if method == Some("GET") {
            cx.error_spanned_by(
                &input.kind,
                "a `GET` request carries no body; use `query(T)` for its parameters",
            );
        }
        if body.replace((body_kind, &input.ty)).is_some() {
            cx.error_spanned_by(
                &input.kind,
                "a request has at most one body; keep one of `json`, `form` or `multipart`",
            );
        }
    }
    (query, body)
}
