//! The stand-in's state: one table per resource, behind one lock.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use super::keys::SigningKey;
use super::reply::ApiError;
use super::resource::Table;
use super::server::RequestLog;
use super::users::Identifier;
use crate::models::{
    AllowlistIdentifier, BlocklistIdentifier, Domain, Invitation, OrganizationDomain, Permission,
    RedirectUrl, Role, SignInToken, User, WaitlistEntry,
};
use crate::models::{JwtTemplate, OrganizationMembership, Session};

/// Everything the stand-in knows. Hand-written resources own their table type; plain ones
/// are a generic [`Table`] of their model (see `resource.rs`).
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub users: super::users::Table,
    pub sessions: super::sessions::Table,
    pub organizations: super::organizations::Table,
    pub memberships: super::organization_memberships::Table,
    pub organization_invitations: super::organization_invitations::Table,
    pub invitations: super::invitations::Table,
    pub allowlist: Table<AllowlistIdentifier>,
    pub blocklist: Table<BlocklistIdentifier>,
    pub redirect_urls: Table<RedirectUrl>,
    pub waitlist: Table<WaitlistEntry>,
    pub sign_in_tokens: Table<SignInToken>,
    pub domains: Table<Domain>,
    pub machines: super::machines::Table,
    pub m2m_tokens: super::m2m_tokens::Table,
    pub api_keys: super::api_keys::Table,
    pub jwt_templates: Table<JwtTemplate>,
    pub actor_tokens: super::actor_tokens::Table,
    /// Organization permissions, the system ones from the start (`organization_roles.rs`).
    pub organization_permissions: Table<Permission>,
    /// Organization roles, `org:admin` and `org:member` from the start.
    pub organization_roles: Table<Role>,
    /// The email domains of organizations.
    pub organization_domains: Table<OrganizationDomain>,
    /// Where state changes queue their webhook events.
    pub webhooks: super::webhooks::Outbox,
    /// The instance's settings, Clerk's defaults from the start (`instance_settings.rs`).
    pub instance_settings: super::instance_settings::Settings,
    /// Role sets, `role_set:default` from the start.
    pub role_sets: super::role_sets::Table,
    /// Legacy SAML connections.
    pub saml_connections: Table<crate::models::SamlConnection>,
    /// Enterprise SSO connections (SAML and OIDC).
    pub enterprise_connections: Table<crate::models::EnterpriseConnection>,
}

impl Store {
    /// The store of a fresh stand-in at `origin`, sending its events to `webhooks`: empty
    /// but for the instance's primary domain.
    pub fn new(origin: &str, webhooks: super::webhooks::Outbox) -> Self {
        let mut store = Self {
            webhooks,
            ..Self::default()
        };
        store.domains.insert(super::domains::primary(origin));
        super::organization_roles::seed(&mut store, now_ms());
        store
    }
}

/// What every handler gets: the store, the signing key and the request log.
#[derive(Debug)]
pub(crate) struct Inner {
    pub store: Mutex<Store>,
    pub key: Arc<SigningKey>,
    pub secret_key: String,
    /// `http://127.0.0.1:<port>`: the issuer of the session tokens it signs.
    pub origin: String,
    /// The latest requests received, for `StandIn::requests`.
    pub requests: Mutex<RequestLog>,
}

/// The axum state of every route.
pub(crate) type Shared = Arc<Inner>;

impl Inner {
    /// The store, locked. Handlers never hold it across an `.await`.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked left the store as it was; keep serving.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Unix time in milliseconds, as the Backend API reports timestamps.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

/// A fresh id with Clerk's prefix: `new_id("user")` gives `user_` and 27 alphanumerics.
pub(crate) fn new_id(prefix: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut id = String::with_capacity(prefix.len() + 28);
    id.push_str(prefix);
    id.push('_');
    for _ in 0..27 {
        id.push(char::from(ALPHABET[fastrand::usize(..ALPHABET.len())]));
    }
    id
}

/// What crosses resources. A module that needs another resource's rows asks the store
/// through one of these, never by reaching into that resource's table.
impl Store {
    /// Whether a user with this id exists.
    pub fn user_exists(&self, user_id: &str) -> bool {
        self.users.get(user_id).is_some()
    }

