//! What a user holds besides emails and phone numbers: web3 wallets, passkeys, external
//! (OAuth) accounts and their access tokens, and trusted devices. The stand-in creates
//! wallets (on `POST /users`) but no passkeys, external accounts or trusted devices, so their
//! routes answer Clerk's 404 for an id the user does not have and empty lists; removing what
//! does exist keeps the user consistent and is announced by `user.updated`.

use axum::extract::{Path, State};
use axum::routing::{delete, get};
use axum::Router;
use serde::Deserialize;

use super::reply::{self, deleted, paged, ApiError, Paging, Params, Reply};
use super::shared::{missing_resource, user_not_found};
use super::store::{now_ms, Shared, Store};
use super::user_table::edit_row;
use crate::models::{OAuthAccessToken, TrustedDevice, User};

/// The routes of wallets, passkeys, external accounts, OAuth tokens and trusted devices.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/users/{user_id}/passkeys/{passkey_id}",
            delete(delete_passkey),
        )
        .route(
            "/users/{user_id}/web3_wallets/{wallet_id}",
            delete(delete_web3_wallet),
        )
        .route(
            "/users/{user_id}/external_accounts/{account_id}",
            delete(delete_external_account),
        )
        .route(
            "/users/{user_id}/trusted_devices",
            get(list_trusted_devices),
        )
        .route(
            "/users/{user_id}/trusted_devices/{device_id}",
            delete(revoke_trusted_device),
        )
        .route(
            "/users/{user_id}/oauth_access_tokens/{provider}",
            get(oauth_access_tokens),
        )
}

/// Takes the item with `id` out of the user's `items`, or answers Clerk's 404 naming it
/// (`what`). The user itself must exist: 404 naming the user first.
fn take_out<T>(
    store: &mut Store,
    user_id: &str,
    what: &str,
    id: &str,
    items: impl FnOnce(&mut User) -> &mut Vec<T>,
    has_id: impl Fn(&T) -> bool,
) -> Result<User, ApiError> {
    let ((), user) = edit_row(store, user_id, now_ms(), |row| {
        let list = items(&mut row.user);
        let at = list
            .iter()
            .position(has_id)
            .ok_or_else(|| missing_resource(what, id))?;
        list.remove(at);
        Ok(())
    })?;
    Ok(user)
}

/// `DELETE /users/{user_id}/passkeys/{passkey_identification_id}`.
async fn delete_passkey(
    State(inner): State<Shared>,
    Path((user_id, id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    take_out(
        &mut store,
        &user_id,
        "passkey",
        &id,
        |u| &mut u.passkeys,
        |p| p.id.as_deref() == Some(id.as_str()),
    )?;
    deleted("passkey", &id)
}

/// `DELETE /users/{user_id}/web3_wallets/{web3_wallet_identification_id}`: a primary wallet
/// hands the primary role to the user's next wallet, if any.
async fn delete_web3_wallet(
    State(inner): State<Shared>,
    Path((user_id, id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    let ((), _) = edit_row(&mut store, &user_id, now_ms(), |row| {
        let user = &mut row.user;
        let at = user
            .web3_wallets
            .iter()
            .position(|w| w.id.as_deref() == Some(id.as_str()))
            .ok_or_else(|| missing_resource("web3 wallet", &id))?;
        user.web3_wallets.remove(at);
        if user.primary_web3_wallet_id.as_deref() == Some(id.as_str()) {
            user.primary_web3_wallet_id = user.web3_wallets.first().and_then(|w| w.id.clone());
        }
        Ok(())
    })?;
    deleted("web3_wallet", &id)
}

/// `DELETE /users/{user_id}/external_accounts/{external_account_id}`.
async fn delete_external_account(
    State(inner): State<Shared>,
    Path((user_id, id)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    take_out(
        &mut store,
        &user_id,
        "external account",
        &id,
        |u| &mut u.external_accounts,
        |a| a.id == id,
    )?;
    deleted("external_account", &id)
}

/// 404 unless the user exists.
fn check_user(store: &Store, user_id: &str) -> Result<(), ApiError> {
    if store.user_exists(user_id) {
        Ok(())
    } else {
        Err(user_not_found(user_id))
    }
}

/// `GET /users/{user_id}/trusted_devices`: `{data, total_count}` of the active devices, none
/// in the stand-in (devices enroll through Clerk's mobile SDKs, which it does not serve).
async fn list_trusted_devices(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    check_user(&inner.store(), &user_id)?;
    reply::list(Vec::<TrustedDevice>::new(), 0)
}

/// `DELETE /users/{user_id}/trusted_devices/{trusted_device_id}`: the user has none, so 404.
async fn revoke_trusted_device(
    State(inner): State<Shared>,
    Path((user_id, id)): Path<(String, String)>,
) -> Reply {
    check_user(&inner.store(), &user_id)?;
    Err(missing_resource("trusted device", &id))
}

/// The query of `GET /users/{user_id}/oauth_access_tokens/{provider}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TokenQuery {
    paginated: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /users/{user_id}/oauth_access_tokens/{provider}`: the tokens of the user's external
/// accounts at `provider`; with no accounts, an empty list (a bare array, or the envelope
/// with `paginated=true`).
async fn oauth_access_tokens(
    State(inner): State<Shared>,
    Path((user_id, provider)): Path<(String, String)>,
    Params(query): Params<TokenQuery>,
) -> Reply {
    check_user(&inner.store(), &user_id)?;
    if provider.trim().is_empty() {
        return Err(ApiError::missing("provider"));
    }
    let tokens: Vec<OAuthAccessToken> = Vec::new();
    paged(
        &tokens,
        Paging {
            paginated: query.paginated,
            limit: query.limit,
            offset: query.offset,
        },
    )
}
