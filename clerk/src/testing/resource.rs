//! The generic layer of the stand-in: one [`Table`] type for every plain resource, the list
//! rules every Backend API list shares, and handlers for the ordinary operations.
//!
//! # Adding a resource
//!
//! A resource whose operations are the ordinary create, get, list, update and delete needs
//! one short module and two lines elsewhere:
//!
//! 1. In the module, implement [`Resource`] for the crate's model (the stand-in stores and
//!    answers the same types the client decodes, so every reply decodes). The impl names
//!    the `object` string, the words of the 404 message, how the list route answers
//!    ([`Listing`]), which fields `order_by` accepts and where the rows live in the store.
//! 2. If the resource can be created, implement [`Create`]: its `Params` is the body
//!    (`#[serde(flatten)] unknown: Map<String, Value>` and
//!    [`reject_unknown`](super::shared::reject_unknown) refuse fields Clerk does not take),
//!    and `create` checks it against the store and builds the row. Return Clerk's errors
//!    from [`ApiError`]'s constructors; uniqueness and other real rules live here.
//! 3. If it can be changed, implement [`Update`] the same way.
//! 4. Write `routes()` with the generic handlers: [`list`], [`create`], [`fetch`],
//!    [`update`] and [`remove`], each instantiated with the model type.
//! 5. Add a `Table<Model>` field to [`Store`] and merge `routes()` in the server's
//!    `api_routes`.
//!
//! ```ignore
//! impl Resource for RedirectUrl {
//!     const OBJECT: &'static str = "redirect_url";
//!     const NAME: &'static str = "redirect URL";
//!     // `id`, `created_at`, `updated_at` read from the model's fields of those names, and
//!     // the rows kept in `store.redirect_urls`.
//!     row_accessors!(redirect_urls);
//! }
//!
//! impl Create for RedirectUrl {
//!     type Params = CreateBody;
//!     fn create(store: &mut Store, cx: &Context<'_>, body: CreateBody) -> Result<Self, ApiError> {
//!         /* validate, check uniqueness against Self::table(store), build the row */
//!     }
//! }
//!
//! pub(super) fn routes() -> Router<Shared> {
//!     Router::new()
//!         .route("/redirect_urls", get(list::<RedirectUrl>).post(create::<RedirectUrl>))
//!         .route("/redirect_urls/{id}", get(fetch::<RedirectUrl>).delete(remove::<RedirectUrl>))
//! }
//! ```
//!
//! A route that is not ordinary (a filter of its own, a state change such as `revoke`) is a
//! hand-written handler in the same module; it still uses the table ([`Table::get_mut`]
//! answers the 404) and [`answer_list`] for the paging and the envelope.
//!
//! Modules never touch another module's rows. What crosses resources (a user must exist, an
//! invitation is sent) is a method on [`Store`] in `store.rs`, so the dependency runs from
//! each module to the store and never between modules.

use axum::extract::{Path, State};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The five [`Resource`] accessors of a model whose `id`, `created_at` and `updated_at` are
/// plain fields of those names and whose rows are `store.<field>`: written once here, named
/// inside each `impl Resource` (the model-specific items stay beside it).
macro_rules! row_accessors {
    ($field:ident) => {
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
            &store.$field
        }
        fn table_mut(store: &mut Store) -> &mut Table<Self> {
            &mut store.$field
        }
    };
}
pub(super) use row_accessors;

use super::reply::Reply;
use super::reply::{deleted, list as envelope, ok, page, paged, ApiError, Body, Paging, Params};
use super::shared::{missing_resource, order_by, sort_items};
use super::store::{now_ms, Shared, Store};

/// How a resource's list route answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listing {
    /// A bare array of the page `limit`/`offset` select; `paginated=true` asks for the
    /// `{data, total_count}` envelope instead (`GET /redirect_urls`, `GET /allowlist_identifiers`).
    Array,
    /// Always `{data, total_count}` of the page `limit`/`offset` select
    /// (`GET /waitlist_entries`).
    Envelope,
    /// Always `{data, total_count}` of every row: the route takes no paging
    /// (`GET /blocklist_identifiers`, `GET /domains`).
    Everything,
}

