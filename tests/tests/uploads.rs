//! Uploads from bytes already covered in users.rs; here from a file path and from a stream,
//! checked part by part on the wire, bodies read back by multer (the multipart parser of axum
//! and poem), and the failures that must send nothing.

use bytes::Bytes;
use clerk_backend::multipart::FileUpload;
use clerk_backend::Error;
use clerk_tests::{MockServer, Reply};

/// Splits a one-part multipart body into (headers, content), checking the framing.
fn single_part(content_type: &str, body: &[u8]) -> (String, Vec<u8>) {
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart content type");
    let open = format!("--{boundary}\r\n");
    let close = format!("\r\n--{boundary}--\r\n");
    assert!(body.starts_with(open.as_bytes()) && body.ends_with(close.as_bytes()));
    let inner = &body[open.len()..body.len() - close.len()];
    let split = inner
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("part headers end");
    (
        String::from_utf8_lossy(&inner[..split]).into_owned(),
        inner[split + 4..].to_vec(),
    )
}

/// `users().set_profile_image("user_1", upload)` through the server's client.
async fn set_profile_image(
    server: &MockServer,
    upload: FileUpload,
) -> Result<clerk_backend::models::User, Error> {
    server
        .client()
        .users()
        .set_profile_image("user_1", upload)
        .await
}

#[tokio::test]
async fn a_file_path_is_read_named_and_typed_from_its_extension() {
    let dir = std::env::temp_dir().join(format!("clerk-rs-upload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("portrait.JPG");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    std::fs::write(&path, &bytes).expect("write file");

    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    let upload = FileUpload::from_path(&path).await.expect("read file");
    assert_eq!(upload.file_name(), "portrait.JPG");
    set_profile_image(&server, upload).await.expect("upload");
    std::fs::remove_dir_all(&dir).ok();

    let req = server.single();
    let (headers, content) = single_part(req.header("content-type").expect("ct"), &req.body);
    assert_eq!(
        headers,
        "Content-Disposition: form-data; name=\"file\"; filename=\"portrait.JPG\"\r\nContent-Type: image/jpeg"
    );
    assert_eq!(content, bytes);
}

#[tokio::test]
async fn a_stream_is_collected_in_order() {
    let chunks = vec![
        Ok::<_, std::io::Error>(Bytes::from_static(b"\x89PNG\r\n")),
        Ok(Bytes::from_static(b"\x1a\n")),
        Ok(Bytes::from_static(b"rest-of-image")),
    ];
    let upload = FileUpload::from_stream(futures_util::stream::iter(chunks), "avatar.png")
        .await
        .expect("stream")
        .content_type("image/png");
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    set_profile_image(&server, upload).await.expect("upload");
    let req = server.single();
    let (headers, content) = single_part(req.header("content-type").expect("ct"), &req.body);
    assert!(
        headers.contains("filename=\"avatar.png\"") && headers.ends_with("Content-Type: image/png")
    );
    assert_eq!(content, b"\x89PNG\r\n\x1a\nrest-of-image");
}

#[tokio::test]
async fn unreadable_sources_fail_before_sending() {
    let missing = std::env::temp_dir().join("clerk-rs-definitely-missing/none.png");
    let err = FileUpload::from_path(&missing)
        .await
        .expect_err("missing file");
    assert!(
        matches!(&err, Error::Upload { message, .. } if message.contains("none.png")),
        "{err:?}"
    );

    let chunks = vec![
        Ok(Bytes::from_static(b"abc")),
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "pipe closed",
        )),
    ];
    let err = FileUpload::from_stream(futures_util::stream::iter(chunks), "x.png")
        .await
        .expect_err("broken stream");
    assert!(err.to_string().contains("pipe closed"), "{err}");
}

