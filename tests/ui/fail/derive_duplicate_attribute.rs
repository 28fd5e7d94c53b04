#[derive(clerk_macros::Deserialize)]
#[serde(deny_unknown_fields, deny_unknown_fields)]
struct Model {
    #[serde(rename = "a", rename = "b")]
    name: String,
    #[serde(default)]
    #[serde(default = "zero")]
    count: i64,
}

fn zero() -> i64 {
    0
}

fn main() {}
