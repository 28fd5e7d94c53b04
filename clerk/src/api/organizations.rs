//! Organizations: groups of users sharing memberships, roles and invitations.

use crate::models::{
    CreateOrganizationParams, DeletedObject, GetOrganizationParams, Organization, OrganizationKey,
    OrganizationListParams, OrganizationLogo, UpdateOrganizationMetadataParams,
    UpdateOrganizationParams,
};
// An organization's billing: those operations need the `billing` family.
#[cfg(feature = "billing")]
use crate::models::{AdjustCreditBalanceParams, BillingSubscription, CreditBalance, CreditLedgerEntry};
use crate::Page;

clerk_macros::endpoints! {
    /// Organizations of the instance.
    Organizations {
        /// List organizations, newest first by default.
        list   = GET    "/organizations"                   query(OrganizationListParams)  -> Page<Organization>;
        /// Create an organization.
        create = POST   "/organizations"                   json(CreateOrganizationParams) -> Organization;
        /// Fetch one organization by id or by slug: pass an [`OrganizationKey`], or a `&str`
        /// that the server reads as an id when it starts with `org_` and as a slug otherwise.
        get(organization_id: OrganizationKey) = GET "/organizations/{organization_id}" query(GetOrganizationParams) -> Organization;
        /// Change an organization's name, slug, limits or role set.
        update = PATCH  "/organizations/{organization_id}" json(UpdateOrganizationParams) -> Organization;
        /// Delete an organization with its memberships and invitations; irreversible.
        delete = DELETE "/organizations/{organization_id}"                                -> DeletedObject;
        /// Deep-merge the given metadata into the organization's metadata (a key set to
        /// `null` is removed).
        update_metadata = PATCH "/organizations/{organization_id}/metadata" json(UpdateOrganizationMetadataParams) -> Organization;
        /// Replace the organization's public and/or private metadata with the given objects.
        replace_metadata = PUT "/organizations/{organization_id}/metadata" json(UpdateOrganizationMetadataParams) -> Organization;
        /// Upload a new logo for the organization.
        set_logo = PUT "/organizations/{organization_id}/logo" multipart(OrganizationLogo) -> Organization;
        /// Remove the organization's uploaded logo.
        delete_logo = DELETE "/organizations/{organization_id}/logo" -> Organization;
        /// The billing subscription of an organization, with its plans and next payment.
        #[cfg(feature = "billing")]
        get_billing_subscription = GET "/organizations/{organization_id}/billing/subscription" -> BillingSubscription;
        /// The credit balance of an organization.
        #[cfg(feature = "billing")]
        get_billing_credit_balance = GET "/organizations/{organization_id}/billing/credits" -> CreditBalance;
        /// Increase or decrease the credit balance of an organization; answers with the
        /// ledger entry recording the change.
        #[cfg(feature = "billing")]
        adjust_billing_credit_balance = POST "/organizations/{organization_id}/billing/credits" json(AdjustCreditBalanceParams) -> CreditLedgerEntry;
    }
}
