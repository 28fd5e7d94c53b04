//! Organization logos: `PUT /organizations/{organization_id}/logo` uploads one (the
//! organization then shows `has_image: true` and an `image_url` of its own), `DELETE` takes
//! it away again. Both announce `organization.updated`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::put;
use axum::Router;

use super::image_upload::{body_limit, read};
use super::reply::{ok, Reply};
use super::store::{new_id, now_ms, Shared};

/// The routes of organization logos.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route(
        "/organizations/{organization_id}/logo",
        put(upload).delete(remove).layer(body_limit()),
    )
}

/// The image URL an organization without a logo shows (the one it was created with).
fn default_image(organization_id: &str) -> String {
    format!("https://img.clerk.com/standin/{organization_id}")
}

/// `PUT /organizations/{organization_id}/logo`: each upload gets a fresh URL, so a client
/// caching by URL sees the change.
async fn upload(
    State(inner): State<Shared>,
    Path(key): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let mut store = inner.store();
    store.organization(&key)?;
    let image = read(&headers, &body)?;
    let extension = image.content_type.trim_start_matches("image/");
    let org = store.edit_organization(&key, now_ms(), |org| {
        org.image_url = Some(format!(
            "https://img.clerk.com/standin/{}/logo/{}.{extension}",
            org.id,
            new_id("img")
        ));
        org.has_image = true;
    })?;
    ok(org)
}

/// `DELETE /organizations/{organization_id}/logo`: back to the default image. An
/// organization without a logo is answered as it is, with no event.
async fn remove(State(inner): State<Shared>, Path(key): Path<String>) -> Reply {
    let mut store = inner.store();
    let org = store.organization(&key)?;
    if !org.has_image {
        return ok(org.clone());
    }
    let org = store.edit_organization(&key, now_ms(), |org| {
        org.image_url = Some(default_image(&org.id));
        org.has_image = false;
    })?;
    ok(org)
}
