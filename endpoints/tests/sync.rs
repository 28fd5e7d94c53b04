//! The committed `inventory.tsv` is what `endpoints sync` makes of the spec.

use std::path::Path;

use endpoints::inventory::COMMITTED_TSV;
use endpoints::Spec;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/spec/bapi-2026-05-12.yml"
);

#[test]
fn committed_inventory_is_in_sync_with_the_spec() {
    let path = Path::new(SPEC);
    if !path.is_file() {
        eprintln!("skipped: spec not found at {}", path.display());
        return;
    }
    let spec = Spec::read(path).expect("spec parses");
    let generated = spec.inventory().expect("spec makes an inventory").to_tsv();
    assert!(
        generated == COMMITTED_TSV,
        "inventory.tsv is out of date: run `cargo run -p endpoints -- sync {}`",
        path.display()
    );
}
