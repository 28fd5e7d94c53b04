//! Drafting declaration lines for operations the `clerk` crate lacks, e.g.
//! `    ban = POST "/users/{user_id}/ban" -> User;`.

use crate::inventory::Entry;
use crate::shape::{Body, Response, Shape};

/// Words that cannot name a Rust method; a drafted name equal to one gets a `_` suffix.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "unsafe", "use", "where", "while", "yield",
];

/// Brand spellings split as one word rather than by their inner capitals.
const ONE_WORD: &[&str] = &["OAuth"];

/// The lower-case words of an identifier or phrase.
///
/// Splits at anything not alphanumeric, before an upper-case letter that
/// follows a lower-case one (`getUser`), and before the last capital of an
/// acronym followed by lower-case (`JWKSList` → `jwks`, `list`). Digits stay
/// inside their word (`M2MToken` → `m2m`, `token`).
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for piece in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let chars: Vec<char> = piece.chars().collect();
        let mut current = String::new();
        let mut i = 0;
        while i < chars.len() {
            if let Some(brand) = ONE_WORD
                .iter()
                .find(|brand| starts_with_at(&chars, i, brand))
            {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                words.push(brand.to_ascii_lowercase());
                i += brand.len();
                continue;
            }
            let c = chars[i];
            if c.is_ascii_uppercase() && !current.is_empty() {
                let previous = chars[i - 1];
                let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if previous.is_ascii_lowercase() || (previous.is_ascii_uppercase() && next_is_lower)
                {
                    words.push(std::mem::take(&mut current));
                }
            }
            current.push(c.to_ascii_lowercase());
            i += 1;
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    let word: Vec<char> = word.chars().collect();
    chars.get(at..at + word.len()) == Some(&word[..])
        && chars
            .get(at + word.len())
            .is_none_or(|c| !c.is_ascii_lowercase())
}

/// `snake_case` of an identifier (`ListOrganizationMemberships` → `list_organization_memberships`).
pub fn snake_case(text: &str) -> String {
    words(text).join("_")
}

/// A Rust type name made from a schema name or operationId: each piece
/// between non-alphanumerics gets a capital first letter, the rest is kept
/// (`GetJWKS` stays, `CommerceSubscriptionItem-2` → `CommerceSubscriptionItem2`).
pub fn type_name(text: &str) -> String {
    let mut out = String::new();
    for piece in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = piece.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    out
}

/// The singular of the last word (`memberships` → `membership`, `directories` → `directory`).
fn singular(mut words: Vec<String>) -> Vec<String> {
    if let Some(last) = words.last_mut() {
        if let Some(stem) = last.strip_suffix("ies") {
            *last = format!("{stem}y");
        } else if last.ends_with("sses") {
            last.truncate(last.len() - 2);
        } else if last.ends_with('s') && !last.ends_with("ss") {
            last.pop();
        }
    }
    words
}

/// The full `snake_case` name of an operation, or a name built from its
/// method and the literal segments of its path when it has no operationId.
pub fn full_name(entry: &Entry) -> String {
    let name = snake_case(&entry.operation_id);
    if !name.is_empty() {
        return safe_ident(name);
    }
    let mut parts = vec![entry.method.to_ascii_lowercase()];
    parts.extend(
        entry
            .path
            .split('/')
            .filter(|segment| !segment.is_empty() && !segment.contains('{'))
            .map(snake_case),
    );
    safe_ident(parts.join("_"))
}

/// The drafted method name: the operationId in `snake_case` with the tag's
/// noun (plural or singular) taken out when that leaves something
/// (`BanUser` under `Users` → `ban`).
pub fn draft_name(entry: &Entry) -> String {
    let id_words = words(&entry.operation_id);
    let tag_words = words(&entry.tag);
    if id_words.is_empty() || tag_words.is_empty() {
        return full_name(entry);
    }
    let singular_words = singular(tag_words.clone());
    for noun in [&tag_words, &singular_words] {
        if noun.len() >= id_words.len() {
            continue;
        }
        if let Some(at) = id_words
            .windows(noun.len())
            .position(|window| window == &noun[..])
        {
            let mut kept = id_words.clone();
            kept.drain(at..at + noun.len());
            return safe_ident(kept.join("_"));
        }
    }
    full_name(entry)
}

