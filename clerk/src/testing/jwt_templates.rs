//! JWT templates on the generic layer: list, create, get, update, delete, and the shortcode
//! filling that turns a template's claims into the claims of a minted token.
//!
//! Rules of their own: a name is taken once; `claims` is a JSON object that may not set the
//! claims Clerk fills in itself (`azp`, `exp`, `iat`, `iss`, `jti`, `nbf`, `sub`); `lifetime`
//! is 30 to 315360000 seconds (60 when absent) and `allowed_clock_skew` 0 to 300 (5 when
//! absent); a custom signing key needs both an algorithm and a key. The stand-in keeps no
//! private keys of yours, so it refuses to mint from a template that has one.

use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::reply::ApiError;
use super::resource::{
    create, fetch, list, remove, row_accessors, update, Context, Create, Resource, Table, Update,
};
use super::shared::{reject_unknown, value_invalid};
use super::store::{new_id, Shared, Store};
use crate::models::{JwtTemplate, Metadata};

/// Claims every template token gets from Clerk; a template may not set them.
pub(super) const RESERVED_CLAIMS: [&str; 7] = ["azp", "exp", "iat", "iss", "jti", "nbf", "sub"];

/// Token lifetime when the body names none, in seconds.
const DEFAULT_LIFETIME: i64 = 60;

/// Clock skew when the body names none, in seconds.
const DEFAULT_CLOCK_SKEW: i64 = 5;

/// Signing algorithms a custom key may use.
const ALGORITHMS: [&str; 9] = [
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
];

impl Resource for JwtTemplate {
    const OBJECT: &'static str = "jwt_template";
    const NAME: &'static str = "JWT template";
    const DEFAULT_ORDER: &'static str = "+created_at";
    row_accessors!(jwt_templates);
}

/// Body of `POST /jwt_templates` and `PATCH /jwt_templates/{id}` (the same fields; the
/// spec requires `name` and `claims` in both).
#[derive(Debug, Deserialize)]
pub(crate) struct TemplateBody {
    name: Option<String>,
    claims: Option<Value>,
    lifetime: Option<i64>,
    allowed_clock_skew: Option<i64>,
    custom_signing_key: Option<bool>,
    signing_algorithm: Option<String>,
    signing_key: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// A body that passed every check, ready to become or change a row.
struct Checked {
    name: String,
    claims: Metadata,
    lifetime: i64,
    allowed_clock_skew: i64,
    custom_signing_key: bool,
    signing_algorithm: String,
}

/// Applies the template rules to `body`; `others` are the templates whose names it may not
/// take.
fn check(body: TemplateBody, others: &[JwtTemplate]) -> Result<Checked, ApiError> {
    reject_unknown(&body.unknown)?;
    let name = body.name.unwrap_or_default().trim().to_owned();
    if name.is_empty() {
        return Err(ApiError::missing("name"));
    }
    if others.iter().any(|t| t.name == name) {
        return Err(ApiError::identifier_exists("name", "JWT template name"));
    }
    let claims = match body.claims {
        None | Some(Value::Null) => return Err(ApiError::missing("claims")),
        Some(Value::Object(map)) => map,
        Some(_) => {
            return Err(ApiError::invalid(
                "claims",
                "claims must be a JSON object, such as {\"role\": \"{{org.role}}\"}.",
            ))
        }
    };
    if let Some(reserved) = RESERVED_CLAIMS.iter().find(|c| claims.contains_key(**c)) {
        return Err(value_invalid(
            "claims",
            format!(
                "{reserved} is a reserved claim: Clerk sets {} in every template token.",
                RESERVED_CLAIMS.join(", ")
            ),
        ));
    }
    let lifetime = body.lifetime.unwrap_or(DEFAULT_LIFETIME);
    if !(30..=315_360_000).contains(&lifetime) {
        return Err(value_invalid(
            "lifetime",
            "lifetime must be between 30 and 315360000 seconds.",
        ));
    }
    let allowed_clock_skew = body.allowed_clock_skew.unwrap_or(DEFAULT_CLOCK_SKEW);
    if !(0..=300).contains(&allowed_clock_skew) {
        return Err(value_invalid(
            "allowed_clock_skew",
            "allowed_clock_skew must be between 0 and 300 seconds.",
        ));
    }
    let custom_signing_key = body.custom_signing_key.unwrap_or(false);
    let signing_algorithm = if custom_signing_key {
        let algorithm = body.signing_algorithm.unwrap_or_default();
        if algorithm.is_empty() {
            return Err(ApiError::missing("signing_algorithm"));
        }
        if !ALGORITHMS.contains(&algorithm.as_str()) {
            return Err(value_invalid(
                "signing_algorithm",
                format!(
                    "{algorithm} is not a supported algorithm: use one of {}.",
                    ALGORITHMS.join(", ")
                ),
            ));
        }
        if body.signing_key.as_deref().is_none_or(str::is_empty) {
            return Err(ApiError::missing("signing_key"));
        }
        algorithm
    } else {
        "RS256".to_owned()
    };
    Ok(Checked {
        name,
        claims,
        lifetime,
        allowed_clock_skew,
        custom_signing_key,
        signing_algorithm,
    })
}

impl Create for JwtTemplate {
    type Params = TemplateBody;

