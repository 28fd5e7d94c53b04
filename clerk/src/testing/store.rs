//! The stand-in's state: one table per resource, behind one lock.

use std::sync::{Arc, Mutex, MutexGuard};

// Every module reads the clock and makes ids through the store's names.
pub(crate) use super::ids::{new_id, now_ms};
use super::keys::SigningKey;
use super::reply::ApiError;
use super::requests::RequestLog;
use super::resource::Table;
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
    /// One-time-code verifications of email addresses and phone numbers.
    pub code_verifications: super::identity_verifications::Table,
    /// OAuth applications and their client secrets.
    pub oauth_applications: super::oauth_applications::Registry,
    /// The OAuth access tokens issued to those applications.
    pub oauth_access_tokens: super::oauth_access_tokens::Table,
    /// The instance's settings, Clerk's defaults from the start (`instance_settings.rs`).
    pub instance_settings: super::instance_settings::Settings,
    /// Role sets, `role_set:default` from the start.
    pub role_sets: super::role_sets::Table,
    /// Legacy SAML connections.
    pub saml_connections: Table<crate::models::SamlConnection>,
    /// Enterprise SSO connections (SAML and OIDC).
    pub enterprise_connections: Table<crate::models::EnterpriseConnection>,
    /// Dev browsers, refresh tokens and the `__client_uat` of clients.
    pub browsers: super::dev_browsers::Table,
    /// The directives of `format=nonce` handshakes, until collected.
    pub handshakes: super::handshake_payloads::Table,
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

/// What crosses from users into memberships and sessions (users family).
impl Store {
    /// Every membership of `user_id` as the API shows it, taken out of the store; read them
    /// before the user goes, as their public user data needs the user.
    pub fn take_memberships_of(&mut self, user_id: &str) -> Vec<OrganizationMembership> {
        let views = super::organization_memberships::views_of_user(self, user_id);
        self.memberships.remove_user(user_id);
        views
    }

    /// Revokes every active session of `user_id` at `now` and queues their events; `removed`
    /// is the user when the revocation comes from deleting them.
    pub fn revoke_user_sessions(&mut self, user_id: &str, now: i64, removed: Option<&User>) {
        let ended =
            self.sessions
                .end_user_sessions(user_id, crate::models::SessionStatus::Revoked, now);
        self.emit_ended_sessions(&ended, removed);
    }
}

// Organizations family: what organizations, memberships, invitations and domains read of each other.
impl Store {
    /// The organization a path names (`org_...` is read as an id, anything else as a slug),
    /// or Clerk's 404.
    pub fn organization(&self, key: &str) -> Result<&crate::models::Organization, ApiError> {
        self.organizations
            .find(key)
            .ok_or_else(|| super::shared::missing_resource("organization", key))
    }

    /// The user with this id, read-only.
    pub fn user(&self, user_id: &str) -> Option<&User> {
        self.users.get(user_id)
    }

    /// How many members the organization has.
    pub fn member_count(&self, organization_id: &str) -> usize {
        self.memberships.count_in(organization_id)
    }

    /// How many invitations of the organization still wait for an answer.
    pub fn pending_invitation_count(&self, organization_id: &str) -> usize {
        self.organization_invitations.pending_in(organization_id)
    }

    /// Whether some member of the organization is an admin.
    pub fn has_admin(&self, organization_id: &str) -> bool {
        self.memberships.has_admin(organization_id)
    }

    /// The ids of the organization's members.
    pub fn member_ids(&self, organization_id: &str) -> Vec<String> {
        self.memberships.user_ids_in(organization_id)
    }

    /// Every membership as the API shows it, oldest first.
    pub fn membership_views(&self) -> Vec<OrganizationMembership> {
        self.memberships
            .rows()
            .iter()
            .filter_map(|m| super::organization_memberships::view(self, m))
            .collect()
    }

    /// 422 unless the instance has the role `key`.
    pub fn check_role(&self, key: &str) -> Result<(), ApiError> {
        super::organization_roles::check_role(self, key)
    }

    /// The display name of a role; the key itself for a role the instance no longer has.
    pub fn role_name(&self, key: &str) -> String {
        self.role(key)
            .map_or_else(|| key.to_owned(), |r| r.name.clone())
    }

    /// 403 `organization_membership_quota_exceeded` when `adding` more would overfill the
    /// organization; pending invitations count against the limit, as in Clerk.
    pub fn check_membership_quota(
        &self,
        organization_id: &str,
        adding: usize,
    ) -> Result<(), ApiError> {
        let Some(org) = self.organizations.get(organization_id) else {
            return Ok(());
        };
        let Ok(limit) = usize::try_from(org.max_allowed_memberships) else {
            return Ok(());
        };
        let used =
            self.member_count(organization_id) + self.pending_invitation_count(organization_id);
        if limit > 0 && used + adding > limit {
            return Err(ApiError::new(
                http::StatusCode::FORBIDDEN,
                "organization_membership_quota_exceeded",
                "organization membership quota exceeded",
                format!(
                    "You have reached your limit of {limit} organization memberships, including outstanding invitations."
                ),
            ));
        }
        Ok(())
    }

