//! Emails: the retired endpoint that had Clerk send an email to a user.

use crate::models::{CreateEmailParams, Email};

clerk_macros::endpoints! {
    /// Emails sent through Clerk (retired).
    Emails {
        /// Queue an email to one of a user's email addresses.
        #[deprecated(note = "retired by Clerk; not part of any current Backend API version")]
        create = POST "/emails" json(CreateEmailParams) -> Email;
    }
}
