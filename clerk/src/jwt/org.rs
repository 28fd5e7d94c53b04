//! The organization, feature and plan claims: v1 (`org_*`) and v2 (`o`, `fea`, `pla`).

use serde_json::{Map, Value};

/// The active organization of a session, as the token states it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OrganizationClaims {
    /// The organization's id (`org_...`).
    pub id: String,
    /// Its slug.
    pub slug: Option<String>,
    /// The user's role in it, `org:`-prefixed (`org:admin`).
    pub role: Option<String>,
    /// The user's permissions in it, `org:<feature>:<permission>`; empty when the token
    /// lists none.
    pub permissions: Vec<String>,
}

/// Features or plans (`fea` / `pla` claims of v2 tokens), split by whom they belong to:
/// `o:` entries to the active organization, `u:` entries to the user (`ou:`/`uo:` to both).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entitlements {
    /// Those of the active organization, without the scope prefix.
    pub org: Vec<String>,
    /// Those of the user, without the scope prefix.
    pub user: Vec<String>,
}

impl Entitlements {
    /// Parses a `fea`/`pla` value: comma-separated `scope:name` entries. Entries without a
    /// scope, or with an unknown one, are ignored (they grant nothing).
    pub fn parse(list: &str) -> Self {
        let mut out = Self::default();
        for entry in list.split(',').map(str::trim) {
            let Some((scope, name)) = entry.split_once(':') else {
                continue;
            };
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let (org, user) = match scope.trim() {
                "o" => (true, false),
                "u" => (false, true),
                "ou" | "uo" => (true, true),
                _ => (false, false),
            };
            if org {
                out.org.push(name.to_owned());
            }
            if user {
                out.user.push(name.to_owned());
            }
        }
        out
    }

    /// Whether neither list has an entry.
    pub fn is_empty(&self) -> bool {
        self.org.is_empty() && self.user.is_empty()
    }

    /// Whether `name` is in either list.
    pub fn contains(&self, name: &str) -> bool {
        self.org.iter().chain(&self.user).any(|n| n == name)
    }
}

fn string(claims: &Map<String, Value>, name: &str) -> Option<String> {
    claims.get(name).and_then(Value::as_str).map(str::to_owned)
}

/// v1 tokens: `org_id`, `org_slug`, `org_role`, `org_permissions`, used as they are.
pub(crate) fn organization_v1(claims: &Map<String, Value>) -> Option<OrganizationClaims> {
    let id = string(claims, "org_id").filter(|id| !id.is_empty())?;
    let permissions = claims
        .get("org_permissions")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Some(OrganizationClaims {
        id,
        slug: string(claims, "org_slug"),
        role: string(claims, "org_role").filter(|r| !r.is_empty()),
        permissions,
    })
}

/// v2 tokens: `o: {id, slg, rol, per, fpm}`, with permissions derived from the
/// organization's features (`fea`).
pub(crate) fn organization_v2(
    claims: &Map<String, Value>,
    features: &Entitlements,
) -> Option<OrganizationClaims> {
    let o = claims.get("o").and_then(Value::as_object)?;
    let id = string(o, "id").filter(|id| !id.is_empty())?;
    let role = string(o, "rol")
        .filter(|r| !r.is_empty())
        .map(|r| format!("org:{r}"));
    let permissions = match (
        o.get("per").and_then(Value::as_str),
        o.get("fpm").and_then(Value::as_str),
    ) {
        (Some(per), Some(fpm)) => derive_permissions(&features.org, per, fpm),
        _ => Vec::new(),
    };
    Some(OrganizationClaims {
        id,
        slug: string(o, "slg"),
        role,
        permissions,
    })
}

/// `fpm` holds one bitmask per organization feature, in the order of `fea`; bit `j` (from
/// the least significant) grants the `j`-th permission of `per`. Bits past the end of `per`
/// and masks that are not non-negative integers grant nothing.
pub(crate) fn derive_permissions(org_features: &[String], per: &str, fpm: &str) -> Vec<String> {
    let names: Vec<&str> = per.split(',').map(str::trim).collect();
    let mut out = Vec::new();
    for (feature, mask) in org_features.iter().zip(fpm.split(',')) {
        let Ok(mask) = mask.trim().parse::<u64>() else {
            continue;
        };
        for (bit, name) in names.iter().enumerate().take(64) {
            if !name.is_empty() && mask & (1 << bit) != 0 {
                out.push(format!("org:{feature}:{name}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn masks_read_from_the_least_significant_bit() {
        let got = derive_permissions(&features(&["a", "b", "c"]), "read,manage", "1,2,3");
        assert_eq!(
            got,
            ["org:a:read", "org:b:manage", "org:c:read", "org:c:manage"]
        );
        let got = derive_permissions(&features(&["f"]), "read,create,update,delete,revoke", "21");
        assert_eq!(got, ["org:f:read", "org:f:update", "org:f:revoke"]);
    }

    #[test]
    fn extra_bits_and_bad_masks_grant_nothing() {
        assert_eq!(
            derive_permissions(&features(&["f"]), "read", "255"),
            ["org:f:read"]
        );
        assert!(derive_permissions(&features(&["f", "g"]), "read", "-1,x").is_empty());
        // More features than masks: the extra features get nothing.
        assert_eq!(
            derive_permissions(&features(&["f", "g"]), "read", "1"),
            ["org:f:read"]
        );
    }

    #[test]
    fn scopes() {
        let e = Entitlements::parse("o:a, u:b,ou:c,uo:d,x:e,plain,o:");
        assert_eq!(e.org, ["a", "c", "d"]);
        assert_eq!(e.user, ["b", "c", "d"]);
        assert!(e.contains("b") && !e.contains("e") && !e.contains("plain"));
        assert!(Entitlements::parse("").is_empty());
    }
}
