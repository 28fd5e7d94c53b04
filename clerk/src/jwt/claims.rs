//! The claims of a verified session token, typed, with every claim kept.

use std::borrow::Borrow;
use std::fmt;

use serde_json::{Map, Value};

use super::check::{with_org_prefix, Check};
use super::org::{organization_v1, organization_v2, Entitlements, OrganizationClaims};

/// The claims of a verified session token.
///
/// The standard and Clerk claims are typed fields (and accessors named like Clerk's other
/// SDKs: [`user_id`](Self::user_id), [`org_role`](Self::org_role)...); every claim,
/// including the custom claims of a JWT template, stays in [`claims`](Self::claims).
/// Organization claims are read from both token versions: v1 (`org_id`, `org_role`...) and
/// v2 (`o`, with permissions derived from `fea`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SessionClaims {
    /// `sub`: the user's id (`user_...`).
    pub sub: String,
    /// `sid`: the session's id (`sess_...`).
    pub sid: Option<String>,
    /// `azp`: the origin the token was issued to.
    pub azp: Option<String>,
    /// `iss`: the instance's Frontend API URL.
    pub iss: Option<String>,
    /// `exp`, Unix seconds.
    pub exp: i64,
    /// `iat`, Unix seconds.
    pub iat: Option<i64>,
    /// `nbf`, Unix seconds.
    pub nbf: Option<i64>,
    /// `act`: who is impersonating the user, when someone is.
    pub act: Option<Actor>,
    /// `sts`: the session's status.
    pub sts: Option<SessionStatus>,
    /// `fva`: minutes since the first and second factor were last verified (-1: factor not
    /// enrolled).
    pub fva: Option<[i64; 2]>,
    /// `v`: the claims version (absent for v1, `2` for v2).
    pub v: Option<u64>,
    /// The active organization, from either version's claims.
    pub organization: Option<OrganizationClaims>,
    /// `fea`: the features of the user and of the active organization.
    pub features: Entitlements,
    /// `pla`: the plans of the user and of the active organization.
    pub plans: Entitlements,
    /// Every claim of the payload, as received.
    pub claims: Map<String, Value>,
}

/// Whoever acts on the user's behalf (the `act` claim of an impersonation session).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Actor {
    /// The actor's user id.
    pub sub: String,
    /// The actor's other claims.
    pub claims: Map<String, Value>,
}

/// The `sts` claim. Unknown values are kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SessionStatus {
    /// A signed-in session.
    Active,
    /// A session with tasks left to do (e.g. choosing an organization); Clerk's SDKs treat
    /// it as signed out by default.
    Pending,
    /// A status this version of the crate does not know.
    Unknown(String),
}

