#[derive(clerk_macros::Deserialize)]
struct Model {
    #[serde(deserialize_with = "not a path")]
    name: String,
    #[serde(default = 5)]
    count: i64,
}

fn main() {}
