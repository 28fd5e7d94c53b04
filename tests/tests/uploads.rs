//! Uploads from bytes already covered in users.rs; here from a file path and from a stream,
//! checked part by part on the wire, and the failures that must send nothing.

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
    server
        .client()
        .users()
        .set_profile_image("user_1", upload)
        .await
        .expect("upload");
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
    server
        .client()
        .users()
        .set_profile_image("user_1", upload)
        .await
        .expect("upload");
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
    server
        .client()
        .users()
        .set_profile_image("user_1", upload)
        .await
        .expect("retried");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for req in &reqs {
        let (_, content) = single_part(req.header("content-type").expect("ct"), &req.body);
        assert_eq!(content, b"same-bytes");
    }
}
