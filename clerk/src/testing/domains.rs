//! The instance's domains on the generic layer: the primary domain (the stand-in's own
//! `host:port`, present from the start) and satellites added, renamed and deleted. The rules
//! of their own: new domains are satellites, names are unique, the primary one stays, and
//! `proxy_url` is refused as on any development instance.

use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::ApiError;
use super::resource::{
    create, list, remove, update, Context, Create, Listing, Resource, Table, Update,
};
use super::shared::{reject_unknown, value_invalid};
use super::store::{new_id, Shared, Store};
use crate::models::Domain;

/// The id of the primary domain.
pub(super) const PRIMARY_ID: &str = "dmn_standin";

/// The primary domain of a stand-in listening at `origin`: its Frontend API is the
/// stand-in itself, the issuer of its session tokens.
pub(super) fn primary(origin: &str) -> Domain {
    let host = origin.split_once("://").map_or(origin, |(_, host)| host);
    Domain {
        object: Domain::OBJECT.to_owned(),
        id: PRIMARY_ID.to_owned(),
        name: host.to_owned(),
        is_satellite: false,
        frontend_api_url: origin.to_owned(),
        accounts_portal_url: None,
        proxy_url: None,
        development_origin: String::new(),
        cname_targets: None,
    }
}

impl Resource for Domain {
    const OBJECT: &'static str = "domain";
    const NAME: &'static str = "domain";
    const LIST: Listing = Listing::Everything;
    const DEFAULT_ORDER: &'static str = "+created_at";
    fn id(&self) -> &str {
        &self.id
    }
    // The model carries no timestamps; insertion order is the order.
    fn created_at(&self) -> i64 {
        0
    }
    fn updated_at(&self) -> i64 {
        0
    }
    fn check_remove(&self) -> Result<(), ApiError> {
        if self.is_satellite {
            return Ok(());
        }
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "operation_not_allowed",
            "the primary domain cannot be deleted",
            "It is currently not possible to delete the instance's primary domain.",
        ))
    }
    fn table(store: &Store) -> &Table<Self> {
        &store.domains
    }
    fn table_mut(store: &mut Store) -> &mut Table<Self> {
        &mut store.domains
    }
}

/// 400: a proxy belongs to production instances, and the stand-in is a development one.
fn no_proxy(proxy_url: Option<&Value>) -> Result<(), ApiError> {
    match proxy_url {
        None | Some(Value::Null) => Ok(()),
        Some(_) => Err(ApiError::bad_request(
            "proxy_url_not_allowed",
            "proxy_url can be set only on production instances.",
        )),
    }
}

/// 422 unless `name` is a bare host (with a port for development), not taken by `others`.
fn check_name(name: &str, others: &[Domain]) -> Result<(), ApiError> {
    if name.is_empty() {
        return Err(ApiError::missing("name"));
    }
    if name.contains("://") || name.contains('/') || name.chars().any(char::is_whitespace) {
        return Err(ApiError::invalid(
            "name",
            "name must be a domain name such as example.com or localhost:3000, without a scheme or path.",
        ));
    }
    if others.iter().any(|d| d.name.eq_ignore_ascii_case(name)) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "duplicate_record",
            "duplicate domain",
            format!("the domain {name} already exists"),
        )
        .param("name"));
    }
    Ok(())
}

/// Body of `POST /domains`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateBody {
    name: String,
    is_satellite: bool,
    proxy_url: Option<Value>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Create for Domain {
    type Params = CreateBody;

    fn create(store: &mut Store, _cx: &Context<'_>, body: CreateBody) -> Result<Self, ApiError> {
        reject_unknown(&body.unknown)?;
        if !body.is_satellite {
            return Err(value_invalid(
                "is_satellite",
                "An instance has one primary domain, so is_satellite must be true.",
            ));
        }
        no_proxy(body.proxy_url.as_ref())?;
        let name = body.name.trim().to_owned();
        check_name(&name, Self::table(store).rows())?;
        Ok(Self {
            object: Self::OBJECT.to_owned(),
            id: new_id("dmn"),
            frontend_api_url: format!("https://clerk.{name}"),
            name,
            is_satellite: true,
            accounts_portal_url: None,
            proxy_url: None,
            development_origin: String::new(),
            cname_targets: None,
        })
    }
}

/// Body of `PATCH /domains/{domain_id}`.
#[derive(Debug, Deserialize)]
pub(crate) struct UpdateBody {
    name: Option<String>,
    proxy_url: Option<Value>,
    #[allow(dead_code)] // accepted: the model shows no secondary flag
    is_secondary: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Update for Domain {
    type Params = UpdateBody;

    fn update(
        &mut self,
        others: &[Self],
        _cx: &Context<'_>,
        body: UpdateBody,
    ) -> Result<(), ApiError> {
        reject_unknown(&body.unknown)?;
        no_proxy(body.proxy_url.as_ref())?;
        if let Some(name) = body.name {
            let name = name.trim().to_owned();
            check_name(&name, others)?;
            if self.is_satellite {
                self.frontend_api_url = format!("https://clerk.{name}");
            }
            self.name = name;
        }
        Ok(())
    }
}

/// The routes of domains.
pub(super) fn routes() -> Router<Shared> {
    type Row = Domain;
    Router::new()
        .route("/domains", get(list::<Row>).post(create::<Row>))
        .route(
            "/domains/{domain_id}",
            patch(update::<Row>).delete(remove::<Row>),
        )
}
