//! Authorization: what a route requires of a signed-in caller, checked the same way by every
//! framework integration.

use std::fmt;

use super::{AuthState, SignedIn, SignedOut, TokenKind};
use crate::jwt::Check;

/// One thing a route requires of its caller. A caller who is signed out fails every
/// requirement with 401; a signed-in caller who fails one gets 403 naming its
/// [`code`](Self::code).
///
/// ```
/// use clerk_backend::auth::{Requirement, TokenKind};
/// let editors = [Requirement::permission("org:posts:edit")];
/// let billing_jobs = [Requirement::token_kind(TokenKind::ApiKey), Requirement::scope("invoices:read")];
/// # let _ = (editors, billing_jobs);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Requirement {
    /// Any verified token of an accepted kind.
    SignedIn,
    /// A session whose active organization role is this one (`org:` optional), as
    /// [`Check::role`] decides.
    Role(String),
    /// A session whose active organization grants this permission, as [`Check::permission`]
    /// decides.
    Permission(String),
    /// A session entitled to this feature (`fea`, optionally scoped `o:`/`u:`).
    Feature(String),
    /// A session on this plan (`pla`, optionally scoped `o:`/`u:`).
    Plan(String),
    /// A token of this kind (a session token or one machine token kind).
    TokenKind(TokenKind),
    /// A machine token granting this scope.
    Scope(String),
}

impl Requirement {
    /// Any signed-in caller.
    pub fn signed_in() -> Self {
        Self::SignedIn
    }

    /// An organization role.
    pub fn role(role: impl Into<String>) -> Self {
        Self::Role(role.into())
    }

    /// An organization permission.
    pub fn permission(permission: impl Into<String>) -> Self {
        Self::Permission(permission.into())
    }

    /// A feature of the user's or organization's plan.
    pub fn feature(feature: impl Into<String>) -> Self {
        Self::Feature(feature.into())
    }

    /// A plan of the user or organization.
    pub fn plan(plan: impl Into<String>) -> Self {
        Self::Plan(plan.into())
    }

    /// A kind of token.
    pub fn token_kind(kind: TokenKind) -> Self {
        Self::TokenKind(kind)
    }

    /// A machine token scope.
    pub fn scope(scope: impl Into<String>) -> Self {
        Self::Scope(scope.into())
    }

    /// The code a 403 names when this requirement is not met: `role-missing`,
    /// `permission-missing`, `feature-missing`, `plan-missing`, `token-kind-not-allowed` or
    /// `scope-missing` (`signed-in` is never unmet by a signed-in caller).
    pub fn code(&self) -> &'static str {
        match self {
            Self::SignedIn => "signed-in",
            Self::Role(_) => "role-missing",
            Self::Permission(_) => "permission-missing",
            Self::Feature(_) => "feature-missing",
            Self::Plan(_) => "plan-missing",
            Self::TokenKind(_) => "token-kind-not-allowed",
            Self::Scope(_) => "scope-missing",
        }
    }

    /// Whether `who` meets it. Organization and billing requirements only hold for session
    /// tokens; scopes only for machine tokens.
    pub fn is_met_by(&self, who: &SignedIn) -> bool {
        let session_has = |check: Check| who.session().is_some_and(|claims| claims.has(check));
        match self {
            Self::SignedIn => true,
            Self::Role(role) => session_has(Check::role(role.as_str())),
            Self::Permission(permission) => session_has(Check::permission(permission.as_str())),
            Self::Feature(feature) => session_has(Check::feature(feature.as_str())),
            Self::Plan(plan) => session_has(Check::plan(plan.as_str())),
            Self::TokenKind(kind) => who.kind() == *kind,
            Self::Scope(scope) => match who {
                SignedIn::Machine(machine) => machine.scopes.iter().any(|s| s == scope),
                SignedIn::Session(_) => false,
            },
        }
    }
}

impl fmt::Display for Requirement {
    /// `permission org:posts:edit`: the kind of requirement and what it names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SignedIn => f.write_str("signed in"),
            Self::Role(v) => write!(f, "role {v}"),
            Self::Permission(v) => write!(f, "permission {v}"),
            Self::Feature(v) => write!(f, "feature {v}"),
            Self::Plan(v) => write!(f, "plan {v}"),
            Self::TokenKind(kind) => write!(f, "token kind {kind:?}"),
            Self::Scope(v) => write!(f, "scope {v}"),
        }
    }
}

/// Why a request may not proceed: signed out (401, or 500 when the cause is on this side),
/// a requirement it does not meet (403), or claims that do not fit the type a route reads
/// them as (403).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Denied {
    /// The request is signed out.
    SignedOut(SignedOut),
    /// The caller is signed in but does not meet this requirement.
    Unmet(Requirement),
    /// The caller is signed in but its claims do not fit the route's claims type.
    ClaimsMismatch,
}

/// Checks `state` against `requirements`, all of which must hold: the signed-in caller, or
/// why not. The first unmet requirement is the one reported.
pub fn authorize<'s>(
    state: &'s AuthState,
    requirements: &[Requirement],
) -> Result<&'s SignedIn, Denied> {
    let who = match state {
        AuthState::SignedIn(who) => who,
        AuthState::SignedOut(out) => return Err(Denied::SignedOut(out.clone())),
    };
    match requirements.iter().find(|r| !r.is_met_by(who)) {
        Some(unmet) => Err(Denied::Unmet(unmet.clone())),
        None => Ok(who),
    }
}
