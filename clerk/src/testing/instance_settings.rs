//! The instance's settings: one record per stand-in, starting from the values a fresh Clerk
//! development instance has, read and changed through `/instance` and its sub-resources.
//!
//! Every PATCH changes only the fields it names (a `null` leaves a field alone, as the spec
//! marks them nullable), refuses fields the endpoint does not take, and answers like Clerk:
//! `PATCH /instance` with 204 and no body, the others with the settings as they are now.
//! The communication, OAuth application and organization settings have their own files
//! (`instance_communication.rs`, `instance_oauth.rs`, `organization_settings.rs`). Other families read these
//! settings through the `impl Store` accessors in `store.rs`, never from this module.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, patch};
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::{ok, ApiError, Body, Reply};
use super::shared::{read, reject_unknown, set, value_invalid};
use super::store::{new_id, Shared};
use crate::models::{
    Instance, InstanceCommunication, InstanceOAuthApplicationSettings, InstanceProtect,
    InstanceRestrictions, OrganizationSettings,
};

/// The settings `PATCH /instance` changes that no GET shows, kept so later behaviour (test
/// mode, breached-password checks) can honour them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct General {
    /// Whether test email addresses and phone numbers work; on for development instances.
    pub test_mode: bool,
    /// Whether passwords are checked against Have I Been Pwned; on for new instances.
    pub hibp: bool,
    /// The support address shown to users, if set.
    pub support_email: Option<String>,
    /// The ClerkJS version to load, if pinned.
    pub clerk_js_version: Option<String>,
    /// The development application's origin, if set.
    pub development_origin: Option<String>,
    /// Whether development sessions sync through the URL (`cookieless_dev` is its old name).
    pub url_based_session_syncing: bool,
    /// The sign-in strategy offered first when a password is required; `None` is Clerk's
    /// default (`password`).
    pub preferred_sign_in_strategy: Option<String>,
}

/// Everything the instance's settings endpoints read and change.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// `GET /instance`.
    pub instance: Instance,
    /// What else `PATCH /instance` sets.
    pub general: General,
    /// `PATCH /instance/restrictions`.
    pub restrictions: InstanceRestrictions,
    /// `/instance/protect`.
    pub protect: InstanceProtect,
    /// `/instance/communication`.
    pub communication: InstanceCommunication,
    /// `/instance/oauth_application_settings`.
    pub oauth_applications: InstanceOAuthApplicationSettings,
    /// `/instance/organization_settings`; `initial_role_set_key` is read from the role sets
    /// when shown.
    pub organizations: OrganizationSettings,
}

impl Default for Settings {
    /// A fresh development instance: no extra origins, no restrictions, Protect off, every
    /// country reachable by SMS, opaque OAuth tokens with Clerk's default scopes, and
    /// organizations on with the `org:admin` creator and `org:member` domain roles.
    fn default() -> Self {
        Self {
            instance: Instance {
                object: "instance".to_owned(),
                id: new_id("ins"),
                environment_type: "development".to_owned(),
                allowed_origins: None,
                workspace_id: None,
            },
            general: General {
                test_mode: true,
                hibp: true,
                support_email: None,
                clerk_js_version: None,
                development_origin: None,
                url_based_session_syncing: true,
                preferred_sign_in_strategy: None,
            },
            restrictions: InstanceRestrictions {
                object: "instance_restrictions".to_owned(),
                allowlist: false,
                blocklist: false,
                allowlist_blocklist_disabled_on_sign_in: false,
                block_email_subaddresses: false,
                block_disposable_email_domains: false,
            },
            protect: InstanceProtect {
                object: "instance_protect".to_owned(),
                rules_enabled: false,
                specter_enabled: false,
                checks_bypassed: false,
            },
            communication: InstanceCommunication {
                object: "instance_communication".to_owned(),
                blocked_country_codes: Vec::new(),
            },
            oauth_applications: InstanceOAuthApplicationSettings {
                object: "oauth_application_settings".to_owned(),
                dynamic_oauth_client_registration: false,
                default_scopes: None,
                oauth_jwt_access_tokens: false,
                client_id_metadata_documents_advertised: false,
                client_id_metadata_documents_only_allow_pre_registered_clients: false,
                client_id_metadata_documents_block_implicitly_allowed_clients: false,
            },
            organizations: super::organization_settings::defaults(),
        }
    }
}

/// The routes of the instance's own settings (its parts have their own modules).
pub(super) fn routes() -> Router<Shared> {
    Router::new()
        .route("/instance", get(get_instance).patch(update_instance))
        .route("/instance/restrictions", patch(update_restrictions))
        .route("/instance/protect", get(get_protect).patch(update_protect))
}

async fn get_instance(State(inner): State<Shared>) -> Reply {
    ok(&inner.store().instance_settings.instance)
}

/// Body of `PATCH /instance`.
#[derive(Debug, Deserialize)]
struct InstanceBody {
    #[serde(default)]
    test_mode: Option<bool>,
    #[serde(default)]
    hibp: Option<bool>,
    #[serde(default)]
    support_email: Option<String>,
    #[serde(default)]
    clerk_js_version: Option<String>,
    #[serde(default)]
    development_origin: Option<String>,
    #[serde(default)]
    allowed_origins: Option<Vec<String>>,
    #[serde(default)]
    cookieless_dev: Option<bool>,
    #[serde(default)]
    url_based_session_syncing: Option<bool>,
    #[serde(default)]
    preferred_sign_in_strategy_when_password_required: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Whether `text` is an origin: a scheme, `://` and a host (with an optional port), nothing
/// after it. `chrome-extension://<id>` and `capacitor://localhost` are origins too.
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#'])
        && !text.chars().any(char::is_whitespace)
}

