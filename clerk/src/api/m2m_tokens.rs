//! Machine-to-machine tokens issued to machines.
//!
//! These calls accept a machine's secret key in place of the instance secret key (build a
//! second [`Clerk`](crate::Clerk) with it); `create` requires one. With a machine key, only
//! that machine's tokens are visible.

use crate::models::{
    CreateM2mTokenParams, CreatedM2mToken, M2mToken, M2mTokenList, M2mTokenListParams,
    RevokeM2mTokenParams, VerifyM2mTokenParams,
};

clerk_macros::endpoints! {
    /// Machine-to-machine tokens issued to machines.
    M2mTokens {
        /// List the stored (opaque) tokens of one machine; JWT tokens are not stored.
        list = GET "/m2m_tokens" query(M2mTokenListParams) -> M2mTokenList;
        /// Issue a token for the machine whose secret key the client uses (an instance
        /// secret key is refused); the answer carries the token.
        #[secret]
        create = POST "/m2m_tokens" json(CreateM2mTokenParams) -> CreatedM2mToken;
        /// Check a token and return its details; an unknown token is an error. Check
        /// `revoked` and `expired` on the answer before trusting it.
        verify = POST "/m2m_tokens/verify" json(VerifyM2mTokenParams) -> M2mToken;
        /// Revoke an opaque token, optionally saying why (JWT tokens cannot be revoked).
        revoke = POST "/m2m_tokens/{m2m_token_id}/revoke" json(RevokeM2mTokenParams) -> M2mToken;
    }
}
