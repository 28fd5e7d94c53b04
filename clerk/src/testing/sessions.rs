//! The stand-in's sessions: create one for a user, get, list, revoke, and mint session
//! tokens and JWT-template tokens (RS256 JWTs signed with the stand-in's key, so the crate's
//! verifier accepts them). Refreshing is `session_refresh.rs`; the legacy verify endpoint
//! answers 410 through the server's retired routes.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::actor_tokens::Grant;
use super::jwt_templates::fill;
use super::reply::{self, ApiError, Body, Paging, Params, Reply};
use super::shared::user_not_found;
use super::store::{new_id, now_ms, Inner, Shared, Store};
use super::user_labels::primary_email;
use crate::models::{Session, SessionStatus};

/// How long a new session lives: Clerk's default maximum lifetime, 7 days.
const LIFETIME_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// When an idle session is abandoned: Clerk's default inactivity timeout, 30 days.
const ABANDON_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// Lifetime of a session token when the request does not set one: Clerk's 60 seconds.
const TOKEN_SECONDS: i64 = 60;

/// The stand-in's sessions table, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Session>,
}

impl Table {
    /// Every session, oldest first, as last stored (reads that need them aged go through
    /// the session routes).
    pub(super) fn rows(&self) -> &[Session] {
        &self.rows
    }

    /// Ends every live session of the user with `status` (a ban or a deletion revokes them);
    /// answers the sessions it ended, for their webhook events.
    pub(super) fn end_user_sessions(
        &mut self,
        user_id: &str,
        status: SessionStatus,
        now: i64,
    ) -> Vec<Session> {
        self.end_where(|s| s.user_id == user_id, &status, now)
    }

    /// Ends every live session on the client with `status` (a browser signing out);
    /// answers the sessions it ended, for their webhook events.
    pub(super) fn end_client_sessions(
        &mut self,
        client_id: &str,
        status: SessionStatus,
        now: i64,
    ) -> Vec<Session> {
        self.end_where(|s| s.client_id == client_id, &status, now)
    }

    /// Ends the live sessions `which` picks with `status` at `now`.
    fn end_where(
        &mut self,
        which: impl Fn(&Session) -> bool,
        status: &SessionStatus,
        now: i64,
    ) -> Vec<Session> {
        let mut ended = Vec::new();
        for session in self.rows.iter_mut().filter(|s| which(s)) {
            if is_live(&session.status) {
                session.status = status.clone();
                session.updated_at = now;
                ended.push(session.clone());
            }
        }
        ended
    }

    /// The id of the active session of `client_id` as of `now` that was used last (then
    /// the one created last), if the client still has one.
    pub(super) fn active_on_client(&mut self, client_id: &str, now: i64) -> Option<String> {
        self.age(now);
        self.rows
            .iter()
            .filter(|s| s.client_id == client_id && s.status == SessionStatus::Active)
            .max_by_key(|s| (s.last_active_at, s.created_at))
            .map(|s| s.id.clone())
    }

    /// Moves sessions past their `expire_at` or `abandon_at` to `expired` or `abandoned`,
    /// so reads show what Clerk would show at `now`.
    fn age(&mut self, now: i64) {
        for session in self.rows.iter_mut().filter(|s| is_live(&s.status)) {
            if session.expire_at <= now {
                session.status = SessionStatus::Expired;
                session.updated_at = now;
            } else if session.abandon_at <= now {
                session.status = SessionStatus::Abandoned;
                session.updated_at = now;
            }
        }
    }

    /// The session with this id, aged to `now`, or 404.
    fn found_mut(&mut self, id: &str, now: i64) -> Result<&mut Session, ApiError> {
        self.age(now);
        self.rows
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| session_not_found(id))
    }
}

impl Table {
    /// Starts an active impersonation session as `grant`'s user on a fresh client: its
    /// `actor` is the grant's actor and it ends after the grant's session duration.
    pub(super) fn impersonate(&mut self, grant: &Grant, now: i64) -> Session {
        let session = Session {
            object: "session".to_owned(),
            id: new_id("sess"),
            user_id: grant.user_id.clone(),
            client_id: new_id("client"),
            actor: Some(Value::Object(grant.actor.clone())),
            status: SessionStatus::Active,
            last_active_organization_id: None,
            last_active_at: now,
            latest_activity: None,
            expire_at: now.saturating_add(grant.session_ms),
            abandon_at: now.saturating_add(ABANDON_MS),
            updated_at: now,
            created_at: now,
            tasks: None,
        };
        self.rows.push(session.clone());
        session
    }
}

