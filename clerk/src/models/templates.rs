//! Email and SMS templates (the whole family is deprecated by Clerk).

use clerk_macros::{Deserialize, Serialize};

string_enum! {
    /// Kind of a [`Template`], also the first path segment of every template endpoint:
    /// `clerk.templates().list(TemplateType::Email, ...)`.
    pub enum TemplateType {
        /// Email templates.
        Email = "email",
        /// SMS templates.
        Sms = "sms",
    }
}

impl From<&str> for TemplateType {
    fn from(value: &str) -> Self {
        match value.parse() {
            Ok(kind) => kind,
            Err(never) => match never {},
        }
    }
}

impl From<String> for TemplateType {
    fn from(value: String) -> Self {
        Self::from(value.as_str())
    }
}

impl crate::PathParam for TemplateType {
    fn path_value(&self) -> Result<&str, String> {
        Ok(self.as_str())
    }
}

/// Query parameters of `GET /templates/{template_type}`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TemplateListParams {
    /// Ask for the paginated shape (`{data, total_count}`); both shapes decode into a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paginated: Option<bool>,
    /// Maximum number of results (1 to 500, default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Number of results to skip (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
}

setters! { TemplateListParams {
    opt paginated: bool,
    opt limit: i64,
    opt offset: i64,
} }

/// An email or SMS template. The spec lists no required field, so every field is optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serialize", derive(Serialize))]
#[non_exhaustive]
pub struct Template {
    /// Unique id of the template.
    #[serde(default)]
    pub id: Option<String>,
    /// Always `template`.
    #[serde(default)]
    pub object: Option<String>,
    /// Id of the instance owning the template; `None` for system templates.
    #[serde(default)]
    pub instance_id: Option<String>,
    /// Whether this is a system default or a user override (`system` / `user`).
    #[serde(default)]
    pub resource_type: Option<String>,
    /// Whether this is an email or an SMS template.
    #[serde(default)]
    pub template_type: Option<TemplateType>,
    /// Human-readable name.
    #[serde(default)]
    pub name: Option<String>,
    /// Machine-readable name, used in paths.
    #[serde(default)]
    pub slug: Option<String>,
    /// Position in the listing.
    #[serde(default)]
    pub position: Option<i64>,
    /// Whether the template can be reverted to the system default.
    #[serde(default)]
    pub can_revert: Option<bool>,
    /// Whether the template can be deleted.
    #[serde(default)]
    pub can_delete: Option<bool>,
    /// Whether the body can be edited.
    #[serde(default)]
    pub can_edit_body: Option<bool>,
    /// Whether the template can be turned on and off (only notification SMS templates).
    #[serde(default)]
    pub can_toggle: Option<bool>,
    /// Email subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Editor markup the body is generated from.
    #[serde(default)]
    pub markup: Option<String>,
    /// Body before variables are filled in.
    #[serde(default)]
    pub body: Option<String>,
    /// Variables the body may use.
    #[serde(default)]
    pub available_variables: Option<Vec<String>>,
    /// Variables the body must contain.
    #[serde(default)]
    pub required_variables: Option<Vec<String>>,
    /// Local part of the From address of emails.
    #[serde(default)]
    pub from_email_name: Option<String>,
    /// Local part of the Reply-To address of emails.
    #[serde(default)]
    pub reply_to_email_name: Option<String>,
    /// Whether Clerk delivers the messages itself (otherwise you do, from webhooks).
    #[serde(default)]
    pub delivered_by_clerk: Option<bool>,
    /// Whether the template is turned on.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Whether Clerk flagged the template as suspicious.
    #[serde(default)]
    pub flagged_as_suspicious: Option<bool>,
    /// When the template was last modified (unix milliseconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// When the template was created (unix milliseconds).
    #[serde(default)]
    pub created_at: Option<i64>,
}

/// JSON body of `PUT /templates/{template_type}/{slug}`. Fields left `None` are not sent.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpsertTemplateParams {
    /// Human-readable name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email subject (email templates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Editor markup the body is generated from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markup: Option<String>,
    /// Body before variables are filled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Whether Clerk should deliver the messages itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_by_clerk: Option<bool>,
    /// Local part of the From address (`hello` in `hello@example.com`; email only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_email_name: Option<String>,
    /// Local part of the Reply-To address (email only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to_email_name: Option<String>,
}

setters! { UpsertTemplateParams {
    opt name: String,
    opt subject: String,
    opt markup: String,
    opt body: String,
    opt delivered_by_clerk: bool,
    opt from_email_name: String,
    opt reply_to_email_name: String,
} }

/// JSON body of `POST /templates/{template_type}/{slug}/preview`: the draft to render.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PreviewTemplateParams {
    /// Email subject (email templates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Body before variables are filled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Local part of the From address (email only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_email_name: Option<String>,
    /// Local part of the Reply-To address (email only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to_email_name: Option<String>,
}

setters! { PreviewTemplateParams {
    opt subject: String,
    opt body: String,
    opt from_email_name: String,
    opt reply_to_email_name: String,
} }

/// JSON body of `POST /templates/{template_type}/{slug}/toggle_delivery`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ToggleTemplateDeliveryParams {
    /// Whether Clerk should deliver the messages; when off, handle the `email.created` or
    /// `sms.created` webhooks yourself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_by_clerk: Option<bool>,
}

setters! { ToggleTemplateDeliveryParams {
    opt delivered_by_clerk: bool,
} }