#[tokio::test]
async fn a_multipart_upload_is_sent_again_on_retry_with_the_same_bytes() {
    let server = MockServer::start().await;
    // 429 is retried even for POST: the server did not act on it.
    server.reply(
        Reply::clerk_error(429, "too_many_requests", "Slow down").header("retry-after", "0"),
    );
    server.reply(Reply::fixture(200, "user.json"));
    let upload = FileUpload::from_bytes(b"same-bytes".to_vec(), "a.png");
    set_profile_image(&server, upload).await.expect("retried");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        let (_, content) = single_part(req.header("content-type").expect("ct"), &req.body);
        assert_eq!(content, b"same-bytes");
    }
}

/// The parts multer reads from a recorded request: (field name, file name, content type,
/// bytes).
async fn parsed_by_multer(
    req: &clerk_tests::Recorded,
) -> Vec<(String, Option<String>, Option<String>, Vec<u8>)> {
    let content_type = req.header("content-type").expect("content type");
    let boundary = multer::parse_boundary(content_type).expect("a boundary");
    let body = Bytes::copy_from_slice(&req.body);
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut parts = Vec::new();
    while let Some(field) = multipart.next_field().await.expect("a well-formed part") {
        let name = field.name().expect("a field name").to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let content_type = field.content_type().map(ToString::to_string);
        let bytes = field.bytes().await.expect("the part's bytes");
        parts.push((name, file_name, content_type, bytes.to_vec()));
    }
    parts
}

#[tokio::test]
async fn multer_reads_back_every_part_byte_for_byte() {
    // Bytes that look like framing: CRLFs, dashes, a fake boundary line.
    let logo = b"\x89PNG\r\n\x1a\n--\r\n\r\n--boundary--\r\n\x00\xff".to_vec();
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "organization_with_logo.json"));
    let body = clerk_backend::models::OrganizationLogo::new(
        FileUpload::from_bytes(logo.clone(), "logo.png").content_type("image/png"),
    )
    .uploader_user_id("user_1");
    server
        .client()
        .organizations()
        .set_logo("org_1", body)
        .await
        .expect("upload");
    let req = server.single();
    assert_eq!(
        req.header("content-length"),
        Some(req.body.len().to_string().as_str()),
        "sent with its length, not chunked"
    );
    assert_eq!(
        parsed_by_multer(&req).await,
        vec![
            (
                "uploader_user_id".to_owned(),
                None,
                None,
                b"user_1".to_vec()
            ),
            (
                "file".to_owned(),
                Some("logo.png".to_owned()),
                Some("image/png".to_owned()),
                logo
            ),
        ]
    );
}

#[tokio::test]
async fn quotes_and_line_breaks_in_a_file_name_cannot_break_the_part_header() {
    // WHATWG HTML's multipart/form-data encoding: `"`, CR and LF are percent-encoded.
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "user.json"));
    let upload = FileUpload::from_bytes(b"img".to_vec(), "a\"b\r\nContent-Type: text/html.png");
    set_profile_image(&server, upload).await.expect("upload");
    let parts = parsed_by_multer(&server.single()).await;
    assert_eq!(parts.len(), 1);
    assert_eq!(
        parts[0].1.as_deref(),
        Some("a%22b%0D%0AContent-Type: text/html.png")
    );
    assert_eq!(parts[0].2, None, "no injected content type");
    assert_eq!(parts[0].3, b"img");
}

#[tokio::test]
async fn an_invalid_content_type_fails_before_sending() {
    let server = MockServer::start().await;
    for bad in [
        "image",
        "image/",
        "/png",
        "image/png\r\nX-Evil: 1",
        "im age/png",
    ] {
        let upload = FileUpload::from_bytes(b"img".to_vec(), "a.png").content_type(bad);
        let err = set_profile_image(&server, upload).await.expect_err(bad);
        assert!(
            matches!(&err, Error::InvalidInput { message } if message.contains("invalid content type")),
            "{bad:?}: {err:?}"
        );
    }
    assert!(server.requests().is_empty(), "nothing was sent");
    // Parameters are allowed.
    server.reply(Reply::fixture(200, "user.json"));
    let upload = FileUpload::from_bytes(b"img".to_vec(), "a.svg")
        .content_type("image/svg+xml; charset=utf-8");
    set_profile_image(&server, upload)
        .await
        .expect("a content type with parameters");
}
