//! Multipart bodies (profile images, logos), kept as bytes so a retry can send them again.

use bytes::Bytes;

use crate::error::{Error, Result};

/// A `multipart/form-data` body.
#[derive(Debug, Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

impl Multipart {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a part.
    #[must_use]
    pub fn part(mut self, part: Part) -> Self {
        self.parts.push(part);
        self
    }

    /// The parts, in order.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The body as sent: its `Content-Type` header, with a fresh boundary, and its bytes
    /// (RFC 7578). Built here rather than by reqwest's `multipart` feature, which brings
    /// `mime_guess` and a streaming encoder that a few small in-memory images do not need.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when a part's content type is not `type/subtype[; params]`.
    pub(crate) fn encode(&self) -> Result<(String, Bytes)> {
        // 128 random bits: the chance that an image contains the boundary is nil.
        let boundary = format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let framing = 2 * boundary.len() + 128;
        let size = self
            .parts
            .iter()
            .map(|p| p.data.len() + framing)
            .sum::<usize>();
        let mut out = Vec::with_capacity(size + boundary.len() + 8);
        for part in &self.parts {
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
            push_quoted(&mut out, &part.name);
            out.push(b'"');
            if let Some(file_name) = &part.file_name {
                out.extend_from_slice(b"; filename=\"");
                push_quoted(&mut out, file_name);
                out.push(b'"');
            }
            if let Some(mime) = &part.content_type {
                if !is_content_type(mime) {
                    return Err(Error::invalid(format!("invalid content type `{mime}`")));
                }
                out.extend_from_slice(b"\r\nContent-Type: ");
                out.extend_from_slice(mime.as_bytes());
            }
            out.extend_from_slice(b"\r\n\r\n");
            out.extend_from_slice(&part.data);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"--\r\n");
        Ok((
            format!("multipart/form-data; boundary={boundary}"),
            Bytes::from(out),
        ))
    }
}

/// Writes a field or file name inside double quotes the way browsers do (WHATWG HTML,
/// multipart/form-data encoding): `"`, CR and LF become `%22`, `%0D` and `%0A`.
fn push_quoted(out: &mut Vec<u8>, value: &str) {
    for byte in value.bytes() {
        match byte {
            b'"' => out.extend_from_slice(b"%22"),
            b'\r' => out.extend_from_slice(b"%0D"),
            b'\n' => out.extend_from_slice(b"%0A"),
            other => out.push(other),
        }
    }
}

/// `type/subtype`, both HTTP tokens, optionally followed by `;` and parameters without
/// control characters (which would break the part's header).
fn is_content_type(value: &str) -> bool {
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let (essence, params) = value.split_once(';').unwrap_or((value, ""));
    let Some((kind, subtype)) = essence.trim().split_once('/') else {
        return false;
    };
    token(kind) && token(subtype) && !params.bytes().any(|b| b.is_ascii_control())
}

/// One field of a multipart body.
#[derive(Clone)]
pub struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Bytes,
}

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("name", &self.name)
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.data.len())
            .finish()
    }
}

impl Part {
    /// A part holding raw bytes.
    pub fn bytes(name: impl Into<String>, data: impl Into<Bytes>) -> Self {
        Self {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: data.into(),
        }
    }

    /// A plain text field.
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self::bytes(name, Bytes::from(value.into()))
    }

    /// Sets the file name sent with the part.
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets the part's content type, e.g. `image/png`.
    #[must_use]
    pub fn content_type(mut self, mime: impl Into<String>) -> Self {
        self.content_type = Some(mime.into());
        self
    }

    /// The field name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The bytes of the part.
    pub fn data(&self) -> &Bytes {
        &self.data
    }
}

/// A file to upload: its bytes, a file name and an optional content type.
///
/// The bytes are held in memory (uploads to Clerk are small images), so a retried request can
/// send them again; [`FileUpload::from_path`] and [`FileUpload::from_stream`] read them in
/// first.
#[derive(Debug, Clone)]
pub struct FileUpload {
    data: Bytes,
    file_name: String,
    content_type: Option<String>,
}

impl FileUpload {
    /// A file from bytes already in memory.
    pub fn from_bytes(data: impl Into<Bytes>, file_name: impl Into<String>) -> Self {
        Self {
            data: data.into(),
            file_name: file_name.into(),
            content_type: None,
        }
    }

    /// Reads a file, naming the upload after it and guessing the content type from the
    /// extension (`png`, `jpg`/`jpeg`, `gif`, `webp`, `svg`, `ico`).
    ///
    /// # Errors
    /// [`Error::Upload`] when the file cannot be read.
    pub async fn from_path(path: impl AsRef<std::path::Path>) -> Result<Self> {
        let path = path.as_ref();
        let data = tokio::fs::read(path).await.map_err(|e| Error::Upload {
            message: format!("could not read `{}`", path.display()),
            source: Box::new(e),
        })?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| String::from("upload"));
        let mut upload = Self::from_bytes(data, file_name);
        upload.content_type = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(image_type)
            .map(str::to_owned);
        Ok(upload)
    }

    /// Collects a stream of byte chunks (a body from another request, a channel, ...).
    ///
    /// # Errors
    /// [`Error::Upload`] with the stream's own error when a chunk fails.
    pub async fn from_stream<S, B, E>(stream: S, file_name: impl Into<String>) -> Result<Self>
    where
        S: futures_util::Stream<Item = std::result::Result<B, E>>,
        B: AsRef<[u8]>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        use futures_util::StreamExt;
        let mut data = Vec::new();
        let mut stream = std::pin::pin!(stream);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| Error::Upload {
                message: String::from("the upload stream failed"),
                source: e.into(),
            })?;
            data.extend_from_slice(chunk.as_ref());
        }
        Ok(Self::from_bytes(data, file_name))
    }

    /// The file name sent with the upload.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The bytes of the upload.
    pub fn data(&self) -> &Bytes {
        &self.data
    }

    /// Sets the content type, e.g. `image/png`; without it the server sniffs the bytes.
    #[must_use]
    pub fn content_type(mut self, mime: impl Into<String>) -> Self {
        self.content_type = Some(mime.into());
        self
    }

    /// The upload as a part named `name`.
    pub fn into_part(self, name: &str) -> Part {
        let mut part = Part::bytes(name, self.data).file_name(self.file_name);
        part.content_type = self.content_type;
        part
    }
}

fn image_type(extension: &str) -> Option<&'static str> {
    Some(match extension.to_ascii_lowercase().as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        _ => return None,
    })
}

/// The body of `POST /users/{user_id}/profile_image`: one image in the `file` field.
pub type ProfileImage = FileUpload;

impl From<FileUpload> for Multipart {
    fn from(file: FileUpload) -> Self {
        Multipart::new().part(file.into_part("file"))
    }
}
