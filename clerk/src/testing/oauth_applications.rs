//! OAuth applications, the clients for which the instance is the OAuth provider: create
//! (answering the client secret once), list, fetch, update, delete, upload a logo, rotate the
//! secret and revoke a token issued to the application.
//!
//! A confidential client holds a secret, which only the create and rotate replies show
//! (`client_secret`), as Clerk does; a public client holds none and its replies carry an
//! empty one. The provider URLs are built on the stand-in's origin with the paths of Clerk's
//! Frontend API (`/oauth/authorize`, `/oauth/token`...); the stand-in serves the token step
//! as `StandIn::issue_oauth_access_token`. Deleting an application or rotating its secret
//! goes through the store, which also drops the application's tokens on deletion.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::image_upload;
use super::oauth_rules::{
    check_name, check_scopes, random_alphanumeric, redirect_uris, DEFAULT_SCOPES,
};
use super::reply::{ok, ApiError, Body, Params, Reply};
use super::resource::{answer_list, fetch, Key, ListQuery, Listing, Resource, Table};
use super::shared::reject_unknown;
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::{OAuthApplication, OAuthApplicationWithSecret};
use crate::Secret;

/// The applications, their secrets and the instance id they report.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    apps: Table<OAuthApplication>,
    /// `(application id, client secret)` of each confidential client.
    secrets: Vec<(String, String)>,
    /// `ins_...`, made on the first application.
    instance_id: String,
}

impl Registry {
    /// The application whose OAuth client id is `client_id`.
    pub fn by_client_id(&self, client_id: &str) -> Option<&OAuthApplication> {
        self.apps.find(|a| a.client_id == client_id)
    }

    /// Whether `secret` is the application's current client secret; a public client takes
    /// none, so only `None` or an empty one passes for it.
    pub fn authenticates(&self, app: &OAuthApplication, secret: Option<&str>) -> bool {
        if app.public {
            return secret.is_none_or(str::is_empty);
        }
        let current = self.secrets.iter().find(|(id, _)| *id == app.id);
        current.is_some_and(|(_, s)| Some(s.as_str()) == secret)
    }

    /// Gives the application a fresh secret (none for a public client) and answers it.
    fn new_secret(&mut self, app: &OAuthApplication) -> String {
        self.secrets.retain(|(id, _)| *id != app.id);
        if app.public {
            return String::new();
        }
        let secret = random_alphanumeric(32);
        self.secrets.push((app.id.clone(), secret.clone()));
        secret
    }
}

impl Resource for OAuthApplication {
    const OBJECT: &'static str = "oauth_application";
    const NAME: &'static str = "OAuth application";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "name"];
    // The spec's `order_by` default, though its prose says newest first.
    const DEFAULT_ORDER: &'static str = "+created_at";
    fn order_key(&self, field: &str) -> Key {
        match field {
            "name" => Key::Text(self.name.to_lowercase()),
            _ => Key::Int(self.created_at),
        }
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn created_at(&self) -> i64 {
        self.created_at
    }
    fn updated_at(&self) -> i64 {
        self.updated_at
    }
    fn table(store: &Store) -> &Table<Self> {
        &store.oauth_applications.apps
    }
    fn table_mut(store: &mut Store) -> &mut Table<Self> {
        &mut store.oauth_applications.apps
    }
}

/// The routes of OAuth applications (token verification is `oauth_access_tokens.rs`).
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/oauth_applications", get(list).post(create))
        .route(
            "/oauth_applications/{oauth_application_id}",
            get(fetch::<OAuthApplication>).patch(update).delete(remove),
        )
        .route(
            "/oauth_applications/{oauth_application_id}/logo",
            put(logo).layer(image_upload::body_limit()),
        )
        .route(
            "/oauth_applications/{oauth_application_id}/rotate_secret",
            post(rotate_secret),
        )
        .route(
            "/oauth_applications/{oauth_application_id}/revoke_token",
            post(revoke_token),
        )
}

/// The reply that shows the secret.
fn with_secret(application: OAuthApplication, secret: String) -> Reply {
    ok(OAuthApplicationWithSecret {
        application,
        client_secret: Some(Secret::new(secret)),
    })
}

/// Query of `GET /oauth_applications`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListApps {
    name_query: Option<String>,
    order_by: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /oauth_applications`: `name_query` matches part of the name, any case, or the exact
/// client id (how the spec says to find an application by client id).
async fn list(State(inner): State<Shared>, Params(q): Params<ListApps>) -> Reply {
    let store = inner.store();
    let needle = q.name_query.as_deref().map(str::to_lowercase);
    let rows: Vec<OAuthApplication> = OAuthApplication::table(&store)
        .rows()
        .iter()
        .filter(|a| match (&q.name_query, &needle) {
            (Some(exact), Some(n)) => a.name.to_lowercase().contains(n) || a.client_id == *exact,
            _ => true,
        })
        .cloned()
        .collect();
    answer_list(
        rows,
        &ListQuery {
            order_by: q.order_by,
            limit: q.limit,
            offset: q.offset,
            paginated: None,
        },
    )
}

/// Body of `POST /oauth_applications`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: Option<String>,
    redirect_uris: Option<Vec<String>>,
    callback_url: Option<String>,
    scopes: Option<String>,
    consent_screen_enabled: Option<bool>,
    pkce_required: Option<bool>,
    public: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /oauth_applications`.
