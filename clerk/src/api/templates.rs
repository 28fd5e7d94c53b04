//! Email and SMS templates (deprecated by Clerk).

clerk_macros::endpoints! {
    /// Email and SMS templates (deprecated by Clerk).
    Templates {
    }
}
