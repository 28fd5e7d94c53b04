// The Serialize derive reports what it does not implement, naming itself.
#[derive(clerk_macros::Serialize)]
struct Model {
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
    #[serde(serialize_with = "custom")]
    name: String,
}

#[derive(clerk_macros::Serialize)]
enum Kind {
    A,
}

fn main() {}