    /// Makes `user_id` a member of `organization_id` with `role` (callers checked all three)
    /// and queues `organizationMembership.created`; answers the membership as shown.
    pub fn add_member(
        &mut self,
        organization_id: &str,
        user_id: &str,
        role: &str,
    ) -> Option<OrganizationMembership> {
        let member = self.memberships.add(
            organization_id,
            user_id,
            role,
            crate::models::Metadata::new(),
            crate::models::Metadata::new(),
        );
        let shown = super::organization_memberships::view(self, &member);
        if let Some(shown) = &shown {
            self.emit("organizationMembership.created", shown);
        }
        shown
    }

    /// Drops what belonged to a deleted organization: its memberships, invitations and
    /// domains (each domain announced by `organizationDomain.deleted`).
    pub fn forget_organization(&mut self, organization_id: &str) {
        self.memberships.remove_organization(organization_id);
        self.organization_invitations
            .remove_organization(organization_id);
        let ids: Vec<String> = self
            .organization_domains
            .rows()
            .iter()
            .filter(|d| d.organization_id == organization_id)
            .map(|d| d.id.clone())
            .collect();
        for id in ids {
            if self.organization_domains.remove(&id).is_ok() {
                self.emit(
                    "organizationDomain.deleted",
                    serde_json::json!({ "object": "organization_domain", "id": id, "deleted": true }),
                );
            }
        }
    }

    /// Applies `change` to every organization role, then brings each one's creator
    /// eligibility up to date (a permission they copy changed or went).
    pub fn change_roles(&mut self, change: impl Fn(&mut crate::models::Role)) {
        let ids: Vec<String> = self
            .organization_roles
            .rows()
            .iter()
            .map(|r| r.id.clone())
            .collect();
        for id in ids {
            if let Ok(role) = self.organization_roles.get_mut(&id) {
                change(role);
                super::role_rules::refresh_eligibility(role);
            }
        }
    }

    /// Changes the organization a path names with `edit`, stamps `updated_at` and queues
    /// `organization.updated`; 404 for an unknown organization.
    pub fn edit_organization(
        &mut self,
        key: &str,
        now: i64,
        edit: impl FnOnce(&mut crate::models::Organization),
    ) -> Result<crate::models::Organization, ApiError> {
        let org = self
            .organizations
            .find_mut(key)
            .ok_or_else(|| super::shared::missing_resource("organization", key))?;
        edit(org);
        org.updated_at = now;
        let org = org.clone();
        self.emit("organization.updated", &org);
        Ok(org)
    }
}

// OAuth family: issuing, revoking and forgetting the access tokens of OAuth applications.
impl Store {
    /// Issues an opaque access token as the token endpoint of the application `client_id`
    /// would for `user_id`: the client authenticates with its current secret (none for a
    /// public client), asks for scopes among the application's, and the token expires
    /// `lifetime_ms` after `now`. The error is an OAuth 2.0 error code and why.
    pub fn issue_oauth_access_token(
        &mut self,
        client_id: &str,
        client_secret: Option<&str>,
        user_id: &str,
        scopes: &str,
        lifetime_ms: i64,
        now: i64,
    ) -> Result<String, String> {
        let app = self
            .oauth_applications
            .by_client_id(client_id)
            .ok_or_else(|| {
                format!("invalid_client: no OAuth application has client id {client_id}")
            })?;
        if !self.oauth_applications.authenticates(app, client_secret) {
            return Err("invalid_client: the client secret is not the application's".to_owned());
        }
        let allowed: Vec<&str> = app.scopes.split_whitespace().collect();
        let asked: Vec<String> = scopes.split_whitespace().map(str::to_owned).collect();
        if let Some(bad) = asked.iter().find(|s| !allowed.contains(&s.as_str())) {
            return Err(format!(
                "invalid_scope: the application may not ask for {bad}"
            ));
        }
        if !self.user_exists(user_id) {
            return Err(format!("invalid_grant: no user has id {user_id}"));
        }
        let grant = super::oauth_access_tokens::Grant {
            client_id,
            user_id,
            scopes: asked,
            expiration: now.saturating_add(lifetime_ms),
        };
        Ok(self.oauth_access_tokens.issue(grant, now))
    }