    /// Whether `user_id` is a member of `organization_id`.
    pub fn is_member(&self, organization_id: &str, user_id: &str) -> bool {
        self.memberships.find(organization_id, user_id).is_some()
    }

    /// Whether `email` is an address of some user (compared as Clerk compares emails).
    pub fn email_in_use(&self, email: &str) -> bool {
        self.users.taken(Identifier::Email, email, None)
    }

    /// The id of the pending invitation for `email`, inviting it with the defaults (30
    /// days, no metadata) when there is none.
    pub fn invite(&mut self, origin: &str, email: &str) -> String {
        match self.invitations.pending_for(email) {
            Some(existing) => existing.id.clone(),
            None => self.invitations.invite(origin, email),
        }
    }

    /// Whether `email` has a pending invitation.
    pub fn has_pending_invitation(&self, email: &str) -> bool {
        self.invitations.pending_for(email).is_some()
    }

    /// A fresh invitation for `email` with the defaults, even when one is pending.
    pub fn invite_again(&mut self, origin: &str, email: &str) -> String {
        self.invitations.invite(origin, email)
    }

    /// The invitation with this id as it reads now.
    pub fn invitation(&self, id: &str) -> Option<Invitation> {
        self.invitations.current(id)
    }

    /// The id of the machine whose secret key `key` is at `now` (unix ms), counting a
    /// rotated-out key during its grace period.
    pub fn machine_for_secret(&self, key: &str, now: i64) -> Option<String> {
        self.machines.holder_of(key, now).map(str::to_owned)
    }

    /// A machine's default token lifetime (seconds) and the ids of the machines it may call.
    pub fn machine_token_defaults(&self, machine_id: &str) -> Option<(i64, Vec<String>)> {
        self.machines.token_defaults(machine_id)
    }

    /// `user_id`'s membership of `organization_id` as the API shows it (role, permissions,
    /// the organization), or `None` when they are not a member.
    pub fn membership_view(
        &self,
        organization_id: &str,
        user_id: &str,
    ) -> Option<OrganizationMembership> {
        let member = self.memberships.find(organization_id, user_id)?;
        super::organization_memberships::view(self, member)
    }

    /// The JWT template called `name`.
    pub fn jwt_template_named(&self, name: &str) -> Option<JwtTemplate> {
        self.jwt_templates.find(|t| t.name == name).cloned()
    }

    /// Uses the actor token whose secret is `ticket`: starts the impersonation session it
    /// grants (announced by `session.created`). `None` when the token is unknown, used,
    /// revoked or expired, or its user is gone.
    pub fn accept_actor_token(&mut self, ticket: &str, now: i64) -> Option<Session> {
        let grant = self.actor_tokens.accept(ticket, now)?;
        if !self.user_exists(&grant.user_id) {
            return None;
        }
        let session = self.sessions.impersonate(&grant, now);
        self.users.record_sign_in(&grant.user_id, now);
        self.emit_session("session.created", &session, None);
        Some(session)
    }
}

/// What crosses into users, roles and organizations for the identity modules.
impl Store {
    /// Every user, oldest first, read-only.
    pub fn all_users(&self) -> impl Iterator<Item = &User> {
        self.users.rows().iter().map(|s| &s.user)
    }

    /// Whether some user holds `value` as an identifier of `kind`.
    pub fn identifier_taken(&self, kind: Identifier, value: &str) -> bool {
        self.users.taken(kind, value, None)
    }

    /// Changes the user `user_id` with `edit`, stamps `updated_at` and queues `user.updated`;
    /// answers what `edit` answered and the user as it is now. When `edit` fails the user is
    /// left as it was. 404 for an unknown user.
    pub fn edit_user<R>(
        &mut self,
        user_id: &str,
        now: i64,
        edit: impl FnOnce(&mut User) -> Result<R, ApiError>,
    ) -> Result<(R, User), ApiError> {
        let row = self.users.found_mut(user_id)?;
        let mut user = row.user.clone();
        let answer = edit(&mut user)?;
        user.updated_at = now;
        row.user = user.clone();
        self.emit("user.updated", &user);
        Ok((answer, user))
    }

    /// The role with this key (`org:admin`...), if the instance has it.
    pub fn role(&self, key: &str) -> Option<&Role> {
        self.organization_roles.find(|r| r.key == key)
    }

