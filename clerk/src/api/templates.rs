//! Email and SMS templates (deprecated by Clerk).
//!
//! Every method takes the kind of template first: a [`TemplateType`] or a string such as
//! `"email"`.

use crate::models::{
    Metadata, PreviewTemplateParams, Template, TemplateListParams, TemplateType,
    ToggleTemplateDeliveryParams, UpsertTemplateParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Email and SMS templates (deprecated by Clerk).
    Templates {
        /// List the templates of one kind, in their display order.
        #[deprecated(note = "deprecated by Clerk: email and SMS templates are managed in the Clerk Dashboard")]
        list(template_type: TemplateType) = GET "/templates/{template_type}" query(TemplateListParams) -> Page<Template>;
        /// Fetch one template by kind and slug.
        #[deprecated(note = "deprecated by Clerk: email and SMS templates are managed in the Clerk Dashboard")]
        get(template_type: TemplateType, slug) = GET "/templates/{template_type}/{slug}" -> Template;
        /// Change a template's name, content, sender names or delivery.
        #[deprecated(note = "deprecated by Clerk: email and SMS templates are managed in the Clerk Dashboard")]
        upsert(template_type: TemplateType, slug) = PUT "/templates/{template_type}/{slug}" json(UpsertTemplateParams) -> Template;
        /// Render a draft of a template; the answer is free-form JSON in the spec.
        #[deprecated(note = "deprecated by Clerk: email and SMS templates are managed in the Clerk Dashboard")]
        preview(template_type: TemplateType, slug) = POST "/templates/{template_type}/{slug}/preview" json(PreviewTemplateParams) -> Metadata;
        /// Put a customised template back to its system default.
        #[deprecated(note = "deprecated by Clerk: email and SMS templates are managed in the Clerk Dashboard")]
        revert(template_type: TemplateType, slug) = POST "/templates/{template_type}/{slug}/revert" -> Template;
        /// Choose whether Clerk delivers the messages of a template or leaves it to you.
        #[deprecated(note = "deprecated by Clerk: email and SMS templates are managed in the Clerk Dashboard")]
        toggle_delivery(template_type: TemplateType, slug) = POST "/templates/{template_type}/{slug}/toggle_delivery" json(ToggleTemplateDeliveryParams) -> Template;
    }
}
