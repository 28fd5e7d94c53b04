//! Templates for custom session tokens.

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

fn claims() -> Metadata {
    let mut claims = Metadata::new();
    claims.insert("aud".into(), serde_json::json!("authenticated"));
    claims.insert(
        "email".into(),
        serde_json::json!("{{user.primary_email_address}}"),
    );
    claims
}

pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.jwt_templates().list(
        JwtTemplateListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk.jwt_templates().create(
        JwtTemplateParams::new("supabase", claims())
            .lifetime(60_i64)
            .allowed_clock_skew(5_i64)
            .custom_signing("HS256", "signing-key"),
    ))
    .await;
    run.ok(clerk.jwt_templates().get("jtmp_1")).await;
    run.ok(clerk.jwt_templates().update(
        "jtmp_1",
        JwtTemplateParams::new("supabase", claims()).lifetime(120_i64),
    ))
    .await;
    run.ok(clerk.jwt_templates().delete("jtmp_1")).await;
}
