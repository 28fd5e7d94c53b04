//! What drafting needs to know about an operation: query parameters,
//! request body and response, classified from the spec.

use yaml_rust2::Yaml;

use crate::spec::{child, entries, ref_name, scalar, Doc};

/// The parts of an operation that shape its declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// The operation takes at least one query parameter.
    pub query: bool,
    /// The operation takes both `limit` and `offset` query parameters.
    pub paginated: bool,
    /// The kind of request body.
    pub body: Body,
    /// The kind of success response.
    pub response: Response,
}

/// The kind of request body of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// No request body.
    None,
    /// A JSON body (`application/json` or any `+json` type).
    Json,
    /// A `multipart/*` form.
    Multipart,
    /// Some other media type, named here.
    Other(String),
}

/// The kind of success (200, else 201, else other 2xx) response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// No response body.
    Empty,
    /// A body that is not JSON (e.g. `text/html`).
    Text,
    /// A named schema (`$ref` to `#/components/schemas/<name>`).
    Named(String),
    /// A page of a paginated list: items of the named schema, or inline items when `None`.
    Page(Option<String>),
    /// A plain array: items of the named schema, or inline items when `None`.
    List(Option<String>),
    /// JSON without a usable schema name.
    Json,
}

impl Shape {
    /// Classifies `operation`, which sits in `path_item` of the document.
    pub(crate) fn of(doc: &Doc<'_>, path_item: &Yaml, operation: &Yaml) -> Shape {
        let query_names: Vec<String> = [path_item, operation]
            .into_iter()
            .filter_map(|node| child(node, "parameters").as_vec())
            .flatten()
            .map(|parameter| doc.resolve(parameter))
            .filter(|parameter| scalar(child(parameter, "in")).as_deref() == Some("query"))
            .filter_map(|parameter| scalar(child(parameter, "name")))
            .collect();
        let has = |name: &str| query_names.iter().any(|n| n == name);
        let paginated = has("limit") && has("offset");
        Shape {
            query: !query_names.is_empty(),
            paginated,
            body: body_kind(doc, child(operation, "requestBody")),
            response: response_kind(doc, child(operation, "responses"), paginated),
        }
    }
}

fn body_kind(doc: &Doc<'_>, request_body: &Yaml) -> Body {
    let media_types: Vec<String> = entries(child(doc.resolve(request_body), "content"))
        .map(|(media_type, _)| media_type)
        .collect();
    if media_types.iter().any(|m| is_json(m)) {
        Body::Json
    } else if media_types.iter().any(|m| m.starts_with("multipart/")) {
        Body::Multipart
    } else {
        media_types
            .into_iter()
            .next()
            .map_or(Body::None, Body::Other)
    }
}

fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence == "application/json" || essence.ends_with("+json")
}

/// The success response: `200`, else `201`, else the first other `2xx`, else `2XX`.
fn success_response(responses: &Yaml) -> Option<&Yaml> {
    let codes: Vec<(String, &Yaml)> = entries(responses).collect();
    let pick = |wanted: &dyn Fn(&str) -> bool| {
        let mut matching: Vec<&(String, &Yaml)> = codes.iter().filter(|(c, _)| wanted(c)).collect();
        matching.sort_by(|a, b| a.0.cmp(&b.0));
        matching.first().map(|(_, node)| *node)
    };
    pick(&|code| code == "200")
        .or_else(|| pick(&|code| code == "201"))
        .or_else(|| pick(&|code| code.len() == 3 && code.starts_with('2') && code != "2XX"))
        .or_else(|| pick(&|code| code.eq_ignore_ascii_case("2XX")))
}

fn response_kind(doc: &Doc<'_>, responses: &Yaml, paginated: bool) -> Response {
    let Some(response) = success_response(responses) else {
        return Response::Json;
    };
    let content: Vec<(String, &Yaml)> = entries(child(doc.resolve(response), "content")).collect();
    if content.is_empty() {
        return Response::Empty;
    }
    let json = content
        .iter()
        .find(|(m, _)| m == "application/json")
        .or_else(|| content.iter().find(|(m, _)| is_json(m)));
    let Some((_, media)) = json else {
        return Response::Text;
    };
    let schema = child(media, "schema");
    if schema.is_badvalue() {
        return Response::Json;
    }
    schema_kind(doc, schema, paginated)
}

fn schema_kind(doc: &Doc<'_>, schema: &Yaml, paginated: bool) -> Response {
    if let Some(name) = ref_name(schema) {
        // A named list keeps its name unless its items are named too.
        return match list_kind(doc, doc.resolve(schema), paginated) {
            Some(Response::Page(Some(item))) => Response::Page(Some(item)),
            Some(Response::List(Some(item))) => Response::List(Some(item)),
            _ => Response::Named(name),
        };
    }
    list_kind(doc, schema, paginated).unwrap_or(Response::Json)
}