/// A value rows are ordered by. Rows without the value sort first when ascending.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key {
    /// The row has no value for the field.
    Missing,
    /// A number, such as a timestamp.
    Int(i64),
    /// Text, compared as stored.
    Text(String),
}

/// A plain resource: a model the store keeps in a [`Table`] and the API lists, fetches and
/// deletes by id.
pub(crate) trait Resource: Clone + Serialize + Send + Sync + Sized + 'static {
    /// The `object` field of the model, also the `object` of the delete reply.
    const OBJECT: &'static str;
    /// What a 404 calls it: "No {NAME} was found with id {id}."
    const NAME: &'static str;
    /// How `GET` of the collection answers.
    const LIST: Listing = Listing::Array;
    /// The fields `order_by` accepts, each with an optional `+`/`-` prefix.
    const ORDER_FIELDS: &'static [&'static str] = &["created_at", "updated_at"];
    /// The order of a list that names none.
    const DEFAULT_ORDER: &'static str = "-created_at";

    /// The row's id.
    fn id(&self) -> &str;
    /// When the row was created (unix ms).
    fn created_at(&self) -> i64;
    /// When the row was last changed (unix ms).
    fn updated_at(&self) -> i64;
    /// The value of an [`ORDER_FIELDS`](Self::ORDER_FIELDS) entry; override it for fields
    /// other than the two timestamps.
    fn order_key(&self, field: &str) -> Key {
        match field {
            "updated_at" => Key::Int(self.updated_at()),
            _ => Key::Int(self.created_at()),
        }
    }
    /// Whether `DELETE` may take this row; the default lets every row go. Answer Clerk's
    /// error for rows that must stay (an instance's primary domain).
    fn check_remove(&self) -> Result<(), ApiError> {
        Ok(())
    }
    /// The resource's table in the store.
    fn table(store: &Store) -> &Table<Self>;
    /// The resource's table in the store, for changes.
    fn table_mut(store: &mut Store) -> &mut Table<Self>;
}

/// What a create or update hook knows beyond the store and the body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    /// `http://127.0.0.1:<port>`: the base of links the stand-in hands out.
    pub origin: &'a str,
    /// The time of the request (unix ms), for `created_at`/`updated_at`.
    pub now: i64,
}

/// A resource `POST` to its collection creates.
pub(crate) trait Create: Resource {
    /// The JSON body.
    type Params: DeserializeOwned + Send;
    /// Checks `params` against the store and builds the new row; the handler stores it.
    /// Effects on other resources (an invitation sent along) go through `store`'s methods.
    fn create(store: &mut Store, cx: &Context<'_>, params: Self::Params) -> Result<Self, ApiError>;
}

/// A resource `PATCH` of its item changes.
pub(crate) trait Update: Resource {
    /// The JSON body.
    type Params: DeserializeOwned + Send;
    /// Applies `params` to the row, `updated_at` included. `others` are the other rows, for
    /// uniqueness checks.
    fn update(
        &mut self,
        others: &[Self],
        cx: &Context<'_>,
        params: Self::Params,
    ) -> Result<(), ApiError>;
}

/// The rows of one resource in insertion order (the order ties keep when sorted).
#[derive(Debug)]
pub(crate) struct Table<T> {
    rows: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self { rows: Vec::new() }
    }
}

impl<T: Resource> Table<T> {
    /// Stores a new row and answers a copy of it.
    pub fn insert(&mut self, row: T) -> T {
        self.rows.push(row.clone());
        row
    }

    /// The row with this id, or Clerk's 404 naming it.
    pub fn get(&self, id: &str) -> Result<&T, ApiError> {
        self.rows
            .iter()
            .find(|r| r.id() == id)
            .ok_or_else(|| missing_resource(T::NAME, id))
    }

    /// The row with this id for changes, or Clerk's 404.
    pub fn get_mut(&mut self, id: &str) -> Result<&mut T, ApiError> {
        self.rows
            .iter_mut()
            .find(|r| r.id() == id)
            .ok_or_else(|| missing_resource(T::NAME, id))
    }

