//! Templates for custom session tokens.

use crate::models::{DeletedObject, JwtTemplate, JwtTemplateListParams, JwtTemplateParams};
use crate::Page;

clerk_macros::endpoints! {
    /// Templates for custom session tokens.
    JwtTemplates {
        /// List the JWT templates of the instance.
        list = GET "/jwt_templates" query(JwtTemplateListParams) -> Page<JwtTemplate>;
        /// Create a JWT template.
        create = POST "/jwt_templates" json(JwtTemplateParams) -> JwtTemplate;
        /// Fetch one JWT template.
        get = GET "/jwt_templates/{template_id}" -> JwtTemplate;
        /// Change a JWT template (name and claims are always sent).
        update = PATCH "/jwt_templates/{template_id}" json(JwtTemplateParams) -> JwtTemplate;
        /// Delete a JWT template.
        delete = DELETE "/jwt_templates/{template_id}" -> DeletedObject;
    }
}
