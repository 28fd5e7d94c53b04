//! Path building: every parameter becomes exactly one percent-encoded segment.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{Error, Result};

/// Everything but RFC 3986 unreserved characters and `:` / `@` is encoded, so `/`, `?`, `#`,
/// `%` and spaces in an id can never change the route. `:` and `@` are legal in a segment and
/// stay as they are, because keys such as `org:admin` are matched on the raw path by some
/// routers.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b'@');

/// A value that fills one `{param}` of a path: plain `&str` ids, or typed keys such as
/// [`OrganizationKey`](crate::models::OrganizationKey) that validate themselves.
pub trait PathParam {
    /// The raw (unencoded) segment, or why this value cannot be one.
    fn path_value(&self) -> std::result::Result<&str, String>;
}

impl PathParam for &str {
    fn path_value(&self) -> std::result::Result<&str, String> {
        Ok(self)
    }
}

/// Joins template literals and encoded parameters: `literals.len() == params.len() + 1`.
///
/// Rejects empty parameters and the dot segments `.` / `..`, which URL normalisation would
/// otherwise resolve even when percent-encoded.
pub fn path(literals: &[&str], params: &[(&'static str, &dyn PathParam)]) -> Result<String> {
    let mut out = String::with_capacity(literals.iter().map(|l| l.len()).sum::<usize>() + 32);
    for (i, literal) in literals.iter().enumerate() {
        out.push_str(literal);
        if let Some((name, param)) = params.get(i) {
            let value = param
                .path_value()
                .map_err(|why| Error::invalid(format!("path parameter `{name}`: {why}")))?;
            check(name, value)?;
            out.extend(utf8_percent_encode(value, SEGMENT));
        }
    }
    Ok(out)
}

fn check(name: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(format!(
            "path parameter `{name}` must not be empty"
        )));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid(format!(
            "path parameter `{name}` must not be `.` or `..`"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_each_parameter_as_one_segment() {
        let p = path(&["/users/", "/ban"], &[("user_id", &"a/b?c#d e%")]);
        assert_eq!(p.ok().as_deref(), Some("/users/a%2Fb%3Fc%23d%20e%25/ban"));
        let p = path(&["/role_sets/", ""], &[("key", &"role_set:main@v2")]);
        assert_eq!(p.ok().as_deref(), Some("/role_sets/role_set:main@v2"));
    }

    #[test]
    fn rejects_empty_and_dot_segments() {
        for bad in ["", "  ", ".", ".."] {
            let err = path(&["/users/", ""], &[("user_id", &bad)]);
            assert!(matches!(err, Err(Error::InvalidInput { .. })), "{bad:?}");
        }
        assert_eq!(
            path(&["/users/", ""], &[("user_id", &"../users")])
                .ok()
                .as_deref(),
            Some("/users/..%2Fusers")
        );
    }
}
