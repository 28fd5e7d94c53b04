//! Reading an OpenAPI 3 document (YAML) into operations.

use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

use crate::inventory::{Entry, Inventory};
use crate::shape::Shape;
use crate::Error;

/// The HTTP methods an OpenAPI path item may hold, as its keys spell them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// `$ref` chains longer than this are treated as unresolvable (they loop).
const MAX_REF_HOPS: usize = 64;

static MISSING: Yaml = Yaml::BadValue;

/// One operation of the spec: its inventory line and what drafting needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// Method, path, operationId, first tag and deprecated flag.
    pub entry: Entry,
    /// Parameters, request body and response, as far as drafting cares.
    pub shape: Shape,
}

/// The operations of one OpenAPI document.
#[derive(Debug, Clone)]
pub struct Spec {
    version: String,
    operations: Vec<Operation>,
}

impl Spec {
    /// Reads and parses the spec at `path`.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text)
    }

    /// Parses the text of an OpenAPI 3 document.
    ///
    /// Operations come out sorted by path then method, like the inventory.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let documents = YamlLoader::load_from_str(text).map_err(|e| Error::Yaml(e.to_string()))?;
        let root = documents
            .first()
            .ok_or_else(|| Error::Spec("the file holds no YAML document".into()))?;
        let doc = Doc { root };
        let version = scalar(child(child(root, "info"), "version"))
            .ok_or_else(|| Error::Spec("no info.version".into()))?;
        let paths = child(root, "paths");
        if paths.as_hash().is_none() {
            return Err(Error::Spec("no `paths` mapping".into()));
        }

        let mut operations = Vec::new();
        for (path, item) in entries(paths) {
            let item = doc.resolve(item);
            for (key, operation) in entries(item) {
                if !METHODS.contains(&key.as_str()) {
                    continue;
                }
                let entry = Entry {
                    method: key.to_ascii_uppercase(),
                    path: path.clone(),
                    operation_id: scalar(child(operation, "operationId")).unwrap_or_default(),
                    tag: child(operation, "tags")
                        .as_vec()
                        .and_then(|tags| tags.first())
                        .and_then(scalar)
                        .unwrap_or_default(),
                    deprecated: flag(child(operation, "deprecated")),
                };
                let shape = Shape::of(&doc, item, operation);
                operations.push(Operation { entry, shape });
            }
        }
        operations.sort_by(|a, b| {
            (&a.entry.path, &a.entry.method).cmp(&(&b.entry.path, &b.entry.method))
        });
        Ok(Spec {
            version,
            operations,
        })
    }

    /// The document's `info.version`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// All operations, sorted by path then method.
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// The inventory of this spec (what `sync` writes).
    pub fn inventory(&self) -> Result<Inventory, Error> {
        let entries = self.operations.iter().map(|op| op.entry.clone()).collect();
        Inventory::new(self.version.clone(), entries)
    }

    /// The shape of the operation with exactly this method and path template.
    pub fn shape(&self, method: &str, path: &str) -> Option<&Shape> {
        self.operations
            .iter()
            .find(|op| op.entry.method == method && op.entry.path == path)
            .map(|op| &op.shape)
    }
}

/// The whole document, for following `$ref`s within it.
pub(crate) struct Doc<'a> {
    root: &'a Yaml,
}

impl<'a> Doc<'a> {
    /// Follows `node`'s `$ref` chain, if any, to the node it names.
    ///
    /// A reference that cannot be followed (external, dangling or looping)
    /// yields a missing node.
    pub(crate) fn resolve(&self, node: &'a Yaml) -> &'a Yaml {
        let mut current = node;
        for _ in 0..MAX_REF_HOPS {
            match ref_target(current) {
                Some(reference) => current = self.pointer(reference),
                None => return current,
            }
        }
        &MISSING
    }

    /// The node a local JSON pointer reference (`#/a/b`) names.
    fn pointer(&self, reference: &str) -> &'a Yaml {
        let Some(pointer) = reference.strip_prefix("#/") else {
            return &MISSING;
        };
        pointer.split('/').fold(self.root, |node, token| {
            child(node, &token.replace("~1", "/").replace("~0", "~"))
        })
    }
}

/// The `$ref` string of `node`, if it is a reference object.
pub(crate) fn ref_target(node: &Yaml) -> Option<&str> {
    child(node, "$ref").as_str()
}

/// The last segment of `node`'s `$ref` (the schema or response name).
pub(crate) fn ref_name(node: &Yaml) -> Option<String> {
    ref_target(node)
        .and_then(|reference| reference.rsplit('/').next())
        .filter(|name| !name.is_empty())
        .map(|name| name.replace("~1", "/").replace("~0", "~"))
}

