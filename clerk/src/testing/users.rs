//! The stand-in's users: create, get, update and delete, with Clerk's validation and
//! uniqueness rules. The table lives in `user_table`, listing in `user_filters`, the per-user
//! actions in `user_actions` (metadata, ban, lock), `user_passwords`, `user_mfa` (TOTP and
//! backup codes), `user_accounts` (passkeys, wallets, external accounts, trusted devices,
//! OAuth tokens) and `user_images`.

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use super::identifiers::check_unique;
use super::reply::{self, ApiError, Body, Reply};
use super::shared::user_not_found;
use super::store::{new_id, now_ms, Shared, Store};
use super::user_input::{check_formats, email, metadata, phone, statuses, timestamp, wallet};
use super::user_table::{Stored, VERIFICATION_ATTEMPTS};
use super::{user_accounts, user_actions, user_filters, user_images, user_mfa, user_passwords};
use crate::models::{EmailAddress, PhoneNumber, User, Web3Wallet};

/// Kept at this path for the modules outside the users family that still name it here
/// (`store.rs`, `invitations.rs`); it lives in `identifiers`.
pub(super) use super::identifiers::Identifier;
/// Kept at this path for `store.rs`, which names the users table here.
pub(crate) use super::user_table::Table;

/// The routes of users, including those of the other user modules.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/users", get(user_filters::list).post(create))
        .route("/users/count", get(user_filters::count))
        .route("/users/{user_id}", get(fetch).patch(update).delete(remove))
        .route(
            "/users/{user_id}/metadata",
            axum::routing::patch(user_actions::merge_metadata).put(user_actions::replace_metadata),
        )
        .route("/users/ban", post(user_actions::bulk_ban))
        .route("/users/unban", post(user_actions::bulk_unban))
        .route("/users/{user_id}/ban", post(user_actions::ban))
        .route("/users/{user_id}/unban", post(user_actions::unban))
        .route("/users/{user_id}/lock", post(user_actions::lock))
        .route("/users/{user_id}/unlock", post(user_actions::unlock))
        .merge(user_passwords::routes())
        .merge(user_mfa::routes())
        .merge(user_accounts::routes())
        .merge(user_images::routes())
}

/// The body of `POST /users`. Fields the stand-in has no state for (legal checks) are
/// accepted and ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CreateBody {
    external_id: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    locale: Option<String>,
    email_address: Vec<String>,
    email_address_identification_status: Vec<String>,
    phone_number: Vec<String>,
    phone_number_identification_status: Vec<String>,
    web3_wallet: Vec<String>,
    username: Option<String>,
    password: Option<String>,
    password_digest: Option<String>,
    password_hasher: Option<String>,
    skip_password_checks: Option<bool>,
    public_metadata: Option<Value>,
    private_metadata: Option<Value>,
    unsafe_metadata: Option<Value>,
    delete_self_enabled: Option<bool>,
    legal_accepted_at: Option<String>,
    create_organization_enabled: Option<bool>,
    create_organizations_limit: Option<i64>,
    created_at: Option<String>,
    bypass_client_trust: Option<bool>,
    banned: Option<bool>,
    locked: Option<bool>,
    totp_secret: Option<String>,
    backup_codes: Vec<String>,
}

