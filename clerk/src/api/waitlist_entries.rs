//! Entries of the instance's waitlist.

clerk_macros::endpoints! {
    /// Entries of the instance's waitlist.
    WaitlistEntries {
    }
}
