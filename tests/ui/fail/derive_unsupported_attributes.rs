// Every attribute serde's derive knows but this derive does not implement is reported, all
// in one compile.
#[derive(clerk_macros::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Model {
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
    #[serde(alias = "other")]
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fine: Option<String>,
}

fn main() {}
