#[derive(clerk_macros::Deserialize)]
struct Id(String);

fn main() {}
