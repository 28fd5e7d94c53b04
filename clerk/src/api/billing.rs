//! Billing: plans, prices, statements and subscription items.

clerk_macros::endpoints! {
    /// Billing: plans, prices, statements and subscription items.
    Billing {
    }
}
