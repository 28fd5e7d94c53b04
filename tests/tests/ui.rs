//! Compile-time behaviour of the `endpoints!` macro: what compiles, and every error it raises.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
