//! Machine tokens in JWT form: M2M tokens (subject `mch_...`) and OAuth access tokens
//! (`typ: at+jwt`), told apart as Clerk's backend SDK does and read into one shape.

use serde_json::{Map, Value};

use super::decode::{decode, Decoded};

/// Which kind of machine JWT a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MachineJwtKind {
    /// A machine-to-machine token: its subject is a machine (`mch_...`).
    M2m,
    /// An OAuth access token (RFC 9068): its header's `typ` is `at+jwt`.
    OAuth,
}

/// The kind of machine JWT `token` is, from its decoded (not yet verified) header and
/// payload; `None` for session tokens, opaque tokens and anything that is not a JWT.
pub fn machine_jwt_kind(token: &str) -> Option<MachineJwtKind> {
    decode(token).ok().as_ref().and_then(machine_kind)
}

/// M2M is tested first, as @clerk/backend does.
pub(crate) fn machine_kind(decoded: &Decoded<'_>) -> Option<MachineJwtKind> {
    let machine_subject = decoded
        .claims
        .get("sub")
        .and_then(Value::as_str)
        .is_some_and(|sub| sub.starts_with("mch_"));
    if machine_subject {
        Some(MachineJwtKind::M2m)
    } else if matches!(
        decoded.header.typ.as_deref(),
        Some("at+jwt" | "application/at+jwt")
    ) {
        Some(MachineJwtKind::OAuth)
    } else {
        None
    }
}

/// A verified machine JWT.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MachineClaims {
    /// M2M or OAuth.
    pub kind: MachineJwtKind,
    /// The token id (`jti`), empty when the token has none.
    pub id: String,
    /// Who the token acts for: a machine (`mch_...`) for M2M, a user for OAuth.
    pub subject: String,
    /// Granted scopes: M2M `scopes` (space-separated) or else its `aud` list; OAuth `scp`
    /// or else `scope` (space-separated).
    pub scopes: Vec<String>,
    /// The OAuth application's client id (`client_id`), for OAuth tokens.
    pub client_id: Option<String>,
    /// Every claim of the payload.
    pub claims: Map<String, Value>,
}

impl MachineClaims {
    pub(crate) fn new(kind: MachineJwtKind, claims: Map<String, Value>) -> Self {
        let text = |name: &str| claims.get(name).and_then(Value::as_str);
        let split = |value: &str| value.split_whitespace().map(str::to_owned).collect();
        let list = |value: &Value| -> Option<Vec<String>> {
            value.as_array().map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
        };
        let scopes = match kind {
            MachineJwtKind::M2m => text("scopes")
                .map(split)
                .or_else(|| claims.get("aud").and_then(list)),
            MachineJwtKind::OAuth => claims
                .get("scp")
                .and_then(|scp| list(scp).or_else(|| scp.as_str().map(split)))
                .or_else(|| text("scope").map(split)),
        };
        Self {
            kind,
            id: text("jti").unwrap_or_default().to_owned(),
            subject: text("sub").unwrap_or_default().to_owned(),
            scopes: scopes.unwrap_or_default(),
            client_id: text("client_id").map(str::to_owned),
            claims,
        }
    }

    /// The claims an M2M token carries beyond the registered ones (`iss`, `sub`, `exp`,
    /// `nbf`, `iat`, `jti`); `None` when there are none.
    pub fn custom_claims(&self) -> Option<Map<String, Value>> {
        const REGISTERED: [&str; 6] = ["iss", "sub", "exp", "nbf", "iat", "jti"];
        let custom: Map<String, Value> = self
            .claims
            .iter()
            .filter(|(k, _)| !REGISTERED.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        (!custom.is_empty()).then_some(custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn m2m_scopes_come_from_scopes_then_aud() {
        let c = MachineClaims::new(
            MachineJwtKind::M2m,
            claims(json!({"sub": "mch_1", "jti": "mt_1", "scopes": "mch_a mch_b", "aud": ["x"]})),
        );
        assert_eq!(c.scopes, ["mch_a", "mch_b"]);
        assert_eq!((c.id.as_str(), c.subject.as_str()), ("mt_1", "mch_1"));
        let c = MachineClaims::new(
            MachineJwtKind::M2m,
            claims(json!({"sub": "mch_1", "aud": ["mch_c"], "exp": 1, "tier": "gold"})),
        );
        assert_eq!(c.scopes, ["mch_c"]);
        assert_eq!(c.id, "");
        let custom = c.custom_claims().unwrap_or_default();
        assert_eq!(custom.keys().collect::<Vec<_>>(), ["aud", "tier"]);
    }

    #[test]
    fn oauth_scopes_come_from_scp_then_scope() {
        let c = MachineClaims::new(
            MachineJwtKind::OAuth,
            claims(json!({"sub": "user_1", "scp": ["read", "write"], "client_id": "cid"})),
        );
        assert_eq!(c.scopes, ["read", "write"]);
        assert_eq!(c.client_id.as_deref(), Some("cid"));
        let c = MachineClaims::new(
            MachineJwtKind::OAuth,
            claims(json!({"sub": "user_1", "scope": "email profile"})),
        );
        assert_eq!(c.scopes, ["email", "profile"]);
    }
}