/// `POST /users`.
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    let mut problems = Vec::new();
    let email_reserved = statuses(
        "email_address_identification_status",
        &body.email_address_identification_status,
        body.email_address.len(),
        &mut problems,
    );
    let phone_reserved = statuses(
        "phone_number_identification_status",
        &body.phone_number_identification_status,
        body.phone_number.len(),
        &mut problems,
    );
    check_formats(
        &body.email_address,
        &body.phone_number,
        &body.web3_wallet,
        body.username.as_deref(),
        &mut problems,
    );
    let created_at = timestamp("created_at", body.created_at.as_deref(), &mut problems);
    let legal_accepted_at = timestamp(
        "legal_accepted_at",
        body.legal_accepted_at.as_deref(),
        &mut problems,
    );
    let password = user_passwords::password_input(
        body.password.as_deref(),
        body.password_digest.as_deref(),
        body.password_hasher.as_deref(),
        body.skip_password_checks.unwrap_or(false),
        &mut problems,
    );
    let public_metadata = metadata("public_metadata", body.public_metadata, &mut problems);
    let private_metadata = metadata("private_metadata", body.private_metadata, &mut problems);
    let unsafe_metadata = metadata("unsafe_metadata", body.unsafe_metadata, &mut problems);
    let totp_secret = user_mfa::totp_secret(body.totp_secret.as_deref(), &mut problems);
    if !problems.is_empty() {
        return Err(ApiError::fields(problems));
    }
    // Hashing is the slow part: do it before taking the lock.
    let password = match password {
        Some(p) => Some(p.into_phc().await?),
        None => None,
    };

    let mut store = inner.store();
    let store = &mut *store;
    let wanted = [
        (Identifier::Email, body.email_address.clone()),
        (Identifier::Phone, body.phone_number.clone()),
        (Identifier::Web3, body.web3_wallet.clone()),
        (
            Identifier::Username,
            body.username.clone().into_iter().collect(),
        ),
        (
            Identifier::ExternalId,
            body.external_id.clone().into_iter().collect(),
        ),
    ];
    check_unique(|kind, value| store.users.taken(kind, value, None), &wanted)?;

    let now = now_ms();
    let id = new_id("user");
    let email_addresses: Vec<EmailAddress> = body
        .email_address
        .iter()
        .zip(email_reserved)
        .map(|(address, reserved)| email(address, reserved, now))
        .collect();
    let phone_numbers: Vec<PhoneNumber> = body
        .phone_number
        .iter()
        .zip(phone_reserved)
        .map(|(number, reserved)| phone(number, reserved, now))
        .collect();
    let web3_wallets: Vec<Web3Wallet> = body.web3_wallet.iter().map(|w| wallet(w, now)).collect();
    let created_at = created_at.unwrap_or(now);
    let user = User {
        id: id.clone(),
        object: "user".to_owned(),
        external_id: body.external_id,
        primary_email_address_id: email_addresses.first().and_then(|e| e.id.clone()),
        primary_phone_number_id: phone_numbers.first().and_then(|p| p.id.clone()),
        primary_web3_wallet_id: web3_wallets.first().and_then(|w| w.id.clone()),
        username: body.username,
        first_name: body.first_name,
        last_name: body.last_name,
        locale: body.locale,
        profile_image_url: None,
        image_url: None,
        has_image: false,
        public_metadata: public_metadata.unwrap_or_default(),
        private_metadata: Some(private_metadata.unwrap_or_default()),
        unsafe_metadata: Some(unsafe_metadata.unwrap_or_default()),
        email_addresses,
        phone_numbers,
        web3_wallets,
        passkeys: Vec::new(),
        password_enabled: password.is_some(),
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: None,
        mfa_disabled_at: None,
        password_last_updated_at: password.as_ref().map(|_| now),
        external_accounts: Vec::new(),
        saml_accounts: Vec::new(),
        enterprise_accounts: Vec::new(),
        organization_memberships: None,
        last_sign_in_at: None,
        banned: body.banned.unwrap_or(false),
        locked: false,
        deprovisioned: Some(false),
        lockout_expires_in_seconds: None,
        verification_attempts_remaining: Some(VERIFICATION_ATTEMPTS),
        updated_at: now,
        created_at,
        delete_self_enabled: body.delete_self_enabled.unwrap_or(true),
        create_organization_enabled: body.create_organization_enabled.unwrap_or(true),
        create_organizations_limit: body.create_organizations_limit,
        last_active_at: None,
        legal_accepted_at,
        bypass_client_trust: Some(body.bypass_client_trust.unwrap_or(false)),
        scim: None,
    };
    let mut row = Stored {
        user,
        password,
        locked_until: None,
        totp_secret: None,
        backup_codes: Vec::new(),
        password_compromised: false,
    };
    if body.locked == Some(true) {
        row.lock(now);
    }
    user_mfa::enroll(&mut row, totp_secret, &body.backup_codes, now);
    let user = row.user.clone();
    store.users.insert(row);
    store.emit("user.created", &user);
    reply::ok(user)
}

/// `GET /users/{user_id}`.
async fn fetch(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    store.users.expire_locks(now_ms());
    let user = store.users.found_mut(&user_id)?.user.clone();
    reply::ok(user)
}

/// The body of `PATCH /users/{user_id}`. Metadata goes through `/metadata`; a TOTP secret or
/// backup codes replace the user's.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdateBody {
    external_id: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    locale: Option<String>,
    primary_email_address_id: Option<String>,
    primary_phone_number_id: Option<String>,
    primary_web3_wallet_id: Option<String>,
    username: Option<String>,
    password: Option<String>,
    password_digest: Option<String>,
    password_hasher: Option<String>,
    skip_password_checks: Option<bool>,
    sign_out_of_other_sessions: Option<bool>,
    delete_self_enabled: Option<bool>,
    create_organization_enabled: Option<bool>,
    create_organizations_limit: Option<i64>,
    legal_accepted_at: Option<String>,
    created_at: Option<String>,
    bypass_client_trust: Option<bool>,
    totp_secret: Option<String>,
    backup_codes: Vec<String>,
}

