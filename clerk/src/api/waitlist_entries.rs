//! Entries of the instance's waitlist.

use crate::models::{
    CreateWaitlistEntryParams, DeletedObject, InviteWaitlistEntryParams, WaitlistEntry,
    WaitlistEntryListParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Entries of the instance's waitlist.
    WaitlistEntries {
        /// List waitlist entries, newest first by default.
        list = GET "/waitlist_entries" query(WaitlistEntryListParams) -> Page<WaitlistEntry>;
        /// Put an email address on the waitlist; an address already there answers with its
        /// existing entry.
        create = POST "/waitlist_entries" json(CreateWaitlistEntryParams) -> WaitlistEntry;
        /// Put up to 50 distinct email addresses on the waitlist in one call.
        create_bulk = POST "/waitlist_entries/bulk" json(Vec<CreateWaitlistEntryParams>) -> Vec<WaitlistEntry>;
        /// Delete a pending waitlist entry.
        delete = DELETE "/waitlist_entries/{waitlist_entry_id}" -> DeletedObject;
        /// Invite the person behind a waitlist entry to sign up.
        invite = POST "/waitlist_entries/{waitlist_entry_id}/invite" json(InviteWaitlistEntryParams) -> WaitlistEntry;
        /// Reject a waitlist entry.
        reject = POST "/waitlist_entries/{waitlist_entry_id}/reject" -> WaitlistEntry;
    }
}
