//! Redirect URLs allowed for native applications.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.redirect_urls().list(
        RedirectUrlListParams::default()
            .paginated(false)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk
        .redirect_urls()
        .create(CreateRedirectUrlParams::new("my-app://oauth-callback")))
        .await;
    run.ok(clerk.redirect_urls().get("ru_1")).await;
    run.ok(clerk.redirect_urls().delete("ru_1")).await;
}
