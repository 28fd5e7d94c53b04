//! Actor tokens for signing in as another user (impersonation).

use crate::models::{ActorToken, CreateActorTokenParams};

clerk_macros::endpoints! {
    /// Actor tokens for signing in as another user (impersonation).
    ActorTokens {
        /// Create a token with which the actor signs in as the user; the answer carries the
        /// token and its link.
        #[secret]
        create = POST "/actor_tokens" json(CreateActorTokenParams) -> ActorToken;
        /// Revoke a pending actor token so it can no longer be used.
        #[secret]
        revoke = POST "/actor_tokens/{actor_token_id}/revoke" -> ActorToken;
    }
}