/// Whether a session still signs its user in.
fn is_live(status: &SessionStatus) -> bool {
    matches!(status, SessionStatus::Active | SessionStatus::Pending)
}

/// 404 naming the session id.
fn session_not_found(id: &str) -> ApiError {
    let mut err = ApiError::not_found();
    for p in &mut err.problems {
        p.long_message = format!("No session was found with id {id}");
    }
    err
}

/// The routes of sessions.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/sessions", get(list).post(create))
        .route("/sessions/{session_id}", get(fetch))
        .route("/sessions/{session_id}/revoke", post(revoke))
        .route("/sessions/{session_id}/tokens", post(create_token))
        .route(
            "/sessions/{session_id}/tokens/{template_name}",
            post(create_token_from_template),
        )
}

/// The body of `POST /sessions`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    user_id: String,
    #[serde(default)]
    active_organization_id: Option<String>,
}

/// `POST /sessions`: an active session on a fresh client.
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut store = inner.store();
    let session = start(
        &mut store,
        &body.user_id,
        body.active_organization_id,
        now_ms(),
    )?;
    reply::ok(session)
}

/// Signs `user_id` in on a fresh client at `now`, as `POST /sessions` does: an active
/// session, announced by `session.created`. A banned or locked user cannot sign in, so
/// they get a 400 (`user_banned`, `user_locked`: the stand-in's codes); an unknown user a
/// 404, an organization the user is not a member of a 422.
pub(super) fn start(
    store: &mut Store,
    user_id: &str,
    active_organization_id: Option<String>,
    now: i64,
) -> Result<Session, ApiError> {
    store.users.expire_locks(now);
    let Some(user) = store.users.get(user_id) else {
        return Err(user_not_found(user_id));
    };
    if user.banned {
        return Err(ApiError::bad_request(
            "user_banned",
            format!("User {} is banned and cannot sign in.", user.id),
        ));
    }
    if user.locked {
        return Err(ApiError::bad_request(
            "user_locked",
            format!(
                "User {} is locked and cannot sign in until the lock ends.",
                user.id
            ),
        ));
    }
    if let Some(org) = &active_organization_id {
        if !store
            .memberships
            .user_ids_in(org)
            .iter()
            .any(|u| u == user_id)
        {
            return Err(ApiError::invalid(
                "active_organization_id",
                format!("User {user_id} is not a member of organization {org}."),
            ));
        }
    }
    let session = Session {
        object: "session".to_owned(),
        id: new_id("sess"),
        user_id: user_id.to_owned(),
        client_id: new_id("client"),
        actor: None,
        status: SessionStatus::Active,
        last_active_organization_id: active_organization_id,
        last_active_at: now,
        latest_activity: None,
        expire_at: now.saturating_add(LIFETIME_MS),
        abandon_at: now.saturating_add(ABANDON_MS),
        updated_at: now,
        created_at: now,
        tasks: None,
    };
    store.users.record_sign_in(user_id, now);
    store.sessions.rows.push(session.clone());
    store.emit_session("session.created", &session, None);
    Ok(session)
}

