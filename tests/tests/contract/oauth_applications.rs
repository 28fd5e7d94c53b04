//! OAuth applications for which the instance acts as the provider.

use clerk_backend::models::*;
use clerk_backend::multipart::FileUpload;
use clerk_backend::Clerk;

use crate::Run;

const APP: &str = "oa_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.oauth_applications().list(
        OAuthApplicationListParams::default()
            .order_by(OAuthApplicationOrderBy::NameDesc)
            .name_query("dash")
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.oauth_applications().create(
        CreateOAuthApplicationParams::new("Dashboard")
            .redirect_uris(["https://example.com/oauth/callback", "myapp://callback"])
            .scopes("profile email")
            .consent_screen_enabled(true)
            .pkce_required(false)
            .public(false),
    ))
    .await;
    run.ok(clerk.oauth_applications().create(
        CreateOAuthApplicationParams::new("Legacy").callback_url("https://example.com/cb"),
    ))
    .await;
    run.ok(clerk.oauth_applications().get(APP)).await;
    run.ok(clerk.oauth_applications().update(
        APP,
        UpdateOAuthApplicationParams::default()
            .name("Dashboard 2")
            .redirect_uris(["https://example.com/oauth/callback"])
            .scopes("profile email public_metadata")
            .consent_screen_enabled(true)
            .pkce_required(true)
            .public(true),
    ))
    .await;
    run.ok(clerk.oauth_applications().delete(APP)).await;
    run.ok(clerk.oauth_applications().set_logo(
        APP,
        OAuthApplicationLogo::new(
            FileUpload::from_bytes(b"\x89PNG\r\n\x1a\n".to_vec(), "logo.png")
                .content_type("image/png"),
        )
        .uploader_user_id("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"),
    ))
    .await;
    run.ok(clerk.oauth_applications().revoke_token(
        APP,
        RevokeOAuthApplicationTokenParams::new("oat_contract_refresh_token"),
    ))
    .await;
    run.ok(clerk.oauth_applications().rotate_secret(APP)).await;
}
