//! Seeding a stand-in with users, organizations and memberships in one call, from code or
//! from a JSON seed file.

use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::models::{
    CreateOrganizationMembershipParams, CreateOrganizationParams, CreateUserParams, Organization,
    OrganizationMembership, User,
};

use super::StandIn;

/// The role a seed-file membership gets when it names none.
const DEFAULT_ROLE: &str = "org:member";

/// What to create before a test runs. Everything goes through the stand-in's own endpoints,
/// so seeded data obeys the same rules (unique emails, known users) as data a test creates.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct Seed {
    users: Vec<CreateUserParams>,
    organizations: Vec<CreateOrganizationParams>,
    members: Vec<(usize, usize, String)>,
}

/// What [`StandIn::seed`] created, in the order the [`Seed`] listed it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Seeded {
    /// The users.
    pub users: Vec<User>,
    /// The organizations.
    pub organizations: Vec<Organization>,
    /// The memberships.
    pub memberships: Vec<OrganizationMembership>,
}

/// A seed that could not be read or created, naming the entry at fault.
#[derive(Debug)]
#[non_exhaustive]
pub struct SeedError {
    /// The entry, e.g. `users[1] (ada@example.com)` or `memberships[0]`; `seed file` when
    /// the file as a whole is wrong.
    pub entry: String,
    /// What is wrong with it: [`crate::Error::InvalidInput`] for a file that does not fit
    /// the schema, the stand-in's answer for an entry it refused.
    pub error: crate::Error,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.entry, self.error)
    }
}

impl std::error::Error for SeedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl SeedError {
    fn invalid(entry: impl Into<String>, message: impl fmt::Display) -> Self {
        Self {
            entry: entry.into(),
            error: crate::Error::invalid(message.to_string()),
        }
    }
}

impl Seed {
    /// Nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A user created with `params`.
    pub fn user(mut self, params: CreateUserParams) -> Self {
        self.users.push(params);
        self
    }

    /// An organization created with `params`.
    pub fn organization(mut self, params: CreateOrganizationParams) -> Self {
        self.organizations.push(params);
        self
    }

    /// Makes the `user`-th user of this seed a member of its `organization`-th organization
    /// (both counted from 0) with `role`, e.g. `org:admin` or `org:member`.
    pub fn member(mut self, organization: usize, user: usize, role: impl Into<String>) -> Self {
        self.members.push((organization, user, role.into()));
        self
    }

    /// Reads a seed file: a JSON object with three optional lists.
    ///
    /// - `users`: bodies of `POST /users` ([`CreateUserParams`]),
    /// - `organizations`: bodies of `POST /organizations` ([`CreateOrganizationParams`]),
    /// - `memberships`: `{"organization": .., "user": .., "role": "org:admin"}`. The
    ///   organization is named by its index in `organizations` (from 0), its `slug` or its
    ///   `name`; the user by index, an email address, `username` or `external_id`. `role`
    ///   defaults to `org:member`.
    ///
    /// ```
    /// let seed = clerk_backend::testing::Seed::from_json(r#"{
    ///     "users": [{"email_address": ["ada@example.com"], "first_name": "Ada"}],
    ///     "organizations": [{"name": "Acme", "slug": "acme"}],
    ///     "memberships": [{"organization": "acme", "user": "ada@example.com", "role": "org:admin"}]
    /// }"#)?;
    /// # Ok::<(), clerk_backend::testing::SeedError>(())
    /// ```
    ///
    /// # Errors
    /// When the text is not such an object, an entry has a field its type lacks or a value
    /// of the wrong type, or a membership names nobody (or more than one) in the file. The
    /// [`SeedError`] names the entry. Rules only the stand-in checks (a taken email, say)
    /// fail later, when the seed is created.
    pub fn from_json(text: &str) -> Result<Self, SeedError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            #[serde(default)]
            users: Vec<Value>,
            #[serde(default)]
            organizations: Vec<Value>,
            #[serde(default)]
            memberships: Vec<Value>,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Membership {
            organization: Reference,
            user: Reference,
            role: Option<String>,
        }
        let file: File = serde_json::from_str(text).map_err(|e| {
            SeedError::invalid(
                "seed file",
                format!(
                    "{e} (expected {{\"users\": [..], \"organizations\": [..], \"memberships\": [..]}})"
                ),
            )
        })?;
        let mut seed = Self::new();
        for (i, value) in file.users.into_iter().enumerate() {
            let params = CreateUserParams::deserialize(value)
                .map_err(|e| SeedError::invalid(format!("users[{i}]"), e))?;
            seed = seed.user(params);
        }
        for (i, value) in file.organizations.into_iter().enumerate() {
            let params = CreateOrganizationParams::deserialize(value)
                .map_err(|e| SeedError::invalid(format!("organizations[{i}]"), e))?;
            seed = seed.organization(params);
        }
        for (i, value) in file.memberships.into_iter().enumerate() {
            let entry = format!("memberships[{i}]");
            let m = Membership::deserialize(value).map_err(|e| SeedError::invalid(&entry, e))?;
            let organization = m
                .organization
                .resolve("organizations", &seed.organizations, org_names)
                .map_err(|e| SeedError::invalid(&entry, e))?;
            let user = m
                .user
                .resolve("users", &seed.users, user_names)
                .map_err(|e| SeedError::invalid(&entry, e))?;
            let role = m.role.unwrap_or_else(|| DEFAULT_ROLE.to_owned());
            seed = seed.member(organization, user, role);
        }
        Ok(seed)
    }
}

