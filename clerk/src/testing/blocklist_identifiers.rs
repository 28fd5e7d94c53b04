//! The stand-in's block-list on the generic layer: list (every entry, with their count),
//! add, remove.

use axum::routing::{delete, get};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identifiers::{check_unlisted, identifier_type, INSTANCE_ID};
use super::reply::ApiError;
use super::resource::{create, list, remove, Context, Create, Listing, Resource, Table};
use super::shared::reject_unknown;
use super::store::{new_id, Shared, Store};
use crate::models::BlocklistIdentifier;

impl Resource for BlocklistIdentifier {
    const OBJECT: &'static str = "blocklist_identifier";
    const NAME: &'static str = "identifier";
    const LIST: Listing = Listing::Everything;
    fn id(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
    fn created_at(&self) -> i64 {
        self.created_at.unwrap_or_default()
    }
    fn updated_at(&self) -> i64 {
        self.updated_at.unwrap_or_default()
    }
    fn table(store: &Store) -> &Table<Self> {
        &store.blocklist
    }
    fn table_mut(store: &mut Store) -> &mut Table<Self> {
        &mut store.blocklist
    }
}

/// Body of `POST /blocklist_identifiers`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateBody {
    identifier: String,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Create for BlocklistIdentifier {
    type Params = CreateBody;

    fn create(store: &mut Store, cx: &Context<'_>, body: CreateBody) -> Result<Self, ApiError> {
        reject_unknown(&body.unknown)?;
        let identifier = body.identifier.trim().to_owned();
        let kind = identifier_type(&identifier, true)?;
        let listed = store
            .blocklist
            .rows()
            .iter()
            .map(|r| r.identifier.as_deref());
        check_unlisted("blocklist", listed, &identifier)?;
        Ok(Self {
            object: Some(Self::OBJECT.to_owned()),
            id: Some(new_id("blid")),
            identifier: Some(identifier),
            identifier_type: Some(kind),
            instance_id: Some(INSTANCE_ID.to_owned()),
            created_at: Some(cx.now),
            updated_at: Some(cx.now),
        })
    }
}

/// The routes of blocklist identifiers.
pub(super) fn routes() -> Router<Shared> {
    type Row = BlocklistIdentifier;
    Router::new()
        .route(
            "/blocklist_identifiers",
            get(list::<Row>).post(create::<Row>),
        )
        .route(
            "/blocklist_identifiers/{identifier_id}",
            delete(remove::<Row>),
        )
}
