//! Machines: the services that authenticate with a machine secret key (`ak_...`), the scopes
//! that say which other machines each may call, and the keys themselves (fetched, rotated
//! with a grace period for the key being replaced).
//!
//! Scopes are kept as ids and the `scoped_machines` of a reply are read from the table when
//! it is built, so a renamed machine shows its new name wherever it is listed and a deleted
//! one drops out of every scope.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{deleted, list, ok, page, ApiError, Body, Params, Reply};
use super::resource::Key;
use super::shared::{missing_resource, order_by, reject_unknown, sort_items, value_invalid};
use super::store::{new_id, now_ms, Shared};
use crate::models::{
    CreatedMachine, DeletedMachineScope, Machine, MachineScope, MachineSecretKey, ScopedMachine,
};
use crate::Secret;

/// At most this many machines one machine may call.
const MAX_SCOPES: usize = 150;
/// The longest `default_token_ttl` the API takes: ten years in seconds.
const MAX_TOKEN_TTL: i64 = 315_360_000;
/// The longest grace period of a rotated key: eight hours in seconds.
const MAX_PREVIOUS_TTL: i64 = 28_800;

/// One machine as the stand-in keeps it.
#[derive(Debug, Clone)]
struct Row {
    id: String,
    name: String,
    created_at: i64,
    updated_at: i64,
    default_token_ttl: i64,
    /// `(machine it may call, when the scope was added)`, oldest first.
    scopes: Vec<(String, i64)>,
    /// The current secret key.
    secret: String,
    /// A rotated-out key and the time (unix ms) it stops working.
    previous: Option<(String, i64)>,
}

/// Every machine of the instance, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Table {
    rows: Vec<Row>,
}

impl Table {
    fn get(&self, id: &str) -> Result<&Row, ApiError> {
        self.rows
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| missing_resource("machine", id))
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Row, ApiError> {
        self.rows
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or_else(|| missing_resource("machine", id))
    }

    /// The id of the machine whose secret key `key` is at `now` (unix ms): its current key,
    /// or a rotated-out one still within its grace period.
    pub fn holder_of(&self, key: &str, now: i64) -> Option<&str> {
        self.rows
            .iter()
            .find(|r| {
                r.secret == key
                    || r.previous
                        .as_ref()
                        .is_some_and(|(old, until)| old == key && now < *until)
            })
            .map(|r| r.id.as_str())
    }

    /// A machine's default token lifetime (seconds) and the ids of the machines it may
    /// call, oldest scope first.
    pub fn token_defaults(&self, id: &str) -> Option<(i64, Vec<String>)> {
        let row = self.rows.iter().find(|r| r.id == id)?;
        Some((
            row.default_token_ttl,
            row.scopes.iter().map(|(to, _)| to.clone()).collect(),
        ))
    }

    /// The machine as the API answers it, with the machines it may call.
    fn model(&self, row: &Row, instance_id: &str) -> Machine {
        let scoped_machines = row
            .scopes
            .iter()
            .filter_map(|(to, _)| self.rows.iter().find(|r| &r.id == to))
            .map(|other| ScopedMachine {
                object: "machine".to_owned(),
                id: other.id.clone(),
                name: other.name.clone(),
                instance_id: instance_id.to_owned(),
                created_at: other.created_at,
                updated_at: other.updated_at,
                default_token_ttl: Some(other.default_token_ttl),
            })
            .collect();
        Machine {
            object: "machine".to_owned(),
            id: row.id.clone(),
            name: row.name.clone(),
            instance_id: instance_id.to_owned(),
            created_at: row.created_at,
            updated_at: row.updated_at,
            default_token_ttl: Some(row.default_token_ttl),
            scoped_machines,
        }
    }
}

/// `ak_` and 32 lowercase hex digits: the shape of Clerk's machine secret keys and API key
/// ids and secrets.
pub(super) fn hex_token(prefix: &str) -> String {
    const HEX: &[u8] = b"0123456789abcdef";
    let mut out = String::with_capacity(prefix.len() + 33);
    out.push_str(prefix);
    out.push('_');
    for _ in 0..32 {
        out.push(char::from(HEX[fastrand::usize(..HEX.len())]));
    }
    out
}