/// How a seed-file membership names an organization or a user.
#[derive(Deserialize)]
#[serde(untagged)]
enum Reference {
    Index(usize),
    Name(String),
}

impl Reference {
    /// The index of the one entry of `list` this names; `names` lists what an entry answers to.
    fn resolve<T>(
        &self,
        what: &str,
        list: &[T],
        names: fn(&T) -> Vec<&str>,
    ) -> Result<usize, String> {
        match self {
            Self::Index(i) if *i < list.len() => Ok(*i),
            Self::Index(i) => Err(format!(
                "{what}[{i}] does not exist: the file has {} {what}",
                list.len()
            )),
            Self::Name(name) => {
                let mut found = list
                    .iter()
                    .enumerate()
                    .filter(|(_, item)| names(item).iter().any(|n| n.eq_ignore_ascii_case(name)));
                match (found.next(), found.next()) {
                    (Some((i, _)), None) => Ok(i),
                    (Some(_), Some(_)) => {
                        Err(format!("{name:?} names more than one of the {what}"))
                    }
                    (None, _) => Err(format!("{name:?} names none of the {what}")),
                }
            }
        }
    }
}

/// What a seed-file membership may call a user by.
fn user_names(user: &CreateUserParams) -> Vec<&str> {
    let mut names: Vec<&str> = user.email_address.iter().map(String::as_str).collect();
    names.extend(user.username.as_deref());
    names.extend(user.external_id.as_deref());
    names
}

/// What a seed-file membership may call an organization by.
fn org_names(org: &CreateOrganizationParams) -> Vec<&str> {
    let mut names = vec![org.name.as_str()];
    names.extend(org.slug.as_deref());
    names
}

/// `users[1] (ada@example.com)`: the entry with the first name it answers to.
fn label(list: &str, i: usize, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{list}[{i}] ({name})"),
        None => format!("{list}[{i}]"),
    }
}

impl StandIn {
    /// Creates what `seed` lists, users first, then organizations, then memberships.
    ///
    /// # Errors
    /// The stand-in's error when an item breaks a rule (a taken email, say), or
    /// [`crate::Error::InvalidInput`] when a membership names an index the seed lacks.
    /// [`StandIn::seed_or_name_entry`] also tells which item it was.
    pub async fn seed(&self, seed: Seed) -> crate::Result<Seeded> {
        self.seed_or_name_entry(seed).await.map_err(|e| e.error)
    }