/// `PATCH /users/{user_id}`: only the given fields change.
async fn update(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    let mut problems = Vec::new();
    check_formats(&[], &[], &[], body.username.as_deref(), &mut problems);
    let created_at = timestamp("created_at", body.created_at.as_deref(), &mut problems);
    let legal_accepted_at = timestamp(
        "legal_accepted_at",
        body.legal_accepted_at.as_deref(),
        &mut problems,
    );
    let password = user_passwords::password_input(
        body.password.as_deref(),
        body.password_digest.as_deref(),
        body.password_hasher.as_deref(),
        body.skip_password_checks.unwrap_or(false),
        &mut problems,
    );
    let totp_secret = user_mfa::totp_secret(body.totp_secret.as_deref(), &mut problems);
    if !problems.is_empty() {
        return Err(ApiError::fields(problems));
    }
    if inner.store().users.get(&user_id).is_none() {
        return Err(user_not_found(&user_id));
    }
    let password = match password {
        Some(p) => Some(p.into_phc().await?),
        None => None,
    };

    let mut store = inner.store();
    let store: &mut Store = &mut store;
    let wanted = [
        (
            Identifier::Username,
            body.username.clone().into_iter().collect(),
        ),
        (
            Identifier::ExternalId,
            body.external_id.clone().into_iter().collect(),
        ),
    ];
    check_unique(
        |kind, value| store.users.taken(kind, value, Some(&user_id)),
        &wanted,
    )?;
    let now = now_ms();
    let row = store.users.found_mut(&user_id)?;
    let user = &mut row.user;
    let primaries = [
        (
            "primary_email_address_id",
            &body.primary_email_address_id,
            user.email_addresses
                .iter()
                .filter_map(|e| e.id.clone())
                .collect::<Vec<_>>(),
        ),
        (
            "primary_phone_number_id",
            &body.primary_phone_number_id,
            user.phone_numbers
                .iter()
                .filter_map(|p| p.id.clone())
                .collect(),
        ),
        (
            "primary_web3_wallet_id",
            &body.primary_web3_wallet_id,
            user.web3_wallets
                .iter()
                .filter_map(|w| w.id.clone())
                .collect(),
        ),
    ];
    for (param, wanted, own) in &primaries {
        if let Some(wanted) = wanted {
            if !own.contains(wanted) {
                return Err(ApiError::invalid(
                    param,
                    format!("{wanted} is not an identification of user {user_id}."),
                ));
            }
        }
    }
    let set = |target: &mut Option<String>, value: Option<String>| {
        if value.is_some() {
            *target = value;
        }
    };
    set(&mut user.external_id, body.external_id);
    set(&mut user.first_name, body.first_name);
    set(&mut user.last_name, body.last_name);
    set(&mut user.locale, body.locale);
    set(&mut user.username, body.username);
    set(
        &mut user.primary_email_address_id,
        body.primary_email_address_id,
    );
    set(
        &mut user.primary_phone_number_id,
        body.primary_phone_number_id,
    );
    set(
        &mut user.primary_web3_wallet_id,
        body.primary_web3_wallet_id,
    );
    if let Some(v) = body.delete_self_enabled {
        user.delete_self_enabled = v;
    }
    if let Some(v) = body.create_organization_enabled {
        user.create_organization_enabled = v;
    }
    if body.create_organizations_limit.is_some() {
        user.create_organizations_limit = body.create_organizations_limit;
    }
    if let Some(v) = created_at {
        user.created_at = v;
    }
    if legal_accepted_at.is_some() {
        user.legal_accepted_at = legal_accepted_at;
    }
    if body.bypass_client_trust.is_some() {
        user.bypass_client_trust = body.bypass_client_trust;
    }
    let password_changed = password.is_some();
    if let Some(phc) = password {
        row.password = Some(phc);
        // A new password is no longer the compromised one.
        row.password_compromised = false;
        row.user.password_enabled = true;
        row.user.password_last_updated_at = Some(now);
    }
    if totp_secret.is_some() || !body.backup_codes.is_empty() {
        user_mfa::enroll(row, totp_secret, &body.backup_codes, now);
    }
    row.user.updated_at = now;
    let user = row.user.clone();
    store.emit("user.updated", &user);
    if password_changed && body.sign_out_of_other_sessions == Some(true) {
        // The Backend API has no "current" session, so every session of the user ends.
        store.revoke_user_sessions(&user_id, now, None);
    }
    reply::ok(user)
}

/// `DELETE /users/{user_id}`: the user goes, with their memberships; their sessions end.
async fn remove(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let store: &mut Store = &mut store;
    if !store.user_exists(&user_id) {
        return Err(user_not_found(&user_id));
    }
    // The memberships are read while the user still exists, for their public user data.
    let memberships = store.take_memberships_of(&user_id);
    let removed = store.users.take(&user_id)?;
    // What depended on the user goes first, then the user.
    store.revoke_user_sessions(&user_id, now_ms(), Some(&removed.user));
    for membership in &memberships {
        store.emit("organizationMembership.deleted", membership);
    }
    let mut deleted = json!({ "object": "user", "id": user_id, "deleted": true });
    if let Some(external_id) = &removed.user.external_id {
        deleted["external_id"] = json!(external_id);
    }
    store.emit("user.deleted", deleted);
    reply::deleted("user", &user_id)
}
