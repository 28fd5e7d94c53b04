//! Image uploads (organization and OAuth application logos): reads the `multipart/form-data`
//! body the crate's client sends and applies Clerk's rules for it, a `file` part of at most
//! 10 MB that is a JPEG, PNG, GIF or WebP image. axum's `multipart` feature is not built, and
//! these bodies are small, so the form is parsed here.

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderMap, StatusCode};

use super::reply::ApiError;

/// The most an upload may weigh, as the spec states for logos.
const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

/// A body limit for upload routes above [`MAX_IMAGE_BYTES`], so an oversized image reaches
/// the handler and gets Clerk's 413 rather than axum's plain-text one.
pub(super) fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(MAX_IMAGE_BYTES + 64 * 1024)
}

/// One part of the form.
#[derive(Debug)]
struct Part<'a> {
    name: String,
    data: &'a [u8],
}

/// What an upload carried. `uploader_user_id` is taken and not kept: the stand-in shows no
/// upload history.
#[derive(Debug)]
pub(super) struct Upload {
    /// `image/png` and the like, read from the bytes.
    pub content_type: &'static str,
}

/// Reads an upload request: 400 for a body that is not a form, lacks `file`, carries other
/// fields or is not a supported image; 413 past 10 MB.
pub(super) fn read(headers: &HeaderMap, body: &[u8]) -> Result<Upload, ApiError> {
    let boundary = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(boundary)
        .ok_or_else(|| {
            ApiError::bad_request(
                "request_body_invalid",
                "The request body must be multipart/form-data.",
            )
        })?;
    let parts = parts(body, &boundary).ok_or_else(|| {
        ApiError::bad_request(
            "request_body_invalid",
            "The multipart body could not be read.",
        )
    })?;
    let mut file = None;
    for part in parts {
        match part.name.as_str() {
            "file" => file = Some(part.data),
            "uploader_user_id" => {}
            other => {
                return Err(ApiError::bad_request(
                    "form_param_unknown",
                    format!("{other} is not a valid parameter for this request."),
                )
                .param(other))
            }
        }
    }
    let file = file.ok_or_else(|| {
        ApiError::bad_request("form_param_missing", "file must be included.").param("file")
    })?;
    if file.len() > MAX_IMAGE_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request_body_too_large",
            "file too large",
            "The file size cannot exceed 10MB.",
        ));
    }
    let content_type = sniff(file).ok_or_else(|| {
        ApiError::bad_request(
            "unsupported_content_type",
            "Only image/jpeg, image/png, image/gif and image/webp files are supported.",
        )
        .param("file")
    })?;
    Ok(Upload { content_type })
}

/// The boundary of a `multipart/form-data` content type, unquoted.
fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let kind = params.next()?.trim();
    if !kind.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim_matches('"').to_owned())
        .filter(|b| !b.is_empty())
}

/// The parts between the boundaries; `None` for a malformed body.
fn parts<'a>(body: &'a [u8], boundary: &str) -> Option<Vec<Part<'a>>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut rest = &body[find(body, delimiter)? + delimiter.len()..];
    let mut found = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(found);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let after_head = &rest[head_end + 4..];
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(delimiter);
        let data_end = find(after_head, &closing)?;
        found.push(Part {
            name: field_name(head)?,
            data: &after_head[..data_end],
        });
        rest = &after_head[data_end + closing.len()..];
    }
}

/// The `name` of a part's `Content-Disposition: form-data; name="..."` header.
fn field_name(head: &str) -> Option<String> {
    let disposition = head.lines().find(|l| {
        l.split(':')
            .next()
            .is_some_and(|k| k.trim().eq_ignore_ascii_case("content-disposition"))
    })?;
    disposition
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("name"))
        .map(|(_, v)| v.trim_matches('"').to_owned())
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The image type the bytes start with, among the four Clerk takes; the client may send no
/// content type, and Clerk sniffs.
fn sniff(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if data.starts_with(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else if data.starts_with(b"GIF87a") || data.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if data.len() >= 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{boundary, parts, sniff};

    #[test]
    fn a_form_reads_into_named_parts() {
        let body = b"--xyz\r\nContent-Disposition: form-data; name=\"uploader_user_id\"\r\n\r\nuser_1\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\x89PNG\r\n\x1a\n\r\n--xyz--\r\n";
        let found = parts(body, "xyz").expect("parts");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "uploader_user_id");
        assert_eq!(found[0].data, b"user_1");
        assert_eq!(sniff(found[1].data), Some("image/png"));
        assert_eq!(
            boundary("multipart/form-data; boundary=\"xyz\"").as_deref(),
            Some("xyz")
        );
        assert!(boundary("application/json").is_none());
        assert!(parts(b"garbage", "xyz").is_none());
    }
}
