//! Typed request parameters and response models, one file per resource (or a few related ones).
//!
//! Response models accept unknown fields and are `#[non_exhaustive]`; fields the spec marks
//! nullable or optional are `Option`. Enums are open: a value added by Clerk later lands in
//! an `Unknown(String)` variant instead of failing to decode.
//!
//! Parameters implement `Serialize`; response models implement `Deserialize`, and
//! `Serialize` too with the `serialize` feature (on with `webhooks` and `testing`).
//!
//! Each file compiles when a resource-family feature that uses its models is on; the lines
//! below name those families. A model a family's operations return from another family's
//! file (e.g. `Role`, which SCIM directories map groups to) puts that family on the file's
//! line too. Small types two families share live in `common`.

#[macro_use]
mod macros;

pub(crate) mod common;
pub use common::*;

/// Declares each model file and re-exports its items under `any` of its families.
macro_rules! models {
    ($($module:ident: $($family:literal)|+;)*) => {
        $(
            #[cfg(any($(feature = $family),+))]
            mod $module;
            #[cfg(any($(feature = $family),+))]
            pub use $module::*;
        )*
    };
}

models! {
    allowlist:                "instance";
    api_keys:                 "machines";
    beta_features:            "instance";
    billing:                  "billing";
    billing_catalog:          "billing";
    billing_statements:       "billing";
    clients:                  "sessions";
    directories:              "enterprise";
    domains:                  "instance";
    email_addresses:          "users";
    enterprise_connections:   "enterprise";
    instance_settings:        "instance";
    interstitial:             "sessions";
    invitations:              "invitations";
    jwks:                     "sessions";
    jwt_templates:            "instance";
    legacy_messages:          "instance";
    machines:                 "machines";
    oauth_applications:       "machines";
    organization_domains:     "organizations";
    organization_invitations: "organizations";
    organization_memberships: "organizations";
    organizations:            "organizations";
    phone_numbers:            "users";
    redirect_urls:            "instance";
    roles:                    "organizations" | "enterprise";
    sessions:                 "sessions";
    sign_ups:                 "users";
    templates:                "instance";
    tokens:                   "users" | "instance" | "enterprise";
    user_actions:             "users";
    users:                    "users";
    waitlist_entries:         "invitations";
    webhooks:                 "instance";
}
