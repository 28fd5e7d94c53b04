//! The inventory: one line per operation of the spec, kept in `inventory.tsv`.

use std::collections::HashMap;

use crate::matching::EndpointKey;
use crate::Error;

/// The committed `inventory.tsv`, as embedded at compile time.
pub const COMMITTED_TSV: &str = include_str!("../inventory.tsv");

/// The column header line of the TSV format.
pub const HEADER: &str = "method\tpath\toperation_id\ttag\tdeprecated";

/// The prefix of the first line, followed by the spec's `info.version`.
pub const VERSION_PREFIX: &str = "# spec ";

/// One operation of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// HTTP method, upper-case (`GET`).
    pub method: String,
    /// Path template exactly as in the spec (`/users/{user_id}`).
    pub path: String,
    /// The `operationId`, or empty when the spec has none.
    pub operation_id: String,
    /// The first tag, or empty when the operation has none.
    pub tag: String,
    /// Whether the spec marks the operation deprecated.
    pub deprecated: bool,
}

impl Entry {
    /// The tag to show to people: the tag, or `(untagged)`.
    pub fn display_tag(&self) -> &str {
        display_tag(&self.tag)
    }
}

/// The tag to show to people: `tag`, or `(untagged)` when it is empty.
pub fn display_tag(tag: &str) -> &str {
    if tag.is_empty() {
        "(untagged)"
    } else {
        tag
    }
}

/// Every operation of one version of the spec, sorted by path then method.
#[derive(Debug, Clone)]
pub struct Inventory {
    version: String,
    entries: Vec<Entry>,
    index: HashMap<EndpointKey, usize>,
}

impl PartialEq for Inventory {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && self.entries == other.entries
    }
}

impl Eq for Inventory {}

impl Inventory {
    /// An inventory of `entries` (sorted here) for spec `version`.
    ///
    /// Fails when two entries are the same endpoint, or when a field could
    /// not be written to the TSV format (it holds a tab or a line break).
    pub fn new(version: impl Into<String>, mut entries: Vec<Entry>) -> Result<Self, Error> {
        let version = version.into();
        check_field("spec version", &version)?;
        entries.sort_by(|a, b| (&a.path, &a.method).cmp(&(&b.path, &b.method)));
        let mut index = HashMap::with_capacity(entries.len());
        for (position, entry) in entries.iter().enumerate() {
            for (what, value) in [
                ("method", &entry.method),
                ("path", &entry.path),
                ("operationId", &entry.operation_id),
                ("tag", &entry.tag),
            ] {
                check_field(what, value)?;
            }
            if entry.method.is_empty() || entry.path.is_empty() {
                return Err(Error::Spec(
                    "an operation has an empty method or path".into(),
                ));
            }
            let key = EndpointKey::new(&entry.method, &entry.path);
            if let Some(earlier) = index.insert(key, position) {
                let first = &entries[earlier];
                return Err(Error::Spec(format!(
                    "{} {} and {} {} are the same endpoint",
                    first.method, first.path, entry.method, entry.path
                )));
            }
        }
        Ok(Inventory {
            version,
            entries,
            index,
        })
    }

    /// The committed `inventory.tsv`, parsed.
    pub fn committed() -> Result<Self, Error> {
        Self::parse(COMMITTED_TSV)
    }

    /// Parses the TSV format written by [`Inventory::to_tsv`].
    ///
    /// Blank lines and further `#` comment lines are ignored.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line.strip_suffix('\r').unwrap_or(line)));
        let bad = |line: usize, message: String| Error::Inventory { line, message };

        let (line, first) = lines.next().ok_or_else(|| bad(1, "empty file".into()))?;
        let version = first
            .strip_prefix(VERSION_PREFIX)
            .map(str::trim)
            .filter(|version| !version.is_empty())
            .ok_or_else(|| bad(line, format!("expected `{VERSION_PREFIX}<version>`")))?;

        let mut header_seen = false;
        let mut entries = Vec::new();
        let mut seen: HashMap<EndpointKey, usize> = HashMap::new();
        for (line, text) in lines {
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            if !header_seen {
                if text != HEADER {
                    return Err(bad(line, format!("expected the header `{HEADER}`")));
                }
                header_seen = true;
                continue;
            }
            let fields: Vec<&str> = text.split('\t').collect();
            let [method, path, operation_id, tag, deprecated] = fields[..] else {
                return Err(bad(
                    line,
                    format!("expected 5 fields, found {}", fields.len()),
                ));
            };
            if method.is_empty() || path.is_empty() {
                return Err(bad(line, "empty method or path".into()));
            }
            if let Some(earlier) = seen.insert(EndpointKey::new(method, path), line) {
                return Err(bad(line, format!("same endpoint as line {earlier}")));
            }
            let deprecated = match deprecated {
                "true" => true,
                "false" => false,
                other => {
                    return Err(bad(
                        line,
                        format!("deprecated must be true or false, not `{other}`"),
                    ))
                }
            };
            entries.push(Entry {
                method: method.to_owned(),
                path: path.to_owned(),
                operation_id: operation_id.to_owned(),
                tag: tag.to_owned(),
                deprecated,
            });
        }
        if !header_seen {
            return Err(bad(1, "no header line".into()));
        }
        Self::new(version, entries).map_err(|error| match error {
            Error::Spec(message) => Error::Inventory { line: 0, message },
            other => other,
        })
    }

    /// The TSV text: version comment, header, then one line per entry.
    pub fn to_tsv(&self) -> String {
        let mut out = format!("{VERSION_PREFIX}{}\n{HEADER}\n", self.version);
        for entry in &self.entries {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                entry.method, entry.path, entry.operation_id, entry.tag, entry.deprecated
            ));
        }
        out
    }

    /// The spec's `info.version`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// All entries, sorted by path then method.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry for `method` and `path`, ignoring path parameter names
    /// (see [`crate::matching`]).
    pub fn find(&self, method: &str, path: &str) -> Option<&Entry> {
        self.index
            .get(&EndpointKey::new(method, path))
            .and_then(|&position| self.entries.get(position))
    }

    /// The distinct tags, sorted.
    pub fn tags(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = self
            .entries
            .iter()
            .map(|entry| entry.tag.as_str())
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }
}

