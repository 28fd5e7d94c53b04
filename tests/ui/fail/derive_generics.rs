#[derive(clerk_macros::Deserialize)]
struct Wrapper<T> {
    data: Vec<T>,
}

fn main() {}
