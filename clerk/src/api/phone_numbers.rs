//! Phone numbers of users.

clerk_macros::endpoints! {
    /// Phone numbers of users.
    PhoneNumbers {
    }
}
