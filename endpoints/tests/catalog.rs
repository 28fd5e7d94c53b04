//! The real `clerk` catalog against the committed inventory.

use endpoints::{check, Inventory};

#[test]
fn catalog_matches_the_inventory() {
    let inventory = Inventory::committed().expect("committed inventory.tsv parses");
    let declared = endpoints::declared::clerk_catalog();
    let problems = check(&inventory, &declared);
    let report: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s) in the clerk catalog (spec {}):\n- {}",
        problems.len(),
        inventory.version(),
        report.join("\n- ")
    );
}
