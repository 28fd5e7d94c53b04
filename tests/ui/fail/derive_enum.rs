#[derive(clerk_macros::Deserialize)]
enum Status {
    Active,
}

fn main() {}
