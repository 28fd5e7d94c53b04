//! Endpoints as the `clerk` crate declares them, independent of that crate.

use std::fmt;

/// One endpoint declared by the `clerk` crate's catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared<'a> {
    /// Resource group, e.g. `Users`.
    pub resource: &'a str,
    /// Method name within the resource, e.g. `get`.
    pub name: &'a str,
    /// HTTP method, upper-case.
    pub method: &'a str,
    /// Path template, e.g. `/users/{user_id}`.
    pub path: &'a str,
    /// Whether the declaration is marked deprecated.
    pub deprecated: bool,
}

impl fmt::Display for Declared<'_> {
    /// `Users.get (GET /users/{user_id})`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{} ({} {})",
            self.resource, self.name, self.method, self.path
        )
    }
}

/// The catalog of the `clerk` crate, as plain data.
pub fn clerk_catalog() -> Vec<Declared<'static>> {
    clerk_backend::catalog::endpoints()
        .map(|endpoint| Declared {
            resource: endpoint.resource,
            name: endpoint.name,
            method: endpoint.method,
            path: endpoint.path,
            deprecated: endpoint.deprecated,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_name_and_route() {
        let declared = Declared {
            resource: "Users",
            name: "get",
            method: "GET",
            path: "/users/{user_id}",
            deprecated: false,
        };
        assert_eq!(declared.to_string(), "Users.get (GET /users/{user_id})");
    }
}
