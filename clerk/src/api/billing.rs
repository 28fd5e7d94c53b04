//! Billing: plans, prices, statements and subscription items.
//!
//! The billing of one user or organization (its subscription and credit balance) is on
//! [`Users`](crate::api::Users) and [`Organizations`](crate::api::Organizations).

use crate::models::{
    ApplyDiscountParams, BillingDiscountRedemption, BillingPaymentAttempt,
    BillingPaymentAttemptListParams, BillingPlan, BillingPlanListParams, BillingPrice,
    BillingPriceListParams, BillingPriceTransition, BillingStatement, BillingStatementListParams,
    BillingSubscriptionItem, BillingSubscriptionItemDetails, BillingSubscriptionItemListParams,
    CancelBillingSubscriptionItemParams, CreateBillingPriceParams, CreatePriceTransitionParams,
    ExtendFreeTrialParams,
};
use crate::Page;

clerk_macros::endpoints! {
    /// Billing: plans, prices, statements and subscription items.
    Billing {
        /// List the billing plans of the instance, free and paid, newest first.
        list_plans = GET "/billing/plans" query(BillingPlanListParams) -> Page<BillingPlan>;
        /// List the prices of the instance, default and custom, cheapest first.
        list_prices = GET "/billing/prices" query(BillingPriceListParams) -> Page<BillingPrice>;
        /// Create a custom price for a plan, e.g. for one customer.
        create_price = POST "/billing/prices" json(CreateBillingPriceParams) -> BillingPrice;

        /// List the billing statements of the instance, newest first.
        list_statements = GET "/billing/statements" query(BillingStatementListParams) -> Page<BillingStatement>;
        /// Fetch one billing statement.
        get_statement = GET "/billing/statements/{statementID}" -> BillingStatement;
        /// List the payment attempts of one statement, newest first.
        list_statement_payment_attempts = GET "/billing/statements/{statementID}/payment_attempts" query(BillingPaymentAttemptListParams) -> Page<BillingPaymentAttempt>;

        /// List the subscription items of users and organizations, newest first.
        list_subscription_items = GET "/billing/subscription_items" query(BillingSubscriptionItemListParams) -> Page<BillingSubscriptionItem>;
        /// Cancel a subscription item, right away or at the end of its billing period.
        cancel_subscription_item = DELETE "/billing/subscription_items/{subscription_item_id}" query(CancelBillingSubscriptionItemParams) -> BillingSubscriptionItem;
        /// Apply an existing discount to a subscription item, replacing its active one
        /// (re-applying the active discount is a 409 conflict).
        apply_subscription_item_discount = POST "/billing/subscription_items/{subscription_item_id}/discounts" json(ApplyDiscountParams) -> BillingDiscountRedemption;
        /// Remove the active discount of a subscription item; `discount_id` must be that one.
        remove_subscription_item_discount = DELETE "/billing/subscription_items/{subscription_item_id}/discounts/{discount_id}" -> BillingDiscountRedemption;
        /// Extend the free trial of a subscription item to a later date (idempotent).
        extend_subscription_item_free_trial = POST "/billing/subscription_items/{subscription_item_id}/extend_free_trial" json(ExtendFreeTrialParams) -> BillingSubscriptionItemDetails;
        /// Move a subscription item to another price, now or at the end of the period.
        create_price_transition = POST "/billing/subscription_items/{subscription_item_id}/price_transition" json(CreatePriceTransitionParams) -> BillingPriceTransition;
    }
}
