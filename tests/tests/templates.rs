//! Email and SMS templates (deprecated by Clerk): the exact request of every operation, the
//! typed template kind in paths, and decoding of realistic responses.

#![allow(deprecated)]

use clerk_backend::models::{
    PreviewTemplateParams, Template, TemplateListParams, TemplateType,
    ToggleTemplateDeliveryParams, UpsertTemplateParams,
};
use clerk_backend::PathParam;
use clerk_tests::{MockServer, Reply};
use serde_json::json;

/// Checks every field of `tests/fixtures/template.json`.
fn assert_is_the_fixture_template(t: &Template) {
    assert_eq!(t.id.as_deref(), Some("tmpl_2xhP6qStV8wXyA0cDeFgHiJkLmP"));
    assert_eq!(t.object.as_deref(), Some("template"));
    assert_eq!(
        t.instance_id.as_deref(),
        Some("ins_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    );
    assert_eq!(t.resource_type.as_deref(), Some("user"));
    assert_eq!(t.template_type, Some(TemplateType::Email));
    assert_eq!(t.name.as_deref(), Some("Verification code"));
    assert_eq!(t.slug.as_deref(), Some("verification_code"));
    assert_eq!(t.position, Some(2));
    assert_eq!(t.can_revert, Some(true));
    assert_eq!(t.can_delete, Some(false));
    assert_eq!(t.can_edit_body, Some(true));
    assert_eq!(t.can_toggle, Some(false));
    assert_eq!(
        t.subject.as_deref(),
        Some("{{otp_code}} is your verification code")
    );
    assert_eq!(
        t.markup.as_deref(),
        Some("<mjml><mj-body>{{otp_code}}</mj-body></mjml>")
    );
    assert_eq!(t.body.as_deref(), Some("<p>Your code is {{otp_code}}</p>"));
    assert_eq!(
        t.available_variables.as_deref(),
        Some(
            &[
                "app.name".to_owned(),
                "otp_code".to_owned(),
                "requested_at".to_owned()
            ][..]
        )
    );
    assert_eq!(
        t.required_variables.as_deref(),
        Some(&["otp_code".to_owned()][..])
    );
    assert_eq!(t.from_email_name.as_deref(), Some("hello"));
    assert_eq!(t.reply_to_email_name.as_deref(), Some("support"));
    assert_eq!(t.delivered_by_clerk, Some(true));
    assert_eq!(t.enabled, Some(true));
    assert_eq!(t.flagged_as_suspicious, Some(false));
    assert_eq!(t.updated_at, Some(1718365200000));
    assert_eq!(t.created_at, Some(1718361600000));
}

#[test]
fn template_types_are_path_parameters_and_open() {
    assert_eq!(TemplateType::Email.path_value(), Ok("email"));
    assert_eq!(TemplateType::Sms.path_value(), Ok("sms"));
    assert_eq!(TemplateType::from("sms"), TemplateType::Sms);
    assert_eq!(
        TemplateType::from("whatsapp".to_owned()),
        TemplateType::Unknown("whatsapp".into())
    );
}

#[tokio::test]
async fn list_sends_the_type_and_pagination_and_decodes_a_bare_array() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "template_list.json"));
    let page = server
        .client()
        .templates()
        .list(
            TemplateType::Sms,
            TemplateListParams::default()
                .paginated(false)
                .limit(20)
                .offset(5),
        )
        .await
        .expect("list templates");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "GET",
            "/templates/sms",
            Some("paginated=false&limit=20&offset=5")
        )
    );
    assert!(req.body.is_empty());

    assert_eq!(page.len(), 2);
    assert_eq!(page.total_count, None);
    let system = &page.data[0];
    assert_eq!(system.template_type, Some(TemplateType::Sms));
    assert_eq!(system.resource_type.as_deref(), Some("system"));
    assert_eq!(system.instance_id, None);
    assert_eq!(system.subject, None);
    assert_eq!(system.markup, None);
    assert_eq!(system.position, Some(1));
    let sparse = &page.data[1];
    assert_eq!(
        sparse.template_type,
        Some(TemplateType::Unknown("whatsapp".into()))
    );
    assert_eq!(sparse.slug.as_deref(), Some("magic_link"));
    assert_eq!(sparse.name, None);
    assert_eq!(sparse.created_at, None);
}

