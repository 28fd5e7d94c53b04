//! The spec marks a few operations public (`security: []`); exactly those are declared
//! `#[unauthenticated]`, so the secret key goes everywhere it is needed and nowhere else.

use std::collections::BTreeSet;

use yaml_rust2::{Yaml, YamlLoader};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/spec/bapi-2026-05-12.yml"
);

/// `METHOD /path` of every operation whose `security` is an empty list.
fn public_operations() -> BTreeSet<String> {
    let text = std::fs::read_to_string(SPEC).expect("the spec beside the repository");
    let docs = YamlLoader::load_from_str(&text).expect("the spec is YAML");
    let paths = docs[0]["paths"].as_hash().expect("paths");
    let mut public = BTreeSet::new();
    for (path, item) in paths {
        let Some(operations) = item.as_hash() else {
            continue;
        };
        for (method, operation) in operations {
            if let Yaml::Array(security) = &operation["security"] {
                if security.is_empty() {
                    public.insert(format!(
                        "{} {}",
                        method.as_str().unwrap_or_default().to_uppercase(),
                        path.as_str().unwrap_or_default()
                    ));
                }
            }
        }
    }
    public
}

#[test]
fn unauthenticated_declarations_are_the_public_operations_of_the_spec() {
    let public = public_operations();
    assert!(
        public.contains("GET /public/interstitial"),
        "the spec changed: {public:?}"
    );
    let unauthenticated: BTreeSet<String> = clerk_backend::catalog::endpoints()
        .filter(|e| !e.authenticated)
        .map(|e| e.route())
        .collect();
    assert_eq!(unauthenticated, public);
}
