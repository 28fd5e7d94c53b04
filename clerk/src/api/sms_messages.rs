//! SMS messages: the retired endpoint that had Clerk send a text message to a user.

use crate::models::{CreateSmsMessageParams, SmsMessage};

clerk_macros::endpoints! {
    /// Text messages sent through Clerk (retired).
    SmsMessages {
        /// Queue a text message to one of a user's phone numbers.
        #[deprecated(note = "retired by Clerk; not part of any current Backend API version")]
        create = POST "/sms_messages" json(CreateSmsMessageParams) -> SmsMessage;
    }
}
