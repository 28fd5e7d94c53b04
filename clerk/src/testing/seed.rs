//! Seeding a stand-in with users, organizations and memberships in one call.

use crate::models::{
    CreateOrganizationMembershipParams, CreateOrganizationParams, CreateUserParams, Organization,
    OrganizationMembership, User,
};

use super::StandIn;

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
}

impl StandIn {
    /// Creates what `seed` lists, users first, then organizations, then memberships.
    ///
    /// # Errors
    /// The stand-in's error when an item breaks a rule (a taken email, say), or
    /// [`crate::Error::InvalidInput`] when a membership names an index the seed lacks.
    pub async fn seed(&self, seed: Seed) -> crate::Result<Seeded> {
        let clerk = self.clerk();
        let mut users = Vec::with_capacity(seed.users.len());
        for params in seed.users {
            users.push(clerk.users().create(params).await?);
        }
        let mut organizations = Vec::with_capacity(seed.organizations.len());
        for params in seed.organizations {
            organizations.push(clerk.organizations().create(params).await?);
        }
        let mut memberships = Vec::with_capacity(seed.members.len());
        for (org, user, role) in seed.members {
            let (Some(org), Some(user)) = (organizations.get(org), users.get(user)) else {
                return Err(crate::Error::invalid(format!(
                    "Seed::member({org}, {user}, ..) names an organization or user the seed does not have"
                )));
            };
            let params = CreateOrganizationMembershipParams::new(user.id.clone(), role);
            memberships.push(
                clerk
                    .organization_memberships()
                    .create(&org.id, params)
                    .await?,
            );
        }
        Ok(Seeded {
            users,
            organizations,
            memberships,
        })
    }
}
