//! The stand-in's allow-list on the generic layer: list (bare or `paginated`), add
//! (optionally inviting the address), remove.

use axum::routing::{delete, get};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::identifiers::{check_unlisted, identifier_type, valid_email, INSTANCE_ID};
use super::reply::ApiError;
use super::resource::{create, list, remove, Context, Create, Resource, Table};
use super::shared::reject_unknown;
use super::store::{new_id, Shared, Store};
use crate::models::{AllowlistIdentifier, IdentifierType};

impl Resource for AllowlistIdentifier {
    const OBJECT: &'static str = "allowlist_identifier";
    const NAME: &'static str = "identifier";
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
        &store.allowlist
    }
    fn table_mut(store: &mut Store) -> &mut Table<Self> {
        &mut store.allowlist
    }
}

/// Body of `POST /allowlist_identifiers`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateBody {
    identifier: String,
    notify: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Create for AllowlistIdentifier {
    type Params = CreateBody;

    fn create(store: &mut Store, cx: &Context<'_>, body: CreateBody) -> Result<Self, ApiError> {
        reject_unknown(&body.unknown)?;
        let identifier = body.identifier.trim().to_owned();
        let kind = identifier_type(&identifier, true)?;
        let listed = store
            .allowlist
            .rows()
            .iter()
            .map(|r| r.identifier.as_deref());
        check_unlisted("allowlist", listed, &identifier)?;
        // Only a full email address can receive an invitation.
        let invite = body.notify.unwrap_or(false)
            && kind == IdentifierType::EmailAddress
            && valid_email(&identifier);
        let invitation_id = invite.then(|| store.invite(cx.origin, &identifier));
        Ok(Self {
            object: Some(Self::OBJECT.to_owned()),
            id: Some(new_id("alid")),
            invitation_id,
            identifier: Some(identifier),
            identifier_type: Some(kind),
            instance_id: Some(INSTANCE_ID.to_owned()),
            created_at: Some(cx.now),
            updated_at: Some(cx.now),
        })
    }
}

/// The routes of allowlist identifiers.
pub(super) fn routes() -> Router<Shared> {
    type Row = AllowlistIdentifier;
    Router::new()
        .route(
            "/allowlist_identifiers",
            get(list::<Row>).post(create::<Row>),
        )
        .route(
            "/allowlist_identifiers/{identifier_id}",
            delete(remove::<Row>),
        )
}
