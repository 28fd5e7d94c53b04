//! Authorization questions for [`SessionClaims::has`](super::SessionClaims::has).

/// What [`SessionClaims::has`](super::SessionClaims::has) asks about a session: an
/// organization role and/or permission, a feature and/or plan, and/or a recent
/// reverification. Everything asked must hold; a check that asks nothing is false.
///
/// ```
/// use clerk_backend::jwt::{Check, Reverification};
/// let admin_who_can_edit = Check::role("admin").and_permission("org:posts:edit");
/// let premium_org = Check::feature("org:premium");
/// let recently_verified = Check::reverification(Reverification::Strict);
/// # let _ = (admin_who_can_edit, premium_org, recently_verified);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Check {
    /// An organization role, with or without `org:` (`admin` = `org:admin`).
    pub role: Option<String>,
    /// An organization permission, with or without `org:` (`org:posts:edit`).
    pub permission: Option<String>,
    /// A feature, optionally scoped: `o:`/`org:`/`organization:` for the organization's,
    /// `u:`/`user:` for the user's, unscoped for either.
    pub feature: Option<String>,
    /// A plan, scoped like [`feature`](Self::feature).
    pub plan: Option<String>,
    /// How recently the user must have verified their identity.
    pub reverification: Option<Reverification>,
}

impl Check {
    /// Asks for an organization role.
    pub fn role(role: impl Into<String>) -> Self {
        Self::default().and_role(role)
    }

    /// Asks for an organization permission.
    pub fn permission(permission: impl Into<String>) -> Self {
        Self::default().and_permission(permission)
    }

    /// Asks for a feature.
    pub fn feature(feature: impl Into<String>) -> Self {
        Self::default().and_feature(feature)
    }

    /// Asks for a plan.
    pub fn plan(plan: impl Into<String>) -> Self {
        Self::default().and_plan(plan)
    }

    /// Asks for a recent reverification.
    pub fn reverification(level: Reverification) -> Self {
        Self::default().and_reverification(level)
    }

    /// Also asks for an organization role.
    #[must_use]
    pub fn and_role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }

    /// Also asks for an organization permission.
    #[must_use]
    pub fn and_permission(mut self, permission: impl Into<String>) -> Self {
        self.permission = Some(permission.into());
        self
    }

    /// Also asks for a feature.
    #[must_use]
    pub fn and_feature(mut self, feature: impl Into<String>) -> Self {
        self.feature = Some(feature.into());
        self
    }

    /// Also asks for a plan.
    #[must_use]
    pub fn and_plan(mut self, plan: impl Into<String>) -> Self {
        self.plan = Some(plan.into());
        self
    }

    /// Also asks for a recent reverification.
    #[must_use]
    pub fn and_reverification(mut self, level: Reverification) -> Self {
        self.reverification = Some(level);
        self
    }
}

/// How recently, and with which factors, the user must have verified their identity
/// (checked against the `fva` claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reverification {
    /// All enrolled factors (up to two) within 10 minutes.
    StrictMfa,
    /// The second factor (or the first when there is no second) within 10 minutes.
    Strict,
    /// The second factor (or the first when there is no second) within 60 minutes.
    Moderate,
    /// The second factor (or the first when there is no second) within 24 hours.
    Lax,
    /// Your own level and window; `after_minutes` must be positive.
    Custom {
        /// Which factors must be fresh.
        level: FactorLevel,
        /// How old, in minutes, a verification may at most be (exclusive).
        after_minutes: u32,
    },
}

/// Which factors a [`Reverification`] requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FactorLevel {
    /// The first factor.
    FirstFactor,
    /// The second factor, or the first when no second factor is enrolled.
    SecondFactor,
    /// Every enrolled factor; fails when only a second factor is enrolled.
    MultiFactor,
}

impl Reverification {
    /// The level and window this stands for.
    pub fn parts(self) -> (FactorLevel, u32) {
        match self {
            Self::StrictMfa => (FactorLevel::MultiFactor, 10),
            Self::Strict => (FactorLevel::SecondFactor, 10),
            Self::Moderate => (FactorLevel::SecondFactor, 60),
            Self::Lax => (FactorLevel::SecondFactor, 1440),
            Self::Custom {
                level,
                after_minutes,
            } => (level, after_minutes),
        }
    }

    /// Whether factor verification ages `fva` (minutes; -1 = factor not enrolled) satisfy
    /// this requirement. Malformed ages and a zero window fail.
    pub(crate) fn is_met_by(self, fva: Option<[i64; 2]>) -> bool {
        let (level, after) = self.parts();
        let Some([first, second]) = fva else {
            return false;
        };
        if after == 0 || [first, second].iter().any(|&age| age < -1) {
            return false;
        }
        if first == -1 && second == -1 {
            return false;
        }
        let fresh = |age: i64| age != -1 && i64::from(after) > age;
        match level {
            FactorLevel::FirstFactor => fresh(first),
            FactorLevel::SecondFactor if second == -1 => fresh(first),
            FactorLevel::SecondFactor if first == -1 => fresh(second),
            FactorLevel::SecondFactor => fresh(second),
            FactorLevel::MultiFactor if second == -1 => fresh(first),
            FactorLevel::MultiFactor if first == -1 => false,
            FactorLevel::MultiFactor => fresh(first) && fresh(second),
        }
    }
}

/// `admin`, `org:admin` and `org:org:admin` all become `org:admin`.
pub(crate) fn with_org_prefix(name: &str) -> String {
    let mut rest = name;
    while let Some(stripped) = rest.strip_prefix("org:") {
        rest = stripped;
    }
    format!("org:{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_collapses() {
        for name in ["admin", "org:admin", "org:org:admin"] {
            assert_eq!(with_org_prefix(name), "org:admin");
        }
    }

    #[test]
    fn reverification_levels() {
        use Reverification::*;
        assert!(Strict.is_met_by(Some([5, -1])));
        assert!(!Strict.is_met_by(Some([10, -1])));
        assert!(Strict.is_met_by(Some([100, 3])));
        assert!(!Strict.is_met_by(Some([3, 100])));
        assert!(Strict.is_met_by(Some([-1, 3])));
        assert!(!Strict.is_met_by(Some([-1, -1])));
        assert!(!Strict.is_met_by(None));
        assert!(StrictMfa.is_met_by(Some([3, 4])));
        assert!(!StrictMfa.is_met_by(Some([30, 4])));
        assert!(!StrictMfa.is_met_by(Some([-1, 4])));
        assert!(StrictMfa.is_met_by(Some([4, -1])));
        assert!(Lax.is_met_by(Some([1439, -1])));
        assert!(!Moderate.is_met_by(Some([-2, 1])));
        let custom = |after_minutes| Custom {
            level: FactorLevel::FirstFactor,
            after_minutes,
        };
        assert!(custom(5).is_met_by(Some([4, 100])));
        assert!(!custom(0).is_met_by(Some([0, 0])));
    }
}
