//! Organization permissions: Clerk's eight system ones from the start (seeded with the
//! default roles in `organization_roles.rs`), custom ones shaped `org:<feature>:<action>`.
//! System permissions cannot be changed or deleted. Roles hold copies of the permissions
//! they grant, so a change or deletion here is carried into them through
//! [`Store::change_roles`]. Each change sends its `permission.*` event.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Params, Reply};
use super::resource::{
    answer_list, fetch, row_accessors, Context, Create, Key, Listing, Resource, Table,
};
use super::role_rules::{
    announce_deleted, check_permission_key, create_announced, key_taken, matches, required,
    SearchQuery,
};
use super::shared::reject_unknown;
use super::store::{new_id, now_ms, Shared, Store};
use crate::models::Permission;

impl Resource for Permission {
    const OBJECT: &'static str = "permission";
    const NAME: &'static str = "permission";
    const LIST: Listing = Listing::Envelope;
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "name", "key"];
    fn order_key(&self, field: &str) -> Key {
        match field {
            "name" => Key::Text(self.name.clone()),
            "key" => Key::Text(self.key.clone()),
            _ => Key::Int(self.created_at),
        }
    }
    row_accessors!(organization_permissions);
}

/// `GET /organization_permissions`.
async fn list_permissions(State(inner): State<Shared>, Params(q): Params<SearchQuery>) -> Reply {
    let rows: Vec<Permission> = Permission::table(&inner.store())
        .rows()
        .iter()
        .filter(|p| matches(q.query.as_deref(), &p.id, &p.name, &p.key))
        .cloned()
        .collect();
    answer_list(rows, &q.list())
}

/// Body of `POST /organization_permissions`.
#[derive(Debug, Deserialize)]
pub(crate) struct CreatePermissionBody {
    name: String,
    key: String,
    description: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl Create for Permission {
    type Params = CreatePermissionBody;

    fn create(
        store: &mut Store,
        cx: &Context<'_>,
        body: CreatePermissionBody,
    ) -> Result<Self, ApiError> {
        reject_unknown(&body.unknown)?;
        required("name", &body.name)?;
        check_permission_key(&body.key)?;
        if Self::table(store).find(|p| p.key == body.key).is_some() {
            return Err(key_taken("permission", &body.key));
        }
        Ok(Self {
            object: Self::OBJECT.to_owned(),
            id: new_id("perm"),
            name: body.name,
            key: body.key,
            description: body.description.unwrap_or_default(),
            kind: "user".to_owned(),
            created_at: cx.now,
            updated_at: cx.now,
        })
    }
}

/// 403 for changing or deleting one of Clerk's system permissions.
fn system_permission(permission: &Permission) -> Result<(), ApiError> {
    if permission.kind == "system" {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "system_permission_not_modifiable",
            "system permissions cannot be changed",
            format!(
                "{} is a system permission; system permissions cannot be updated or deleted.",
                permission.key
            ),
        ));
    }
    Ok(())
}

/// Body of `PATCH /organization_permissions/{permission_id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct UpdatePermissionBody {
    name: Option<String>,
    key: Option<String>,
    description: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// `PATCH /organization_permissions/{permission_id}`: the roles granting it show the change.
async fn update_permission(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdatePermissionBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let mut permission = store.organization_permissions.get(&id)?.clone();
    system_permission(&permission)?;
    if let Some(name) = body.name {
        required("name", &name)?;
        permission.name = name;
    }
    if let Some(key) = body.key {
        check_permission_key(&key)?;
        if store
            .organization_permissions
            .find(|p| p.key == key && p.id != id)
            .is_some()
        {
            return Err(key_taken("permission", &key));
        }
        permission.key = key;
    }
    if let Some(description) = body.description {
        permission.description = description;
    }
    permission.updated_at = now_ms();
    *store.organization_permissions.get_mut(&id)? = permission.clone();
    store.change_roles(|role| {
        for granted in role.permissions.iter_mut().filter(|p| p.id == id) {
            *granted = permission.clone();
        }
    });
    store.emit("permission.updated", &permission);
    ok(permission)
}

/// `DELETE /organization_permissions/{permission_id}`: the roles granting it lose it.
async fn delete_permission(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    system_permission(store.organization_permissions.get(&id)?)?;
    store.organization_permissions.remove(&id)?;
    store.change_roles(|role| role.permissions.retain(|p| p.id != id));
    announce_deleted(&store, Permission::OBJECT, &id)
}

/// The routes of organization permissions.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/organization_permissions",
            get(list_permissions).post(create_announced::<Permission>),
        )
        .route(
            "/organization_permissions/{id}",
            get(fetch::<Permission>)
                .patch(update_permission)
                .delete(delete_permission),
        )
}