impl SessionStatus {
    /// The claim's value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Active => "active",
            Self::Pending => "pending",
            Self::Unknown(other) => other,
        }
    }

    fn parse(value: &str) -> Self {
        match value {
            "active" => Self::Active,
            "pending" => Self::Pending,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl fmt::Display for SessionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether one dimension of a [`Check`] was asked, and its answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Skip,
    Pass,
    Fail,
}

impl Outcome {
    fn of(asked: bool, holds: impl FnOnce() -> bool) -> Self {
        match (asked, asked && holds()) {
            (false, _) => Self::Skip,
            (true, true) => Self::Pass,
            (true, false) => Self::Fail,
        }
    }
}

/// Unix seconds of a numeric claim (fractions dropped).
pub(crate) fn seconds(value: &Value) -> Option<i64> {
    value
        .as_i64()
        .or_else(|| value.as_u64().map(|_| i64::MAX))
        .or_else(|| value.as_f64().map(|f| f.floor() as i64))
}

fn string(claims: &Map<String, Value>, name: &str) -> Option<String> {
    claims.get(name).and_then(Value::as_str).map(str::to_owned)
}

impl SessionClaims {
    /// Reads the typed claims from a payload. `None` when `sub` is not a non-empty string
    /// or `exp` is not a number. Other claims of the wrong type are left out of the typed
    /// fields (they stay in [`claims`](Self::claims)), so authorization checks on them
    /// fail closed.
    ///
    /// This does not verify anything: use it on payloads you trust, e.g. in tests.
    pub fn from_claims(claims: Map<String, Value>) -> Option<Self> {
        let sub = string(&claims, "sub").filter(|s| !s.is_empty())?;
        let exp = claims.get("exp").and_then(seconds)?;
        let v = claims.get("v").and_then(Value::as_u64);
        let features = claims
            .get("fea")
            .and_then(Value::as_str)
            .map(Entitlements::parse)
            .unwrap_or_default();
        let plans = claims
            .get("pla")
            .and_then(Value::as_str)
            .map(Entitlements::parse)
            .unwrap_or_default();
        let organization = match v {
            Some(version) if version >= 2 => organization_v2(&claims, &features),
            _ => organization_v1(&claims),
        };
        let act = claims
            .get("act")
            .and_then(Value::as_object)
            .and_then(|act| {
                let sub = act.get("sub").and_then(Value::as_str)?.to_owned();
                let mut rest = act.clone();
                rest.remove("sub");
                Some(Actor { sub, claims: rest })
            });
        let fva = claims
            .get("fva")
            .and_then(Value::as_array)
            .and_then(|ages| match ages.as_slice() {
                [first, second] => Some([first.as_i64()?, second.as_i64()?]),
                _ => None,
            });
        Some(Self {
            sid: string(&claims, "sid"),
            azp: string(&claims, "azp"),
            iss: string(&claims, "iss"),
            exp,
            iat: claims.get("iat").and_then(seconds),
            nbf: claims.get("nbf").and_then(seconds),
            act,
            sts: claims
                .get("sts")
                .and_then(Value::as_str)
                .map(SessionStatus::parse),
            fva,
            v,
            organization,
            features,
            plans,
            sub,
            claims,
        })
    }

    /// The user's id (`sub`).
    pub fn user_id(&self) -> &str {
        &self.sub
    }

    /// The session's id (`sid`).
    pub fn session_id(&self) -> Option<&str> {
        self.sid.as_deref()
    }

    /// The active organization's id.
    pub fn org_id(&self) -> Option<&str> {
        self.organization.as_ref().map(|o| o.id.as_str())
    }

    /// The active organization's slug.
    pub fn org_slug(&self) -> Option<&str> {
        self.organization.as_ref().and_then(|o| o.slug.as_deref())
    }

    /// The user's role in the active organization (`org:admin`).
    pub fn org_role(&self) -> Option<&str> {
        self.organization.as_ref().and_then(|o| o.role.as_deref())
    }

    /// The user's permissions in the active organization (`org:posts:edit`); empty without
    /// one.
    pub fn org_permissions(&self) -> &[String] {
        self.organization
            .as_ref()
            .map_or(&[][..], |o| o.permissions.as_slice())
    }

    /// Who is impersonating the user, when someone is.
    pub fn actor(&self) -> Option<&Actor> {
        self.act.as_ref()
    }

    /// The session's status (`sts`); `None` in tokens that predate it.
    pub fn session_status(&self) -> Option<&SessionStatus> {
        self.sts.as_ref()
    }

    /// Whether the session is pending (has tasks left), which Clerk's SDKs treat as signed
    /// out by default.
    pub fn is_pending(&self) -> bool {
        self.sts == Some(SessionStatus::Pending)
    }

    /// Minutes since the first and second factor were verified (`fva`; -1 = not enrolled).
    pub fn factor_verification_age(&self) -> Option<[i64; 2]> {
        self.fva
    }

    /// The features of the user and of the active organization (`fea`).
    pub fn features(&self) -> &Entitlements {
        &self.features
    }

    /// The plans of the user and of the active organization (`pla`).
    pub fn plans(&self) -> &Entitlements {
        &self.plans
    }

    /// Any claim by name, e.g. a custom claim of a JWT template.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.claims.get(name)
    }

    /// Whether the session satisfies everything `check` asks (as Clerk's `has()`):
    ///
    /// - role: the organization role equals it, `org:` prefixes normalised;
    /// - permission: the organization permissions contain it (`org:`-prefixed);
    /// - feature / plan: listed in `fea` / `pla`, in the scope asked for (`o:`, `org:`,
    ///   `organization:`, `u:`, `user:`) or in either without one;
    /// - reverification: the `fva` ages are fresh enough.
    ///
    /// Dimensions are ANDed and it fails closed: no active organization, a missing claim or
    /// an unknown scope make the check false, and so does a check that asks nothing.
    pub fn has(&self, check: impl Borrow<Check>) -> bool {
        let check = check.borrow();
        let org = Outcome::of(check.role.is_some() || check.permission.is_some(), || {
            let Some(org) = &self.organization else {
                return false;
            };
            let role_ok = check.role.as_deref().is_none_or(|wanted| {
                org.role
                    .as_deref()
                    .is_some_and(|role| with_org_prefix(role) == with_org_prefix(wanted))
            });
            let permission_ok = check.permission.as_deref().is_none_or(|wanted| {
                let wanted = with_org_prefix(wanted);
                org.permissions.contains(&wanted)
            });
            role_ok && permission_ok
        });
        let billing = Outcome::of(check.feature.is_some() || check.plan.is_some(), || {
            let feature_ok = check
                .feature
                .as_deref()
                .is_none_or(|wanted| entitled(&self.features, wanted));
            let plan_ok = check
                .plan
                .as_deref()
                .is_none_or(|wanted| entitled(&self.plans, wanted));
            feature_ok && plan_ok
        });
        let reverification = Outcome::of(check.reverification.is_some(), || {
            check
                .reverification
                .is_some_and(|level| level.is_met_by(self.fva))
        });
        let outcomes = [org, billing, reverification];
        outcomes.contains(&Outcome::Pass) && !outcomes.contains(&Outcome::Fail)
    }
}

/// Whether `wanted` (`name`, or `scope:name`) is among the entitlements.
fn entitled(list: &Entitlements, wanted: &str) -> bool {
    if list.is_empty() {
        return false;
    }
    match wanted.split_once(':') {
        None => list.contains(wanted),
        Some(("o" | "org" | "organization", name)) => list.org.iter().any(|n| n == name),
        Some(("u" | "user", name)) => list.user.iter().any(|n| n == name),
        Some(_) => false,
    }
}