#[tokio::test]
async fn list_accepts_a_string_type_and_sends_no_query_by_default() {
    let server = MockServer::start().await;
    server.reply(Reply::json(
        200,
        json!({"data": [], "total_count": 0}).to_string(),
    ));
    let page = server
        .client()
        .templates()
        .list("email", TemplateListParams::default())
        .await
        .expect("list templates");
    assert_eq!(server.single().line(), ("GET", "/templates/email", None));
    assert!(page.is_empty());
    assert_eq!(page.total_count, Some(0));
}

#[tokio::test]
async fn get_decodes_every_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "template.json"));
    let template = server
        .client()
        .templates()
        .get(TemplateType::Email, "verification_code")
        .await
        .expect("get template");

    let req = server.single();
    assert_eq!(
        req.line(),
        ("GET", "/templates/email/verification_code", None)
    );
    assert!(req.body.is_empty());
    assert_is_the_fixture_template(&template);
}

#[tokio::test]
async fn upsert_sends_every_field() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "template.json"));
    let template = server
        .client()
        .templates()
        .upsert(
            TemplateType::Email,
            "verification_code",
            UpsertTemplateParams::default()
                .name("Verification code")
                .subject("{{otp_code}} is your verification code")
                .markup("<mjml><mj-body>{{otp_code}}</mj-body></mjml>")
                .body("<p>Your code is {{otp_code}}</p>")
                .delivered_by_clerk(true)
                .from_email_name("hello")
                .reply_to_email_name("support"),
        )
        .await
        .expect("upsert template");

    let req = server.single();
    assert_eq!(
        req.line(),
        ("PUT", "/templates/email/verification_code", None)
    );
    assert_eq!(
        req.json(),
        json!({
            "name": "Verification code",
            "subject": "{{otp_code}} is your verification code",
            "markup": "<mjml><mj-body>{{otp_code}}</mj-body></mjml>",
            "body": "<p>Your code is {{otp_code}}</p>",
            "delivered_by_clerk": true,
            "from_email_name": "hello",
            "reply_to_email_name": "support"
        })
    );
    assert_is_the_fixture_template(&template);
}

#[tokio::test]
async fn preview_sends_the_draft_and_returns_free_form_json() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "template_preview.json"));
    let preview = server
        .client()
        .templates()
        .preview(
            TemplateType::Email,
            "verification_code",
            PreviewTemplateParams::default()
                .subject("{{otp_code}} is your verification code")
                .body("<p>Your code is {{otp_code}}</p>")
                .from_email_name("hello")
                .reply_to_email_name("support"),
        )
        .await
        .expect("preview template");

    let req = server.single();
    assert_eq!(
        req.line(),
        ("POST", "/templates/email/verification_code/preview", None)
    );
    assert_eq!(
        req.json(),
        json!({
            "subject": "{{otp_code}} is your verification code",
            "body": "<p>Your code is {{otp_code}}</p>",
            "from_email_name": "hello",
            "reply_to_email_name": "support"
        })
    );
    assert_eq!(preview["subject"], "123456 is your verification code");
    assert_eq!(preview["body"], "<p>Your code is 123456</p>");
    assert_eq!(preview["from_email_address"], "hello@example.com");
}

#[tokio::test]
async fn revert_sends_no_body() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "template.json"));
    let template = server
        .client()
        .templates()
        .revert(TemplateType::Sms, "verification_code")
        .await
        .expect("revert template");

    let req = server.single();
    assert_eq!(
        req.line(),
        ("POST", "/templates/sms/verification_code/revert", None)
    );
    assert!(req.body.is_empty());
    assert_is_the_fixture_template(&template);
}

#[tokio::test]
async fn toggle_delivery_sends_the_flag() {
    let server = MockServer::start().await;
    server.reply(Reply::fixture(200, "template.json"));
    let template = server
        .client()
        .templates()
        .toggle_delivery(
            TemplateType::Sms,
            "verification_code",
            ToggleTemplateDeliveryParams::default().delivered_by_clerk(false),
        )
        .await
        .expect("toggle delivery");

    let req = server.single();
    assert_eq!(
        req.line(),
        (
            "POST",
            "/templates/sms/verification_code/toggle_delivery",
            None
        )
    );
    assert_eq!(req.json(), json!({"delivered_by_clerk": false}));
    assert_is_the_fixture_template(&template);
}
