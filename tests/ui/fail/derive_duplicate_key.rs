// Two fields read from the same JSON key: serde's derive silently fills the first one only.
#[derive(clerk_macros::Deserialize)]
struct Model {
    name: String,
    #[serde(rename = "name")]
    display_name: String,
}

fn main() {}
