//! What an OAuth application's fields must look like, shared by its create and update: the
//! name, the redirect URIs (any scheme, as the spec allows `myapp://`) and the scopes, and
//! the random client credentials Clerk hands out.

use super::reply::ApiError;
use super::shared::value_invalid;

/// The scopes an application may ask for: the four the spec lists, plus `openid` and
/// `offline_access`, which Clerk's OAuth provider also serves (ID tokens, refresh tokens).
const SCOPES: [&str; 6] = [
    "profile",
    "email",
    "public_metadata",
    "private_metadata",
    "openid",
    "offline_access",
];

/// The scopes an application gets when none are given (the spec's default).
pub(super) const DEFAULT_SCOPES: &str = "profile email";

/// A name of 1 to 256 characters, trimmed.
pub(super) fn check_name(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::missing("name"));
    }
    if name.chars().count() > 256 {
        return Err(value_invalid(
            "name",
            "name should not exceed 256 characters.",
        ));
    }
    Ok(name.to_owned())
}

/// Whether `uri` is an absolute URL with a scheme and something after it.
fn is_url(uri: &str) -> bool {
    uri.split_once("://").is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// The redirect URIs to store: `redirect_uris` when given, else the deprecated single
/// `callback_url`; each must be a URL of at most 1024 characters.
pub(super) fn redirect_uris(
    uris: Option<Vec<String>>,
    callback_url: Option<String>,
) -> Result<Option<Vec<String>>, ApiError> {
    let (param, uris) = match (uris, callback_url) {
        (Some(uris), _) => ("redirect_uris", uris),
        (None, Some(url)) if url.is_empty() => ("callback_url", Vec::new()),
        (None, Some(url)) => ("callback_url", vec![url]),
        (None, None) => return Ok(None),
    };
    if let Some(bad) = uris.iter().find(|u| !is_url(u) || u.len() > 1024) {
        return Err(ApiError::invalid(
            param,
            format!("{bad} is not a valid URL."),
        ));
    }
    Ok(Some(uris))
}

/// Space-separated scopes among [`SCOPES`], normalized to single spaces.
pub(super) fn check_scopes(raw: &str) -> Result<String, ApiError> {
    let scopes: Vec<&str> = raw.split_whitespace().collect();
    if let Some(bad) = scopes.iter().find(|s| !SCOPES.contains(s)) {
        return Err(value_invalid(
            "scopes",
            format!(
                "{bad} is not a supported scope. Available scopes: {}",
                SCOPES.join(", ")
            ),
        ));
    }
    Ok(scopes.join(" "))
}

/// `len` random letters and digits, the shape of Clerk's client ids and secrets.
pub(super) fn random_alphanumeric(len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    (0..len)
        .map(|_| char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{check_scopes, redirect_uris};

    #[test]
    fn redirect_uris_take_any_scheme_and_fall_back_on_the_callback_url() {
        let uris = redirect_uris(None, Some("myapp://callback".to_owned())).ok();
        assert_eq!(uris, Some(Some(vec!["myapp://callback".to_owned()])));
        assert!(redirect_uris(Some(vec!["not a url".to_owned()]), None).is_err());
        assert_eq!(redirect_uris(None, None).ok(), Some(None));
    }

    #[test]
    fn scopes_are_the_supported_ones() {
        assert_eq!(
            check_scopes(" profile  email ").ok().as_deref(),
            Some("profile email")
        );
        assert!(check_scopes("profile admin").is_err());
    }
}
