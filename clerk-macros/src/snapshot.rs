//! Expansion snapshots for the macros' unit tests: an expansion is pretty-printed and compared
//! with the committed file under `snapshots/`; `UPDATE_SNAPSHOTS=1` rewrites it.

use proc_macro2::TokenStream;

pub(crate) fn assert_snapshot(name: &str, tokens: TokenStream) {
    let file: syn::File =
        syn::parse2(tokens).unwrap_or_else(|e| panic!("expansion does not parse: {e}"));
    let pretty = prettyplease::unparse(&file);
    let path = format!(
        "{}/snapshots/{name}.expanded.rs",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &pretty).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(
        pretty, expected,
        "expansion of {name} changed; rerun with UPDATE_SNAPSHOTS=1 if intended"
    );
}
