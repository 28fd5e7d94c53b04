//! Settings of the instance.

clerk_macros::endpoints! {
    /// Settings of the instance.
    InstanceSettings {
    }
}
