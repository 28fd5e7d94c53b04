//! Consistency of the declared endpoints with the inventory.

use std::collections::HashMap;
use std::fmt;

use crate::declared::Declared;
use crate::inventory::Inventory;
use crate::matching::EndpointKey;

/// An endpoint the `clerk` crate keeps although the spec no longer lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Legacy {
    /// Resource group of the declaration.
    pub resource: &'static str,
    /// Method name of the declaration.
    pub name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template.
    pub path: &'static str,
}

impl Legacy {
    /// Whether `declared` is exactly this legacy endpoint.
    pub fn matches(&self, declared: &Declared<'_>) -> bool {
        self.resource == declared.resource
            && self.name == declared.name
            && self.method == declared.method
            && self.path == declared.path
    }
}

impl fmt::Display for Legacy {
    /// `Emails.create (POST /emails)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{} ({} {})",
            self.resource, self.name, self.method, self.path
        )
    }
}

/// Declarations allowed to match no operation of the spec. Each must still be
/// declared exactly so, and marked deprecated.
pub const LEGACY: &[Legacy] = &[
    Legacy {
        resource: "Emails",
        name: "create",
        method: "POST",
        path: "/emails",
    },
    Legacy {
        resource: "SmsMessages",
        name: "create",
        method: "POST",
        path: "/sms_messages",
    },
    Legacy {
        resource: "Sessions",
        name: "verify",
        method: "POST",
        path: "/sessions/{session_id}/verify",
    },
];

/// Something wrong with the declarations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem<'a> {
    /// The declaration matches no operation of the spec and is not legacy.
    NotInSpec(Declared<'a>),
    /// The declaration matches an operation whose path names its parameters differently.
    ParameterNames {
        /// The declaration.
        declared: Declared<'a>,
        /// The path template as the spec writes it.
        spec_path: String,
    },
    /// Two declarations are the same endpoint.
    Duplicate {
        /// The earlier declaration.
        first: Declared<'a>,
        /// The later one.
        second: Declared<'a>,
    },
    /// The spec deprecates the operation but the declaration is not deprecated.
    NotDeprecated {
        /// The declaration.
        declared: Declared<'a>,
        /// The operation's operationId.
        operation_id: String,
    },
    /// A [`LEGACY`] entry that no declaration matches exactly.
    LegacyNotDeclared(Legacy),
    /// A declaration of a [`LEGACY`] endpoint that is not marked deprecated.
    LegacyNotDeprecated(Declared<'a>),
    /// An operation of the spec, deprecated or not, that nothing declares.
    NotDeclared {
        /// `GET /users/{user_id}`.
        route: String,
        /// The operation's operationId.
        operation_id: String,
        /// The operation's tag.
        tag: String,
    },
}

impl fmt::Display for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotInSpec(declared) => write!(
                f,
                "{declared} matches no operation of the spec (wrong method or path?) and is not in LEGACY"
            ),
            Problem::ParameterNames { declared, spec_path } => write!(
                f,
                "{declared} names its path parameters differently from the spec's {spec_path}"
            ),
            Problem::Duplicate { first, second } => {
                write!(f, "{first} and {second} are the same endpoint")
            }
            Problem::NotDeprecated {
                declared,
                operation_id,
            } => write!(
                f,
                "{declared} is not marked deprecated, but the spec deprecates {operation_id}"
            ),
            Problem::LegacyNotDeclared(legacy) => write!(
                f,
                "LEGACY lists {legacy}, but no declaration matches it exactly (remove it from LEGACY?)"
            ),
            Problem::LegacyNotDeprecated(declared) => {
                write!(f, "{declared} is a legacy endpoint and must be marked deprecated")
            }
            Problem::NotDeclared {
                route,
                operation_id,
                tag,
            } => write!(
                f,
                "{route} ({operation_id}, tag {tag}) has no declaration; `cargo run -p endpoints -- coverage` drafts one"
            ),
        }
    }
}

