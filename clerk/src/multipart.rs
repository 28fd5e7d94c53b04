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

    pub(crate) fn to_form(&self) -> Result<reqwest::multipart::Form> {
        let mut form = reqwest::multipart::Form::new();
        for p in &self.parts {
            let mut part = reqwest::multipart::Part::stream(reqwest::Body::from(p.data.clone()));
            if let Some(name) = &p.file_name {
                part = part.file_name(name.clone());
            }
            if let Some(mime) = &p.content_type {
                part = part
                    .mime_str(mime)
                    .map_err(|_| Error::invalid(format!("invalid content type `{mime}`")))?;
            }
            form = form.part(p.name.clone(), part);
        }
        Ok(form)
    }
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
