//! The pages example's routes, apart from `main` so the tests serve the same router on
//! loopback.

use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use clerk_backend::auth::{Authenticator, Requirement, SignedIn};
use clerk_backend::axum::{Auth, ClerkLayer, RequireLayer};
use clerk_backend::Clerk;

/// `GET /` for everyone, `GET /dashboard` for signed-in users only, behind Clerk's page-route
/// mode: expired cookies are renewed through the handshake, and signed-out visitors of the
/// dashboard are sent to sign in. `clerk` looks up the signed-in user's profile.
pub fn router(authenticator: Authenticator, clerk: Clerk) -> Router {
    Router::new()
        .route("/dashboard", get(dashboard))
        .route_layer(RequireLayer::new([Requirement::SignedIn]))
        .route("/", get(home))
        .with_state(clerk)
        .layer(ClerkLayer::new(authenticator).pages())
}

/// The home page: who is signed in, if anyone.
async fn home(State(clerk): State<Clerk>, who: Option<Auth>) -> Html<String> {
    let line = match who {
        Some(Auth(who)) => format!("Signed in as {}.", display_name(&clerk, &who).await),
        None => "Signed out.".to_owned(),
    };
    page(
        "Home",
        &format!(
            "<p>{}</p><p><a href=\"/dashboard\">Dashboard</a></p>",
            escape(&line)
        ),
    )
}

/// The dashboard: only reached signed in (the route layer sends others to sign in).
async fn dashboard(State(clerk): State<Clerk>, Auth(who): Auth) -> Html<String> {
    let name = display_name(&clerk, &who).await;
    page(
        "Dashboard",
        &format!(
            "<p>Welcome, {}.</p><p>User id: <code>{}</code></p>",
            escape(&name),
            escape(who.user_id().unwrap_or_default())
        ),
    )
}

/// The user's name from their Clerk profile, else their id.
async fn display_name(clerk: &Clerk, who: &SignedIn) -> String {
    let Some(id) = who.user_id() else {
        return "a machine".to_owned();
    };
    match clerk.users().get(id).await {
        Ok(user) => {
            let name = [user.first_name.as_deref(), user.last_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            if name.is_empty() {
                id.to_owned()
            } else {
                name
            }
        }
        Err(e) => {
            tracing::warn!("could not look up {id}: {e}");
            id.to_owned()
        }
    }
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    ))
}

/// Names come from users: never raw into HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
