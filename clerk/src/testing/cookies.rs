//! The browser cookies the stand-in hands out (the handshake's directives, a refresh's
//! cookies) and the publishable key their names derive from; a leaf every module may use.

/// `pk_test_` + base64(`<host:port>$`) for `http://<host:port>`: a development instance's
/// publishable key whose Frontend API is the stand-in itself.
pub(super) fn publishable_key(origin: &str) -> String {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    let host = origin.strip_prefix("http://").unwrap_or(origin);
    format!("pk_test_{}", STANDARD.encode(format!("{host}$")))
}

/// The suffix of the stand-in's cookie names (`__session_<suffix>`...), as the SDKs derive
/// it from the publishable key.
pub(super) fn suffix(origin: &str) -> String {
    crate::auth::cookie_suffix(&publishable_key(origin))
}

/// What happens to the `__refresh_<suffix>` cookie.
#[derive(Debug, Clone, Copy)]
pub(super) enum Refresh<'a> {
    /// Not written: the browser keeps the one it has.
    Keep,
    /// Set to this refresh token.
    Set(&'a str),
    /// Cleared.
    Clear,
}

/// The state a browser is told to hold, which [`directives`] writes out.
#[derive(Debug, Clone, Copy)]
pub(super) struct Jar<'a> {
    /// The session token and the `__client_uat` (unix seconds) when signed in; `None` signs
    /// the browser out.
    pub session: Option<(&'a str, i64)>,
    /// Whether the `_<suffix>` copies of `__session` and `__client_uat` are written too.
    pub suffixed: bool,
    /// The refresh cookie.
    pub refresh: Refresh<'a>,
    /// The dev browser token (`__clerk_db_jwt`) of a development instance, when it is set.
    pub dev_browser: Option<&'a str>,
}

/// The `Set-Cookie` values for `jar`, cookie names suffixed with `suffix`. Plain http on
/// loopback: `Path=/; SameSite=Lax`, never `Secure` nor `Domain`.
pub(super) fn directives(jar: &Jar<'_>, suffix: &str) -> Vec<String> {
    let (token, uat) = match jar.session {
        Some((token, uat)) => (token.to_owned(), uat.to_string()),
        None => (String::new(), "0".to_owned()),
    };
    // An emptied session cookie must also go from the browser at once.
    let session_flags: &[&str] = if jar.session.is_some() {
        &[]
    } else {
        &["Max-Age=0"]
    };
    let mut out = vec![cookie("__session", &token, session_flags)];
    if jar.suffixed {
        out.push(cookie(
            &format!("__session_{suffix}"),
            &token,
            session_flags,
        ));
    }
    out.push(cookie("__client_uat", &uat, &[]));
    if jar.suffixed {
        out.push(cookie(&format!("__client_uat_{suffix}"), &uat, &[]));
    }
    let refresh = format!("__refresh_{suffix}");
    match jar.refresh {
        Refresh::Keep => {}
        Refresh::Set(token) => out.push(cookie(&refresh, token, &["HttpOnly"])),
        Refresh::Clear => out.push(cookie(&refresh, "", &["Max-Age=0"])),
    }
    if let Some(token) = jar.dev_browser {
        out.push(cookie("__clerk_db_jwt", token, &[]));
    }
    out
}

/// One `Set-Cookie` value: `name=value; Path=/; SameSite=Lax` and `flags`.
fn cookie(name: &str, value: &str, flags: &[&str]) -> String {
    let mut out = format!("{name}={value}; Path=/; SameSite=Lax");
    for flag in flags {
        out.push_str("; ");
        out.push_str(flag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{directives, publishable_key, Jar, Refresh};

    #[test]
    fn the_publishable_key_encodes_host_and_port_like_clerk() {
        // base64 of `127.0.0.1:8787$`, padded as btoa pads.
        assert_eq!(
            publishable_key("http://127.0.0.1:8787"),
            "pk_test_MTI3LjAuMC4xOjg3ODck"
        );
        // 16 bytes: one `=` of padding.
        assert_eq!(
            publishable_key("http://127.0.0.1:80"),
            "pk_test_MTI3LjAuMC4xOjgwJA=="
        );
    }

    #[test]
    fn signed_in_sets_every_cookie_and_signed_out_clears_them() {
        let signed_in = Jar {
            session: Some(("jwt", 1700)),
            suffixed: true,
            refresh: Refresh::Set("rt_1"),
            dev_browser: Some("dvb_1"),
        };
        assert_eq!(
            directives(&signed_in, "sfx"),
            [
                "__session=jwt; Path=/; SameSite=Lax",
                "__session_sfx=jwt; Path=/; SameSite=Lax",
                "__client_uat=1700; Path=/; SameSite=Lax",
                "__client_uat_sfx=1700; Path=/; SameSite=Lax",
                "__refresh_sfx=rt_1; Path=/; SameSite=Lax; HttpOnly",
                "__clerk_db_jwt=dvb_1; Path=/; SameSite=Lax",
            ]
        );
        let signed_out = Jar {
            session: None,
            suffixed: false,
            refresh: Refresh::Clear,
            dev_browser: None,
        };
        assert_eq!(
            directives(&signed_out, "sfx"),
            [
                "__session=; Path=/; SameSite=Lax; Max-Age=0",
                "__client_uat=0; Path=/; SameSite=Lax",
                "__refresh_sfx=; Path=/; SameSite=Lax; Max-Age=0",
            ]
        );
    }
}