/// Checks `declared` against `inventory`, allowing the [`LEGACY`] endpoints.
pub fn check<'a>(inventory: &Inventory, declared: &[Declared<'a>]) -> Vec<Problem<'a>> {
    check_with_legacy(inventory, declared, LEGACY)
}

/// [`check`] with another list of legacy endpoints.
pub fn check_with_legacy<'a>(
    inventory: &Inventory,
    declared: &[Declared<'a>],
    legacy: &[Legacy],
) -> Vec<Problem<'a>> {
    let mut problems = Vec::new();
    let mut seen: HashMap<EndpointKey, Declared<'a>> = HashMap::new();

    for &item in declared {
        if let Some(&first) = seen.get(&EndpointKey::new(item.method, item.path)) {
            problems.push(Problem::Duplicate {
                first,
                second: item,
            });
        } else {
            seen.insert(EndpointKey::new(item.method, item.path), item);
        }

        let is_legacy = legacy.iter().any(|known| known.matches(&item));
        if is_legacy && !item.deprecated {
            problems.push(Problem::LegacyNotDeprecated(item));
        }

        // A legacy endpoint that the spec lists again is checked like any other.
        match inventory.find(item.method, item.path) {
            None if is_legacy => {}
            None => problems.push(Problem::NotInSpec(item)),
            Some(entry) => {
                if entry.path != item.path {
                    problems.push(Problem::ParameterNames {
                        declared: item,
                        spec_path: entry.path.clone(),
                    });
                }
                if entry.deprecated && !item.deprecated {
                    problems.push(Problem::NotDeprecated {
                        declared: item,
                        operation_id: entry.operation_id.clone(),
                    });
                }
            }
        }
    }

    for known in legacy {
        if !declared.iter().any(|item| known.matches(item)) {
            problems.push(Problem::LegacyNotDeclared(*known));
        }
    }
    for entry in inventory.entries() {
        if !seen.contains_key(&EndpointKey::new(&entry.method, &entry.path)) {
            problems.push(Problem::NotDeclared {
                route: format!("{} {}", entry.method, entry.path),
                operation_id: entry.operation_id.clone(),
                tag: entry.tag.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::Entry;

    fn inventory() -> Inventory {
        let entry = |method: &str, path: &str, id: &str, deprecated: bool| Entry {
            method: method.into(),
            path: path.into(),
            operation_id: id.into(),
            tag: "Users".into(),
            deprecated,
        };
        Inventory::new(
            "test",
            vec![
                entry("GET", "/users", "GetUserList", false),
                entry("GET", "/users/{user_id}", "GetUser", false),
                entry("GET", "/clients", "GetClientList", true),
            ],
        )
        .expect("valid")
    }

    fn declared(
        resource: &'static str,
        name: &'static str,
        method: &'static str,
        path: &'static str,
    ) -> Declared<'static> {
        Declared {
            resource,
            name,
            method,
            path,
            deprecated: false,
        }
    }

    /// The problems about the declarations themselves, leaving out undeclared operations.
    fn declared_only<'a>(
        inventory: &Inventory,
        declared: &[Declared<'a>],
        legacy: &[Legacy],
    ) -> Vec<Problem<'a>> {
        check_with_legacy(inventory, declared, legacy)
            .into_iter()
            .filter(|p| !matches!(p, Problem::NotDeclared { .. }))
            .collect()
    }

    #[test]
    fn undeclared_operations_are_reported_deprecated_or_not() {
        let items = [declared("Users", "list", "GET", "/users")];
        let problems = check_with_legacy(&inventory(), &items, &[]);
        let routes: Vec<String> = problems
            .iter()
            .map(|p| match p {
                Problem::NotDeclared { route, .. } => route.clone(),
                other => panic!("unexpected {other}"),
            })
            .collect();
        assert_eq!(routes, ["GET /clients", "GET /users/{user_id}"]);
        assert!(problems[0].to_string().contains("GetClientList"));
    }

    fn deprecated(mut item: Declared<'static>) -> Declared<'static> {
        item.deprecated = true;
        item
    }

    const OLD: Legacy = Legacy {
        resource: "Emails",
        name: "create",
        method: "POST",
        path: "/emails",
    };

    fn legacy_ok() -> Declared<'static> {
        deprecated(declared("Emails", "create", "POST", "/emails"))
    }

    #[test]
    fn a_correct_catalog_has_no_problems() {
        let items = [
            declared("Users", "list", "GET", "/users"),
            declared("Users", "get", "GET", "/users/{user_id}"),
            deprecated(declared("Clients", "list", "GET", "/clients")),
            legacy_ok(),
        ];
        assert_eq!(check_with_legacy(&inventory(), &items, &[OLD]), []);
    }

    #[test]
    fn typos_in_method_or_path_are_reported() {
        let wrong_method = declared("Users", "get", "POST", "/users/{user_id}");
        let wrong_path = declared("Users", "list", "GET", "/user");
        let problems = declared_only(
            &inventory(),
            &[wrong_method, wrong_path, legacy_ok()],
            &[OLD],
        );
        assert_eq!(
            problems,
            [
                Problem::NotInSpec(wrong_method),
                Problem::NotInSpec(wrong_path)
            ]
        );
    }

    #[test]
    fn other_parameter_names_are_reported() {
        let renamed = declared("Users", "get", "GET", "/users/{id}");
        let problems = declared_only(&inventory(), &[renamed, legacy_ok()], &[OLD]);
        assert_eq!(
            problems,
            [Problem::ParameterNames {
                declared: renamed,
                spec_path: "/users/{user_id}".into()
            }]
        );
    }

    #[test]
    fn duplicates_are_reported() {
        let first = declared("Users", "get", "GET", "/users/{user_id}");
        let second = declared("Users", "fetch", "GET", "/users/{user_id}");
        let problems = declared_only(&inventory(), &[first, second, legacy_ok()], &[OLD]);
        assert_eq!(problems, [Problem::Duplicate { first, second }]);
    }

    #[test]
    fn spec_deprecation_must_be_followed() {
        let item = declared("Clients", "list", "GET", "/clients");
        let problems = declared_only(&inventory(), &[item, legacy_ok()], &[OLD]);
        assert_eq!(
            problems,
            [Problem::NotDeprecated {
                declared: item,
                operation_id: "GetClientList".into()
            }]
        );
    }

    #[test]
    fn legacy_entries_must_be_declared_exactly_and_deprecated() {
        // Declared under another name: not legacy, and the entry is unmatched.
        let renamed = deprecated(declared("Emails", "send", "POST", "/emails"));
        let problems = declared_only(&inventory(), &[renamed], &[OLD]);
        assert_eq!(
            problems,
            [Problem::NotInSpec(renamed), Problem::LegacyNotDeclared(OLD)]
        );

        let not_deprecated = declared("Emails", "create", "POST", "/emails");
        let problems = declared_only(&inventory(), &[not_deprecated], &[OLD]);
        assert_eq!(problems, [Problem::LegacyNotDeprecated(not_deprecated)]);
    }

    #[test]
    fn the_legacy_list_is_the_documented_one() {
        let routes: Vec<String> = LEGACY.iter().map(ToString::to_string).collect();
        assert_eq!(
            routes,
            [
                "Emails.create (POST /emails)",
                "SmsMessages.create (POST /sms_messages)",
                "Sessions.verify (POST /sessions/{session_id}/verify)",
            ]
        );
    }

    #[test]
    fn problems_read_well() {
        let item = declared("Users", "get", "GTE", "/users/{user_id}");
        assert_eq!(
            Problem::NotInSpec(item).to_string(),
            "Users.get (GTE /users/{user_id}) matches no operation of the spec (wrong method or path?) and is not in LEGACY"
        );
    }
}
