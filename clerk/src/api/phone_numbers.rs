//! Phone numbers of users.

use crate::models::{
    AttemptCodeVerificationParams, CodeVerification, CreatePhoneNumberParams, DeletedObject,
    PhoneNumber, ReplacePhoneNumberParams, UpdatePhoneNumberParams,
};

clerk_macros::endpoints! {
    /// Phone numbers of users.
    PhoneNumbers {
        /// Add a phone number to a user.
        create = POST "/phone_numbers" json(CreatePhoneNumberParams) -> PhoneNumber;
        /// Fetch one phone number by id.
        get = GET "/phone_numbers/{phone_number_id}" -> PhoneNumber;
        /// Mark a phone number verified, primary or reserved for second factor.
        update = PATCH "/phone_numbers/{phone_number_id}" json(UpdatePhoneNumberParams) -> PhoneNumber;
        /// Remove a phone number from its user.
        delete = DELETE "/phone_numbers/{phone_number_id}" -> DeletedObject;
        /// Send a one-time code to a phone number; check it with `attempt_verification`.
        prepare_verification = POST "/phone_numbers/{phone_number_id}/prepare_verification" -> CodeVerification;
        /// Check a code sent by `prepare_verification`; a wrong code shows in the status,
        /// and a right one also verifies the number. Never creates a session.
        attempt_verification = POST "/phone_numbers/{phone_number_id}/attempt_verification" json(AttemptCodeVerificationParams) -> CodeVerification;
        /// Replace all phone numbers of a user with one primary number (verified by default,
        /// never reserved for second factor; MFA is turned off if the old one was).
        replace_for_user = PUT "/users/{user_id}/phone_number" json(ReplacePhoneNumberParams) -> PhoneNumber;
    }
}