    /// Revokes the token `token` of the application `client_id`; `false` when the
    /// application was never issued it.
    pub fn revoke_oauth_token(&mut self, client_id: &str, token: &str, now: i64) -> bool {
        self.oauth_access_tokens.revoke(client_id, token, now)
    }

    /// Forgets the tokens of a deleted application, so they no longer verify.
    pub fn forget_oauth_tokens(&mut self, client_id: &str) {
        self.oauth_access_tokens.forget_client(client_id);
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

// Clients: derived from the sessions that share a `client_id`.
impl Store {
    /// Every client the sessions make up, in the order their first session started: its
    /// sessions, the live one active last, and its first and latest change.
    pub fn clients(&self) -> Vec<crate::models::Client> {
        let mut clients: Vec<crate::models::Client> = Vec::new();
        for session in self.sessions.rows() {
            let at = match clients.iter().position(|c| c.id == session.client_id) {
                Some(at) => at,
                None => {
                    clients.push(crate::models::Client {
                        object: "client".to_owned(),
                        id: session.client_id.clone(),
                        session_ids: Vec::new(),
                        sessions: Vec::new(),
                        sign_in_id: None,
                        sign_up_id: None,
                        last_active_session_id: None,
                        last_authentication_strategy: None,
                        updated_at: session.updated_at,
                        created_at: session.created_at,
                    });
                    clients.len() - 1
                }
            };
            let client = &mut clients[at];
            client.session_ids.push(session.id.clone());
            client.sessions.push(session.clone());
            client.created_at = client.created_at.min(session.created_at);
            client.updated_at = client.updated_at.max(session.updated_at);
        }
        for client in &mut clients {
            client.last_active_session_id = client
                .sessions
                .iter()
                .filter(|s| {
                    matches!(
                        s.status,
                        crate::models::SessionStatus::Active
                            | crate::models::SessionStatus::Pending
                    )
                })
                .max_by_key(|s| s.last_active_at)
                .map(|s| s.id.clone());
        }
        clients
    }
}

// Browsers: what the Frontend API's handshake, the session refresh and the browser helpers
// of `StandIn` ask of sessions, dev browsers and handshake payloads.
impl Store {
    /// Signs `user_id` in on a fresh client at `now`, as `POST /sessions` does.
    pub fn sign_in(&mut self, user_id: &str, now: i64) -> Result<Session, ApiError> {
        super::sessions::start(self, user_id, None, now)
    }

    /// The active session `session_id`, marked used at `now`, and a session token of the
    /// default lifetime for it issued at `issued_at` (unix ms).
    pub fn session_token(
        &mut self,
        inner: &Inner,
        session_id: &str,
        now: i64,
        issued_at: i64,
    ) -> Result<(Session, String), ApiError> {
        super::sessions::mint(inner, self, session_id, now, issued_at)
    }

    /// The active session of `client_id` used last, as of `now`.
    pub fn active_session_of_client(&mut self, client_id: &str, now: i64) -> Option<String> {
        self.sessions.active_on_client(client_id, now)
    }

    /// Revokes every live session of `client_id` at `now` and queues their events.
    pub fn revoke_client_sessions(&mut self, client_id: &str, now: i64) {
        let ended = self.sessions.end_client_sessions(
            client_id,
            crate::models::SessionStatus::Revoked,
            now,
        );
        self.emit_ended_sessions(&ended, None);
    }

    /// The dev browser `token` and its client, or a new dev browser without one.
    pub fn open_dev_browser(&mut self, token: Option<&str>) -> (String, Option<String>) {
        self.browsers.open(token)
    }

    /// A new dev browser bound to `client_id`.
    pub fn bind_dev_browser(&mut self, client_id: &str) -> String {
        self.browsers.create(Some(client_id.to_owned()))
    }

    /// The client the dev browser `token` is bound to.
    pub fn dev_browser_client(&self, token: &str) -> Option<String> {
        self.browsers.client_of(token).map(str::to_owned)
    }

    /// A new refresh token for `session_id`.
    pub fn issue_refresh_token(&mut self, session_id: &str) -> String {
        self.browsers.issue_refresh_token(session_id)
    }

    /// Whether `token` is a refresh token issued for `session_id`.
    pub fn refreshes(&self, token: &str, session_id: &str) -> bool {
        self.browsers.refreshes(token, session_id)
    }

    /// Records `uat` (unix seconds) as the `__client_uat` of `client_id` and answers it.
    pub fn stamp_client_uat(&mut self, client_id: &str, uat: i64) -> i64 {
        self.browsers.stamp(client_id, uat)
    }

    /// Keeps a handshake's directives under a new nonce, for `GET /clients/handshake_payload`.
    pub fn stash_handshake(&mut self, directives: Vec<String>) -> String {
        self.handshakes.stash(directives)
    }
}