/// The routes of machines, their scopes and their secret keys.
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/machines", get(list_machines).post(create))
        .route(
            "/machines/{machine_id}",
            get(fetch).patch(update).delete(remove),
        )
        .route("/machines/{machine_id}/scopes", post(add_scope))
        .route(
            "/machines/{machine_id}/scopes/{other_machine_id}",
            delete(remove_scope),
        )
        .route("/machines/{machine_id}/secret_key", get(secret_key))
        .route("/machines/{machine_id}/secret_key/rotate", post(rotate))
}

/// The id the stand-in reports as every machine's `instance_id`.
fn instance_id(inner: &Shared) -> String {
    // The key id is `ins_...` and fixed for the process: a stable instance id.
    inner.key.kid.clone()
}

/// Query of `GET /machines`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    limit: Option<i64>,
    offset: Option<i64>,
    query: Option<String>,
    order_by: Option<String>,
}

async fn list_machines(State(inner): State<Shared>, Params(q): Params<ListQuery>) -> Reply {
    let (field, descending) = order_by(
        q.order_by.as_deref(),
        "-created_at",
        &["created_at", "name"],
    )?;
    let instance = instance_id(&inner);
    let store = inner.store();
    let table = &store.machines;
    let needle = q.query.as_deref().unwrap_or_default().to_lowercase();
    let mut rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|r| needle.is_empty() || r.id == needle || r.name.to_lowercase().contains(&needle))
        .collect();
    sort_items(&mut rows, descending, |r| match field.as_str() {
        "name" => Key::Text(r.name.clone()),
        _ => Key::Int(r.created_at),
    });
    let total = rows.len();
    let data: Vec<Machine> = page(&rows, q.limit, q.offset)?
        .into_iter()
        .map(|r| table.model(r, &instance))
        .collect();
    list(data, total)
}

/// Body of `POST /machines`.
#[derive(Debug, Deserialize)]
struct CreateBody {
    name: Option<String>,
    #[serde(default)]
    scoped_machines: Vec<String>,
    default_token_ttl: Option<i64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// 422 unless `name` has 1 to 255 characters.
fn check_name(name: &str) -> Result<(), ApiError> {
    if name.trim().is_empty() || name.chars().count() > 255 {
        return Err(value_invalid(
            "name",
            "name must be between 1 and 255 characters long.",
        ));
    }
    Ok(())
}

/// 422 unless `ttl` is within 1 second and ten years.
fn check_ttl(ttl: i64) -> Result<(), ApiError> {
    if !(1..=MAX_TOKEN_TTL).contains(&ttl) {
        return Err(value_invalid(
            "default_token_ttl",
            format!("default_token_ttl must be between 1 and {MAX_TOKEN_TTL} seconds."),
        ));
    }
    Ok(())
}

async fn create(State(inner): State<Shared>, Body(body): Body<CreateBody>) -> Reply {
    reject_unknown(&body.unknown)?;
    let name = body.name.ok_or_else(|| ApiError::missing("name"))?;
    check_name(&name)?;
    let ttl = body.default_token_ttl.unwrap_or(3600);
    check_ttl(ttl)?;
    if body.scoped_machines.len() > MAX_SCOPES {
        return Err(value_invalid(
            "scoped_machines",
            format!("A machine may have at most {MAX_SCOPES} scopes."),
        ));
    }
    let instance = instance_id(&inner);
    let mut store = inner.store();
    let table = &mut store.machines;
    let now = now_ms();
    let mut scopes: Vec<(String, i64)> = Vec::new();
    for to in body.scoped_machines {
        table.get(&to)?;
        if !scopes.iter().any(|(id, _)| id == &to) {
            scopes.push((to, now));
        }
    }
    let row = Row {
        id: new_id("mch"),
        name,
        created_at: now,
        updated_at: now,
        default_token_ttl: ttl,
        scopes,
        secret: hex_token("ak"),
        previous: None,
    };
    let secret_key = Secret::new(row.secret.clone());
    let machine = table.model(&row, &instance);
    table.rows.push(row);
    ok(CreatedMachine {
        machine,
        secret_key,
    })
}

async fn fetch(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let instance = instance_id(&inner);
    let store = inner.store();
    let table = &store.machines;
    ok(table.model(table.get(&id)?, &instance))
}

/// Body of `PATCH /machines/{machine_id}`.
#[derive(Debug, Deserialize)]
struct UpdateBody {
    name: Option<String>,
    default_token_ttl: Option<i64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn update(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<UpdateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    if let Some(name) = &body.name {
        check_name(name)?;
    }
    if let Some(ttl) = body.default_token_ttl {
        check_ttl(ttl)?;
    }
    let instance = instance_id(&inner);
    let mut store = inner.store();
    let table = &mut store.machines;
    let row = table.get_mut(&id)?;
    if let Some(name) = body.name {
        row.name = name;
    }
    if let Some(ttl) = body.default_token_ttl {
        row.default_token_ttl = ttl;
    }
    row.updated_at = now_ms();
    let row = row.clone();
    ok(table.model(&row, &instance))
}

/// Deleting a machine also takes it out of the scopes of every machine that could call it.
async fn remove(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let mut store = inner.store();
    let table = &mut store.machines;
    table.get(&id)?;
    table.rows.retain(|r| r.id != id);
    for row in &mut table.rows {
        row.scopes.retain(|(to, _)| to != &id);
    }
    deleted("machine", &id)
}

/// Body of `POST /machines/{machine_id}/scopes`.
#[derive(Debug, Deserialize)]
struct ScopeBody {
    to_machine_id: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Lets the path's machine call `to_machine_id`: 404 for an unknown machine on either side,
/// 409 when it already may, 400 past [`MAX_SCOPES`] or for a machine scoped to itself.
async fn add_scope(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<ScopeBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let to = body
        .to_machine_id
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::missing("to_machine_id"))?;
    let mut store = inner.store();
    let table = &mut store.machines;
    table.get(&to)?;
    let row = table.get_mut(&id)?;
    if to == id {
        return Err(ApiError::bad_request(
            "machine_scope_self",
            "A machine cannot be given a scope to itself.",
        ));
    }
    if row.scopes.iter().any(|(t, _)| t == &to) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "duplicate_record",
            "machine scope already exists",
            format!("Machine {id} already has a scope to machine {to}."),
        ));
    }
    if row.scopes.len() >= MAX_SCOPES {
        return Err(ApiError::bad_request(
            "machine_scope_limit_exceeded",
            format!("A machine may have at most {MAX_SCOPES} scopes."),
        ));
    }
    let now = now_ms();
    row.scopes.push((to.clone(), now));
    row.updated_at = now;
    ok(MachineScope {
        object: "machine_scope".to_owned(),
        from_machine_id: id,
        to_machine_id: to,
        created_at: now,
    })
}

