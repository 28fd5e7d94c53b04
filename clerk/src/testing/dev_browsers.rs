//! What browsers hold of a development instance: dev browsers (the `__clerk_db_jwt` that
//! stands for one browser, bound to at most one client), the refresh tokens of
//! `__refresh_<suffix>` cookies, and the `__client_uat` each client was last given.
//!
//! A client is still the sessions that share a `client_id` (see `clients.rs`): a dev browser
//! only names the client, and the client's sessions say whether the browser is signed in.

use std::collections::HashMap;

use super::ids::new_id;

/// Dev browsers, refresh tokens and client timestamps.
#[derive(Debug, Default)]
pub(crate) struct Table {
    /// Dev browser token → the client it is signed in with, if any.
    browsers: HashMap<String, Option<String>>,
    /// Refresh token → the session it refreshes.
    refresh_tokens: HashMap<String, String>,
    /// Client id → the `__client_uat` (unix seconds) it was last given.
    client_uat: HashMap<String, i64>,
}

impl Table {
    /// The dev browser `token` and its client; a new dev browser with no client when
    /// `token` is absent or unknown, as the Frontend API starts one for a new browser.
    pub(super) fn open(&mut self, token: Option<&str>) -> (String, Option<String>) {
        if let Some((token, client)) = token.and_then(|t| self.browsers.get_key_value(t)) {
            return (token.clone(), client.clone());
        }
        (self.create(None), None)
    }

    /// A new dev browser (`dvb_...`) bound to `client_id`, or to no client.
    pub(super) fn create(&mut self, client_id: Option<String>) -> String {
        let token = new_id("dvb");
        self.browsers.insert(token.clone(), client_id);
        token
    }

    /// The client the dev browser `token` is bound to.
    pub(super) fn client_of(&self, token: &str) -> Option<&str> {
        self.browsers.get(token).and_then(Option::as_deref)
    }

    /// A new refresh token (`rt_...`) for `session_id`.
    pub(super) fn issue_refresh_token(&mut self, session_id: &str) -> String {
        let token = new_id("rt");
        self.refresh_tokens
            .insert(token.clone(), session_id.to_owned());
        token
    }

    /// Whether `token` is a refresh token issued for `session_id`.
    pub(super) fn refreshes(&self, token: &str, session_id: &str) -> bool {
        self.refresh_tokens
            .get(token)
            .is_some_and(|s| s == session_id)
    }

    /// Records `uat` as the `__client_uat` of `client_id` and answers it.
    pub(super) fn stamp(&mut self, client_id: &str, uat: i64) -> i64 {
        self.client_uat.insert(client_id.to_owned(), uat);
        uat
    }
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn unknown_dev_browsers_are_replaced_and_refresh_tokens_are_per_session() {
        let mut table = Table::default();
        let bound = table.create(Some("client_1".to_owned()));
        assert_eq!(
            table.open(Some(&bound)),
            (bound.clone(), Some("client_1".to_owned()))
        );
        let (fresh, client) = table.open(Some("dvb_unknown"));
        assert!(fresh.starts_with("dvb_") && fresh != "dvb_unknown");
        assert_eq!(client, None);
        assert_eq!(table.client_of(&fresh), None);

        let token = table.issue_refresh_token("sess_1");
        assert!(token.starts_with("rt_"));
        assert!(table.refreshes(&token, "sess_1"));
        assert!(!table.refreshes(&token, "sess_2"));
        assert!(!table.refreshes("rt_other", "sess_1"));
    }
}