    fn create(store: &mut Store, cx: &Context<'_>, body: TemplateBody) -> Result<Self, ApiError> {
        let c = check(body, Self::table(store).rows())?;
        Ok(Self {
            object: Self::OBJECT.to_owned(),
            id: new_id("jtmp"),
            name: c.name,
            claims: c.claims,
            lifetime: c.lifetime,
            allowed_clock_skew: c.allowed_clock_skew,
            custom_signing_key: c.custom_signing_key,
            signing_algorithm: c.signing_algorithm,
            created_at: cx.now,
            updated_at: cx.now,
        })
    }
}

impl Update for JwtTemplate {
    type Params = TemplateBody;

    fn update(
        &mut self,
        others: &[Self],
        cx: &Context<'_>,
        body: TemplateBody,
    ) -> Result<(), ApiError> {
        let c = check(body, others)?;
        self.name = c.name;
        self.claims = c.claims;
        self.lifetime = c.lifetime;
        self.allowed_clock_skew = c.allowed_clock_skew;
        self.custom_signing_key = c.custom_signing_key;
        self.signing_algorithm = c.signing_algorithm;
        self.updated_at = cx.now;
        Ok(())
    }
}

/// The routes of JWT templates.
pub(super) fn routes() -> Router<Shared> {
    type Row = JwtTemplate;
    Router::new()
        .route("/jwt_templates", get(list::<Row>).post(create::<Row>))
        .route(
            "/jwt_templates/{id}",
            get(fetch::<Row>).patch(update::<Row>).delete(remove::<Row>),
        )
}

/// The template's claims with every shortcode filled in from `context` (an object such as
/// `{"user": {...}, "org": {...}, "org_membership": {...}, "session": {...}}`).
///
/// A string that is one shortcode and nothing else (`"{{user.public_metadata}}"`) becomes
/// the value itself, of whatever JSON type; shortcodes inside a longer string are written
/// into it as text. A path that leads nowhere is `null`, and `{{a || b || 'text'}}` takes
/// the first alternative that is not `null`.
pub(super) fn fill(claims: &Metadata, context: &Value) -> Metadata {
    claims
        .iter()
        .map(|(k, v)| (k.clone(), fill_value(v, context)))
        .collect()
}

fn fill_value(value: &Value, context: &Value) -> Value {
    match value {
        Value::String(s) => fill_string(s, context),
        Value::Array(items) => Value::Array(items.iter().map(|v| fill_value(v, context)).collect()),
        Value::Object(map) => Value::Object(fill(map, context)),
        other => other.clone(),
    }
}

fn fill_string(s: &str, context: &Value) -> Value {
    let trimmed = s.trim();
    if let Some(inner) = trimmed
        .strip_prefix("{{")
        .and_then(|rest| rest.strip_suffix("}}"))
    {
        if !inner.contains("{{") && !inner.contains("}}") {
            return evaluate(inner, context);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        match evaluate(&rest[start + 2..start + 2 + len], context) {
            Value::Null => {}
            Value::String(text) => out.push_str(&text),
            other => out.push_str(&other.to_string()),
        }
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    Value::String(out)
}

/// One shortcode's value: alternatives split by `||`, each a dotted path or a quoted
/// literal.
fn evaluate(expression: &str, context: &Value) -> Value {
    for alternative in expression.split("||").map(str::trim) {
        let literal = alternative
            .strip_prefix('\'')
            .and_then(|a| a.strip_suffix('\''))
            .or_else(|| {
                alternative
                    .strip_prefix('"')
                    .and_then(|a| a.strip_suffix('"'))
            });
        let value = match literal {
            Some(text) => Value::String(text.to_owned()),
            None => alternative
                .split('.')
                .try_fold(context, |at, key| at.get(key))
                .cloned()
                .unwrap_or(Value::Null),
        };
        if !value.is_null() {
            return value;
        }
    }
    Value::Null
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::fill;

    #[test]
    fn whole_shortcodes_keep_their_type_and_embedded_ones_become_text() {
        let context = json!({
            "user": {"id": "user_1", "first_name": "Ada", "public_metadata": {"plan": "pro", "seats": 3}},
            "org": {"role": null},
        });
        let claims = json!({
            "uid": "{{user.id}}",
            "meta": "{{ user.public_metadata }}",
            "seats": "{{user.public_metadata.seats}}",
            "greeting": "Hi {{user.first_name}}, {{user.public_metadata.seats}} seats{{org.role}}",
            "nested": {"list": ["{{user.public_metadata.plan}}", 1]},
            "missing": "{{user.nope.deeper}}",
            "fallback": "{{org.role || 'none'}}",
            "plain": "no {{ code",
        });
        let filled = fill(claims.as_object().expect("object"), &context);
        assert_eq!(
            serde_json::Value::Object(filled),
            json!({
                "uid": "user_1",
                "meta": {"plan": "pro", "seats": 3},
                "seats": 3,
                "greeting": "Hi Ada, 3 seats",
                "nested": {"list": ["pro", 1]},
                "missing": null,
                "fallback": "none",
                "plain": "no {{ code",
            })
        );
    }
}