fn check_field(what: &str, value: &str) -> Result<(), Error> {
    if value.contains(['\t', '\n', '\r']) {
        Err(Error::Spec(format!(
            "{what} `{}` holds a tab or line break",
            value.escape_debug()
        )))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(method: &str, path: &str, id: &str, tag: &str, deprecated: bool) -> Entry {
        Entry {
            method: method.into(),
            path: path.into(),
            operation_id: id.into(),
            tag: tag.into(),
            deprecated,
        }
    }

    fn sample() -> Inventory {
        Inventory::new(
            "2000-01-01",
            vec![
                entry("POST", "/users", "CreateUser", "Users", false),
                entry("GET", "/users/{user_id}", "GetUser", "Users", false),
                entry("GET", "/users", "GetUserList", "Users", false),
                entry("GET", "/clients", "GetClientList", "Clients", true),
            ],
        )
        .expect("valid inventory")
    }

    #[test]
    fn entries_are_sorted_by_path_then_method() {
        let inventory = sample();
        let order: Vec<(&str, &str)> = inventory
            .entries()
            .iter()
            .map(|e| (e.method.as_str(), e.path.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                ("GET", "/clients"),
                ("GET", "/users"),
                ("POST", "/users"),
                ("GET", "/users/{user_id}"),
            ]
        );
    }

    #[test]
    fn tsv_round_trips() {
        let inventory = sample();
        let text = inventory.to_tsv();
        assert!(
            text.starts_with("# spec 2000-01-01\nmethod\tpath\toperation_id\ttag\tdeprecated\n")
        );
        assert!(text.contains("GET\t/clients\tGetClientList\tClients\ttrue\n"));
        let parsed = Inventory::parse(&text).expect("parses");
        assert_eq!(parsed, inventory);
        assert_eq!(parsed.to_tsv(), text);
    }

    #[test]
    fn find_ignores_parameter_names_but_not_method() {
        let inventory = sample();
        let found = inventory.find("GET", "/users/{id}").expect("found");
        assert_eq!(found.operation_id, "GetUser");
        assert!(inventory.find("DELETE", "/users/{user_id}").is_none());
        assert!(inventory.find("get", "/users").is_none());
    }

    #[test]
    fn parse_reports_bad_lines() {
        let no_version = "method\tpath\toperation_id\ttag\tdeprecated\n";
        assert!(matches!(
            Inventory::parse(no_version),
            Err(Error::Inventory { line: 1, .. })
        ));
        let short = "# spec x\nmethod\tpath\toperation_id\ttag\tdeprecated\nGET\t/a\n";
        assert!(matches!(
            Inventory::parse(short),
            Err(Error::Inventory { line: 3, .. })
        ));
        let flag = "# spec x\nmethod\tpath\toperation_id\ttag\tdeprecated\nGET\t/a\tA\tT\tyes\n";
        assert!(matches!(
            Inventory::parse(flag),
            Err(Error::Inventory { line: 3, .. })
        ));
        let duplicate = "# spec x\nmethod\tpath\toperation_id\ttag\tdeprecated\n\
                         GET\t/a/{x}\tA\tT\tfalse\nGET\t/a/{y}\tB\tT\tfalse\n";
        assert!(matches!(
            Inventory::parse(duplicate),
            Err(Error::Inventory { line: 4, .. })
        ));
    }

    #[test]
    fn fields_with_tabs_are_refused() {
        let result = Inventory::new("v", vec![entry("GET", "/a", "Bad\tId", "T", false)]);
        assert!(matches!(result, Err(Error::Spec(_))));
    }

    #[test]
    fn tags_are_distinct_and_sorted() {
        assert_eq!(sample().tags(), ["Clients", "Users"]);
    }

    #[test]
    fn committed_inventory_parses() {
        let inventory = Inventory::committed().expect("committed inventory.tsv parses");
        assert!(!inventory.version().is_empty());
    }
}
