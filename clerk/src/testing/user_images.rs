//! Profile images of users: `POST` takes the `file` part of a `multipart/form-data` body (as
//! the crate's client and Clerk's SDKs send it), `DELETE` removes the image. The stand-in
//! keeps no image bytes: it answers the user with a fresh `image_url` and `has_image`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::routing::post;
use axum::Router;

use super::reply::{self, ApiError, Reply};
use super::store::{new_id, now_ms, Shared};
use super::user_table::edit_row;

/// Where Clerk serves profile images from; the stand-in's URLs only look like them.
const IMAGE_HOST: &str = "https://img.clerk.com/";

/// The routes of profile images.
pub(super) fn routes() -> Router<Shared> {
    Router::new().route(
        "/users/{user_id}/profile_image",
        post(set_profile_image).delete(delete_profile_image),
    )
}

/// 400 `form_param_missing` naming `file`: the spec documents 400 (not 422) for this route.
fn missing_file() -> ApiError {
    ApiError::bad_request(
        "form_param_missing",
        "file must be included: send the image as the `file` part of a multipart/form-data body.",
    )
    .param("file")
}

/// The boundary of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> Option<&str> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"'))
    })
}

/// The first index of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| at + from)
}

/// The bytes of the part named `name` of a multipart body delimited by `boundary`.
fn part<'b>(body: &'b [u8], boundary: &str, name: &str) -> Option<&'b [u8]> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut at = find(body, delimiter, 0)? + delimiter.len();
    loop {
        let headers_end = find(body, b"\r\n\r\n", at)?;
        let headers = String::from_utf8_lossy(&body[at..headers_end]);
        let data_start = headers_end + 4;
        let next = find(body, delimiter, data_start)?;
        // The CRLF before the next delimiter belongs to it, not to the data.
        let data_end = next.saturating_sub(2).max(data_start);
        let named = headers.lines().any(|line| {
            let line = line.to_ascii_lowercase();
            line.starts_with("content-disposition:")
                && line.split(';').any(|p| {
                    p.trim() == format!("name=\"{name}\"") || p.trim() == format!("name={name}")
                })
        });
        if named {
            return Some(&body[data_start..data_end]);
        }
        at = next + delimiter.len();
        if body.get(at..at + 2) == Some(b"--") {
            return None;
        }
    }
}

/// `POST /users/{user_id}/profile_image`: 400 when the body has no non-empty `file` part,
/// 404 for an unknown user; the user gets a new image URL and `has_image`, announced by
/// `user.updated`.
async fn set_profile_image(
    State(inner): State<Shared>,
    Path(user_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let file = boundary(content_type)
        .and_then(|b| part(&body, b, "file"))
        .filter(|data| !data.is_empty());
    let mut store = inner.store();
    if !store.user_exists(&user_id) {
        return Err(super::shared::user_not_found(&user_id));
    }
    if file.is_none() {
        return Err(missing_file());
    }
    let url = format!("{IMAGE_HOST}{}", new_id("img"));
    let ((), user) = edit_row(&mut store, &user_id, now_ms(), |row| {
        row.user.image_url = Some(url.clone());
        row.user.profile_image_url = Some(url);
        row.user.has_image = true;
        Ok(())
    })?;
    reply::ok(user)
}

/// `DELETE /users/{user_id}/profile_image`: the image goes; a user without one is answered
/// unchanged.
async fn delete_profile_image(State(inner): State<Shared>, Path(user_id): Path<String>) -> Reply {
    let mut store = inner.store();
    let has_image = store
        .users
        .get(&user_id)
        .map(|u| u.has_image)
        .ok_or_else(|| super::shared::user_not_found(&user_id))?;
    if !has_image {
        let user = store.users.found_mut(&user_id)?.user.clone();
        return reply::ok(user);
    }
    let ((), user) = edit_row(&mut store, &user_id, now_ms(), |row| {
        row.user.image_url = None;
        row.user.profile_image_url = None;
        row.user.has_image = false;
        Ok(())
    })?;
    reply::ok(user)
}

#[cfg(test)]
mod tests {
    use super::{boundary, part};

    #[test]
    fn the_file_part_is_read_from_a_multipart_body() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\n";
        let b = boundary("multipart/form-data; boundary=XyZ");
        assert_eq!(b, Some("XyZ"));
        assert_eq!(part(body, "XyZ", "file"), Some(&b"\x89PNG"[..]));
        assert_eq!(part(body, "XyZ", "missing"), None);
        assert_eq!(boundary("application/json"), None);
    }
}
