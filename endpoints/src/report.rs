//! The text printed by `endpoints coverage`: the table, then drafts of what is missing.

use crate::coverage::{render_table, Coverage};
use crate::declared::Declared;
use crate::draft::{draft_line, draft_names};
use crate::inventory::Inventory;
use crate::spec::Spec;

/// What `endpoints coverage` shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Leave out the table; print only the missing operations.
    pub missing_only: bool,
    /// Show only this tag (compared ignoring ASCII case).
    pub tag: Option<String>,
}

/// The coverage report of `inventory` by `declared`.
///
/// Drafts take their query, body and response from `spec` when given (looked
/// up by exact method and path); without it they draft the route only.
/// Fails with the list of known tags when `options.tag` names none.
pub fn coverage_report(
    inventory: &Inventory,
    declared: &[Declared<'_>],
    spec: Option<&Spec>,
    options: &ReportOptions,
) -> Result<String, UnknownTag> {
    let mut coverage = Coverage::compute(inventory, declared);
    if let Some(tag) = &options.tag {
        coverage = coverage.only_tag(tag).ok_or_else(|| UnknownTag {
            tag: tag.clone(),
            known: inventory.tags().into_iter().map(str::to_owned).collect(),
        })?;
    }

    let mut out = String::new();
    if !options.missing_only {
        out.push_str(&render_table(coverage.rows(), &coverage.total()));
    }
    let missing_count: usize = coverage
        .missing()
        .iter()
        .map(|(_, entries)| entries.len())
        .sum();
    if !out.is_empty() {
        out.push('\n');
    }
    if missing_count == 0 {
        out.push_str("Nothing missing.\n");
        return Ok(out);
    }
    out.push_str(&format!("Missing operations: {missing_count}\n"));
    for (tag, entries) in coverage.missing() {
        out.push_str(&format!("\n{tag} ({} missing)\n", entries.len()));
        let taken: Vec<&str> = declared
            .iter()
            .filter(|item| {
                inventory
                    .find(item.method, item.path)
                    .is_some_and(|entry| entry.display_tag() == tag)
            })
            .map(|item| item.name)
            .collect();
        for (entry, name) in entries.iter().zip(draft_names(entries, &taken)) {
            let shape = spec.and_then(|spec| spec.shape(&entry.method, &entry.path));
            out.push_str(&draft_line(entry, &name, shape));
            out.push('\n');
        }
    }
    Ok(out)
}

/// A `--tag` that names no tag of the inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag {
    /// The tag asked for.
    pub tag: String,
    /// The tags the inventory has.
    pub known: Vec<String>,
}

impl std::fmt::Display for UnknownTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no operation is tagged {:?}; tags: {}",
            self.tag,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownTag {}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r##"
info: {version: t}
paths:
  /users:
    get:
      operationId: GetUserList
      tags: [Users]
      parameters:
        - {name: limit, in: query}
        - {name: offset, in: query}
      responses:
        '200':
          description: users
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/User'}}
  /users/ban:
    post:
      operationId: UsersBan
      tags: [Users]
      responses:
        '200':
          description: users
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/User'}}
  /users/{user_id}/ban:
    post:
      operationId: BanUser
      tags: [Users]
      responses:
        '200':
          description: user
          content:
            application/json:
              schema: {$ref: '#/components/schemas/User'}
  /jwks:
    get:
      operationId: GetJWKS
      tags: [JWKS]
      responses:
        '200':
          description: keys
          content:
            application/json:
              schema: {$ref: '#/components/schemas/JWKS'}
components:
  schemas:
    User: {type: object}
    JWKS: {type: object}
"##;

    fn declared() -> [Declared<'static>; 2] {
        [
            Declared {
                resource: "Jwks",
                name: "get",
                method: "GET",
                path: "/jwks",
                deprecated: false,
            },
            Declared {
                resource: "Users",
                name: "ban",
                method: "POST",
                path: "/users/{user_id}/ban",
                deprecated: false,
            },
        ]
    }

    #[test]
    fn full_report() {
        let spec = Spec::parse(SPEC).expect("parses");
        let inventory = spec.inventory().expect("inventory");
        let report = coverage_report(
            &inventory,
            &declared(),
            Some(&spec),
            &ReportOptions::default(),
        )
        .expect("report");
        let expected = "\
tag    declared  total  percent
-----  --------  -----  -------
JWKS          1      1   100.0%
Users         1      3    33.3%
-----  --------  -----  -------
TOTAL         2      4    50.0%

Missing operations: 2

Users (2 missing)
    get_list = GET \"/users\" query(GetUserListParams) -> Page<User>;
    users_ban = POST \"/users/ban\" -> Vec<User>;
";
        assert_eq!(report, expected);
    }

    #[test]
    fn filtered_reports() {
        let spec = Spec::parse(SPEC).expect("parses");
        let inventory = spec.inventory().expect("inventory");
        let options = ReportOptions {
            missing_only: true,
            tag: Some("jwks".into()),
        };
        let report =
            coverage_report(&inventory, &declared(), Some(&spec), &options).expect("report");
        assert_eq!(report, "Nothing missing.\n");

        let options = ReportOptions {
            missing_only: true,
            tag: Some("Users".into()),
        };
        let report = coverage_report(&inventory, &declared(), None, &options).expect("report");
        assert!(report.starts_with("Missing operations: 2\n\nUsers (2 missing)\n"));
        assert!(
            report.contains("    users_ban = POST \"/users/ban\" -> serde_json::Value; // no spec")
        );

        let options = ReportOptions {
            missing_only: false,
            tag: Some("Nope".into()),
        };
        let error =
            coverage_report(&inventory, &declared(), None, &options).expect_err("unknown tag");
        assert_eq!(error.known, ["JWKS", "Users"]);
    }
}
