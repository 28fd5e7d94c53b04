//! What an application gets from `clerk-backend` with `default-features = false` and
//! `features = ["rustls-ring", "jwt"]`: building a client installs ring as rustls' provider,
//! and session tokens are verified with ring. `.ci/run` runs it alone (`--expect-ring`), so
//! no other package's features join in, and checks that aws-lc-sys is not in its graph.

use std::error::Error;

use clerk_backend::jwt::{TokenError, Verifier};
use clerk_backend::Clerk;

const PUBLIC_KEY: &str = include_str!("../fixtures/public_key.pem");
const SESSION_TOKEN: &str = include_str!("../fixtures/session_token.jwt");

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let _clerk = Clerk::builder()
        .secret_key("sk_test_lean_tls")
        .base_url("http://127.0.0.1:9")
        .build()?;
    // In a workspace build other packages add aws-lc-rs, and reqwest uses it without
    // installing anything: only the standalone run expects ring.
    if std::env::args().any(|a| a == "--expect-ring") {
        let provider = rustls::crypto::CryptoProvider::get_default()
            .ok_or("building the client installed no rustls provider")?;
        let random = format!("{:?}", provider.secure_random);
        if random != "Ring" {
            return Err(format!("the installed provider is not ring's ({random})").into());
        }
    }

    let verifier = Verifier::from_pem(PUBLIC_KEY)?;
    let token = SESSION_TOKEN.trim();
    let claims = verifier.verify(token).await?;
    if claims.user_id() != "user_lean" {
        return Err(format!("unexpected subject {}", claims.user_id()).into());
    }
    // Flip one bit of the signature's first byte: the same token must now be refused.
    let (signed, signature) = token.rsplit_once('.').ok_or("the fixture is not a JWT")?;
    let flipped = if signature.starts_with('A') { 'B' } else { 'A' };
    let tampered = format!("{signed}.{flipped}{}", &signature[1..]);
    match verifier.verify(&tampered).await {
        Err(TokenError::BadSignature) => {}
        other => return Err(format!("a tampered token was not refused: {other:?}").into()),
    }
    println!(
        "rustls-ring build: ring provider installed, RS256 token verified, tampered token refused"
    );
    Ok(())
}
