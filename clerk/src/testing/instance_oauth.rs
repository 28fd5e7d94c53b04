//! The instance's OAuth application settings (`/instance/oauth_application_settings`),
//! part of the settings record `instance_settings.rs` keeps.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::reject_unknown;
use super::shared::{read, set};
use super::store::Shared;

/// The routes of the OAuth application settings.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route(
        "/instance/oauth_application_settings",
        get(get_oauth).patch(update_oauth),
    )
}

async fn get_oauth(State(inner): State<Shared>) -> Reply {
    ok(inner.store().oauth_application_settings())
}

/// Body of `PATCH /instance/oauth_application_settings`. `default_scopes` stays in
/// `unknown` and is read from there, since `null` (reset) and absent (keep) differ.
#[derive(Debug, Deserialize)]
struct OAuthBody {
    #[serde(default)]
    dynamic_oauth_client_registration: Option<bool>,
    #[serde(default)]
    oauth_jwt_access_tokens: Option<bool>,
    #[serde(default)]
    client_id_metadata_documents_advertised: Option<bool>,
    #[serde(default)]
    client_id_metadata_documents_only_allow_pre_registered_clients: Option<bool>,
    #[serde(default)]
    client_id_metadata_documents_block_implicitly_allowed_clients: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `default_scopes` as given: `None` absent, `Some(None)` reset to Clerk's defaults,
/// `Some(Some(list))` the new scopes (each once).
fn default_scopes(given: Option<Value>) -> Result<Option<Option<Vec<String>>>, ApiError> {
    const PARAM: &str = "default_scopes";
    let list = match given {
        None => return Ok(None),
        Some(Value::Null) => return Ok(Some(None)),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(ApiError::invalid(PARAM, "default_scopes must be an array.")),
    };
    let mut scopes: Vec<String> = Vec::with_capacity(list.len());
    for item in list {
        let Value::String(scope) = item else {
            return Err(ApiError::invalid(
                PARAM,
                "default_scopes must hold strings.",
            ));
        };
        if scope.trim().is_empty() || scope.chars().any(char::is_whitespace) {
            return Err(ApiError::invalid(
                PARAM,
                format!("{scope:?} is not a scope: scopes are single words."),
            ));
        }
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    Ok(Some(Some(scopes)))
}

async fn update_oauth(State(inner): State<Shared>, Body(raw): Body<Map<String, Value>>) -> Reply {
    let mut body: OAuthBody = read(raw)?;
    let scopes = default_scopes(body.unknown.remove("default_scopes"))?;
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let o = &mut store.instance_settings.oauth_applications;
    set(
        &mut o.dynamic_oauth_client_registration,
        body.dynamic_oauth_client_registration,
    );
    set(&mut o.oauth_jwt_access_tokens, body.oauth_jwt_access_tokens);
    set(
        &mut o.client_id_metadata_documents_advertised,
        body.client_id_metadata_documents_advertised,
    );
    set(
        &mut o.client_id_metadata_documents_only_allow_pre_registered_clients,
        body.client_id_metadata_documents_only_allow_pre_registered_clients,
    );
    set(
        &mut o.client_id_metadata_documents_block_implicitly_allowed_clients,
        body.client_id_metadata_documents_block_implicitly_allowed_clients,
    );
    set(&mut o.default_scopes, scopes);
    ok(&*o)
}