    /// Like [`StandIn::seed`], with a failure naming the entry that caused it, e.g.
    /// `users[1] (ada@example.com)`: for seeds read with [`Seed::from_json`].
    ///
    /// # Errors
    /// As [`StandIn::seed`], wrapped in a [`SeedError`].
    pub async fn seed_or_name_entry(&self, seed: Seed) -> Result<Seeded, SeedError> {
        let clerk = self.clerk();
        let mut users = Vec::with_capacity(seed.users.len());
        for (i, params) in seed.users.into_iter().enumerate() {
            let entry = label("users", i, user_names(&params).first().copied());
            let user = clerk
                .users()
                .create(params)
                .await
                .map_err(|error| SeedError { entry, error })?;
            users.push(user);
        }
        let mut organizations = Vec::with_capacity(seed.organizations.len());
        for (i, params) in seed.organizations.into_iter().enumerate() {
            let entry = label("organizations", i, Some(&params.name));
            let org = clerk
                .organizations()
                .create(params)
                .await
                .map_err(|error| SeedError { entry, error })?;
            organizations.push(org);
        }
        let mut memberships = Vec::with_capacity(seed.members.len());
        for (i, (org, user, role)) in seed.members.into_iter().enumerate() {
            let entry = format!("memberships[{i}]");
            let (Some(org), Some(user)) = (organizations.get(org), users.get(user)) else {
                return Err(SeedError::invalid(
                    entry,
                    format!(
                        "Seed::member({org}, {user}, ..) names an organization or user the seed does not have"
                    ),
                ));
            };
            let params = CreateOrganizationMembershipParams::new(user.id.clone(), role);
            let membership = clerk
                .organization_memberships()
                .create(&org.id, params)
                .await
                .map_err(|error| SeedError { entry, error })?;
            memberships.push(membership);
        }
        Ok(Seeded {
            users,
            organizations,
            memberships,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Seed;

    fn error(text: &str) -> String {
        match Seed::from_json(text) {
            Ok(seed) => panic!("accepted: {seed:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn memberships_name_users_and_organizations_by_index_or_name() {
        let seed = Seed::from_json(
            r#"{
                "users": [
                    {"email_address": ["ada@example.com"]},
                    {"username": "grace", "external_id": "ext_2"}
                ],
                "organizations": [{"name": "Acme"}, {"name": "Globex", "slug": "globex"}],
                "memberships": [
                    {"organization": "globex", "user": "ADA@example.com", "role": "org:admin"},
                    {"organization": 0, "user": "ext_2"},
                    {"organization": "Acme", "user": 0}
                ]
            }"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(seed.users.len(), 2);
        assert_eq!(
            seed.members,
            [
                (1, 0, "org:admin".to_owned()),
                (0, 1, "org:member".to_owned()),
                (0, 0, "org:member".to_owned()),
            ]
        );
        assert_eq!(Seed::from_json("{}").map(|s| s.users.len()).ok(), Some(0));
    }

    #[test]
    fn errors_name_the_entry() {
        let e = error(r#"{"users": [{}, {"emial_address": ["x@example.com"]}]}"#);
        assert!(
            e.starts_with("users[1]: ") && e.contains("emial_address"),
            "{e}"
        );
        let e = error(r#"{"organizations": [{"slug": "no-name"}]}"#);
        assert!(
            e.starts_with("organizations[0]: ") && e.contains("name"),
            "{e}"
        );
        let e = error(r#"{"users": [{}], "memberships": [{"organization": 0, "user": 0}]}"#);
        assert!(
            e.starts_with("memberships[0]: ") && e.contains("organizations[0]"),
            "{e}"
        );
        let e = error(
            r#"{"users": [{"username": "a"}], "organizations": [{"name": "A"}],
                "memberships": [{"organization": "A", "user": "b"}]}"#,
        );
        assert!(
            e.starts_with("memberships[0]: ") && e.contains("\"b\""),
            "{e}"
        );
        let e = error(r#"{"user": []}"#);
        assert!(e.starts_with("seed file: ") && e.contains("user"), "{e}");
        let e = error("[1, 2]");
        assert!(e.starts_with("seed file: "), "{e}");
    }
}
