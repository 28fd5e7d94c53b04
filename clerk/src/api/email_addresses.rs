//! Email addresses of users.

use crate::models::{
    AttemptCodeVerificationParams, CodeVerification, CreateEmailAddressParams, DeletedObject,
    EmailAddress, ReplaceEmailAddressParams, UpdateEmailAddressParams,
};

clerk_macros::endpoints! {
    /// Email addresses of users.
    EmailAddresses {
        /// Add an email address to a user.
        create = POST "/email_addresses" json(CreateEmailAddressParams) -> EmailAddress;
        /// Fetch one email address by id.
        get = GET "/email_addresses/{email_address_id}" -> EmailAddress;
        /// Mark an email address verified or primary.
        update = PATCH "/email_addresses/{email_address_id}" json(UpdateEmailAddressParams) -> EmailAddress;
        /// Remove an email address from its user.
        delete = DELETE "/email_addresses/{email_address_id}" -> DeletedObject;
        /// Send a one-time code to an email address; check it with `attempt_verification`.
        prepare_verification = POST "/email_addresses/{email_address_id}/prepare_verification" -> CodeVerification;
        /// Check a code sent by `prepare_verification`; a wrong code shows in the status,
        /// and a right one also verifies the address. Never creates a session.
        attempt_verification = POST "/email_addresses/{email_address_id}/attempt_verification" json(AttemptCodeVerificationParams) -> CodeVerification;
        /// Replace all email addresses of a user with one primary address (verified by
        /// default); fails when an existing address is linked to a connected account.
        replace_for_user = PUT "/users/{user_id}/email_address" json(ReplaceEmailAddressParams) -> EmailAddress;
    }
}