    /// The keys of the permissions the role `key` grants, as memberships show them; none for
    /// an unknown role.
    pub fn role_permissions(&self, key: &str) -> Vec<String> {
        self.role(key)
            .map(|r| r.permissions.iter().map(|p| p.key.clone()).collect())
            .unwrap_or_default()
    }

    /// Whether a membership or a pending organization invitation carries the role `key`.
    pub fn role_in_use(&self, key: &str) -> bool {
        self.memberships.rows().iter().any(|m| m.role == key)
            || self.organization_invitations.pending_with_role(key)
    }
}

// Instance settings: what other families may honour.
impl Store {
    /// The organization settings (membership limit, creator role...). The initial role set
    /// key is read from the role sets when shown, not from here.
    pub fn organization_settings(&self) -> &crate::models::OrganizationSettings {
        &self.instance_settings.organizations
    }

    /// The sign-up and sign-in restrictions (allowlist, blocklist, email rules).
    #[allow(dead_code)] // for the families that will honour it; none does yet
    pub fn instance_restrictions(&self) -> &crate::models::InstanceRestrictions {
        &self.instance_settings.restrictions
    }

    /// The ISO country codes SMS messages must not be sent to.
    #[allow(dead_code)] // for the families that will honour it; none does yet
    pub fn sms_blocked_countries(&self) -> &[String] {
        &self.instance_settings.communication.blocked_country_codes
    }

    /// The instance's general settings that no GET shows (test mode, HIBP...).
    #[allow(dead_code)] // for the families that will honour it; none does yet
    pub fn instance_general(&self) -> &super::instance_settings::General {
        &self.instance_settings.general
    }

    /// The OAuth application settings.
    pub fn oauth_application_settings(&self) -> &crate::models::InstanceOAuthApplicationSettings {
        &self.instance_settings.oauth_applications
    }

    /// The role with this id, if the instance has it.
    pub fn role_by_id(&self, id: &str) -> Option<&Role> {
        self.organization_roles.get(id).ok()
    }
}

// Role sets: what organizations and their settings read.
impl Store {
    /// The key of the role set new organizations get, if one is initial.
    pub fn initial_role_set_key(&self) -> Option<String> {
        self.role_sets.initial_key()
    }
}

// SAML and enterprise connections: email domains route to one connection of either kind.
impl Store {
    /// Checks the email domains of an SSO connection: at least one, each a fully qualified
    /// domain name (lowercased), none held by another SAML or enterprise connection than
    /// `except_id`. Answers them lowercased without repeats; Clerk's 422 or 409 otherwise.
    pub fn claim_sso_domains(
        &self,
        param: &str,
        domains: &[String],
        except_id: Option<&str>,
    ) -> Result<Vec<String>, ApiError> {
        if domains.is_empty() {
            return Err(ApiError::missing(param));
        }
        let mut claimed: Vec<String> = Vec::with_capacity(domains.len());
        for domain in domains {
            let domain = domain.trim().to_ascii_lowercase();
            let labels: Vec<&str> = domain.split('.').collect();
            let fqdn = labels.len() >= 2
                && labels.iter().all(|l| {
                    !l.is_empty()
                        && l.len() <= 63
                        && !l.starts_with('-')
                        && !l.ends_with('-')
                        && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                });
            if !fqdn {
                return Err(ApiError::invalid(
                    param,
                    format!("{domain} is not a fully qualified domain name such as example.com."),
                ));
            }
            let mine = |id: Option<&str>| id.is_some() && id == except_id;
            let taken = self.saml_connections.rows().iter().any(|c| {
                !mine(c.id.as_deref()) && c.domains.iter().flatten().any(|d| d == &domain)
            }) || self
                .enterprise_connections
                .rows()
                .iter()
                .any(|c| !mine(Some(&c.id)) && c.domains.contains(&domain));
            if taken {
                return Err(ApiError::new(
                    axum::http::StatusCode::CONFLICT,
                    "duplicate_record",
                    "domain already in use",
                    format!("The domain {domain} is already used by another connection."),
                )
                .param(param));
            }
            if !claimed.contains(&domain) {
                claimed.push(domain);
            }
        }
        Ok(claimed)
    }

    /// Whether an organization with this id exists.
    pub fn organization_exists(&self, organization_id: &str) -> bool {
        self.organizations.get(organization_id).is_some()
    }
}