/// An array (a page when paginated), or, when paginated, an object whose
/// `data` property is an array.
fn list_kind(doc: &Doc<'_>, schema: &Yaml, paginated: bool) -> Option<Response> {
    let is_array = |node: &Yaml| scalar(child(node, "type")).as_deref() == Some("array");
    if is_array(schema) {
        let item = ref_name(child(schema, "items"));
        return Some(if paginated {
            Response::Page(item)
        } else {
            Response::List(item)
        });
    }
    if !paginated {
        return None;
    }
    let data = doc.resolve(child(child(schema, "properties"), "data"));
    is_array(data).then(|| Response::Page(ref_name(child(data, "items"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    /// A spec with one `GET /x` operation made of `operation` (indented YAML).
    fn shape(operation: &str) -> Shape {
        let text =
            format!("info: {{version: t}}\npaths:\n  /x:\n    get:\n{operation}\n{COMPONENTS}");
        let spec = Spec::parse(&text).expect("test spec parses");
        spec.shape("GET", "/x").cloned().expect("operation present")
    }

    const COMPONENTS: &str = r##"components:
  parameters:
    Limit: {name: limit, in: query}
    Offset: {name: offset, in: query}
  responses:
    User:
      description: one
      content:
        application/json:
          schema: {$ref: '#/components/schemas/User'}
    User.List:
      description: many
      content:
        application/json:
          schema:
            type: array
            items: {$ref: '#/components/schemas/User'}
  schemas:
    User: {type: object}
    Users:
      type: object
      properties:
        data:
          type: array
          items: {$ref: '#/components/schemas/User'}
        total_count: {type: integer}
    Names:
      type: array
      items: {type: string}
"##;

    const PAGED: &str = "      parameters:\n        - $ref: '#/components/parameters/Limit'\n        - $ref: '#/components/parameters/Offset'\n";

    fn json_response(code: &str, schema: &str) -> String {
        format!(
            "      responses:\n        '{code}':\n          description: ok\n          content:\n            application/json:\n              schema: {schema}\n"
        )
    }

    #[test]
    fn named_response_through_components_responses() {
        let s = shape("      responses:\n        '200': {$ref: '#/components/responses/User'}");
        assert_eq!(s.response, Response::Named("User".into()));
        assert!(!s.query && !s.paginated);
        assert_eq!(s.body, Body::None);
    }

    #[test]
    fn array_of_ref_is_a_page_when_paginated_else_a_list() {
        let responses =
            "      responses:\n        '200': {$ref: '#/components/responses/User.List'}";
        let paged = shape(&format!("{PAGED}{responses}"));
        assert!(paged.query && paged.paginated);
        assert_eq!(paged.response, Response::Page(Some("User".into())));
        assert_eq!(
            shape(responses).response,
            Response::List(Some("User".into()))
        );
    }

    #[test]
    fn object_with_data_array_is_a_page_only_when_paginated() {
        let responses = json_response("200", "{$ref: '#/components/schemas/Users'}");
        let paged = shape(&format!("{PAGED}{responses}"));
        assert_eq!(paged.response, Response::Page(Some("User".into())));
        assert_eq!(shape(&responses).response, Response::Named("Users".into()));
        let inline = json_response(
            "200",
            "{type: object, properties: {data: {type: array, items: {type: object}}}}",
        );
        assert_eq!(
            shape(&format!("{PAGED}{inline}")).response,
            Response::Page(None)
        );
        assert_eq!(shape(&inline).response, Response::Json);
    }

    #[test]
    fn named_array_of_scalars_keeps_its_name() {
        let responses = json_response("200", "{$ref: '#/components/schemas/Names'}");
        assert_eq!(shape(&responses).response, Response::Named("Names".into()));
    }

    #[test]
    fn created_text_empty_and_fallback_responses() {
        let created = json_response("201", "{$ref: '#/components/schemas/User'}");
        assert_eq!(shape(&created).response, Response::Named("User".into()));
        let html = "      responses:\n        '200':\n          description: page\n          content:\n            text/html:\n              schema: {type: string}";
        assert_eq!(shape(html).response, Response::Text);
        let none = "      responses:\n        '204': {description: nothing}";
        assert_eq!(shape(none).response, Response::Empty);
        let inline = json_response("200", "{type: object}");
        assert_eq!(shape(&inline).response, Response::Json);
        let errors_only = "      responses:\n        '400': {description: bad}";
        assert_eq!(shape(errors_only).response, Response::Json);
    }

    #[test]
    fn request_bodies() {
        let body = |media: &str| {
            shape(&format!(
                "      requestBody:\n        content:\n          {media}:\n            schema: {{type: object}}\n      responses:\n        '204': {{description: ok}}"
            ))
            .body
        };
        assert_eq!(body("application/json"), Body::Json);
        assert_eq!(body("application/merge-patch+json"), Body::Json);
        assert_eq!(body("multipart/form-data"), Body::Multipart);
        assert_eq!(body("text/plain"), Body::Other("text/plain".into()));
    }

    #[test]
    fn path_level_query_parameters_count() {
        let text = format!(
            "info: {{version: t}}\npaths:\n  /x:\n    parameters:\n      - {{name: q, in: query}}\n    get:\n      responses:\n        '204': {{description: ok}}\n{COMPONENTS}"
        );
        let spec = Spec::parse(&text).expect("parses");
        let s = spec.shape("GET", "/x").expect("present");
        assert!(s.query && !s.paginated);
    }
}