/// Whether `text` looks like an email address: one `@` with text on both sides and a dot in
/// the domain.
fn is_email(text: &str) -> bool {
    text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !text.chars().any(char::is_whitespace)
    })
}

/// `PATCH /instance`: 204 with no body, as the spec answers.
async fn update_instance(
    State(inner): State<Shared>,
    Body(raw): Body<Map<String, Value>>,
) -> Reply {
    let body: InstanceBody = read(raw)?;
    reject_unknown(&body.unknown)?;
    if let Some(email) = body.support_email.as_deref() {
        if !email.is_empty() && !is_email(email) {
            return Err(ApiError::invalid(
                "support_email",
                "support_email must be a valid email address.",
            ));
        }
    }
    if let Some(origin) = body.development_origin.as_deref() {
        if !origin.is_empty() && !is_origin(origin) {
            return Err(ApiError::invalid(
                "development_origin",
                "development_origin must be an origin such as http://localhost:3000.",
            ));
        }
    }
    if let Some(bad) = body
        .allowed_origins
        .iter()
        .flatten()
        .find(|o| !is_origin(o))
    {
        return Err(ApiError::invalid(
            "allowed_origins",
            format!(
                "{bad} is not an origin such as chrome-extension://<id> or capacitor://localhost."
            ),
        ));
    }
    let strategy = match body
        .preferred_sign_in_strategy_when_password_required
        .as_deref()
    {
        None => None,
        Some("") => Some(None),
        Some(s @ ("password" | "otp")) => Some(Some(s.to_owned())),
        Some(other) => {
            return Err(value_invalid(
                "preferred_sign_in_strategy_when_password_required",
                format!("{other} is not one of password, otp, or an empty string."),
            ))
        }
    };
    let mut store = inner.store();
    let settings = &mut store.instance_settings;
    let general = &mut settings.general;
    set(&mut general.test_mode, body.test_mode);
    set(&mut general.hibp, body.hibp);
    // An empty string clears the optional texts.
    if let Some(email) = body.support_email {
        general.support_email = Some(email).filter(|e| !e.is_empty());
    }
    if let Some(version) = body.clerk_js_version {
        general.clerk_js_version = Some(version).filter(|v| !v.is_empty());
    }
    if let Some(origin) = body.development_origin {
        general.development_origin = Some(origin).filter(|o| !o.is_empty());
    }
    // `cookieless_dev` is the deprecated name of the same switch; the new name wins.
    set(
        &mut general.url_based_session_syncing,
        body.url_based_session_syncing.or(body.cookieless_dev),
    );
    if let Some(strategy) = strategy {
        general.preferred_sign_in_strategy = strategy;
    }
    if let Some(origins) = body.allowed_origins {
        settings.instance.allowed_origins = Some(origins);
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Body of `PATCH /instance/restrictions`.
#[derive(Debug, Deserialize)]
struct RestrictionsBody {
    #[serde(default)]
    allowlist: Option<bool>,
    #[serde(default)]
    blocklist: Option<bool>,
    #[serde(default)]
    allowlist_blocklist_disabled_on_sign_in: Option<bool>,
    #[serde(default)]
    block_email_subaddresses: Option<bool>,
    #[serde(default)]
    block_disposable_email_domains: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn update_restrictions(
    State(inner): State<Shared>,
    Body(raw): Body<Map<String, Value>>,
) -> Reply {
    let body: RestrictionsBody = read(raw)?;
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let r = &mut store.instance_settings.restrictions;
    set(&mut r.allowlist, body.allowlist);
    set(&mut r.blocklist, body.blocklist);
    set(
        &mut r.allowlist_blocklist_disabled_on_sign_in,
        body.allowlist_blocklist_disabled_on_sign_in,
    );
    set(
        &mut r.block_email_subaddresses,
        body.block_email_subaddresses,
    );
    set(
        &mut r.block_disposable_email_domains,
        body.block_disposable_email_domains,
    );
    ok(&*r)
}

async fn get_protect(State(inner): State<Shared>) -> Reply {
    ok(&inner.store().instance_settings.protect)
}

/// Body of `PATCH /instance/protect`.
#[derive(Debug, Deserialize)]
struct ProtectBody {
    #[serde(default)]
    rules_enabled: Option<bool>,
    #[serde(default)]
    specter_enabled: Option<bool>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

async fn update_protect(State(inner): State<Shared>, Body(raw): Body<Map<String, Value>>) -> Reply {
    let body: ProtectBody = read(raw)?;
    reject_unknown(&body.unknown)?;
    let mut store = inner.store();
    let p = &mut store.instance_settings.protect;
    set(&mut p.rules_enabled, body.rules_enabled);
    set(&mut p.specter_enabled, body.specter_enabled);
    ok(&*p)
}

#[cfg(test)]
mod tests {
    use super::{is_email, is_origin};

    #[test]
    fn origins_and_emails() {
        assert!(is_origin("chrome-extension://abcdef"));
        assert!(is_origin("capacitor://localhost"));
        assert!(is_origin("http://localhost:3000"));
        assert!(!is_origin("http://localhost:3000/path"));
        assert!(!is_origin("localhost:3000"));
        assert!(is_email("support@example.com"));
        assert!(!is_email("support@example"));
        assert!(!is_email("example.com"));
    }
}
