//! Email and SMS templates (deprecated by Clerk).

use clerk_backend::models::*;
use clerk_backend::Clerk;

use crate::Run;

#[allow(deprecated)]
pub async fn run(clerk: &Clerk, run: &mut Run) {
    run.ok(clerk.templates().list(
        TemplateType::Email,
        TemplateListParams::default()
            .paginated(true)
            .limit(10)
            .offset(0),
    ))
    .await;
    run.ok(clerk
        .templates()
        .list(TemplateType::Sms, TemplateListParams::default()))
        .await;
    run.ok(clerk
        .templates()
        .get(TemplateType::Email, "verification_code"))
        .await;
    run.ok(clerk.templates().upsert(
        TemplateType::Email,
        "verification_code",
        UpsertTemplateParams::default()
            .name("Verification code")
            .subject("{{otp_code}} is your code")
            .markup("<mjml></mjml>")
            .body("<p>{{otp_code}}</p>")
            .delivered_by_clerk(true)
            .from_email_name("hello")
            .reply_to_email_name("support"),
    ))
    .await;
    run.ok(clerk.templates().preview(
        TemplateType::Email,
        "verification_code",
        PreviewTemplateParams::default()
            .subject("{{otp_code}} is your code")
            .body("<p>{{otp_code}}</p>")
            .from_email_name("hello")
            .reply_to_email_name("support"),
    ))
    .await;
    run.ok(clerk
        .templates()
        .revert(TemplateType::Sms, "verification_code"))
        .await;
    run.ok(clerk.templates().toggle_delivery(
        TemplateType::Sms,
        "verification_code",
        ToggleTemplateDeliveryParams::default().delivered_by_clerk(false),
    ))
    .await;
}