fn safe_ident(name: String) -> String {
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The response type as the DSL writes it (`User`, `Page<User>`, `text`, `()`).
pub fn response_type(response: &Response) -> String {
    let item = |name: &Option<String>| {
        name.as_deref()
            .map_or_else(|| "serde_json::Value".to_owned(), type_name)
    };
    match response {
        Response::Empty => "()".to_owned(),
        Response::Text => "text".to_owned(),
        Response::Named(name) => type_name(name),
        Response::Page(name) => format!("Page<{}>", item(name)),
        Response::List(name) => format!("Vec<{}>", item(name)),
        Response::Json => "serde_json::Value".to_owned(),
    }
}

/// One declaration line (indented four spaces, no line break) for `entry`
/// named `name`. Without a shape (no spec at hand) only the route is drafted.
pub fn draft_line(entry: &Entry, name: &str, shape: Option<&Shape>) -> String {
    let mut line = format!("    {name} = {} \"{}\"", entry.method, entry.path);
    let mut notes = Vec::new();
    let base = type_name(&entry.operation_id);
    let base = if base.is_empty() {
        type_name(name)
    } else {
        base
    };
    match shape {
        Some(shape) => {
            if shape.query {
                line.push_str(&format!(" query({base}Params)"));
            }
            match &shape.body {
                Body::None => {}
                Body::Json => line.push_str(&format!(" json({base}Body)")),
                Body::Multipart => line.push_str(&format!(" multipart({base}Form)")),
                Body::Other(media_type) => notes.push(format!("request body is {media_type}")),
            }
            line.push_str(&format!(" -> {};", response_type(&shape.response)));
        }
        None => {
            line.push_str(" -> serde_json::Value;");
            notes.push("no spec: query, body and response not drafted".to_owned());
        }
    }
    if entry.deprecated {
        notes.insert(0, "deprecated".to_owned());
    }
    if !notes.is_empty() {
        line.push_str(" // ");
        line.push_str(&notes.join("; "));
    }
    line
}

/// Drafted names for `entries` (one tag's missing operations): short names
/// where they are distinct from each other and from the `taken` names
/// (declarations already made for the tag), the full `snake_case` name otherwise.
pub fn draft_names(entries: &[&Entry], taken: &[&str]) -> Vec<String> {
    let short: Vec<String> = entries.iter().map(|entry| draft_name(entry)).collect();
    short
        .iter()
        .zip(entries)
        .map(|(name, entry)| {
            let clashes = short.iter().filter(|other| *other == name).count() > 1
                || taken.contains(&name.as_str());
            if clashes {
                full_name(entry)
            } else {
                name.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(method: &str, path: &str, id: &str, tag: &str) -> Entry {
        Entry {
            method: method.into(),
            path: path.into(),
            operation_id: id.into(),
            tag: tag.into(),
            deprecated: false,
        }
    }

    fn shape(query: bool, body: Body, response: Response) -> Shape {
        Shape {
            query,
            paginated: query,
            body,
            response,
        }
    }

    #[test]
    fn words_split_cases_acronyms_digits_and_brands() {
        assert_eq!(
            words("ListOrganizationMemberships"),
            ["list", "organization", "memberships"]
        );
        assert_eq!(words("GetJWKS"), ["get", "jwks"]);
        assert_eq!(words("JWKSList"), ["jwks", "list"]);
        assert_eq!(words("createM2MToken"), ["create", "m2m", "token"]);
        assert_eq!(
            words("GetOAuthAccessToken"),
            ["get", "oauth", "access", "token"]
        );
        assert_eq!(
            words("Allow-list / Block-list"),
            ["allow", "list", "block", "list"]
        );
        assert_eq!(
            snake_case("UsersGetOrganizationMemberships"),
            "users_get_organization_memberships"
        );
    }

    #[test]
    fn type_names_keep_the_operation_id_spelling() {
        assert_eq!(type_name("GetJWKS"), "GetJWKS");
        assert_eq!(type_name("getUsers"), "GetUsers");
        assert_eq!(
            type_name("CommerceSubscriptionItem-2"),
            "CommerceSubscriptionItem2"
        );
        assert_eq!(type_name("WellKnown.JWKS"), "WellKnownJWKS");
        assert_eq!(type_name("2fa"), "T2fa");
    }

    #[test]
    fn names_drop_the_tag_noun() {
        let name = |id: &str, tag: &str| draft_name(&entry("GET", "/x", id, tag));
        assert_eq!(name("BanUser", "Users"), "ban");
        assert_eq!(
            name("ListOrganizationMemberships", "Organization Memberships"),
            "list"
        );
        assert_eq!(
            name("CreateOrganizationMembership", "Organization Memberships"),
            "create"
        );
        assert_eq!(name("GetDirectory", "Directories"), "get");
        assert_eq!(name("UpdateEmailAddress", "Email Addresses"), "update");
        assert_eq!(
            name("UsersGetOrganizationMemberships", "Users"),
            "get_organization_memberships"
        );
        assert_eq!(name("GetJWKS", "JWKS"), "get");
        // Nothing left, or nothing to strip: the whole operationId.
        assert_eq!(name("Users", "Users"), "users");
        assert_eq!(name("VerifyClient", "Sessions"), "verify_client");
        assert_eq!(name("Move", "Things"), "move_");
    }

    #[test]
    fn names_without_operation_id_come_from_the_route() {
        let e = entry("POST", "/users/{user_id}/ban", "", "Users");
        assert_eq!(draft_name(&e), "post_users_ban");
    }

    #[test]
    fn colliding_names_fall_back_to_full_names() {
        let a = entry("GET", "/users", "ListUsers", "Users");
        let b = entry("GET", "/other", "ListUser", "Users");
        let c = entry("POST", "/users/{user_id}/ban", "BanUser", "Users");
        assert_eq!(
            draft_names(&[&a, &b, &c], &[]),
            ["list_users", "list_user", "ban"]
        );
        assert_eq!(draft_names(&[&c], &["ban"]), ["ban_user"]);
    }

    #[test]
    fn response_types() {
        assert_eq!(response_type(&Response::Empty), "()");
        assert_eq!(response_type(&Response::Text), "text");
        assert_eq!(response_type(&Response::Named("User".into())), "User");
        assert_eq!(
            response_type(&Response::Page(Some("User".into()))),
            "Page<User>"
        );
        assert_eq!(
            response_type(&Response::Page(None)),
            "Page<serde_json::Value>"
        );
        assert_eq!(
            response_type(&Response::List(Some("Invitation".into()))),
            "Vec<Invitation>"
        );
        assert_eq!(
            response_type(&Response::List(None)),
            "Vec<serde_json::Value>"
        );
        assert_eq!(response_type(&Response::Json), "serde_json::Value");
    }

    #[test]
    fn lines_in_the_dsl() {
        let ban = entry("POST", "/users/{user_id}/ban", "BanUser", "Users");
        let plain = shape(false, Body::None, Response::Named("User".into()));
        assert_eq!(
            draft_line(&ban, "ban", Some(&plain)),
            r#"    ban = POST "/users/{user_id}/ban" -> User;"#
        );

        let list = entry(
            "GET",
            "/organizations/{organization_id}/memberships",
            "ListOrganizationMemberships",
            "Organization Memberships",
        );
        let paged = shape(
            true,
            Body::None,
            Response::Page(Some("OrganizationMembership".into())),
        );
        assert_eq!(
            draft_line(&list, "list", Some(&paged)),
            r#"    list = GET "/organizations/{organization_id}/memberships" query(ListOrganizationMembershipsParams) -> Page<OrganizationMembership>;"#
        );

        let upload = entry(
            "PUT",
            "/organizations/{organization_id}/logo",
            "UploadOrganizationLogo",
            "Organizations",
        );
        let multipart = shape(false, Body::Multipart, Response::Empty);
        assert_eq!(
            draft_line(&upload, "upload_logo", Some(&multipart)),
            r#"    upload_logo = PUT "/organizations/{organization_id}/logo" multipart(UploadOrganizationLogoForm) -> ();"#
        );

        let mut create = entry("POST", "/emails", "CreateEmail", "Emails");
        create.deprecated = true;
        let json = shape(true, Body::Json, Response::Text);
        assert_eq!(
            draft_line(&create, "create", Some(&json)),
            r#"    create = POST "/emails" query(CreateEmailParams) json(CreateEmailBody) -> text; // deprecated"#
        );
        let other = shape(false, Body::Other("text/plain".into()), Response::Json);
        assert_eq!(
            draft_line(&create, "create", Some(&other)),
            r#"    create = POST "/emails" -> serde_json::Value; // deprecated; request body is text/plain"#
        );
        assert_eq!(
            draft_line(&ban, "ban", None),
            r#"    ban = POST "/users/{user_id}/ban" -> serde_json::Value; // no spec: query, body and response not drafted"#
        );
    }
}