/// The query of `GET /sessions`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    client_id: Option<String>,
    user_id: Option<String>,
    status: Option<String>,
    paginated: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /sessions`: newest first; a bare array, or `{data, total_count}` with
/// `paginated=true`. Clerk asks for `client_id` or `user_id`; the stand-in insists (422).
async fn list(State(inner): State<Shared>, Params(query): Params<ListQuery>) -> Reply {
    if query.client_id.is_none() && query.user_id.is_none() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_missing",
            "client_id or user_id must be included.",
            "List sessions of a client or of a user: give client_id or user_id.",
        )
        .param("user_id"));
    }
    let status = match query.status.as_deref() {
        None => None,
        Some(s) => {
            let known = [
                "abandoned",
                "active",
                "ended",
                "expired",
                "removed",
                "replaced",
                "revoked",
            ];
            if !known.contains(&s) {
                return Err(ApiError::invalid(
                    "status",
                    format!("{s} is not one of {}.", known.join(", ")),
                ));
            }
            s.parse::<SessionStatus>().ok()
        }
    };
    let mut store = inner.store();
    store.sessions.age(now_ms());
    let sessions: Vec<Session> = store
        .sessions
        .rows
        .iter()
        .rev()
        .filter(|s| query.client_id.as_ref().is_none_or(|c| &s.client_id == c))
        .filter(|s| query.user_id.as_ref().is_none_or(|u| &s.user_id == u))
        .filter(|s| status.as_ref().is_none_or(|st| &s.status == st))
        .cloned()
        .collect();
    reply::paged(
        &sessions,
        Paging {
            paginated: query.paginated,
            limit: query.limit,
            offset: query.offset,
        },
    )
}

/// `GET /sessions/{session_id}`.
async fn fetch(State(inner): State<Shared>, Path(session_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let session = store.sessions.found_mut(&session_id, now_ms())?.clone();
    reply::ok(session)
}

/// `POST /sessions/{session_id}/revoke`: the session becomes `revoked`. Revoking a session
/// that no longer signs anyone in is a 400 `session_not_active`.
async fn revoke(State(inner): State<Shared>, Path(session_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let now = now_ms();
    let session = store.sessions.found_mut(&session_id, now)?;
    if !is_live(&session.status) {
        return Err(ApiError::bad_request(
            "session_not_active",
            format!(
                "Session {session_id} is {} and cannot be revoked.",
                session.status
            ),
        ));
    }
    session.status = SessionStatus::Revoked;
    session.updated_at = now;
    let session = session.clone();
    store.emit_session("session.revoked", &session, None);
    reply::ok(session)
}

/// The body of both token endpoints.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenBody {
    expires_in_seconds: Option<i64>,
}

/// The claims of a session token, as Clerk's v2 tokens carry them.
#[derive(Debug, Serialize)]
struct Claims<'a> {
    sub: &'a str,
    sid: &'a str,
    iss: &'a str,
    iat: i64,
    nbf: i64,
    exp: i64,
    jti: String,
    v: u8,
    sts: &'a str,
    /// The active organization, in the v2 form (`rol` without the `org:` prefix).
    #[serde(skip_serializing_if = "Option::is_none")]
    o: Option<OrgClaim>,
    /// The features the permissions of `o` are grouped by, `o:`-scoped and comma-separated.
    #[serde(skip_serializing_if = "Option::is_none")]
    fea: Option<String>,
    /// Who is acting as the user, in an impersonation session.
    #[serde(skip_serializing_if = "Option::is_none")]
    act: Option<&'a Value>,
}

/// The `o` claim of a v2 session token.
#[derive(Debug, Serialize)]
struct OrgClaim {
    id: String,
    slg: String,
    rol: String,
    /// Permission names (the last part of `org:<feature>:<name>`), comma-separated.
    #[serde(skip_serializing_if = "String::is_empty")]
    per: String,
    /// One decimal bitmask per feature of `fea`, comma-separated: bit `j` (least
    /// significant first) grants the `j`-th name of `per` within that feature.
    #[serde(skip_serializing_if = "String::is_empty")]
    fpm: String,
}

/// Packs `org:<feature>:<name>` permissions into Clerk's v2 form: the `fea` list, the `per`
/// names and the `fpm` masks, features and names in the order they first appear.
/// Permissions not of that shape are left out.
fn pack_permissions(permissions: &[String]) -> (String, String, String) {
    let mut features: Vec<&str> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut masks: Vec<u64> = Vec::new();
    for permission in permissions {
        let Some((feature, name)) = permission
            .strip_prefix("org:")
            .and_then(|rest| rest.split_once(':'))
        else {
            continue;
        };
        let f = features
            .iter()
            .position(|x| *x == feature)
            .unwrap_or_else(|| {
                features.push(feature);
                masks.push(0);
                features.len() - 1
            });
        let n = names.iter().position(|x| *x == name).unwrap_or_else(|| {
            names.push(name);
            names.len() - 1
        });
        if let (Some(mask), Ok(bit)) = (masks.get_mut(f), u32::try_from(n)) {
            *mask |= 1u64.checked_shl(bit).unwrap_or(0);
        }
    }
    let fea = features
        .iter()
        .map(|f| format!("o:{f}"))
        .collect::<Vec<_>>()
        .join(",");
    let fpm = masks
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    (fea, names.join(","), fpm)
}

/// 422 `session_not_active` for a session that cannot get tokens.
fn not_active(session: &Session) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "session_not_active",
        "session is not active",
        format!(
            "Session {} is {}: only active sessions get tokens.",
            session.id, session.status
        ),
    )
}

/// 500 for a token the key could not sign.
fn unsigned(e: &jsonwebtoken::errors::Error) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_clerk_error",
        "the token could not be signed",
        format!("The stand-in could not sign the session token: {e}"),
    )
}

/// 422 unless `lifetime` is within what the token endpoints accept.
fn check_lifetime(lifetime: Option<i64>) -> Result<(), ApiError> {
    if lifetime.is_some_and(|l| !(30..=315_360_000).contains(&l)) {
        return Err(ApiError::invalid(
            "expires_in_seconds",
            "expires_in_seconds must be between 30 and 315360000.",
        ));
    }
    Ok(())
}

/// Twenty random alphanumerics, the `jti` of a token.
fn token_id() -> String {
    std::iter::repeat_with(fastrand::alphanumeric)
        .take(20)
        .collect()
}

/// Marks the active session `session_id` as used at `now` and answers a copy of it, or
/// 404 / 422 `session_not_active`.
fn touch(store: &mut Store, session_id: &str, now: i64) -> Result<Session, ApiError> {
    let session = store.sessions.found_mut(session_id, now)?;
    if session.status != SessionStatus::Active {
        return Err(not_active(session));
    }
    session.last_active_at = now;
    session.updated_at = now;
    let session = session.clone();
    store.users.record_activity(&session.user_id, now);
    Ok(session)
}

/// Signs a v2 session token for `session`, living `lifetime` seconds from `now`. The
/// organization claims are written only while the user is still a member of the session's
/// active organization: a removed member's tokens lose it.
fn session_token(
    inner: &Inner,
    store: &Store,
    session: &Session,
    lifetime: i64,
    now: i64,
) -> Result<String, ApiError> {
    let iat = now / 1000;
    let membership = session
        .last_active_organization_id
        .as_deref()
        .and_then(|org_id| store.membership_view(org_id, &session.user_id));
    let (o, fea) = match membership {
        Some(m) => {
            // Clerk leaves system permissions (`org:sys_*`) out of session tokens to keep
            // them small; only custom permissions travel in `o`.
            let custom: Vec<String> = m
                .permissions
                .iter()
                .filter(|p| !p.starts_with("org:sys_"))
                .cloned()
                .collect();
            let (fea, per, fpm) = pack_permissions(&custom);
            let o = OrgClaim {
                id: m.organization.id,
                slg: m.organization.slug,
                rol: m.role.trim_start_matches("org:").to_owned(),
                per,
                fpm,
            };
            (Some(o), Some(fea).filter(|f| !f.is_empty()))
        }
        None => (None, None),
    };
    let claims = Claims {
        sub: &session.user_id,
        sid: &session.id,
        iss: &inner.origin,
        iat,
        nbf: iat - 10,
        exp: iat.saturating_add(lifetime),
        jti: token_id(),
        v: 2,
        sts: "active",
        o,
        fea,
        act: session.actor.as_ref(),
    };
    inner.key.sign(&claims).map_err(|e| unsigned(&e))
}

/// Marks the active session `session_id` used at `now` and signs it a session token of the
/// default lifetime issued at `issued_at` (unix ms): what `POST /sessions/{id}/tokens`
/// answers without a body when `issued_at` is `now`, a token already expired when it is more
/// than the lifetime before. Answers the session as it is now and the token; 404 / 422
/// `session_not_active` as that route.
pub(super) fn mint(
    inner: &Inner,
    store: &mut Store,
    session_id: &str,
    now: i64,
    issued_at: i64,
) -> Result<(Session, String), ApiError> {
    let session = touch(store, session_id, now)?;
    let jwt = session_token(inner, store, &session, TOKEN_SECONDS, issued_at)?;
    Ok((session, jwt))
}

/// `POST /sessions/{session_id}/tokens`: `{"object": "token", "jwt": ...}`, an RS256 JWT
/// that `GET /jwks` verifies, 60 seconds unless `expires_in_seconds` says otherwise. A
/// session that is not active gets a 422 `session_not_active` naming its status.
async fn create_token(
    State(inner): State<Shared>,
    Path(session_id): Path<String>,
    Body(body): Body<TokenBody>,
) -> Reply {
    check_lifetime(body.expires_in_seconds)?;
    let lifetime = body.expires_in_seconds.unwrap_or(TOKEN_SECONDS);
    let mut store = inner.store();
    let now = now_ms();
    let session = touch(&mut store, &session_id, now)?;
    let jwt = session_token(&inner, &store, &session, lifetime, now)?;
    reply::ok(json!({ "object": "token", "jwt": jwt }))
}

/// What the shortcodes of a template read for `session`: `user`, `org` (the active
/// organization, with the member's `role`), `org_membership` and `session`.
fn shortcode_context(store: &Store, session: &Session) -> Value {
    let user = store.users.get(&session.user_id).map(|u| {
        let phone = u
            .phone_numbers
            .iter()
            .find(|p| p.id.is_some() && p.id == u.primary_phone_number_id)
            .map(|p| p.phone_number.clone());
        let full_name = match (&u.first_name, &u.last_name) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            (f, l) => f.clone().or_else(|| l.clone()),
        };
        json!({
            "id": u.id,
            "external_id": u.external_id,
            "first_name": u.first_name,
            "last_name": u.last_name,
            "full_name": full_name,
            "username": u.username,
            "image_url": u.image_url,
            "has_image": u.has_image,
            "primary_email_address": primary_email(u),
            "primary_phone_number": phone,
            "public_metadata": u.public_metadata,
            "unsafe_metadata": u.unsafe_metadata.clone().unwrap_or_default(),
            "two_factor_enabled": u.two_factor_enabled,
            "created_at": u.created_at,
            "updated_at": u.updated_at,
        })
    });
    let membership = session
        .last_active_organization_id
        .as_deref()
        .and_then(|org_id| store.membership_view(org_id, &session.user_id));
    let (org, org_membership) = match membership {
        Some(m) => (
            json!({
                "id": m.organization.id,
                "name": m.organization.name,
                "slug": m.organization.slug,
                "image_url": m.organization.image_url,
                "public_metadata": m.organization.public_metadata,
                "role": m.role,
            }),
            json!({
                "permissions": m.permissions,
                "public_metadata": m.public_metadata,
            }),
        ),
        None => (Value::Null, Value::Null),
    };
    json!({
        "user": user,
        "org": org,
        "org_membership": org_membership,
        "session": { "id": session.id, "actor": session.actor },
    })
}

/// `POST /sessions/{session_id}/tokens/{template_name}`: a JWT of the template's claims with
/// their shortcodes filled in, plus the claims Clerk always sets (`sub`, `iss`, `iat`,
/// `nbf` = `iat` − the template's clock skew, `exp` = `iat` + its lifetime or
/// `expires_in_seconds`, `jti`, and `act` in an impersonation session). An unknown
/// template is a 404, checked after the session.
async fn create_token_from_template(
    State(inner): State<Shared>,
    Path((session_id, template_name)): Path<(String, String)>,
    Body(body): Body<TokenBody>,
) -> Reply {
    check_lifetime(body.expires_in_seconds)?;
    let mut store = inner.store();
    let now = now_ms();
    store.sessions.found_mut(&session_id, now)?;
    let Some(template) = store.jwt_template_named(&template_name) else {
        let mut err = ApiError::not_found();
        for p in &mut err.problems {
            p.long_message = format!("No JWT template exists with name: {template_name}");
        }
        return Err(err);
    };
    if template.custom_signing_key {
        return Err(ApiError::not_implemented(
            "minting from a JWT template with a custom signing key (the stand-in keeps no \
             private keys of yours)",
        ));
    }
    let session = touch(&mut store, &session_id, now)?;
    let mut claims = fill(&template.claims, &shortcode_context(&store, &session));
    let iat = now / 1000;
    let lifetime = body.expires_in_seconds.unwrap_or(template.lifetime);
    for (name, value) in [
        ("sub", json!(session.user_id)),
        ("iss", json!(inner.origin)),
        ("iat", json!(iat)),
        ("nbf", json!(iat - template.allowed_clock_skew)),
        ("exp", json!(iat.saturating_add(lifetime))),
        ("jti", json!(token_id())),
    ] {
        claims.insert(name.to_owned(), value);
    }
    if let Some(actor) = &session.actor {
        claims.insert("act".to_owned(), actor.clone());
    }
    let jwt = inner.key.sign(&claims).map_err(|e| unsigned(&e))?;
    reply::ok(json!({ "object": "token", "jwt": jwt }))
}
