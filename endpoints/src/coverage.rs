//! Which operations of the inventory the declarations cover, per tag.

use std::collections::{BTreeMap, HashSet};

use crate::declared::Declared;
use crate::inventory::{display_tag, Entry, Inventory};
use crate::matching::EndpointKey;

/// Coverage of one tag (or of everything, for the total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRow {
    /// The tag as shown (`(untagged)` for operations without one).
    pub tag: String,
    /// Operations of the tag that some declaration matches.
    pub declared: usize,
    /// Operations of the tag.
    pub total: usize,
}

impl TagRow {
    /// The covered share with one decimal, rounded half up (`"33.3%"`),
    /// or `"-"` when the tag has no operations.
    pub fn percent(&self) -> String {
        if self.total == 0 {
            return "-".to_owned();
        }
        let tenths = (self.declared * 1000 + self.total / 2) / self.total;
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// Coverage of an inventory by a set of declarations.
#[derive(Debug, Clone)]
pub struct Coverage<'i> {
    rows: Vec<TagRow>,
    missing: Vec<(String, Vec<&'i Entry>)>,
}

impl<'i> Coverage<'i> {
    /// Counts, per tag, the entries of `inventory` that a declaration matches
    /// (same method, same path template up to parameter names).
    pub fn compute(inventory: &'i Inventory, declared: &[Declared<'_>]) -> Self {
        let keys: HashSet<EndpointKey> = declared
            .iter()
            .map(|item| EndpointKey::new(item.method, item.path))
            .collect();
        // Keyed case-insensitively first, so `API Keys` sorts after `Actor Tokens`.
        let mut by_tag: BTreeMap<(String, &str), (TagRow, Vec<&'i Entry>)> = BTreeMap::new();
        for entry in inventory.entries() {
            let tag = entry.display_tag();
            let key = (tag.to_ascii_lowercase(), tag);
            let (row, missing) = by_tag.entry(key).or_insert_with(|| {
                let row = TagRow {
                    tag: tag.to_owned(),
                    declared: 0,
                    total: 0,
                };
                (row, Vec::new())
            });
            row.total += 1;
            if keys.contains(&EndpointKey::new(&entry.method, &entry.path)) {
                row.declared += 1;
            } else {
                missing.push(entry);
            }
        }
        let mut rows = Vec::with_capacity(by_tag.len());
        let mut missing = Vec::new();
        for ((_, tag), (row, entries)) in by_tag {
            rows.push(row);
            if !entries.is_empty() {
                missing.push((tag.to_owned(), entries));
            }
        }
        Coverage { rows, missing }
    }

    /// Keeps only `tag` (compared ignoring ASCII case); `None` when no
    /// operation has that tag.
    pub fn only_tag(mut self, tag: &str) -> Option<Self> {
        let wanted = display_tag(tag);
        self.rows.retain(|row| row.tag.eq_ignore_ascii_case(wanted));
        self.missing
            .retain(|(name, _)| name.eq_ignore_ascii_case(wanted));
        (!self.rows.is_empty()).then_some(self)
    }

    /// One row per tag, sorted by tag ignoring ASCII case.
    pub fn rows(&self) -> &[TagRow] {
        &self.rows
    }

    /// The sum of all rows, tagged `TOTAL`.
    pub fn total(&self) -> TagRow {
        TagRow {
            tag: "TOTAL".to_owned(),
            declared: self.rows.iter().map(|row| row.declared).sum(),
            total: self.rows.iter().map(|row| row.total).sum(),
        }
    }

    /// The operations no declaration covers, grouped by tag (sorted like the rows), each
    /// group in inventory order.
    pub fn missing(&self) -> &[(String, Vec<&'i Entry>)] {
        &self.missing
    }
}

/// The per-tag table with a `TOTAL` row, columns aligned.
///
/// ```text
/// tag       declared  total  percent
/// --------  --------  -----  -------
/// Clients          1      4    25.0%
/// --------  --------  -----  -------
/// TOTAL            1      4    25.0%
/// ```
pub fn render_table(rows: &[TagRow], total: &TagRow) -> String {
    let header = ["tag", "declared", "total", "percent"];
    let cells = |row: &TagRow| {
        [
            row.tag.clone(),
            row.declared.to_string(),
            row.total.to_string(),
            row.percent(),
        ]
    };
    let body: Vec<[String; 4]> = rows.iter().map(cells).collect();
    let total = cells(total);
    let mut widths = header.map(str::len);
    for line in body.iter().chain([&total]) {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }

    let format_line = |cells: [&str; 4]| {
        let mut line = String::new();
        for (column, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if column == 0 {
                line.push_str(&format!("{cell:<width$}"));
            } else {
                line.push_str(&format!("  {cell:>width$}"));
            }
        }
        line.trim_end().to_owned() + "\n"
    };
    let rule = format_line(
        widths
            .map(|width| "-".repeat(width))
            .each_ref()
            .map(String::as_str),
    );

    let mut out = format_line(header);
    out.push_str(&rule);
    for line in &body {
        out.push_str(&format_line(line.each_ref().map(String::as_str)));
    }
    out.push_str(&rule);
    out.push_str(&format_line(total.each_ref().map(String::as_str)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(method: &str, path: &str, tag: &str) -> Entry {
        Entry {
            method: method.into(),
            path: path.into(),
            operation_id: String::new(),
            tag: tag.into(),
            deprecated: false,
        }
    }

    fn inventory() -> Inventory {
        Inventory::new(
            "t",
            vec![
                entry("GET", "/users", "Users"),
                entry("POST", "/users", "Users"),
                entry("GET", "/users/{user_id}", "Users"),
                entry("GET", "/clients", "Clients"),
                entry("GET", "/misc", ""),
                entry("GET", "/keys", "API Keys"),
            ],
        )
        .expect("valid")
    }

    fn declared(method: &'static str, path: &'static str) -> Declared<'static> {
        Declared {
            resource: "R",
            name: "n",
            method,
            path,
            deprecated: false,
        }
    }

    #[test]
    fn counts_per_tag_and_lists_the_missing() {
        let inventory = inventory();
        let items = [
            declared("GET", "/users/{id}"),
            declared("GET", "/users"),
            declared("GET", "/users"),
            declared("DELETE", "/nowhere"),
        ];
        let coverage = Coverage::compute(&inventory, &items);
        let rows: Vec<(&str, usize, usize)> = coverage
            .rows()
            .iter()
            .map(|row| (row.tag.as_str(), row.declared, row.total))
            .collect();
        assert_eq!(
            rows,
            [
                ("(untagged)", 0, 1),
                ("API Keys", 0, 1),
                ("Clients", 0, 1),
                ("Users", 2, 3)
            ]
        );
        assert_eq!((coverage.total().declared, coverage.total().total), (2, 6));
        let missing: Vec<(&str, Vec<&str>)> = coverage
            .missing()
            .iter()
            .map(|(tag, entries)| {
                (
                    tag.as_str(),
                    entries.iter().map(|e| e.path.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            missing,
            [
                ("(untagged)", vec!["/misc"]),
                ("API Keys", vec!["/keys"]),
                ("Clients", vec!["/clients"]),
                ("Users", vec!["/users"])
            ]
        );
    }

    #[test]
    fn filters_by_tag_ignoring_case() {
        let inventory = inventory();
        let coverage = Coverage::compute(&inventory, &[]);
        let users = coverage.clone().only_tag("users").expect("tag exists");
        assert_eq!(users.rows().len(), 1);
        assert_eq!(users.total().total, 3);
        assert_eq!(users.missing().len(), 1);
        assert!(coverage.clone().only_tag("").is_some());
        assert!(coverage.only_tag("Nope").is_none());
    }

    #[test]
    fn percent_has_one_rounded_decimal() {
        let row = |declared, total| TagRow {
            tag: String::new(),
            declared,
            total,
        };
        assert_eq!(row(1, 3).percent(), "33.3%");
        assert_eq!(row(2, 3).percent(), "66.7%");
        assert_eq!(row(3, 3).percent(), "100.0%");
        assert_eq!(row(0, 7).percent(), "0.0%");
        assert_eq!(row(0, 0).percent(), "-");
    }

    #[test]
    fn table_is_aligned_with_a_total_row() {
        let rows = [
            TagRow {
                tag: "Clients".into(),
                declared: 1,
                total: 4,
            },
            TagRow {
                tag: "Organization Memberships".into(),
                declared: 12,
                total: 12,
            },
        ];
        let total = TagRow {
            tag: "TOTAL".into(),
            declared: 13,
            total: 16,
        };
        let expected = "\
tag                       declared  total  percent
------------------------  --------  -----  -------
Clients                          1      4    25.0%
Organization Memberships        12     12   100.0%
------------------------  --------  -----  -------
TOTAL                           13     16    81.3%
";
        assert_eq!(render_table(&rows, &total), expected);
    }
}
