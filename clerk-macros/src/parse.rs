//! Token parsing into the `ast` types. Each declaration is parsed on its own, so a broken line
//! is reported without hiding errors on the lines after it.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, Attribute, Ident, LitStr, Token, Type};

use crate::ast::{Arg, Arrow, Endpoint, Input, Response, Table};
use crate::ctxt::Ctxt;

/// Parses every table of the invocation; declarations that fail to parse are reported in `cx`
/// and left out.
pub(crate) fn tables(input: TokenStream, cx: &mut Ctxt) -> Vec<Table> {
    match syn::parse2::<RawTables>(input) {
        Ok(raw) => raw
            .0
            .into_iter()
            .map(|t| Table {
                attrs: t.attrs,
                name: t.name,
                endpoints: split_declarations(t.body)
                    .into_iter()
                    .filter_map(|(tokens, semi)| match parse_endpoint(tokens.clone()) {
                        Ok(e) if semi.is_none() => {
                            let last = tokens.into_iter().last();
                            cx.error_spanned_by(last, "expected `;` after this declaration");
                            Some(e)
                        }
                        Ok(e) => Some(e),
                        Err(e) => {
                            cx.syn_error(e);
                            None
                        }
                    })
                    .collect(),
            })
            .collect(),
        Err(e) => {
            cx.syn_error(e);
            Vec::new()
        }
    }
}

struct RawTable {
    attrs: Vec<Attribute>,
    name: Ident,
    body: TokenStream,
}

struct RawTables(Vec<RawTable>);

impl Parse for RawTables {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut tables = Vec::new();
        while !input.is_empty() {
            let attrs = input.call(Attribute::parse_outer)?;
            let name: Ident = input.parse()?;
            let content;
            braced!(content in input);
            tables.push(RawTable {
                attrs,
                name,
                body: content.parse()?,
            });
        }
        Ok(RawTables(tables))
    }
}

/// Cuts a table body at top-level `;`, remembering whether each piece was terminated.
fn split_declarations(body: TokenStream) -> Vec<(TokenStream, Option<Span>)> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for tt in body {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ';' => {
                out.push((current.drain(..).collect(), Some(p.span())));
            }
            _ => current.push(tt),
        }
    }
    if !current.is_empty() {
        out.push((current.into_iter().collect(), None));
    }
    out
}

fn parse_endpoint(tokens: TokenStream) -> syn::Result<Endpoint> {
    syn::parse::Parser::parse2(parse_endpoint_stream, tokens)
}

fn parse_endpoint_stream(input: ParseStream<'_>) -> syn::Result<Endpoint> {
    let attrs = input.call(Attribute::parse_outer)?;
    let name: Ident = input.parse()?;
    let args = if input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in input);
        let list = content.parse_terminated(parse_arg, Token![,])?;
        Some(list.into_iter().collect())
    } else {
        None
    };
    input.parse::<Token![=]>()?;
    let method: Ident = input.parse().map_err(|e| {
        syn::Error::new(e.span(), "expected an HTTP method such as `GET` or `POST`")
    })?;
    let path: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the path template as a string literal, e.g. \"/users/{user_id}\"",
        )
    })?;
    let mut inputs = Vec::new();
    while input.peek(Ident) {
        let kind: Ident = input.parse()?;
        let content;
        parenthesized!(content in input);
        let ty: Type = content.parse()?;
        inputs.push(Input { kind, ty });
    }
    let response = if input.peek(Token![->]) {
        input.parse::<Arrow>()?;
        Some(parse_response(input)?)
    } else {
        None
    };
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            "unexpected tokens; a declaration reads `name = METHOD \"/path\" [query(T)] [json(T) | form(T) | multipart(T)] -> Response;`",
        ));
    }
    Ok(Endpoint {
        attrs,
        name,
        args,
        method,
        path,
        inputs,
        response,
    })
}

fn parse_arg(input: ParseStream<'_>) -> syn::Result<Arg> {
    let name: Ident = input.parse()?;
    let ty = if input.peek(Token![:]) {
        input.parse::<Token![:]>()?;
        Some(input.parse::<Type>()?)
    } else {
        None
    };
    Ok(Arg { name, ty })
}

fn parse_response(input: ParseStream<'_>) -> syn::Result<Response> {
    if input.peek(Ident) {
        let fork = input.fork();
        let ident: Ident = fork.parse()?;
        if ident == "text" && (fork.is_empty() || !fork.peek(Token![::]) && !fork.peek(Token![<])) {
            input.parse::<Ident>()?;
            return Ok(Response::Text(ident));
        }
    }
    let ty: Type = input.parse()?;
    Ok(match &ty {
        Type::Tuple(t) if t.elems.is_empty() => Response::Empty(ty),
        _ => Response::Json(ty),
    })
}
