//! API keys that your users create to call your own API.
//!
//! The spec names the path parameter `apiKeyID`; the methods take it as `api_key_id` (an
//! `ak_...` id).

use crate::models::{
    ApiKey, ApiKeyListParams, ApiKeySecret, CreateApiKeyParams, CreatedApiKey, DeletedObject,
    RevokeApiKeyParams, UpdateApiKeyParams, VerifyApiKeyParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// API keys that your users create to call your own API.
    ApiKeys {
        /// List the API keys of one user, organization or machine.
        list = GET "/api_keys" query(ApiKeyListParams) -> Page<ApiKey>;
        /// Create an API key; the answer carries its secret.
        #[secret]
        create = POST "/api_keys" json(CreateApiKeyParams) -> CreatedApiKey;
        /// Fetch one API key by id.
        get = GET "/api_keys/{apiKeyID}" -> ApiKey;
        /// Change the given fields of an API key.
        update = PATCH "/api_keys/{apiKeyID}" json(UpdateApiKeyParams) -> ApiKey;
        /// Delete an API key.
        delete = DELETE "/api_keys/{apiKeyID}" -> DeletedObject;
        /// Revoke an API key, optionally saying why; it stops verifying.
        revoke = POST "/api_keys/{apiKeyID}/revoke" json(RevokeApiKeyParams) -> ApiKey;
        /// Look up the key a secret belongs to; an unknown secret is an error. Check
        /// `revoked` and `expired` on the answer before trusting it.
        verify = POST "/api_keys/verify" json(VerifyApiKeyParams) -> ApiKey;
        /// Fetch the secret of an API key.
        #[secret]
        get_secret = GET "/api_keys/{apiKeyID}/secret" -> ApiKeySecret;
    }
}
