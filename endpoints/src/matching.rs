//! How a declared endpoint is matched with an operation of the spec.
//!
//! Two endpoints are the same when their methods are equal and their path
//! templates are equal once the names of the path parameters are ignored:
//! `/users/{id}` and `/users/{user_id}` address the same URLs. OpenAPI itself
//! forbids two paths that differ only in parameter names, so this never
//! merges distinct operations. Methods must be spelled exactly (upper-case).

/// A path template with every `{parameter}` replaced by `{}`.
///
/// Text outside braces is kept as is; an unclosed `{` is kept literally.
pub fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        match from_brace.find('}') {
            Some(close) => {
                out.push_str("{}");
                rest = &from_brace[close + 1..];
            }
            None => {
                out.push_str(from_brace);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The key under which an endpoint is matched: method and normalized path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EndpointKey {
    /// The HTTP method, as written.
    pub method: String,
    /// The path template with parameter names erased.
    pub path: String,
}

impl EndpointKey {
    /// The key of `method` and `path`.
    pub fn new(method: &str, path: &str) -> Self {
        EndpointKey {
            method: method.to_owned(),
            path: normalize_path(path),
        }
    }
}

/// Whether two (method, path template) pairs name the same operation.
pub fn same_endpoint(method_a: &str, path_a: &str, method_b: &str, path_b: &str) -> bool {
    method_a == method_b && normalize_path(path_a) == normalize_path(path_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_erased() {
        assert_eq!(normalize_path("/users/{user_id}"), "/users/{}");
        assert_eq!(
            normalize_path("/templates/{template_type}/{slug}/revert"),
            "/templates/{}/{}/revert"
        );
        assert_eq!(normalize_path("/files/{name}.json"), "/files/{}.json");
        assert_eq!(normalize_path("/users"), "/users");
        assert_eq!(normalize_path("/broken/{oops"), "/broken/{oops");
    }

    #[test]
    fn same_template_with_other_parameter_names_matches() {
        assert!(same_endpoint(
            "GET",
            "/users/{user_id}",
            "GET",
            "/users/{user_id}"
        ));
        assert!(same_endpoint(
            "GET",
            "/users/{id}",
            "GET",
            "/users/{user_id}"
        ));
    }

    #[test]
    fn different_method_or_literal_segment_does_not_match() {
        assert!(!same_endpoint(
            "POST",
            "/users/{user_id}",
            "GET",
            "/users/{user_id}"
        ));
        assert!(!same_endpoint("get", "/users", "GET", "/users"));
        assert!(!same_endpoint(
            "GET",
            "/users/count",
            "GET",
            "/users/{user_id}"
        ));
        assert!(!same_endpoint("GET", "/users/", "GET", "/users"));
        assert!(!same_endpoint(
            "GET",
            "/user/{user_id}",
            "GET",
            "/users/{user_id}"
        ));
    }

    #[test]
    fn keys_compare_like_same_endpoint() {
        assert_eq!(
            EndpointKey::new("DELETE", "/a/{x}/b/{y}"),
            EndpointKey::new("DELETE", "/a/{p}/b/{q}")
        );
        assert_ne!(
            EndpointKey::new("DELETE", "/a/{x}"),
            EndpointKey::new("PUT", "/a/{x}")
        );
    }
}