    /// Takes the row with this id out, or answers Clerk's 404.
    pub fn remove(&mut self, id: &str) -> Result<T, ApiError> {
        let index = self
            .rows
            .iter()
            .position(|r| r.id() == id)
            .ok_or_else(|| missing_resource(T::NAME, id))?;
        Ok(self.rows.remove(index))
    }

    /// The first row that satisfies `test`.
    pub fn find(&self, test: impl Fn(&T) -> bool) -> Option<&T> {
        self.rows.iter().find(|r| test(r))
    }

    /// Every row, oldest first.
    pub fn rows(&self) -> &[T] {
        &self.rows
    }
}

/// The query every list route reads: paging, the envelope switch and the order.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub(crate) struct ListQuery {
    /// `paginated=true` asks an [`Listing::Array`] route for the envelope.
    pub paginated: Option<bool>,
    /// Page size, 1..=500, 10 when absent.
    pub limit: Option<i64>,
    /// Rows to skip, 0 when absent.
    pub offset: Option<i64>,
    /// A field of [`Resource::ORDER_FIELDS`] with an optional `+`/`-` prefix.
    pub order_by: Option<String>,
}

/// Orders `rows` as `query` asks (or by the resource's default) and answers them in the
/// resource's [`Listing`] shape. `total_count` counts every row given, not just the page.
pub(crate) fn answer_list<T: Resource>(mut rows: Vec<T>, query: &ListQuery) -> Reply {
    let (field, descending) =
        order_by(query.order_by.as_deref(), T::DEFAULT_ORDER, T::ORDER_FIELDS)?;
    sort_items(&mut rows, descending, |r| r.order_key(&field));
    match T::LIST {
        Listing::Array => paged(
            &rows,
            Paging {
                paginated: query.paginated,
                limit: query.limit,
                offset: query.offset,
            },
        ),
        Listing::Envelope => {
            let data = page(&rows, query.limit, query.offset)?;
            envelope(data, rows.len())
        }
        Listing::Everything => {
            let total = rows.len();
            envelope(rows, total)
        }
    }
}

/// `GET` of a collection: every row, ordered, paged and shaped as the resource lists.
pub(crate) async fn list<T: Resource>(
    State(inner): State<Shared>,
    Params(query): Params<ListQuery>,
) -> Reply {
    let rows = T::table(&inner.store()).rows().to_vec();
    answer_list(rows, &query)
}

/// `GET` of an item: the row, or 404.
pub(crate) async fn fetch<T: Resource>(
    State(inner): State<Shared>,
    Path(id): Path<String>,
) -> Reply {
    let store = inner.store();
    ok(T::table(&store).get(&id)?)
}

/// `POST` to a collection: [`Create::create`] checks and builds, the row is stored.
pub(crate) async fn create<T: Create>(
    State(inner): State<Shared>,
    Body(params): Body<T::Params>,
) -> Reply {
    let mut store = inner.store();
    let cx = Context {
        origin: &inner.origin,
        now: now_ms(),
    };
    let row = T::create(&mut store, &cx, params)?;
    ok(T::table_mut(&mut store).insert(row))
}

/// `PATCH` of an item: [`Update::update`] checks and applies, or 404.
pub(crate) async fn update<T: Update>(
    State(inner): State<Shared>,
    Path(id): Path<String>,
    Body(params): Body<T::Params>,
) -> Reply {
    let mut store = inner.store();
    let cx = Context {
        origin: &inner.origin,
        now: now_ms(),
    };
    let table = T::table_mut(&mut store);
    let mut row = table.get(&id)?.clone();
    let others: Vec<T> = table
        .rows()
        .iter()
        .filter(|r| r.id() != id)
        .cloned()
        .collect();
    row.update(&others, &cx, params)?;
    let slot = table.get_mut(&id)?;
    *slot = row.clone();
    ok(row)
}

/// `DELETE` of an item: `{object, id, deleted: true}`; 404 for an unknown id, and
/// [`Resource::check_remove`]'s error for a row that must stay.
pub(crate) async fn remove<T: Resource>(
    State(inner): State<Shared>,
    Path(id): Path<String>,
) -> Reply {
    let mut store = inner.store();
    let table = T::table_mut(&mut store);
    table.get(&id)?.check_remove()?;
    table.remove(&id)?;
    deleted(T::OBJECT, &id)
}