/// The value under `key` of a mapping, matching keys by their text (so a
/// response code written `200` or `'200'` is found by `"200"`); missing otherwise.
pub(crate) fn child<'a>(node: &'a Yaml, key: &str) -> &'a Yaml {
    node.as_hash()
        .and_then(|hash| {
            hash.iter()
                .find(|(k, _)| scalar(k).as_deref() == Some(key))
                .map(|(_, value)| value)
        })
        .unwrap_or(&MISSING)
}

/// The entries of a mapping whose keys are scalars, in document order.
pub(crate) fn entries(node: &Yaml) -> impl Iterator<Item = (String, &Yaml)> {
    node.as_hash()
        .into_iter()
        .flat_map(|hash| hash.iter())
        .filter_map(|(key, value)| scalar(key).map(|key| (key, value)))
}

/// A scalar's text (strings, numbers and booleans).
pub(crate) fn scalar(node: &Yaml) -> Option<String> {
    match node {
        Yaml::String(text) | Yaml::Real(text) => Some(text.clone()),
        Yaml::Integer(number) => Some(number.to_string()),
        Yaml::Boolean(value) => Some(value.to_string()),
        _ => None,
    }
}

/// A boolean flag: `true` (or the string `"true"`) is set, anything else is not.
pub(crate) fn flag(node: &Yaml) -> bool {
    match node {
        Yaml::Boolean(value) => *value,
        Yaml::String(text) => text == "true",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r##"
openapi: 3.0.3
info:
  version: '1999-12-31'
paths:
  /widgets/{widget_id}:
    parameters:
      - $ref: '#/components/parameters/WidgetId'
    delete:
      operationId: DeleteWidget
      tags: [Widgets, Extra]
      deprecated: true
      responses:
        '204':
          description: gone
    get:
      operationId: GetWidget
      responses:
        200:
          $ref: '#/components/responses/Widget'
  /empty: {}
  /widgets:
    summary: not an operation
    post:
      operationId: CreateWidget
      tags: [Widgets]
      responses:
        '200':
          $ref: '#/components/responses/Widget'
components:
  parameters:
    WidgetId:
      name: widget_id
      in: path
      required: true
  responses:
    Widget:
      description: a widget
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Widget'
  schemas:
    Widget:
      type: object
"##;

    #[test]
    fn reads_operations_in_inventory_order() {
        let spec = Spec::parse(SPEC).expect("parses");
        assert_eq!(spec.version(), "1999-12-31");
        let lines: Vec<String> = spec
            .operations()
            .iter()
            .map(|op| {
                let e = &op.entry;
                format!(
                    "{} {} {} {} {}",
                    e.method, e.path, e.operation_id, e.tag, e.deprecated
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                "POST /widgets CreateWidget Widgets false",
                "DELETE /widgets/{widget_id} DeleteWidget Widgets true",
                "GET /widgets/{widget_id} GetWidget  false",
            ]
        );
        let inventory = spec.inventory().expect("inventory");
        assert_eq!(inventory.entries().len(), 3);
        assert_eq!(inventory.version(), "1999-12-31");
    }

    #[test]
    fn shapes_are_found_by_exact_method_and_path() {
        let spec = Spec::parse(SPEC).expect("parses");
        assert!(spec.shape("GET", "/widgets/{widget_id}").is_some());
        assert!(spec.shape("GET", "/widgets/{id}").is_none());
        assert!(spec.shape("PUT", "/widgets").is_none());
    }

    #[test]
    fn refs_are_followed_and_loops_stop() {
        let text = "a: {$ref: '#/b'}\nb: {$ref: '#/a'}\nc: {$ref: '#/d~1e'}\nd/e: 7\n";
        let docs = YamlLoader::load_from_str(text).expect("yaml");
        let doc = Doc { root: &docs[0] };
        assert!(doc.resolve(child(&docs[0], "a")).is_badvalue());
        assert_eq!(
            scalar(doc.resolve(child(&docs[0], "c"))).as_deref(),
            Some("7")
        );
        assert_eq!(ref_name(child(&docs[0], "c")).as_deref(), Some("d/e"));
    }

    #[test]
    fn rejects_documents_without_version_or_paths() {
        assert!(matches!(Spec::parse("paths: {}\n"), Err(Error::Spec(_))));
        assert!(matches!(
            Spec::parse("info: {version: x}\n"),
            Err(Error::Spec(_))
        ));
        assert!(matches!(Spec::parse("a: [\n"), Err(Error::Yaml(_))));
    }
}