async fn remove_scope(
    State(inner): State<Shared>,
    Path((id, to)): Path<(String, String)>,
) -> Reply {
    let mut store = inner.store();
    let row = store.machines.get_mut(&id)?;
    let before = row.scopes.len();
    row.scopes.retain(|(t, _)| t != &to);
    if row.scopes.len() == before {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "resource_not_found",
            "not found",
            format!("Machine {id} has no scope to machine {to}."),
        ));
    }
    row.updated_at = now_ms();
    ok(DeletedMachineScope {
        object: "machine_scope".to_owned(),
        from_machine_id: id,
        to_machine_id: to,
        deleted: true,
    })
}

async fn secret_key(State(inner): State<Shared>, Path(id): Path<String>) -> Reply {
    let store = inner.store();
    let row = store.machines.get(&id)?;
    ok(MachineSecretKey {
        object: "machine_secret_key".to_owned(),
        secret: Secret::new(row.secret.clone()),
    })
}

/// Body of `POST /machines/{machine_id}/secret_key/rotate`.
#[derive(Debug, Deserialize)]
struct RotateBody {
    previous_token_ttl: Option<i64>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// A new key for the machine; the old one keeps working for `previous_token_ttl` seconds
/// (0 ends it at once).
async fn rotate(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(body): Body<RotateBody>,
) -> Reply {
    reject_unknown(&body.unknown)?;
    let grace = body
        .previous_token_ttl
        .ok_or_else(|| ApiError::missing("previous_token_ttl"))?;
    if !(0..=MAX_PREVIOUS_TTL).contains(&grace) {
        return Err(value_invalid(
            "previous_token_ttl",
            format!("previous_token_ttl must be between 0 and {MAX_PREVIOUS_TTL} seconds."),
        ));
    }
    let mut store = inner.store();
    let row = store.machines.get_mut(&id)?;
    let now = now_ms();
    let old = std::mem::replace(&mut row.secret, hex_token("ak"));
    row.previous = (grace > 0).then(|| (old, now + grace * 1000));
    row.updated_at = now;
    ok(MachineSecretKey {
        object: "machine_secret_key".to_owned(),
        secret: Secret::new(row.secret.clone()),
    })
}