async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let name = check_name(body.name.as_deref().unwrap_or_default())?;
    let uris = redirect_uris(body.redirect_uris, body.callback_url)?.unwrap_or_default();
    let scopes = check_scopes(body.scopes.as_deref().unwrap_or(DEFAULT_SCOPES))?;
    let origin = &inner.origin;
    let mut store = inner.store();
    let registry = &mut store.oauth_applications;
    if registry.instance_id.is_empty() {
        registry.instance_id = new_id("ins");
    }
    let now = now_ms();
    let app = OAuthApplication {
        object: OAuthApplication::OBJECT.to_owned(),
        id: new_id("oa"),
        instance_id: registry.instance_id.clone(),
        name,
        client_id: random_alphanumeric(16),
        client_uri: None,
        client_image_url: None,
        dynamically_registered: false,
        consent_screen_enabled: body.consent_screen_enabled.unwrap_or(true),
        pkce_required: body.pkce_required.unwrap_or(false),
        public: body.public.unwrap_or(false),
        scopes,
        callback_url: uris.first().cloned().unwrap_or_default(),
        redirect_uris: uris,
        authorize_url: format!("{origin}/oauth/authorize"),
        token_fetch_url: format!("{origin}/oauth/token"),
        user_info_url: format!("{origin}/oauth/userinfo"),
        discovery_url: format!("{origin}/.well-known/openid-configuration"),
        token_introspection_url: format!("{origin}/oauth/token_info"),
        created_at: now,
        updated_at: now,
    };
    let secret = registry.new_secret(&app);
    let app = registry.apps.insert(app);
    with_secret(app, secret)
}

/// Body of `PATCH /oauth_applications/{oauth_application_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdateBody {
    name: Option<String>,
    redirect_uris: Option<Vec<String>>,
    callback_url: Option<String>,
    scopes: Option<String>,
    consent_screen_enabled: Option<bool>,
    pkce_required: Option<bool>,
    public: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /oauth_applications/{oauth_application_id}`. A client made public loses its
/// secret; one made confidential gets a new secret, which only a rotation shows.
async fn update(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let mut app = store.oauth_applications.apps.get(&id)?.clone();
    if let Some(name) = &body.name {
        app.name = check_name(name)?;
    }
    if let Some(uris) = redirect_uris(body.redirect_uris, body.callback_url)? {
        app.callback_url = uris.first().cloned().unwrap_or_default();
        app.redirect_uris = uris;
    }
    if let Some(scopes) = &body.scopes {
        app.scopes = check_scopes(scopes)?;
    }
    if let Some(enabled) = body.consent_screen_enabled {
        app.consent_screen_enabled = enabled;
    }
    if let Some(required) = body.pkce_required {
        app.pkce_required = required;
    }
    let became = body.public.filter(|p| *p != app.public);
    if let Some(public) = became {
        app.public = public;
    }
    app.updated_at = now_ms();
    if became.is_some() {
        store.oauth_applications.new_secret(&app);
    }
    *store.oauth_applications.apps.get_mut(&id)? = app.clone();
    ok(app)
}

/// `DELETE /oauth_applications/{oauth_application_id}`: its tokens stop verifying.
async fn remove(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let app = store.oauth_applications.apps.remove(&id)?;
    store
        .oauth_applications
        .secrets
        .retain(|(app_id, _)| *app_id != id);
    store.forget_oauth_tokens(&app.client_id);
    super::reply::deleted(OAuthApplication::OBJECT, &id)
}

/// `PUT /oauth_applications/{oauth_application_id}/logo`: `client_image_url` points at the
/// new image.
async fn logo(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let mut store = inner.store();
    store.oauth_applications.apps.get(&id)?;
    let image = image_upload::read(&headers, &body)?;
    let extension = image.content_type.trim_start_matches("image/");
    let app = store.oauth_applications.apps.get_mut(&id)?;
    app.client_image_url = Some(format!(
        "https://img.clerk.com/standin/{id}/logo/{}.{extension}",
        new_id("img")
    ));
    app.updated_at = now_ms();
    ok(app.clone())
}

/// `POST /oauth_applications/{oauth_application_id}/rotate_secret`: the old secret stops
/// working at once; the reply is the only place the new one shows.
async fn rotate_secret(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let mut app = store.oauth_applications.apps.get(&id)?.clone();
    app.updated_at = now_ms();
    let secret = store.oauth_applications.new_secret(&app);
    *store.oauth_applications.apps.get_mut(&id)? = app.clone();
    with_secret(app, secret)
}

/// Body of `POST /oauth_applications/{oauth_application_id}/revoke_token`.
#[derive(Debug, Deserialize)]
struct RevokeBody {
    token: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `POST /oauth_applications/{oauth_application_id}/revoke_token`: the token's grant is
/// revoked (the stand-in issues one access token per grant and no refresh tokens), `204`.
/// A token this application was never issued is a 404.
async fn revoke_token(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<RevokeBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let token = body
        .token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::missing("token"))?;
    let mut store = inner.store();
    let client_id = store.oauth_applications.apps.get(&id)?.client_id.clone();
    if !store.revoke_oauth_token(&client_id, &token, now_ms()) {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "resource_not_found",
            "not found",
            "No OAuth token of this application was found for the given token.",
        ));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
